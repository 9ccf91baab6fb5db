/**
 * Reusing pages from the last build. A reusable route hands its paths through
 * `reusablePaths`, which leaves out every page whose key is the one it had when it last
 * rendered and whose file the last build left in the output folder
 * (src/integrations/kept-output.ts keeps it): Astro never renders it, and its file stays
 * as it is. The pages that are left in render as usual, and record what they read
 * (page-inputs.ts); after the build, `buildRecord` gives the integration what every page
 * of the reusable routes read, to be saved for the next build.
 *
 * A page is unchanged (page-keys.ts) when no input it read when it last rendered has
 * changed value, and neither has what holds it together: its props, the code that
 * renders it (the name of its route's bundle, which changes with the route's code and
 * with every module it imports, Rolldown naming each bundle by a digest of its content
 * and of its imports'), the site's stylesheet (every page links to it), the site's
 * configuration and the packages installed. Which inputs changed is worked out once a
 * build (`changedInputs`): the fields of the records whose digest changed, and the other
 * inputs (lists, shared values, bodies), each compared with its term of the last build.
 *
 * State lives in one well-known global slot: the integration and the pages are separate
 * module instances of one process.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { contextDigest, inputTerms, originOf, propsDigest, recordDigests, sameTerm, type InputSource, type InputTerm } from './page-keys.ts';
import { continueNumbering, expectPage, inputKeys, isRecording, pageId, renderedPages } from './page-inputs.ts';
import { unchangedSinceLastBuild } from './output-record.ts';
import { NO_TRACES, type TracedPage, type Traces } from './traces.ts';

/** What a build is made with besides its content and its routes' code. */
export interface BuildSettings {
	/** The folder the build writes, kept between builds. */
	outDir: string;
	/** A digest of the configuration the pages are built with (origin, base path, URL format). */
	config: string;
	/** A digest of the packages installed (the lockfile). */
	packages: string;
}

/** A page of a reusable route, as this build found it. */
interface PathRecord {
	/** The digest of what holds it together besides its inputs: the code, the build's settings, the props. */
	context: string;
	/** Its output file, relative to the output folder. */
	file: string;
}

interface Slot {
	/** What each page read when it last rendered, from the cache folder. */
	previous: Traces;
	settings?: BuildSettings | undefined;
	/** The pages of the reusable routes that render in this build, by page id. */
	rendering: Map<string, PathRecord>;
	/** The pages left as the last build wrote them, by page id. */
	reused: Map<string, TracedPage>;
	/** Each input's term, from its current value, once the model is built. */
	termOf?: ((key: string) => InputTerm) | undefined;
	/** Every record's digest now, by origin, once the model is built. */
	records?: Map<string, string> | undefined;
	/** Which of the last build's inputs changed value, by place, worked out once. */
	changed?: Uint8Array | undefined;
	/** The names of the site's stylesheet files, which every page links to. */
	stylesheets?: string | undefined;
}

const SLOT = Symbol.for('zuckerberg-asia-tour.page-reuse');

function slot(): Slot {
	const holder = globalThis as { [SLOT]?: Slot };
	holder[SLOT] ??= { previous: NO_TRACES, rendering: new Map(), reused: new Map() };
	return holder[SLOT];
}

/** Starts a build: what the last build's pages read (none for a first build), and what it is made with. */
export function startReuse(previous: Traces, settings: BuildSettings): void {
	const state = slot();
	state.previous = previous;
	state.settings = settings;
	state.rendering = new Map();
	state.reused = new Map();
	state.termOf = undefined;
	state.records = undefined;
	state.changed = undefined;
	state.stylesheets = undefined;
	continueNumbering(previous.keys);
}

/** Tells the keys where the inputs' current values come from (src/data.ts, once the model is built). */
export function setInputSource(source: InputSource): void {
	const state = slot();
	state.termOf = inputTerms(source);
	state.records = isRecording() ? recordDigests(source.model) : undefined;
	state.changed = undefined;
}

/** An input's term in a page's key, from its current value. */
function termOf(key: string): InputTerm {
	const termOf = slot().termOf;
	if (!termOf) throw new Error('The pages were given keys before the model was built (setInputSource in src/data.ts).');
	return termOf(key);
}

/** Whether the input `key` is as it was when the last build gave it `term`: its record unchanged, or its value's term the same. */
function unchanged(key: string, term: InputTerm | undefined): boolean {
	const state = slot();
	const origin = originOf(key);
	if (origin !== undefined) {
		const before = state.previous.records.get(origin);
		if (before !== undefined && before === state.records?.get(origin)) return true;
	}
	return sameTerm(term, termOf(key));
}

/** Which of the last build's inputs changed value since (1 at the place of each), worked out once a build. */
function changedInputs(): Uint8Array {
	const state = slot();
	if (!state.changed) {
		const { keys, terms } = state.previous;
		state.changed = new Uint8Array(keys.length);
		keys.forEach((key, index) => {
			if (!unchanged(key, terms[index])) (state.changed as Uint8Array)[index] = 1;
		});
	}
	return state.changed;
}

/**
 * The names of the stylesheet files the build made (`_astro/style.<hash>.css`): every
 * page links to them, and their names change with any style of any component, which a
 * route's own bundle does not hold. Vite has written them by the time pages are made.
 */
