/**
 * The rendered HTML of every body (articles and stops), kept by digest: the body's text,
 * its collection and id, and what else it depends on (the base path, every name, the
 * pipeline's code, and for an article the passages cited in it; `renderContextDigest`).
 *
 * - A build renders every body before Astro bundles the pages (`renderAll`, from the
 *   content session's `astro:build:start`): the bodies a previous build rendered with the
 *   same digest are read from the cache folder (`story-bodies.json`), the rest rendered,
 *   many at once on worker threads (`render-bodies.ts`). The pages then only look up.
 * - The dev server renders a body when a page first asks for it (`html`), on the main
 *   thread, and keeps it while its digest holds: after an edit, only the edited body is
 *   rendered again, and only once a page shows it.
 *
 * Pages read bodies through `src/data.ts`; nothing here goes through Astro's data store,
 * whose whole contents would be serialised again after every edit.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseFrontmatter, type MarkdownRenderer } from '@astrojs/markdown-remark';
import { createUrls } from '../lib/urls.ts';
import { storyMarkdownProcessor } from '../markdown/index.ts';
import { currentSnapshot, renderContextDigest, type ContentSnapshot } from './content-snapshot.ts';
import { canRenderInParallel, PARALLEL_MIN_BODIES, renderBodies, type WorkerSetup } from './render-bodies.ts';

/** The collections with bodies the pages show. */
export type BodyCollection = 'articles' | 'stops';
export const BODY_COLLECTIONS: readonly BodyCollection[] = ['articles', 'stops'];

/** The file in the cache folder that keeps the last build's bodies. */
export const BODY_CACHE_FILE = 'story-bodies.json';
const CACHE_VERSION = 1;

/** What rendering needs besides the snapshot: the site's base path and Astro's markdown settings. */
export interface BodySettings {
	base: string;
	/** Astro's markdown settings, as the content layer passes them to a processor's `createRenderer`. */
	shared: Record<string, unknown>;
	/** Where a build keeps its caches (Astro's `cacheDir`); none, nothing is kept between builds. */
	cacheDir?: string | undefined;
}

/** How a build's bodies were had: rendered now, or kept from the last build. */
export interface BodyReport {
	collection: BodyCollection;
	rendered: number;
	total: number;
	seconds: number;
}

interface Slot {
	settings?: BodySettings;
	/** HTML by digest, for the current snapshot's bodies (and, in the dev server, earlier ones). */
	html: Map<string, string>;
	/** Bodies being rendered now, by digest, so that two pages never render one twice. */
	pending: Map<string, Promise<string>>;
	renderer?: Promise<MarkdownRenderer> | undefined;
}

const SLOT = Symbol.for('zuckerberg-asia-tour.rendered-bodies');

function slot(): Slot {
	const holder = globalThis as { [SLOT]?: Slot };
	holder[SLOT] ??= { html: new Map(), pending: new Map() };
	return holder[SLOT];
}

/** Sets the base path and markdown settings, once Astro's config is resolved. */
export function configureBodies(settings: BodySettings): void {
	const state = slot();
	state.settings = settings;
	state.renderer = undefined;
}

/** A body as the cache knows it. */
interface Body {
	collection: BodyCollection;
	id: string;
	body: string;
	/** The file it was read from, absolute: its URL tells the passage marker which article it is. */
	file: string;
	digest: string;
}

/** The bodies of one collection of the snapshot, each with its digest; an empty body has none to render. */
function bodiesOf(snapshot: ContentSnapshot, collection: BodyCollection): Body[] {
	return (snapshot.content.input[collection] ?? []).flatMap((entry) => {
		const body = entry.body ?? '';
		if (body.trim() === '') return [];
		const file = path.resolve(entry.file ?? path.join(snapshot.contentDir, collection, `${entry.id}.md`));
		return [{ collection, id: entry.id, body, file, digest: bodyDigest(collection, entry.id, body) }];
	});
}

/** The bodies of each snapshot's collections, by id. */
const indexes = new WeakMap<ContentSnapshot, Map<BodyCollection, Map<string, Body>>>();
function indexOf(snapshot: ContentSnapshot, collection: BodyCollection): Map<string, Body> {
	let byCollection = indexes.get(snapshot);
	if (!byCollection) indexes.set(snapshot, (byCollection = new Map()));
	let index = byCollection.get(collection);
	if (!index) byCollection.set(collection, (index = new Map(bodiesOf(snapshot, collection).map((body) => [body.id, body]))));
	return index;
}

/**
 * The digest of the body of entry `id` of `collection` in the current snapshot, which
 * changes whenever its rendered HTML may; undefined for an entry without a body.
 */
export function currentBodyDigest(collection: BodyCollection, id: string): string | undefined {
	const snapshot = currentSnapshot();
	return snapshot ? indexOf(snapshot, collection).get(id)?.digest : undefined;
}

/** The digest of one body: its text, its collection and id, and what it depends on besides. */
function bodyDigest(collection: BodyCollection, id: string, body: string): string {
	return createHash('sha256')
		.update(JSON.stringify([collection, id, renderContextDigest(collection, id) ?? '', body]))
		.digest('hex');
}

