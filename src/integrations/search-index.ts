/**
 * Builds the Pagefind search index after Astro has written the site, as part of
 * `astro build`. Each page is indexed under its public URL, base path included, so
 * search results work under any sub-path. Only what a page marks with
 * `data-pagefind-body` is indexed.
 */
import type { AstroIntegration } from 'astro';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

export function searchIndex(options: { base: string }): AstroIntegration {
	return {
		name: 'story-search-index',
		hooks: {
			'astro:build:done': async ({ dir, logger }) => {
				const started = performance.now();
				const outDir = fileURLToPath(dir);
				const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
				if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
				// One file at a time, in sorted order: the index then comes out byte-identical from
				// one build to the next (several in flight let their order, and the index, vary).
				for (const file of await htmlFiles(outDir)) {
					const relative = path.relative(outDir, file).split(path.sep).join('/');
					const url = `${options.base}${relative.replace(/(^|\/)index\.html$/, '$1')}`;
					const added = await index.addHTMLFile({ url, content: await readFile(file, 'utf8') });
					if (added.errors.length > 0) throw new Error(`Pagefind could not index ${relative}: ${added.errors.join('; ')}`);
				}
				const written = await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') });
				if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
				await pagefind.close();
				// Pages without `data-pagefind-body` (search, 404) are read but left out of the index.
				const entry = JSON.parse(await readFile(path.join(outDir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
					languages: Record<string, { page_count: number }>;
				};
				const indexed = Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
				logger.info(`Indexed ${indexed} pages for search in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
			},
		},
	};
}

async function htmlFiles(dir: string): Promise<string[]> {
	const entries = await readdir(dir, { recursive: true, withFileTypes: true });
	return entries
		.filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
		.map((entry) => path.join(entry.parentPath, entry.name))
		.sort();
}
