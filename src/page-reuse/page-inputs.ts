/**
 * What each page reads while it renders: its inputs, recorded so that a later build can
 * tell whether the page would come out the same, and take it from the last build if so.
 *
 * An input is named by a key, one per thing a page can read:
 * - a field of a record of the model: `article/<id>/title`, `stop/<id>/articles`,
 *   `fact/<id>/sources` (the kinds are `RECORD_KINDS`);
 * - the order of a list of records: `list/articles` (the ids, in order; each record's
 *   fields are inputs of their own);
 * - any other part of the model, whole: `model/timeline`, `model/disputedFacts`;
 * - a value the pages share that is made once from the model (the route map, a preview
 *   image's card): `value/<name>`, registered with `shareInput`;
 * - a rendered body: `body/<collection>/<id>`.
 *
 * The pages read the model through `trackModel`, which hands out the records wrapped so
 * that reading a field records its key for the page being rendered (the middleware
 * names it, `beginPage`). Only the pages of reusable routes are recorded (`expectPage`):
 * the others render on every build. Reads outside a page (a route's `getStaticPaths`,
 * module set-up) record nothing: what a route hands its page as props is part of the
 * page's key instead (`propsDigest` in page-keys.ts). Nothing is recorded unless a build
 * turned recording on (`startRecording`): the dev server reads the model as it is.
 *
 * Keys are numbered as they are first read (`inputKeys` lists them by number), so a
 * page's record is a set of small numbers. State lives in one well-known global slot:
 * the integration that saves the inputs and the pages that record them are loaded as
 * separate module instances.
 */
import type { StoryModel } from '../model/types.ts';

