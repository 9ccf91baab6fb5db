/**
 * Builds the Pagefind search index as part of `astro build`, in two parts that run
 * side by side with the rest of the build where they can:
 *
 * - **The articles**, most of the index, are handed to Pagefind when the build starts,
 *   as records made from the content snapshot (`src/search/article-records.ts`): their
 *   title, byline, summary and text. Pagefind runs in its own process, so it indexes
 *   them on another core while Vite bundles and Astro renders the pages. Article pages
 *   carry no `data-pagefind-body` of their own.
 * - **The claims**, likewise, as records from the snapshot: each statement and what we
 *   say of its sources' readings. Claim pages, and the ledger's pages that list them,
 *   carry no `data-pagefind-body`.
 * - **Every other searchable page** (a stop, a country, a company, a person, the home
 *   page) is read back from the output folder once the pages are
 *   written: the pages that mark what they hold with `data-pagefind-body`.
 *
 * Then Pagefind writes the index. Past `MAX_FRAGMENTS` pages it groups the pages'
 * fragments into shared files of a few pages each (at 5,000 articles, 956 files instead
 * of 5,732). The index is the same, byte for byte, from one build to the next (the
 * reproducibility check proves it).
 *
 * The index holds each page's URL relative to the site (`/articles/x/`). The search
 * page loads the bundle from `<base>pagefind/`, and Pagefind's UI takes the base path
 * from that address (`/tour/`) and puts it before every result, so results work under
 * any sub-path.
 */
import type { AstroIntegration } from 'astro';
import { readdirSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { currentSnapshot } from '../content-files/content-snapshot.ts';
import { splitDateTime } from '../lib/calendar.ts';
import { articleSearchRecord, claimSearchRecord } from '../search/article-records.ts';
import { outputFileOf, startNotingSearchablePages, takeSearchablePages } from '../search/searchable-pages.ts';

/** How many fragment files the index may have before Pagefind groups pages into shared ones. */
const MAX_FRAGMENTS = 1024;

type Index = NonNullable<Awaited<ReturnType<typeof pagefind.createIndex>>['index']>;

/**
 * The pages under `outDir` that mark something to index, by path relative to it, in a
 * fixed order: those the layout noted (`noted`, URL paths under `base`), or, where
 * nothing was noted, every HTML file that carries `data-pagefind-body`.
 */
function searchablePages(outDir: string, base: string, noted: ReadonlySet<string> | undefined): Array<{ sourcePath: string; content: string }> {
	const files = noted
		? [...noted].map((pathname) => outputFileOf(pathname, base))
		: readdirSync(outDir, { recursive: true }).map(String).filter((file) => file.endsWith('.html') && !file.startsWith(`pagefind${path.sep}`));
	return files
		.sort()
		.map((file) => ({ sourcePath: file.split(path.sep).join('/'), content: readFileSync(path.join(outDir, file), 'utf8') }))
		.filter((page) => page.content.includes('data-pagefind-body'));
}

function failOn(what: string, errors: readonly string[]): void {
	if (errors.length > 0) throw new Error(`Pagefind could not ${what}: ${errors.join('; ')}`);
}

export function searchIndex(): AstroIntegration {
	let index: Index | undefined;
	let articles: Array<Promise<{ errors: string[] }>> = [];
	let claims: Array<Promise<{ errors: string[] }>> = [];
	let base = '/';
	let outDir = '';
	let writing: Promise<{ seconds: number; pages: number }> | undefined;
	/** Reads back the searchable pages, then writes the index, and closes Pagefind. */
	const writeIndex = async (opened: Index, dir: string, base: string) => {
		const started = performance.now();
		failOn('index an article', (await Promise.all(articles)).flatMap((added) => added.errors));
		failOn('index a claim', (await Promise.all(claims)).flatMap((added) => added.errors));
		const pages = searchablePages(dir, base, takeSearchablePages());
		const added = await Promise.all(pages.map((page) => opened.addHTMLFile(page)));
		failOn('index a page', added.flatMap((each) => each.errors));
		// Pagefind leaves in place a file that is already there under its name (named by
		// its content): the folder is emptied first, so that every file of the index is
		// this build's (src/integrations/kept-output.ts removes the rest).
		await rm(path.join(dir, 'pagefind'), { recursive: true, force: true });
		const written = await opened.writeFiles({ outputPath: path.join(dir, 'pagefind') });
		failOn('write its index', written.errors);
		await pagefind.close();
		return { seconds: (performance.now() - started) / 1000, pages: pages.length };
	};
	return {
		name: 'story-search-index',
		hooks: {
			'astro:config:done': ({ config }) => {
				base = config.base.endsWith('/') ? config.base : `${config.base}/`;
				outDir = fileURLToPath(config.outDir);
			},
			'astro:build:start': async () => {
				startNotingSearchablePages();
				// No forced language: Pagefind keeps an index per language, the pages' (`<html
				// lang="en">`) and each article's own (`ko`, `ja`), which the search page merges.
				const created = await pagefind.createIndex({ maxFragments: MAX_FRAGMENTS });
				failOn('start', created.errors);
				if (!created.index) throw new Error('Pagefind could not start.');
				const opened = created.index;
				index = opened;
				const snapshot = currentSnapshot();
				const input = snapshot?.content.input;
				// Not awaited: Pagefind indexes them while the build goes on.
				articles = (input?.articles ?? []).map((article) => opened.addCustomRecord(articleSearchRecord(article, snapshot?.content.paragraphs.get(article.id) ?? [])));
				// Each claim from the content too, dated by the first day a source spoke to it.
				const day = new Map((input?.articles ?? []).map((article) => [article.id, splitDateTime(article.data.published).date]));
				claims = (input?.facts ?? []).map((fact) => {
					const days = fact.data.sources.flatMap((source) => day.get(source.article) ?? []).sort();
					return opened.addCustomRecord(claimSearchRecord(fact, days[0]));
				});
			},
			// Once the pages are written, the index is written beside the rest of the build's
			// end (the sitemap, the record of reused pages), and awaited when the build is done.
			'astro:build:generated': () => {
				if (!index) throw new Error('The search index was not opened: astro:build:start did not run.');
				writing = writeIndex(index, outDir, base);
				// Its failure is reported when the build is done, where it is awaited.
				writing.catch(() => undefined);
			},
			'astro:build:done': async ({ logger }) => {
				if (!writing) throw new Error('The search index was not written: astro:build:generated did not run.');
				const { seconds, pages } = await writing;
				writing = undefined;
				index = undefined;
				logger.info(
					`Indexed ${articles.length + claims.length + pages} pages for search in ${seconds.toFixed(1)} s after the pages were written (${articles.length} articles and ${claims.length} claims were handed to Pagefind when the build started, ${pages} pages read back from the output).`,
				);
				articles = [];
				claims = [];
			},
		},
	};
}
