/**
 * Reuses the pages whose inputs did not change since the last build (src/page-reuse/).
 *
 * - When a build starts, it turns on the record of what each page reads, and loads what
 *   each page read in the last build from the cache folder, with what this build is made
 *   with (its configuration, the packages installed); the reusable routes leave out the
 *   pages whose keys are unchanged, whose files the output folder keeps
 *   (src/integrations/kept-output.ts).
 * - When the pages are written, it notes the reused pages that hold words for search
 *   (the search index reads them back, as it does the rendered ones); when the build is
 *   done, it saves what each page read, and says how many pages rendered and how many
 *   were reused.
 *
 * It must come before the sitemap and the search index among the integrations, so that
 * they see the reused pages.
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startRecording } from '../page-reuse/page-inputs.ts';
import { buildRecord, startReuse, type BuildRecord } from '../page-reuse/reuse.ts';
import { readTraces, writeTraces } from '../page-reuse/traces.ts';
import { noteSearchablePage } from '../search/searchable-pages.ts';

/** A digest of the packages installed: the lockfile, where there is one. */
async function packagesDigest(root: string): Promise<string> {
	const lockfile = await readFile(path.join(root, 'package-lock.json')).catch(() => Buffer.from('no lockfile'));
	return createHash('sha1').update(lockfile).digest('base64');
}

export function pageReuse(): AstroIntegration {
	let cacheDir = '';
	let outDir = '';
	let root = '';
	let config = '';
	let record: BuildRecord | undefined;
	let started = 0;
	return {
		name: 'story-page-reuse',
		hooks: {
			'astro:config:done': ({ config: done }) => {
				cacheDir = fileURLToPath(done.cacheDir);
				outDir = fileURLToPath(done.outDir);
				root = fileURLToPath(done.root);
				// What shapes every page besides its content and its route's code: its origin,
				// its base path and the form of its addresses.
				config = createHash('sha1')
					.update(JSON.stringify([done.site, done.base, done.trailingSlash, done.build.format]))
					.digest('base64');
				// What a page reads is told apart from the next page's by the order they render in.
				if (done.build.concurrency !== 1) throw new Error('Pages are reused only when Astro renders one at a time (build.concurrency 1).');
			},
			'astro:build:start': async () => {
				startRecording();
				startReuse(await readTraces(cacheDir), { outDir, config, packages: await packagesDigest(root) });
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
				const { traces, reused, rendered } = record;
				await writeTraces(cacheDir, traces);
				record = undefined;
				logger.info(
					`Rendered ${rendered} pages and reused ${reused.length} from the last build, whose inputs had not changed; saved what each page read in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
				);
			},
		},
	};
}
