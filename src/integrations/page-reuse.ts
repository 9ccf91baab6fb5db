/**
 * Reuses the pages whose inputs did not change since the last build (src/page-reuse/).
 *
 * - When a build starts, it turns on the record of what each page reads, and loads what
 *   each page read in the last build from the cache folder; the reusable routes give
 *   their pages keys from it (`reusablePaths`), and Astro's incremental build takes a
 *   page whose key and code are unchanged from its cache instead of rendering it.
 * - When the pages are written, it saves what each page read, notes the reused pages
 *   that hold words for search (the search index reads them back, as it does the
 *   rendered ones), writes each rendered page's true key into Astro's cache record, and
 *   says how many pages rendered and how many were reused.
 *
 * It must come before the search index among the integrations, so that the reused
 * pages are noted before the index reads the notes.
 */
import type { AstroIntegration } from 'astro';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startRecording } from '../page-reuse/page-inputs.ts';
import { builtPages, startReuse } from '../page-reuse/reuse.ts';
import { readTraces, writeTraces, type TracedPage } from '../page-reuse/traces.ts';
import { noteSearchablePage } from '../search/searchable-pages.ts';

/** Astro's record of its incremental cache, in the cache folder: the format of Astro 7 (version 1). */
const ASTRO_CACHE_RECORD = 'incremental-build.json';

interface AstroCacheRecord {
	version: number;
	routes: Record<string, { paths: Record<string, { cacheKey?: string }> }>;
}

/**
 * Writes `keys` (by page address) into Astro's record of its cache, for the pages it
 * holds: the keys the next build will give them if nothing they read changes. Returns how
 * many it wrote; none if the record is missing or of another format.
 */
async function alignAstroKeys(cacheDir: string, keys: ReadonlyMap<string, string>): Promise<number> {
	const file = path.join(cacheDir, ASTRO_CACHE_RECORD);
	let record: AstroCacheRecord;
	try {
		record = JSON.parse(await readFile(file, 'utf8')) as AstroCacheRecord;
	} catch {
		return 0;
	}
	if (record.version !== 1 || typeof record.routes !== 'object') return 0;
	let aligned = 0;
	for (const route of Object.values(record.routes)) {
		for (const [pathname, entry] of Object.entries(route.paths ?? {})) {
			const key = keys.get(pathname);
			if (key !== undefined && entry.cacheKey !== key) {
				entry.cacheKey = key;
				aligned++;
			}
		}
	}
	if (aligned > 0) await writeFile(file, JSON.stringify(record, null, '\t'));
	return aligned;
}

export function pageReuse(): AstroIntegration {
	let cacheDir = '';
	let outDir = '';
	let base = '/';
	return {
		name: 'story-page-reuse',
		hooks: {
			'astro:config:done': ({ config }) => {
				cacheDir = fileURLToPath(config.cacheDir);
				outDir = fileURLToPath(config.outDir);
				base = config.base.endsWith('/') ? config.base : `${config.base}/`;
				// What a page reads is told apart from the next page's by the order they render in.
				if (config.build.concurrency !== 1) throw new Error('Pages are reused only when Astro renders one at a time (build.concurrency 1).');
			},
			'astro:build:start': async () => {
				startRecording();
				startReuse(await readTraces(cacheDir), outDir);
			},
			'astro:build:done': async ({ logger }) => {
				const started = performance.now();
				const pages = builtPages();
				const keys = new Map<string, string>();
				const traces = new Map<string, TracedPage>();
				let rendered = 0;
				let reused = 0;
				for (const [id, page] of pages) {
					traces.set(id, { pathname: page.pathname, inputs: page.inputs, searchable: page.searchable });
					if (page.rendered) rendered++;
					else {
						reused++;
						// A reused page was not rendered, so it did not note itself for search.
						if (page.searchable) noteSearchablePage(page.pathname);
					}
					// Astro names a page by its address without the base path.
					if (page.key !== undefined) keys.set(`/${page.pathname.startsWith(base) ? page.pathname.slice(base.length) : page.pathname.replace(/^\//, '')}`, page.key);
				}
				await writeTraces(cacheDir, traces);
				await alignAstroKeys(cacheDir, keys);
				logger.info(`Rendered ${rendered} pages and reused ${reused} from the last build, whose inputs had not changed; saved what each page read in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
			},
		},
	};
}
