/**
 * Reusing pages from the last build. Astro's incremental build
 * (`experimental.incrementalBuild`) takes a page from its cache instead of rendering it
 * when the page's `cacheKey` and the digest of its module graph are those of the last
 * build. This gives each page of a reusable route its key (`reusablePaths`), made from
 * what it read when it last rendered (page-keys.ts), and after the build tells the
 * integration what each page read this time, to be saved for the next.
 *
 * One wrinkle: Astro keeps the key a route gave before the page rendered. A page that
 * renders for the first time has no inputs on record yet, so its key cannot be the one
 * the next build will give it; after the build, the integration writes each rendered
 * page's true key into Astro's cache record (`alignedKeys`), so that the next build can
 * reuse it.
 *
 * State lives in one well-known global slot: the integration and the pages are separate
 * module instances of one process.
 */
import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { inputDigests, pageKey, propsDigest, type InputSource } from './page-keys.ts';
import { isRecording, pageId, renderedPages } from './page-inputs.ts';
import type { TracedPage } from './traces.ts';

interface Slot {
	/** What each page read when it last rendered, by page id, from the cache folder. */
	previous: ReadonlyMap<string, TracedPage>;
	/** The pages the reusable routes gave this build, by page id, with their props' digests and keys. */
	paths: Map<string, { route: string; props: string; key: string }>;
	/** The digest of each input's current value, once the model is built. */
	digestOf?: ((key: string) => string) | undefined;
	/** Makes the key of a page with no inputs on record unlike any key of any build. */
	nonce: string;
	/** The folder the build writes, where Vite has put the stylesheet by the time pages are made. */
	outDir?: string;
	/** The names of the site's stylesheet files, which every page links to. */
	stylesheets?: string | undefined;
}

const SLOT = Symbol.for('zuckerberg-asia-tour.page-reuse');

function slot(): Slot {
	const holder = globalThis as { [SLOT]?: Slot };
	holder[SLOT] ??= { previous: new Map(), paths: new Map(), nonce: randomUUID() };
	return holder[SLOT];
}

/**
 * Starts a build: what the last build's pages read (empty for a first build), and the
 * folder it writes to.
 */
export function startReuse(previous: ReadonlyMap<string, TracedPage>, outDir: string): void {
	const state = slot();
	state.previous = previous;
	state.outDir = outDir;
	state.stylesheets = undefined;
	state.paths = new Map();
	state.digestOf = undefined;
	state.nonce = randomUUID();
}

/** Tells the keys where the inputs' current values come from (src/data.ts, once the model is built). */
export function setInputSource(source: InputSource): void {
	slot().digestOf = inputDigests(source);
}

/**
 * The names of the stylesheet files the build made (`_astro/style.<hash>.css`): every
 * page links to them, and their names change with any style of any component, which
 * a page's own module graph does not see. So they are part of every page's key.
 */
function stylesheets(): string {
	const state = slot();
	if (state.stylesheets === undefined) {
		const assets = state.outDir ? path.join(state.outDir, '_astro') : undefined;
		let names: string[] = [];
		try {
			names = assets ? readdirSync(assets).filter((name) => name.endsWith('.css')).sort() : [];
		} catch {
			names = [];
		}
		state.stylesheets = names.join(' ');
	}
	return state.stylesheets;
}

function digests(): (key: string) => string {
	const digestOf = slot().digestOf;
	if (!digestOf) throw new Error('The pages were given keys before the model was built (setInputSource in src/data.ts).');
	return digestOf;
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
	const digestOf = digests();
	return paths.map((path) => {
		const id = pageId(route, path.params);
		const props = `${stylesheets()} ${propsDigest(path.props)}`;
		const traced = state.previous.get(id);
		const key = traced ? pageKey(traced.inputs, digestOf, props) : `untraced-${state.nonce}`;
		state.paths.set(id, { route, props, key });
		return { ...path, cacheKey: key };
	});
}

/** A page of this build, as the integration sees it once the pages are written. */
export interface BuiltPage extends TracedPage {
	/** Whether it rendered in this build, or was reused from the last. */
	rendered: boolean;
	/** For a reusable page that rendered: the key the next build will give it if nothing it read changes. */
	key?: string;
}

/**
 * Every page of this build with what it read: those that rendered, from this build's
 * record, and the reusable ones that did not, from the last build's (they read the same).
 */
export function builtPages(): Map<string, BuiltPage> {
	const state = slot();
	const pages = new Map<string, BuiltPage>();
	const rendered = renderedPages();
	const digestOf = rendered.size > 0 ? digests() : undefined;
	for (const [id, page] of rendered) {
		const path = state.paths.get(id);
		const traced: TracedPage = { pathname: page.pathname, inputs: [...page.inputs].sort(), searchable: page.searchable };
		pages.set(id, { ...traced, rendered: true, ...(path && digestOf ? { key: pageKey(traced.inputs, digestOf, path.props) } : {}) });
	}
	for (const id of state.paths.keys()) {
		const previous = state.previous.get(id);
		if (!pages.has(id) && previous) pages.set(id, { ...previous, rendered: false });
	}
	return pages;
}
