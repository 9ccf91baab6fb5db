/**
 * Whether a page is as it was: digests of everything it was built from. Pure functions
 * of their arguments.
 *
 * A page is the same as when it last rendered if what holds it together is unchanged (its
 * route's code, the build's settings and its props: `contextDigest`, `propsDigest`) and
 * so is the value of each input it read then (`inputTerms`: a term per input, a digest
 * of its key and value): it then reads the same values in the same order, takes the same
 * branches, and comes out the same, byte for byte. A build keeps each input's term for
 * the next, with a digest of every record (`recordDigests`): the next build works out
 * again only the terms of the fields of records that changed.
 */
import { hash } from 'node:crypto';
import type { Mention, StoryModel } from '../model/types.ts';
import { idOf, recordOrigin, RECORD_KINDS, RECORD_LISTS, type RecordKind } from './page-inputs.ts';

/** Where the inputs' current values come from. */
export interface InputSource {
	/** The model itself, unwrapped. */
	model: StoryModel;
	/** The digest of a rendered body, or undefined where the entry has none. */
	bodyDigest(collection: string, id: string): string | undefined;
	/** A value registered with `shareInput`, by its key. */
	shared(key: string): unknown;
}

/** What stands for the value of an input that no longer exists (a record removed since). */
const MISSING = Symbol('missing');

/**
 * A value as JSON, maps as lists of their entries so that their contents count (the
 * model's one map, its names, is read whole). The model's records are plain data.
 */
function serialise(value: unknown): string {
	if (value === MISSING) return '\u0000missing';
	if (value instanceof Map) return JSON.stringify([...value]);
	return JSON.stringify(value) ?? 'undefined';
}

/** The current value of an input, by its key (see page-inputs.ts); `MISSING` where there is none. */
function valueOf(source: InputSource, key: string): unknown {
	const [space = '', ...rest] = key.split('/');
	const model = source.model as unknown as Record<string, unknown>;
	if (space === 'list' && (rest[0] ?? '') in RECORD_LISTS) {
		const kind: RecordKind = RECORD_LISTS[rest[0] as keyof typeof RECORD_LISTS];
		return (model[rest[0] as string] as Array<{ id?: string; anchor?: string }>).map((node) => idOf(kind, node));
	}
	if (space === 'model') return rest[0] !== undefined && rest[0] in model ? model[rest[0]] : MISSING;
	if (space === 'value') return source.shared(key) ?? MISSING;
	if (space === 'body') return source.bodyDigest(rest[0] ?? '', rest.slice(1).join('/')) ?? MISSING;
	if ((RECORD_KINDS as readonly string[]).includes(space) && rest.length >= 2) {
		const field = rest.at(-1) as string;
		const id = rest.slice(0, -1).join('/');
		try {
			const node = (model[space] as (id: string) => Record<string, unknown>)(id);
			return field in node ? node[field] : MISSING;
		} catch {
			return MISSING;
		}
	}
	return MISSING;
}

/** An input's part in a page's key: four words of a digest of its key and its current value. */
export type InputTerm = Uint32Array;

/**
 * Each input's term in a page's key, by key, from `source`: each worked out once, when a
 * page's key first needs it.
 */
export function inputTerms(source: InputSource): (key: string) => InputTerm {
	const known = new Map<string, InputTerm>();
	return (key) => {
		let term = known.get(key);
		if (term === undefined) {
			const bytes = hash('sha1', `${key}\u0000${serialise(valueOf(source, key))}`, 'buffer');
			known.set(key, (term = new Uint32Array(bytes.buffer, bytes.byteOffset, 4).slice()));
		}
		return term;
	};
}

/**
 * The digest of a page's props, as its route hands them over: plain data in full, and a
 * record of the model by its origin alone (`article/<id>`), since the page records each
 * field it reads of it. Props must be plain data (no map, set or class instance but a
 * record), or they could change without their digest changing.
 */
export function propsDigest(props: unknown): string {
	const text = JSON.stringify(props ?? null, function (this: unknown, _key, each: unknown) {
		const origin = recordOrigin(each);
		if (origin) return { record: origin };
		if (each instanceof Map || each instanceof Set) throw new Error('A reusable page takes plain data as props: no Map or Set.');
		return each;
	});
	return hash('sha1', text, 'base64');
}

/** The origin of a record's inputs (`article/<id>`): the part of a field's key before the field. */
export function originOf(key: string): string | undefined {
	const slash = key.indexOf('/');
	if (slash === -1 || !(RECORD_KINDS as readonly string[]).includes(key.slice(0, slash))) return undefined;
	return key.slice(0, key.lastIndexOf('/'));
}

/**
 * A digest of every record of the model, by its origin (`article/<id>`): a record whose
 * digest is unchanged has every field as it was, so no term of its fields need be worked
 * out again. One pass over the model. Each record is serialised whole but for what is a
 * function of an article's text, which stands for itself by a digest of that text: an
 * article's paragraphs (split from its body) and, in a country's, company's or person's
 * mentions, each sentence (the sentence of that article's paragraph that holds that
 * name). At 5,000 articles this serialises 30 MB instead of 170.
 */
export function recordDigests(model: StoryModel): Map<string, string> {
	const digests = new Map<string, string>();
	const bodies = new Map<string, string>();
	for (const article of model.articles) {
		const { body, paragraphs: _split, ...rest } = article;
		const bodyDigest = hash('sha1', body, 'base64');
		bodies.set(article.id, bodyDigest);
		digests.set(`article/${article.id}`, hash('sha1', `${JSON.stringify(rest)}\u0000${bodyDigest}`, 'base64'));
	}
	for (const [list, kind] of Object.entries(RECORD_LISTS) as Array<[keyof typeof RECORD_LISTS, RecordKind]>) {
		if (list === 'articles') continue;
		for (const node of model[list] as Array<{ id?: string; anchor?: string; mentions?: readonly Mention[] }>) {
			digests.set(`${kind}/${idOf(kind, node)}`, hash('sha1', node.mentions ? withMentionsByText(node, node.mentions, bodies) : JSON.stringify(node), 'base64'));
		}
	}
	return digests;
}

/** A record with mentions, serialised with each mention as its article, paragraph and name, and each article's text by its digest. */
function withMentionsByText(node: object, mentions: readonly Mention[], bodies: ReadonlyMap<string, string>): string {
	const { mentions: _mentions, ...rest } = node as { mentions: unknown };
	const texts = new Set<string>();
	const places = mentions.map(({ article, anchor, name }) => {
		texts.add(article);
		return `${article}\u0001${anchor}\u0001${name}`;
	});
	return [JSON.stringify(rest), places.join('\u0002'), [...texts].map((article) => bodies.get(article) ?? '').join('\u0002')].join('\u0000');
}

/** A digest of what a page's key holds besides its inputs: its route's code, the build's settings, its props. */
export function contextDigest(parts: readonly string[]): string {
	return hash('sha1', parts.join('\u0000'), 'base64');
}

/** Whether two terms are the same. */
export function sameTerm(a: InputTerm | undefined, b: InputTerm | undefined): boolean {
	return a !== undefined && b !== undefined && a[0] === b[0] && a[1] === b[1] && a[2] === b[2] && a[3] === b[3];
}
