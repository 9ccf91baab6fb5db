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

export function contentFolderLoader(options: { contentDir: string; collection: CollectionName }): Loader {
	return {
		name: 'story-content-folder',
		load: async ({ store, parseData, renderMarkdown, generateDigest, config }) => {
			// Astro keeps file paths relative to the project; a content folder elsewhere
			// (CONTENT_DIR in a temporary directory) gives a path that starts with "..".
			const root = fileURLToPath(config.root);
			const { files, problems } = await readCollectionFiles(options.contentDir, options.collection);
			if (problems.length > 0) throw new Error(problems.map(formatProblem).join('\n'));
			store.clear();
			for (const file of files) {
				const filePath = path.relative(root, path.resolve(file.file));
				const data = await parseData({ id: file.id, data: file.data, filePath });
				const hasBody = file.body.trim() !== '';
				store.set({
					id: file.id,
					data,
					body: file.body,
					filePath,
					digest: generateDigest({ data: file.data, body: file.body }),
					// The file's URL tells the markdown plugins which article they render.
					...(hasBody ? { rendered: await renderMarkdown(file.body, { fileURL: pathToFileURL(path.resolve(file.file)) }) } : {}),
				});
			}
		},
	};
}
