/**
 * Reusing pages from the last build. Astro's incremental build
 * (`experimental.incrementalBuild`) takes a page from its cache instead of rendering it
 * when the page's `cacheKey` and the digest of its module graph are those of the last
 * build. This gives each page of a reusable route its key (`reusablePaths`), made from
 * what it read when it last rendered (page-keys.ts), and after the build tells the
 * integration what each page read this time, to be saved for the next (`builtPages`).
 *
 * One wrinkle: Astro keeps the key a route gave before the page rendered. A page that
 * renders for the first time has no inputs on record yet, so its key cannot be the one
 * the next build will give it; after the build, the integration writes each rendered
 * page's true key into Astro's cache record, so that the next build can reuse it.
 *
 * State lives in one well-known global slot: the integration and the pages are separate
 * module instances of one process.
 */
import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { inputTerms, pageKey, propsDigest, type InputSource, type InputTerm } from './page-keys.ts';
import { expectPage, inputKeys, isRecording, pageId, renderedPages } from './page-inputs.ts';
import type { TracedPage, Traces } from './traces.ts';

interface Slot {
	/** What each page read when it last rendered, from the cache folder. */
	previous: Traces;
	/** The pages the reusable routes gave this build, by page id, with their props' digests. */
	paths: Map<string, { props: string }>;
	/** Each input's term in a page's key, from its current value, once the model is built. */
	termOf?: ((key: string) => InputTerm) | undefined;
	/** Makes the key of a page with no inputs on record unlike any key of any build. */
	nonce: string;
	/** The folder the build writes, where Vite has put the stylesheet by the time pages are made. */
	outDir?: string | undefined;
	/** The names of the site's stylesheet files, which every page links to. */
	stylesheets?: string | undefined;
}

const SLOT = Symbol.for('zuckerberg-asia-tour.page-reuse');

function slot(): Slot {
	const holder = globalThis as { [SLOT]?: Slot };
	holder[SLOT] ??= { previous: { keys: [], pages: new Map() }, paths: new Map(), nonce: randomUUID() };
	return holder[SLOT];
}

/**
 * Starts a build: what the last build's pages read (none for a first build), and the
 * folder it writes to.
 */
export function startReuse(previous: Traces, outDir: string): void {
	const state = slot();
	state.previous = previous;
	state.outDir = outDir;
	state.stylesheets = undefined;
	state.paths = new Map();
	state.termOf = undefined;
	state.nonce = randomUUID();
}

/** Tells the keys where the inputs' current values come from (src/data.ts, once the model is built). */
export function setInputSource(source: InputSource): void {
	slot().termOf = inputTerms(source);
}

/** An input's term in a page's key, from its current value. */
function termOf(key: string): InputTerm {
	const termOf = slot().termOf;
	if (!termOf) throw new Error('The pages were given keys before the model was built (setInputSource in src/data.ts).');
	return termOf(key);
}

/**
 * The names of the stylesheet files the build made (`_astro/style.<hash>.css`): every
 * page links to them, and their names change with any style of any component, which
 * a page's own module graph does not see. So they are part of every page's key.
 */
function stylesheets(): string {
	const state = slot();
	if (state.stylesheets === undefined) {
		let names: string[] = [];
		try {
			names = state.outDir ? readdirSync(path.join(state.outDir, '_astro')).filter((name) => name.endsWith('.css')).sort() : [];
		} catch {
			names = [];
		}
		state.stylesheets = names.join(' ');
	}
	return state.stylesheets;
}

interface StaticPath {
	params: Record<string, string | number | undefined>;
	props?: unknown;
}

/**
 * A reusable route's paths, each with its `cacheKey`: `route` is its pattern as Astro
 * names it (`/articles/[id]`, as the middleware sees it in `routePattern`). While no
 * build records (the dev server), the paths as they are.
 */
export function reusablePaths<Path extends StaticPath>(route: string, paths: Path[]): Array<Path & { cacheKey?: string }> {
	if (!isRecording()) return paths;
	const state = slot();
	const { keys, pages } = state.previous;
	return paths.map((path) => {
		const id = pageId(route, path.params);
		const props = `${stylesheets()} ${propsDigest(path.props)}`;
		state.paths.set(id, { props });
		expectPage(id);
		const traced = pages.get(id);
		const key = traced ? pageKey(traced.inputs.map((index) => termOf(keys[index] ?? '')), props) : `untraced-${state.nonce}`;
		return { ...path, cacheKey: key };
	});
}

/** What the integration needs of this build's pages once they are written. */
export interface BuildRecord {
	/** What every page of a reusable route read, by page id: to be saved for the next build. */
	traces: Traces;
	/** The key the next build will give each page rendered now if nothing it read changes, by address. */
	keys: Map<string, string>;
	/** The pages taken from the last build, which did not render. */
	reused: TracedPage[];
	rendered: number;
}

/**
 * Every page of the reusable routes in this build with what it read: those that
 * rendered, from this build's record, and those that did not, from the last build's
 * (they read the same).
 */
export function buildRecord(): BuildRecord {
	const state = slot();
	// The keys of this build's inputs, in the order they were first read, then those of the
	// last build's that only the reused pages read.
	const keys = [...inputKeys()];
	const places = new Map<string, number>();
	const placeOfPrevious: number[] = [];
	const carried = (index: number) => {
		let place = placeOfPrevious[index];
		if (place === undefined) {
			const key = state.previous.keys[index] ?? '';
			if (places.size === 0) keys.forEach((each, at) => places.set(each, at));
			place = places.get(key);
			if (place === undefined) {
				place = keys.length;
				keys.push(key);
				places.set(key, place);
			}
			placeOfPrevious[index] = place;
		}
		return place;
	};
	const terms: InputTerm[] = [];
	const term = (number: number) => (terms[number] ??= termOf(keys[number] ?? ''));
	const pages = new Map<string, TracedPage>();
	const pageKeys = new Map<string, string>();
	let rendered = 0;
	for (const [id, page] of renderedPages()) {
		const inputs = [...page.inputs];
		pages.set(id, { pathname: page.pathname, inputs, searchable: page.searchable });
		const path = state.paths.get(id);
		if (path) pageKeys.set(page.pathname, pageKey(inputs.map(term), path.props));
		rendered++;
	}
	const reused: TracedPage[] = [];
	for (const id of state.paths.keys()) {
		const previous = state.previous.pages.get(id);
		if (pages.has(id) || !previous) continue;
		const page = { ...previous, inputs: previous.inputs.map(carried) };
		pages.set(id, page);
		reused.push(page);
	}
	return { traces: { keys, pages }, keys: pageKeys, reused, rendered };
}
