/**
 * Builds the Pagefind search indexes as part of `astro build`, as two bundles, so that
 * the larger is written while the pages render and the build's end waits only for the
 * smaller:
 *
 * - **The records** (`<base>pagefind-records/`): every article and every claim, as
 *   records made from the content snapshot (`src/search/article-records.ts`): an
 *   article's title, byline, summary and text; a claim's statement and what we say of
 *   its sources' readings. They need no page, so they are indexed and written from the
 *   moment the config is read, on a worker thread (`src/search/records-worker.ts`),
 *   beside the rest of the build. Article and claim pages carry no `data-pagefind-body`. A
 *   build whose records are those of the last build (the same digest, in the cache
 *   folder) takes the last build's bundle as it is: a stop, or a page's code, changed,
 *   not what search finds in the articles and claims.
 * - **The pages** (`<base>pagefind/`, the bundle the search page loads, with Pagefind's
 *   UI): every other searchable page (a stop, a country, a company, a person, the home
 *   page), read back from the output folder once the pages are written: those that mark
 *   what they hold with `data-pagefind-body`, rendered now or reused from the last build.
 *
 * The search page merges the records' bundle into its own, in every language it has
 * (src/search/search-page.ts); Pagefind ranks the results of both together. Past
 * `MAX_FRAGMENTS` records Pagefind groups their fragments into shared files of a few each
 * (at 5,000 articles, about 1,000 files instead of 15,000). Both bundles are the same,
 * byte for byte, from one build to the next (the reproducibility check proves it).
 * Pagefind has no way to add to a bundle, or take from one: a change to one article or
 * claim writes the records' bundle again whole.
 *
 * Each index holds its pages' URLs relative to the site (`/articles/x/`). The search page
 * loads the bundles from under the base path, and Pagefind's UI takes the base path from
 * those addresses (`/tour/`) and puts it before every result, so results work under any
 * sub-path.
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { cp, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import { currentSnapshot } from '../content-files/content-snapshot.ts';
import { splitDateTime } from '../lib/calendar.ts';
import { articleSearchRecord, claimSearchRecord } from '../search/article-records.ts';
import type { RecordsJob, RecordsReply } from '../search/records-worker.ts';
import { outputFileOf, startNotingSearchablePages, takeSearchablePages } from '../search/searchable-pages.ts';

/** How many fragment files an index may have before Pagefind groups records into shared ones. */
const MAX_FRAGMENTS = 1024;

/** The folders of the two bundles under the output folder (and the base path). */
export const PAGES_BUNDLE = 'pagefind';
export const RECORDS_BUNDLE = 'pagefind-records';

/** Where the cache folder keeps the last records' bundle, and the digest of what it holds. */
const RECORDS_CACHE = 'search-records';
const RECORDS_DIGEST = 'search-records.digest';

const RECORDS_WORKER = new URL('../search/records-worker.ts', import.meta.url);

type Record = RecordsJob['records'][number];

/**
 * The pages under `outDir` that mark something to index, by path relative to it, in a
 * fixed order: those the layout noted (`noted`, URL paths under `base`), or, where
 * nothing was noted, every HTML file that carries `data-pagefind-body`.
 */
function searchablePages(outDir: string, base: string, noted: ReadonlySet<string> | undefined): Array<{ sourcePath: string; content: string }> {
	const files = noted
		? [...noted].map((pathname) => outputFileOf(pathname, base))
		: readdirSync(outDir, { recursive: true })
				.map(String)
				.filter((file) => file.endsWith('.html') && !file.startsWith(`${PAGES_BUNDLE}${path.sep}`) && !file.startsWith(`${RECORDS_BUNDLE}${path.sep}`));
	return files
		.sort()
		.map((file) => ({ sourcePath: file.split(path.sep).join('/'), content: readFileSync(path.join(outDir, file), 'utf8') }))
		.filter((page) => page.content.includes('data-pagefind-body'));
}

function failOn(what: string, errors: readonly string[]): void {
	if (errors.length > 0) throw new Error(`Pagefind could not ${what}: ${errors.join('; ')}`);
}

/** Every article's and claim's record, from the current snapshot, in the content's order. */
function contentRecords(): Record[] {
	const snapshot = currentSnapshot();
	const input = snapshot?.content.input;
	const articles = (input?.articles ?? []).map((article) => articleSearchRecord(article, snapshot?.content.paragraphs.get(article.id) ?? []));
	// Each claim dated by the first day a source spoke to it.
	const day = new Map((input?.articles ?? []).map((article) => [article.id, splitDateTime(article.data.published).date]));
	const claims = (input?.facts ?? []).map((fact) => claimSearchRecord(fact, fact.data.sources.flatMap((source) => day.get(source.article) ?? []).sort()[0]));
	return [...articles, ...claims];
}

/** Indexes `records` and writes their bundle into `outputPath`, on a worker thread. */
function writeRecordsBundle(records: Record[], outputPath: string): Promise<void> {
	return new Promise((resolve, reject) => {
		const worker = new Worker(RECORDS_WORKER, { workerData: { records, outputPath, maxFragments: MAX_FRAGMENTS } satisfies RecordsJob });
		worker.once('message', (reply: RecordsReply) => {
			try {
				failOn('index the articles and claims', reply.errors);
				resolve();
			} catch (error) {
				reject(error);
			}
		});
		worker.once('error', reject);
		worker.once('exit', (code) => reject(new Error(`The search index's worker stopped (exit code ${code}) before it answered.`)));
	});
}

