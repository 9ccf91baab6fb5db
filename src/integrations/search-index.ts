/**
 * Builds the Pagefind search index after Astro has written the site, as part of
 * `astro build`. Pagefind walks the output folder itself and indexes its pages in
 * parallel, which gives the same index, byte for byte, from one build to the next.
 * Only what a page marks with `data-pagefind-body` is indexed.
 *
 * The index holds each page's URL relative to the site (`/articles/x/`). The search
 * page loads the bundle from `<base>pagefind/`, and Pagefind's UI takes the base path
 * from that address (`/tour/`) and puts it before every result, so results work under
 * any sub-path.
 */
import type { AstroIntegration } from 'astro';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

export function searchIndex(): AstroIntegration {
	return {
		name: 'story-search-index',
		hooks: {
			'astro:build:done': async ({ dir, logger }) => {
				const started = performance.now();
				const outDir = fileURLToPath(dir);
				const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
				if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
				const added = await index.addDirectory({ path: outDir });
				if (added.errors.length > 0) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`);
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
