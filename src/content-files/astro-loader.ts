/**
 * An Astro content loader for one collection folder. It reads files through the
 * same `parseContentFile` as the command-line checker (so YAML dates stay text),
 * validates them with Astro's `parseData` against the collection's schema, and
 * renders bodies with the markdown processor set in `astro.config.mjs`.
 */
import type { Loader } from 'astro/loaders';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { formatProblem } from '../lib/problems.ts';
import type { CollectionName } from '../schema/index.ts';
import { readCollectionFiles } from './load-content.ts';
import { renderContextDigest } from './render-context.ts';

export function contentFolderLoader(options: { contentDir: string; collection: CollectionName }): Loader {
	return {
		name: 'story-content-folder',
		load: async ({ store, parseData, renderMarkdown, generateDigest, config, logger }) => {
			// Astro keeps file paths relative to the project; a content folder elsewhere
			// (CONTENT_DIR in a temporary directory) gives a path that starts with "..".
			const root = fileURLToPath(config.root);
			const { files, problems } = await readCollectionFiles(options.contentDir, options.collection);
			if (problems.length > 0) throw new Error(problems.map(formatProblem).join('\n'));
			const ids = new Set(files.map((file) => file.id));
			for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
			let bodies = 0;
			let rendered = 0;
			let renderSeconds = 0;
			for (const file of files) {
				const hasBody = file.body.trim() !== '';
				if (hasBody) bodies += 1;
				// An entry whose text, data and render context are all unchanged keeps the
				// HTML rendered by an earlier build (Astro's data store, in its cache folder).
				const context = renderContextDigest(options.collection, file.id);
				const digest = generateDigest({ data: file.data, body: file.body, context: context ?? null });
				const kept = store.get(file.id);
				if (context !== undefined && kept?.digest === digest) continue;
				const filePath = path.relative(root, path.resolve(file.file));
				const data = await parseData({ id: file.id, data: file.data, filePath });
				if (hasBody) rendered += 1;
				const renderStarted = performance.now();
				const html = hasBody ? await renderMarkdown(file.body, { fileURL: pathToFileURL(path.resolve(file.file)) }) : undefined;
				renderSeconds += (performance.now() - renderStarted) / 1000;
				store.set({
					id: file.id,
					data,
					body: file.body,
					filePath,
					digest,
					// The file's URL (above) tells the markdown plugins which article they render.
					...(html ? { rendered: html } : {}),
				});
			}
			if (bodies > 0) {
				logger.info(
					`${options.collection}: rendered ${rendered} of ${bodies} bodies in ${renderSeconds.toFixed(2)} s; ${bodies - rendered} unchanged since the last build.`,
				);
			}
		},
	};
}
