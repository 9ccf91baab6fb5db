/**
 * Builds the Pagefind search index after Astro has written the site, as part of
 * `astro build`: it runs Pagefind's own command line over the output folder. Pagefind
 * reads the pages in parallel, and gives the same index, byte for byte, from one build
 * to the next. Only what a page marks with `data-pagefind-body` is indexed.
 *
 * The command line, rather than Pagefind's Node API: over the same 17,000 pages (the
 * bench at 5,000 articles) it wrote the same files in 14.6 s where `addDirectory` took
 * 19 s, and handing pages to the API as they were rendered made the build slower still
 * (the HTML crosses to Pagefind's process as JSON, on the thread that renders pages).
 *
 * The index holds each page's URL relative to the site (`/articles/x/`). The search
 * page loads the bundle from `<base>pagefind/`, and Pagefind's UI takes the base path
 * from that address (`/tour/`) and puts it before every result, so results work under
 * any sub-path.
 */
import type { AstroIntegration } from 'astro';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Pagefind's command line, from its npm package: a wrapper that runs the binary for this platform. */
function pagefindCommand(): string {
	for (const folder of createRequire(import.meta.url).resolve.paths('pagefind') ?? []) {
		const command = path.join(folder, 'pagefind', 'lib', 'runner', 'bin.cjs');
		if (existsSync(command)) return command;
	}
	throw new Error('Pagefind is not installed: run npm install.');
}

/** How many fragment files the index may have before Pagefind groups pages into shared ones. */
const MAX_FRAGMENTS = 1024;

export function searchIndex(): AstroIntegration {
	return {
		name: 'story-search-index',
		hooks: {
			'astro:build:done': async ({ dir, logger }) => {
				const started = performance.now();
				const outDir = fileURLToPath(dir);
				// Past MAX_FRAGMENTS pages, Pagefind bundles the pages' fragments into shared
				// files of a few pages each: at 5,000 articles, 956 small files instead of 5,732,
				// and the index written in 10.7 s instead of 14. A smaller site keeps one per page.
				const args = ['--site', outDir, '--output-subdir', 'pagefind', '--force-language', 'en', '--max-fragments', String(MAX_FRAGMENTS)];
				await run(process.execPath, [pagefindCommand(), ...args], {
					maxBuffer: 16 * 1024 * 1024,
				}).catch((error: { stdout?: string; stderr?: string; message: string }) => {
					throw new Error(`Pagefind could not index the site:\n${[error.stdout, error.stderr].filter(Boolean).join('\n').slice(-4000) || error.message}`);
				});
				// Pages without `data-pagefind-body` (search, 404, claims, listings) are read but left out of the index.
				const entry = JSON.parse(await readFile(path.join(outDir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
					languages: Record<string, { page_count: number }>;
				};
				const indexed = Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
				logger.info(`Indexed ${indexed} pages for search in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
			},
		},
	};
}