/**
 * The records' bundle in the cache folder, for `records`: the last build's where its
 * digest is theirs, else written now (into a folder beside it, moved in place when whole).
 * Says whether it was written now.
 */
async function recordsBundle(cacheDir: string, root: string, records: Record[]): Promise<boolean> {
	const manifest = await readFile(path.join(root, 'node_modules', 'pagefind', 'package.json'), 'utf8').catch(() => '{}');
	const version = (JSON.parse(manifest) as { version?: string }).version ?? 'unknown';
	const digest = createHash('sha256').update(`pagefind ${version} ${MAX_FRAGMENTS}\n`).update(JSON.stringify(records)).digest('hex');
	const bundle = path.join(cacheDir, RECORDS_CACHE);
	if ((await readFile(path.join(cacheDir, RECORDS_DIGEST), 'utf8').catch(() => '')) === digest) return false;
	const fresh = `${bundle}.new`;
	await mkdir(cacheDir, { recursive: true });
	await rm(fresh, { recursive: true, force: true });
	await writeRecordsBundle(records, fresh);
	await rm(bundle, { recursive: true, force: true });
	await rename(fresh, bundle);
	await writeFile(path.join(cacheDir, RECORDS_DIGEST), digest);
	return true;
}

export function searchIndex(): AstroIntegration {
	let base = '/';
	let outDir = '';
	let cacheDir = '';
	let root = '';
	let generated = 0;
	let records: Promise<{ seconds: number; count: number; written: boolean }> | undefined;
	let pages: Promise<{ seconds: number; count: number }> | undefined;
	let building = false;
	/**
	 * Indexes and writes the records' bundle, not awaited: it goes on beside the build. No
	 * forced language: Pagefind keeps an index per language, the articles' own (`ko`,
	 * `ja`) beside English, which the search page merges.
	 */
	const startRecords = () => {
		const started = performance.now();
		const list = contentRecords();
		records = recordsBundle(cacheDir, root, list).then((written) => ({ seconds: (performance.now() - started) / 1000, count: list.length, written }));
		// Its failure is reported when the build is done, where it is awaited.
		records.catch(() => undefined);
	};
	return {
		name: 'story-search-index',
		hooks: {
			'astro:config:setup': ({ command }) => {
				building = command === 'build';
			},
			'astro:config:done': ({ config }) => {
				base = config.base.endsWith('/') ? config.base : `${config.base}/`;
				outDir = fileURLToPath(config.outDir);
				cacheDir = fileURLToPath(config.cacheDir);
				root = fileURLToPath(config.root);
				// The records need only the content, read and checked before the config was:
				// they are indexed from here, while Astro and Vite set the build up.
				if (building) startRecords();
			},
			'astro:build:start': () => {
				startNotingSearchablePages();
				if (!records) startRecords();
			},
			// Once the pages are written, their bundle is written beside the rest of the
			// build's end (the sitemap, the record of reused pages).
			'astro:build:generated': () => {
				const started = performance.now();
				generated = started;
				pages = (async () => {
					const created = await pagefind.createIndex({ maxFragments: MAX_FRAGMENTS });
					failOn('start', created.errors);
					if (!created.index) throw new Error('Pagefind could not start.');
					const index = created.index;
					const found = searchablePages(outDir, base, takeSearchablePages());
					failOn('index a page', (await Promise.all(found.map((page) => index.addHTMLFile(page)))).flatMap((added) => added.errors));
					// Pagefind leaves in place a file that is already there under its name (named
					// by its content): the folder is emptied first, so that every file of the index
					// is this build's (src/integrations/kept-output.ts removes the rest).
					await rm(path.join(outDir, PAGES_BUNDLE), { recursive: true, force: true });
					failOn('write the pages’ index', (await index.writeFiles({ outputPath: path.join(outDir, PAGES_BUNDLE) })).errors);
					await pagefind.close();
					return { seconds: (performance.now() - started) / 1000, count: found.length };
				})();
				pages.catch(() => undefined);
			},
			'astro:build:done': async ({ logger }) => {
				if (!records || !pages) throw new Error('The search index was not written: astro:build:start or astro:build:generated did not run.');
				const [recordsDone, pagesDone] = await Promise.all([records, pages]);
				records = undefined;
				pages = undefined;
				// Copied, not linked: a file of the output folder changed in place (by a host's
				// tool, by hand) must not change the bundle the next build takes as it is.
				await rm(path.join(outDir, RECORDS_BUNDLE), { recursive: true, force: true });
				await cp(path.join(cacheDir, RECORDS_CACHE), path.join(outDir, RECORDS_BUNDLE), { recursive: true });
				logger.info(
					`Indexed ${recordsDone.count + pagesDone.count} pages for search in ${((performance.now() - generated) / 1000).toFixed(1)} s after the pages were written: ${pagesDone.count} pages read back from the output (${pagesDone.seconds.toFixed(1)} s), and ${recordsDone.count} articles and claims ${recordsDone.written ? `indexed from the content beside the build (${recordsDone.seconds.toFixed(1)} s from its start)` : 'as the last build indexed them, the same records'}.`,
				);
			},
		},
	};
}
