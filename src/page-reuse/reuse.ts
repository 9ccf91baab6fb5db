/**
 * Reusing pages from the last build. A reusable route hands its paths through
 * `reusablePaths`, which leaves out every page whose key is the one it had when it last
 * rendered and whose file the last build left in the output folder
 * (src/integrations/kept-output.ts keeps it): Astro never renders it, and its file stays
 * as it is. The pages that are left in render as usual, and record what they read
 * (page-inputs.ts); after the build, `buildRecord` gives the integration what every page
 * of the reusable routes read, to be saved for the next build.
 *
 * A page's key (page-keys.ts) is a digest of everything it is made from: the current
 * value of each input it read when it last rendered, its props, the code that renders it
 * (the name of its route's bundle, which changes with the route's code and with every
 * module it imports, Rolldown naming each bundle by a digest of its content and of its
 * imports'), the site's stylesheet (every page links to it), the site's configuration
 * and the packages installed.
 *
 * State lives in one well-known global slot: the integration and the pages are separate
 * module instances of one process.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { inputTerms, pageKey, propsDigest, type InputSource, type InputTerm } from './page-keys.ts';
import { expectPage, inputKeys, isRecording, pageId, renderedPages } from './page-inputs.ts';
import { unchangedSinceLastBuild } from './output-record.ts';
import type { TracedPage, Traces } from './traces.ts';

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
	/** What the key is made of besides the inputs: the code, the build's settings, the props. */
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
	/** Each input's term in a page's key, from its current value, once the model is built. */
	termOf?: ((key: string) => InputTerm) | undefined;
	/** The names of the site's stylesheet files, which every page links to. */
	stylesheets?: string | undefined;
}

const SLOT = Symbol.for('zuckerberg-asia-tour.page-reuse');

function slot(): Slot {
	const holder = globalThis as { [SLOT]?: Slot };
	holder[SLOT] ??= { previous: { keys: [], pages: new Map() }, rendering: new Map(), reused: new Map() };
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
	state.stylesheets = undefined;
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
	const { keys, pages } = state.previous;
	const code = path.posix.basename(new URL(moduleUrl).pathname);
	const shared = `${code}\u0000${stylesheets(outDir)}\u0000${config}\u0000${packages}`;
	return paths.filter((each) => {
		const id = pageId(route, each.params);
		const file = outputFile(route, each.params);
		const context = `${shared}\u0000${propsDigest(each.props)}`;
		const traced = pages.get(id);
		if (traced && traced.file === file && pageKey(traced.inputs.map((index) => termOf(keys[index] ?? '')), context) === traced.key && unchangedSinceLastBuild(file)) {
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
	let rendered = 0;
	for (const [id, page] of renderedPages()) {
		const record = state.rendering.get(id);
		if (!record) continue;
		const inputs = [...page.inputs];
		pages.set(id, { pathname: page.pathname, file: record.file, inputs, searchable: page.searchable, key: pageKey(inputs.map(term), record.context) });
		rendered++;
	}
	const reused: TracedPage[] = [];
	for (const [id, previous] of state.reused) {
		const page = { ...previous, inputs: previous.inputs.map(carried) };
		pages.set(id, page);
		reused.push(page);
	}
	return { traces: { keys, pages }, reused, rendered };
}

/** The pages left as the last build wrote them: their files (relative to the output folder) and addresses. */
export function reusedPages(): TracedPage[] {
	return [...slot().reused.values()];
}