function requireSettings(): BodySettings {
	const settings = slot().settings;
	if (!settings) throw new Error('The bodies cannot be rendered before Astro has resolved its config (configureBodies).');
	return settings;
}

function workerSetup(snapshot: ContentSnapshot, settings: BodySettings): WorkerSetup {
	return { base: settings.base, names: snapshot.names, passages: snapshot.passages, shared: settings.shared };
}

/**
 * Renders every body of the current snapshot that the cache does not hold, reading the
 * last build's from `cacheDir` and writing this build's back. One report per collection.
 */
export async function renderAll(): Promise<BodyReport[]> {
	const snapshot = currentSnapshot();
	if (!snapshot) throw new Error('The content has not been read: astro.config.mjs takes the first snapshot.');
	const settings = requireSettings();
	const state = slot();
	const kept = await readCache(settings.cacheDir);
	const reports: BodyReport[] = [];
	const current = new Map<string, string>();
	for (const collection of BODY_COLLECTIONS) {
		const bodies = bodiesOf(snapshot, collection);
		const started = performance.now();
		const missing = bodies.filter((body) => !kept.has(body.digest) && !state.html.has(body.digest));
		const setup = workerSetup(snapshot, settings);
		const rendered =
			missing.length >= PARALLEL_MIN_BODIES && canRenderInParallel(setup)
				? new Map([...(await renderBodies(missing.map((body) => ({ id: body.digest, body: body.body, fileURL: pathToFileURL(body.file).href })), setup))].map(([digest, { html }]) => [digest, html] as const))
				: new Map(await Promise.all(missing.map(async (body) => [body.digest, await renderOne(body)] as const)));
		for (const body of bodies) current.set(body.digest, rendered.get(body.digest) ?? state.html.get(body.digest) ?? (kept.get(body.digest) as string));
		reports.push({ collection, rendered: missing.length, total: bodies.length, seconds: (performance.now() - started) / 1000 });
	}
	state.html = current;
	if (settings.cacheDir && reports.some((report) => report.rendered > 0 || kept.size !== current.size)) await writeCache(settings.cacheDir, current);
	return reports;
}

/**
 * The HTML of a body of the current snapshot, rendered now if no build or page has
 * rendered it with its digest: an empty string for an entry with no body.
 */
export async function renderedBody(collection: BodyCollection, id: string): Promise<string> {
	const snapshot = currentSnapshot();
	const wanted = snapshot ? indexOf(snapshot, collection).get(id) : undefined;
	if (!snapshot || !wanted) {
		if (snapshot?.content.input[collection].some((entry) => entry.id === id)) return '';
		throw new Error(`No ${collection === 'articles' ? 'article' : 'stop'} "${id}" in the content.`);
	}
	const state = slot();
	const html = state.html.get(wanted.digest);
	if (html !== undefined) return html;
	let pending = state.pending.get(wanted.digest);
	if (!pending) {
		pending = renderOne(wanted).then((rendered) => {
			state.html.set(wanted.digest, rendered);
			return rendered;
		});
		pending.finally(() => state.pending.delete(wanted.digest)).catch(() => undefined);
		state.pending.set(wanted.digest, pending);
	}
	return pending;
}

/** Renders one body on this thread, with the processor the workers build. */
async function renderOne(body: Body): Promise<string> {
	const state = slot();
	const settings = requireSettings();
	state.renderer ??= storyMarkdownProcessor({
		story: () => {
			const snapshot = currentSnapshot();
			if (!snapshot) throw new Error('The content has not been read.');
			return snapshot;
		},
		urls: createUrls(settings.base),
	}).createRenderer(settings.shared as never);
	const renderer = await state.renderer;
	// As the workers and Astro's content layer render a body: frontmatter first parsed away.
	const { frontmatter, content } = parseFrontmatter(body.body);
	const { code } = await renderer.render(content, { frontmatter, fileURL: pathToFileURL(body.file) });
	return code;
}

/** The last build's bodies, by digest; none where the cache is missing, unreadable or of another version. */
async function readCache(cacheDir: string | undefined): Promise<Map<string, string>> {
	if (!cacheDir) return new Map();
	try {
		const data = JSON.parse(await readFile(path.join(cacheDir, BODY_CACHE_FILE), 'utf8')) as { version?: number; bodies?: Record<string, string> };
		return data.version === CACHE_VERSION && data.bodies ? new Map(Object.entries(data.bodies)) : new Map();
	} catch {
		return new Map();
	}
}

/** Writes this build's bodies, whole or not at all: a build stopped half-way leaves the last cache. */
async function writeCache(cacheDir: string, bodies: ReadonlyMap<string, string>): Promise<void> {
	await mkdir(cacheDir, { recursive: true });
	const file = path.join(cacheDir, BODY_CACHE_FILE);
	await writeFile(`${file}.tmp`, JSON.stringify({ version: CACHE_VERSION, bodies: Object.fromEntries(bodies) }));
	await rename(`${file}.tmp`, file);
}
