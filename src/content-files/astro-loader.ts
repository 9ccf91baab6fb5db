/**
 * An Astro content loader for one collection folder. It reads files through the
 * same `parseContentFile` as the command-line checker (so YAML dates stay text),
 * validates them with Astro's `parseData` against the collection's schema, and
 * renders bodies with the markdown processor set in `astro.config.mjs`.
 */
import type { Loader } from 'astro/loaders';
import { formatProblem } from '../lib/problems.ts';
import type { CollectionName } from '../schema/index.ts';
import { readCollectionFiles } from './load-content.ts';

export function contentFolderLoader(options: { contentDir: string; collection: CollectionName }): Loader {
	return {
		name: 'story-content-folder',
		load: async ({ store, parseData, renderMarkdown, generateDigest }) => {
			const { files, problems } = await readCollectionFiles(options.contentDir, options.collection);
			if (problems.length > 0) throw new Error(problems.map(formatProblem).join('\n'));
			store.clear();
			for (const file of files) {
				const data = await parseData({ id: file.id, data: file.data, filePath: file.file });
				const hasBody = file.body.trim() !== '';
				store.set({
					id: file.id,
					data,
					body: file.body,
					filePath: file.file,
					digest: generateDigest({ data: file.data, body: file.body }),
					...(hasBody ? { rendered: await renderMarkdown(file.body) } : {}),
				});
			}
		},
	};
}
