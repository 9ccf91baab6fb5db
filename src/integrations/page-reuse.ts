/**
 * Reuses the pages whose inputs did not change since the last build (src/page-reuse/).
 *
 * - When a build starts, it turns on the record of what each page reads, and loads what
 *   each page read in the last build from the cache folder; the reusable routes give
 *   their pages keys from it (`reusablePaths`), and Astro's incremental build takes a
 *   page whose key and code are unchanged from its cache instead of rendering it.
 * - When the pages are written, it notes the reused pages that hold words for search
 *   (the search index reads them back, as it does the rendered ones); when the build is
 *   done, it saves what each page read, writes each rendered page's true key into
 *   Astro's cache record, and says how many pages rendered and how many were reused.
 *
 * It must come before the search index among the integrations, so that the reused
 * pages are noted before the index reads the notes.
 */
import type { AstroIntegration } from 'astro';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startRecording } from '../page-reuse/page-inputs.ts';
import { buildRecord, startReuse, type BuildRecord } from '../page-reuse/reuse.ts';
import { readTraces, writeTraces } from '../page-reuse/traces.ts';
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
	let record: BuildRecord | undefined;
	let started = 0;
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
			'astro:build:generated': () => {
				started = performance.now();
				record = buildRecord();
				// A reused page was not rendered, so it did not note itself for search.
				for (const page of record.reused) if (page.searchable) noteSearchablePage(page.pathname);
			},
			// Saved once the search index has started writing (it runs beside this).
			'astro:build:done': async ({ logger }) => {
				if (!record) return;
				const { traces, keys, reused, rendered } = record;
				await writeTraces(cacheDir, traces);
				// Astro names a page by its address without the base path.
				const withoutBase = (pathname: string) => `/${pathname.startsWith(base) ? pathname.slice(base.length) : pathname.replace(/^\//, '')}`;
				await alignAstroKeys(cacheDir, new Map([...keys].map(([pathname, key]) => [withoutBase(pathname), key])));
				record = undefined;
				logger.info(
					`Rendered ${rendered} pages and reused ${reused.length} from the last build, whose inputs had not changed; saved what each page read in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
				);
			},
		},
	};
}