function stylesheets(outDir: string): string {
	const state = slot();
	if (state.stylesheets === undefined) {
		let names: string[] = [];
		try {
			names = readdirSync(path.join(outDir, '_astro')).filter((name) => name.endsWith('.css')).sort();
		} catch {
			names = [];
		}
		state.stylesheets = names.join(' ');
	}
	return state.stylesheets;
}

/**
 * The file a page of `route` is written to, relative to the output folder: a route
 * whose last segment has an extension (`/previews/[name].png`) is that file; any other
 * is a folder's `index.html` (`build.format: 'directory'`).
 */
export function outputFile(route: string, params: Record<string, string | number | undefined>): string {
	const filled = route.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, (_, name: string) => String(params[name] ?? '')).replace(/^\/+/, '');
	return /\.[a-z0-9]+$/i.test(filled) ? filled : path.posix.join(filled, 'index.html');
}

interface StaticPath {
	params: Record<string, string | number | undefined>;
	props?: unknown;
}

/**
 * A reusable route's paths, less those whose pages are unchanged since the last build:
 * `route` is its pattern as Astro names it (`/articles/[id]`, as the middleware sees it
 * in `routePattern`), `moduleUrl` the route's own `import.meta.url` (its bundle). While
 * no build records (the dev server), every path.
 */
export function reusablePaths<Path extends StaticPath>(route: string, moduleUrl: string, paths: Path[]): Path[] {
	const state = slot();
	if (!isRecording() || !state.settings) return paths;
	const { outDir, config, packages } = state.settings;
	const { pages } = state.previous;
	const code = path.posix.basename(new URL(moduleUrl).pathname);
	const shared = [code, stylesheets(outDir), config, packages];
	const changed = changedInputs();
	return paths.filter((each) => {
		const id = pageId(route, each.params);
		const file = outputFile(route, each.params);
		const context = contextDigest([...shared, propsDigest(each.props)]);
		const traced = pages.get(id);
		if (traced && traced.file === file && traced.context === context && traced.inputs.every((index) => changed[index] === 0) && unchangedSinceLastBuild(file)) {
			state.reused.set(id, traced);
			return false;
		}
		state.rendering.set(id, { context, file });
		expectPage(id);
		return true;
	});
}

/** What the integrations need of this build's reusable pages once they are written. */
export interface BuildRecord {
	/** What every page of the reusable routes read, by page id: to be saved for the next build. */
	traces: Traces;
	/** The pages left as the last build wrote them. */
	reused: TracedPage[];
	/** How many pages of the reusable routes rendered. */
	rendered: number;
}

/**
 * Every page of the reusable routes in this build with what it read: those that
 * rendered, from this build's record, with their keys from the inputs' values now; and
 * those left as they were, from the last build's record (they read the same).
 */
export function buildRecord(): BuildRecord {
	const state = slot();
	const { previous } = state;
	// The keys of this build's inputs: the last build's first, at the numbers they had
	// (`startReuse` continued its numbering), then those read for the first time.
	const keys = inputKeys();
	const pages = new Map<string, TracedPage>();
	let rendered = 0;
	for (const [id, page] of renderedPages()) {
		const record = state.rendering.get(id);
		if (!record) continue;
		pages.set(id, { pathname: page.pathname, file: record.file, inputs: [...page.inputs], searchable: page.searchable, context: record.context });
		rendered++;
	}
	for (const [id, page] of state.reused) pages.set(id, page);
	// Each key's term now: the last build's, where the input has not changed, else worked out.
	const changed = previous.keys.length > 0 ? changedInputs() : new Uint8Array();
	const terms = keys.map((key, place) => (place < previous.keys.length && changed[place] !== 1 ? previous.terms[place] : undefined) ?? termOf(key));
	const traces = withoutUnreadKeys({ keys, terms, records: state.records ?? new Map(), pages });
	return { traces, reused: [...state.reused.keys()].map((id) => traces.pages.get(id) as TracedPage), rendered };
}

/**
 * `traces` without the keys no page reads any more (a deleted article's fields), once
 * they are more than `share` of all: the keys left are numbered again, in the order they
 * had, and every page's inputs with them. Below that share, `traces` as it is, so that
 * most builds renumber nothing.
 */
export function withoutUnreadKeys(traces: Traces, share = 0.25): Traces {
	const read = new Uint8Array(traces.keys.length);
	let count = 0;
	for (const page of traces.pages.values()) {
		for (const number of page.inputs) {
			if (read[number] === 0) count++;
			read[number] = 1;
		}
	}
	if (traces.keys.length - count <= traces.keys.length * share) return traces;
	const places = new Uint32Array(traces.keys.length);
	const keys: string[] = [];
	const terms: InputTerm[] = [];
	traces.keys.forEach((key, number) => {
		if (read[number] === 0) return;
		places[number] = keys.length;
		keys.push(key);
		terms.push(traces.terms[number] as InputTerm);
	});
	const pages = new Map([...traces.pages].map(([id, page]) => [id, { ...page, inputs: Uint32Array.from(page.inputs, (number) => places[number] as number) }] as const));
	return { keys, terms, records: traces.records, pages };
}

/** The pages left as the last build wrote them: their files (relative to the output folder) and addresses. */
export function reusedPages(): TracedPage[] {
	return [...slot().reused.values()];
}
