/**
 * The Astro content loaders. They read nothing themselves: the content was read and
 * checked once, into the current snapshot (`content-snapshot.ts`), and each loader
 * puts one collection of it in Astro's data store, with the bodies that changed
 * rendered by the markdown processor set in `astro.config.mjs` (many at once on worker
 * threads, `render-bodies.ts`). A second loader stores the check's
 * result, which `src/data.ts` reads: in the dev server, a change that breaks the
 * content makes every page fail with the checker's lines, never show the old content.
 */
import type { Loader } from 'astro/loaders';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import type { CollectionName } from '../schema/index.ts';
import { currentSnapshot, renderContextDigest, takeSnapshot, type ContentSnapshot } from './content-snapshot.ts';
import { canRenderInParallel, PARALLEL_MIN_BODIES, renderBodies, type WorkerSetup } from './render-bodies.ts';

/** The name of the loaders of the content folders, for `refreshContent({ loaders })`. */
export const CONTENT_LOADER = 'story-content-folder';
/** The name of the loader of the check's result. */
export const CHECK_LOADER = 'story-content-check';
/** The id of the one entry of the `check` collection. */
export const CHECK_ENTRY = 'content';

/** The snapshot to load from: the current one, or a first read of `contentDir`. */
async function snapshotOf(contentDir: string): Promise<ContentSnapshot> {
	const snapshot = currentSnapshot();
	return snapshot && snapshot.contentDir === contentDir ? snapshot : takeSnapshot(contentDir);
}

export function contentFolderLoader(options: { contentDir: string; collection: CollectionName }): Loader {
	return {
		name: CONTENT_LOADER,
		load: async ({ store, renderMarkdown, generateDigest, config, logger }) => {
			const snapshot = await snapshotOf(options.contentDir);
			// Content with problems changes nothing here: the check's entry carries them,
			// and every page fails with them until they are fixed.
			if (!snapshot.report.ok) return;
			// Astro keeps file paths relative to the project; a content folder elsewhere
			// (CONTENT_DIR in a temporary directory) gives a path that starts with "..".
			const root = fileURLToPath(config.root);
			const entries = snapshot.content.input[options.collection] ?? [];
			const ids = new Set(entries.map((entry) => entry.id));
			for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
			let bodies = 0;
			// First what changed; then its bodies rendered, on workers if there are many.
			const changed: Array<{ entry: (typeof entries)[number]; digest: string; body: string; fileURL: URL; filePath: string }> = [];
			for (const entry of entries) {
				const body = entry.body ?? '';
				if (body.trim() !== '') bodies += 1;
				// An entry whose text, data and render context are all unchanged keeps the
				// HTML rendered by an earlier build (Astro's data store, in its cache folder).
				const context = renderContextDigest(options.collection, entry.id);
				const digest = generateDigest({ data: entry.data as Record<string, unknown>, body, context: context ?? null });
				if (context !== undefined && store.get(entry.id)?.digest === digest) continue;
				const absolute = path.resolve(entry.file ?? path.join(options.contentDir, options.collection, `${entry.id}.md`));
				// The file's URL tells the markdown plugins which article they render.
				changed.push({ entry, digest, body, fileURL: pathToFileURL(absolute), filePath: path.relative(root, absolute) });
			}
			const toRender = changed.filter(({ body }) => body.trim() !== '');
			const renderStarted = performance.now();
			const setup: WorkerSetup = {
				base: config.base,
				names: snapshot.names,
				passages: snapshot.passages,
				shared: { image: config.image, syntaxHighlight: config.markdown.syntaxHighlight, shikiConfig: config.markdown.shikiConfig, gfm: config.markdown.gfm, smartypants: config.markdown.smartypants },
			};
			const rendered =
				toRender.length >= PARALLEL_MIN_BODIES && canRenderInParallel(setup)
					? await renderBodies(toRender.map(({ entry, body, fileURL }) => ({ id: entry.id, body, fileURL: fileURL.href })), setup)
					: new Map(await Promise.all(toRender.map(async ({ entry, body, fileURL }) => [entry.id, await renderMarkdown(body, { fileURL })] as const)));
			const renderSeconds = (performance.now() - renderStarted) / 1000;
			for (const { entry, digest, body, filePath } of changed) {
				const html = rendered.get(entry.id);
				// The data passed the collection's schema when the snapshot was taken.
				store.set({ id: entry.id, data: entry.data as Record<string, unknown>, body, filePath, digest, ...(html ? { rendered: html } : {}) });
			}
			const renderedCount = toRender.length;
			if (bodies > 0) {
				logger.info(
					`${options.collection}: rendered ${renderedCount} of ${bodies} bodies in ${renderSeconds.toFixed(2)} s; ${bodies - renderedCount} unchanged since the last build.`,
				);
			}
		},
	};
}

/** What the `check` collection's one entry holds: its schema in `src/content.config.ts`, its type here. */
export const checkEntrySchema = z.object({
	/** The id of the content snapshot the other collections were loaded from (or refused). */
	snapshot: z.string(),
	/** Whether the content passed its check. */
	ok: z.boolean(),
	/** The check's summary line. */
	summary: z.string(),
	/** One line per problem: `file: field: expected …, found …`. */
	problemLines: z.array(z.string()),
});
export type CheckEntryData = z.infer<typeof checkEntrySchema>;

/** Stores the current snapshot's check, one entry with the id `CHECK_ENTRY`. */
export function contentCheckLoader(options: { contentDir: string }): Loader {
	return {
		name: CHECK_LOADER,
		load: async ({ store }) => {
			const { id, report } = await snapshotOf(options.contentDir);
			const data: CheckEntryData = { snapshot: id, ok: report.ok, summary: report.summary, problemLines: report.problemLines };
			store.set({ id: CHECK_ENTRY, data: { ...data }, digest: id });
		},
	};
}