/** The kinds of record the model looks up by id, with the lookup's name. */
export const RECORD_KINDS = ['article', 'stop', 'country', 'company', 'person', 'event', 'fact'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** The model's lists of records, each in its order, with the kind of its records. */
export const RECORD_LISTS = { articles: 'article', stops: 'stop', events: 'event', countries: 'country', companies: 'company', people: 'person', facts: 'fact' } as const;
type RecordList = keyof typeof RECORD_LISTS;

/** A page as the middleware names it: its route's pattern and its parameters. */
export interface PageName {
	route: string;
	params: Record<string, string | undefined>;
	/** The page's address, as Astro builds it. */
	pathname: string;
}

/** What one page read while it rendered. */
export interface PageInputs {
	pathname: string;
	/** The numbers of the keys it read (`inputKeys`). */
	inputs: Set<number>;
	/** Whether the page marked its own words for search (it is read back after the build). */
	searchable: boolean;
}

interface Slot {
	recording: boolean;
	/** The pages of reusable routes this build will render, by page id. */
	expected: Set<string>;
	current?: PageInputs | undefined;
	/** Every recorded page of this build, by page id. */
	rendered: Map<string, PageInputs>;
	/** Every key read, by number, and the number of each. */
	keys: string[];
	numbers: Map<string, number>;
	/** Values the pages share, made once from the model, by key. */
	shared: Map<string, unknown>;
}

const SLOT = Symbol.for('zuckerberg-asia-tour.page-inputs');

function slot(): Slot {
	const holder = globalThis as { [SLOT]?: Slot };
	holder[SLOT] ??= { recording: false, expected: new Set(), rendered: new Map(), keys: [], numbers: new Map(), shared: new Map() };
	return holder[SLOT];
}

/** The number of a key, given the first time it is asked for. */
function numberOf(key: string): number {
	const state = slot();
	let number = state.numbers.get(key);
	if (number === undefined) {
		number = state.keys.length;
		state.keys.push(key);
		state.numbers.set(key, number);
	}
	return number;
}

/** The keys of the inputs read in this build, each at its number. */
export function inputKeys(): readonly string[] {
	return slot().keys;
}

/** A page's id: its route and its parameters, in a fixed order. */
export function pageId(route: string, params: Record<string, string | number | undefined>): string {
	const sorted = Object.keys(params)
		.sort()
		.map((name) => [name, params[name] === undefined ? null : String(params[name])]);
	return `${route} ${JSON.stringify(sorted)}`;
}

/** Turns recording on for this build, and forgets what an earlier build in this process recorded. */
export function startRecording(): void {
	const state = slot();
	state.recording = true;
	state.expected = new Set();
	state.current = undefined;
	state.rendered = new Map();
	state.keys = [];
	state.numbers = new Map();
}

/**
 * Numbers the keys of the last build (`keys`, by number) as it did, before this build
 * reads any: a page left as the last build wrote it keeps its inputs' numbers as they
 * are, and the keys read for the first time are numbered after them.
 */
export function continueNumbering(keys: readonly string[]): void {
	const state = slot();
	state.keys = [...keys];
	state.numbers = new Map(keys.map((key, number) => [key, number] as const));
}

/** Whether this build records what its pages read. */
export function isRecording(): boolean {
	return slot().recording;
}

/** Asks for the page `id` of a reusable route to be recorded when it renders. */
export function expectPage(id: string): void {
	slot().expected.add(id);
}

/**
 * Names the page that renders next: every input read from now until the next call is
 * the page's. Astro renders one page at a time (`build.concurrency` 1), so no two
 * pages' reads interleave. A page of a route that is not reusable is not recorded.
 */
export function beginPage(page: PageName): void {
	const state = slot();
	if (!state.recording) return;
	const id = pageId(page.route, page.params);
	if (!state.expected.has(id)) {
		state.current = undefined;
		return;
	}
	const record: PageInputs = { pathname: page.pathname, inputs: new Set(), searchable: false };
	state.current = record;
	state.rendered.set(id, record);
}

/** Records that the page being rendered read `key`. */
export function readInput(key: string): void {
	const current = slot().current;
	if (current) current.inputs.add(numberOf(key));
}

/** Records that the page being rendered marked its own words for search. */
export function noteSearchable(): void {
	const current = slot().current;
	if (current) current.searchable = true;
}

/** The recorded pages of this build and what each read, by page id. */
export function renderedPages(): ReadonlyMap<string, PageInputs> {
	return slot().rendered;
}

/**
 * Registers a value that pages share, made once from the model: pages read it through
 * the returned wrapper, which records `value/<name>` as they do. The value is what a
 * later build's digest of the input is made from.
 */
export function shareInput<Value extends object>(name: string, value: Value): Value {
	const key = `value/${name}`;
	slot().shared.set(key, value);
	if (!slot().recording) return value;
	let number: number | undefined;
	return new Proxy(value, {
		get(target, property, receiver) {
			const current = slot().current;
			if (current) current.inputs.add((number ??= numberOf(key)));
			return Reflect.get(target, property, receiver);
		},
	});
}

/** A value registered with `shareInput`, by its key, if there is one. */
export function sharedValue(key: string): unknown {
	return slot().shared.get(key);
}

/** Where each wrapped record came from, so that props can name it instead of copying it. */
const origins = new WeakMap<object, string>();

/** The key of the record a wrapper stands for (`article/<id>`), if `value` is one. */
export function recordOrigin(value: unknown): string | undefined {
	return typeof value === 'object' && value !== null ? origins.get(value) : undefined;
}

/** A record wrapped so that reading a field records it; each field's key is numbered once. */
function wrapRecord<Node extends object>(origin: string, node: Node): Node {
	const prefix = `${origin}/`;
	const numbers = new Map<string, number>();
	const record = (field: string) => {
		const current = slot().current;
		if (!current) return;
		let number = numbers.get(field);
		if (number === undefined) numbers.set(field, (number = numberOf(prefix + field)));
		current.inputs.add(number);
	};
	const proxy = new Proxy(node, {
		get(target, property, receiver) {
			if (typeof property === 'string') record(property);
			return Reflect.get(target, property, receiver);
		},
		ownKeys(target) {
			// Copying or serialising a record reads all of it.
			for (const field of Reflect.ownKeys(target)) if (typeof field === 'string') record(field);
			return Reflect.ownKeys(target);
		},
	});
	origins.set(proxy, origin);
	return proxy;
}

/** The id a record is looked up by: an event's anchor, every other record's id. */
export function idOf(kind: RecordKind, node: { id?: string; anchor?: string }): string {
	return (kind === 'event' ? node.anchor : node.id) ?? '';
}

/**
 * The model as the pages read it: while a build records, every record it hands out is
 * wrapped so that reading a field records that field, every list records its order, and
 * every other part records itself whole. Otherwise the model itself.
 */
export function trackModel(model: StoryModel): StoryModel {
	if (!slot().recording) return model;
	const wrapped = new WeakMap<object, object>();
	const wrap = (kind: RecordKind, node: { id?: string; anchor?: string }) => {
		let proxy = wrapped.get(node);
		if (!proxy) wrapped.set(node, (proxy = wrapRecord(`${kind}/${idOf(kind, node)}`, node)));
		return proxy;
	};
	const lists = new Map<string, readonly object[]>();
	const lookups = new Map<string, (id: string) => object>();
	return new Proxy(model, {
		get(target, property, receiver) {
			if (typeof property !== 'string') return Reflect.get(target, property, receiver);
			if ((RECORD_KINDS as readonly string[]).includes(property)) {
				const kind = property as RecordKind;
				let lookup = lookups.get(kind);
				if (!lookup) {
					const find = target[kind] as (id: string) => { id?: string; anchor?: string };
					lookup = (id: string) => wrap(kind, find(id));
					lookups.set(kind, lookup);
				}
				return lookup;
			}
			if (property in RECORD_LISTS) {
				readInput(`list/${property}`);
				let list = lists.get(property);
				if (!list) {
					const kind = RECORD_LISTS[property as RecordList];
					list = Object.freeze((target[property as RecordList] as Array<{ id?: string; anchor?: string }>).map((node) => wrap(kind, node)));
					lists.set(property, list);
				}
				return list;
			}
			readInput(`model/${property}`);
			return Reflect.get(target, property, receiver);
		},
	});
}
