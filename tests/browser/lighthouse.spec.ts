/**
 * Lighthouse 13 (on Debian's Chromium): home, a stop, the fact ledger and an article
 * score 1.0 in Performance, Accessibility, Best Practices and SEO, in light mode and in
 * dark; the timeline, and the first Korean and the first Japanese article of the
 * `/tour/` site (which has the fixture articles in both), at least 0.95. The JSON reports
 * are kept in tests/artifacts/lighthouse/.
 */
import { loadContent } from '../../src/content-files/load-content.ts';
import { primaryTag } from '../../src/ingest/read/language.ts';
import { expect, test } from './fixtures.ts';
import { servedSite } from './sites.ts';
import { execFile } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { artifactsDir, chromiumArgs } from './playwright.config.ts';

const run = promisify(execFile);
const projectRoot = path.resolve(import.meta.dirname, '../..');
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
/** The least score of every category on the pages a reader sees most: all of it. */
const PERFECT = 1;
const MINIMUM = 0.95;
/** How Chromium is told the reader's colour scheme (Blink's setting: 0 is dark, 1 light). */
const COLOUR_SCHEMES = { light: '--blink-settings=preferredColorScheme=1', dark: '--blink-settings=preferredColorScheme=0' } as const;

test.describe.configure({ mode: 'serial' });

/** Runs Lighthouse on a page of the site and holds each category's score to the minimum. */
async function scoreAtLeast(minimum: number, name: string, url: string, baseURL: string | undefined, scheme: keyof typeof COLOUR_SCHEMES = 'light'): Promise<void> {
	const reportDir = path.join(artifactsDir, 'lighthouse');
	await mkdir(reportDir, { recursive: true });
	const report = path.join(reportDir, `${name}.json`);
	await run(
		process.execPath,
		[
			path.join(projectRoot, 'node_modules', 'lighthouse', 'cli', 'index.js'),
			`${baseURL}${url}`,
			'--output=json',
			`--output-path=${report}`,
			`--only-categories=${CATEGORIES.join(',')}`,
			`--chrome-flags=${[...chromiumArgs, COLOUR_SCHEMES[scheme]].join(' ')}`,
			'--quiet',
		],
		{ env: { ...process.env, CHROME_PATH: process.env['CHROME_PATH'] ?? '/usr/bin/chromium' }, maxBuffer: 64 * 1024 * 1024 },
	);
	const result = JSON.parse(await readFile(report, 'utf8')) as {
		categories: Record<string, { score: number | null }>;
		audits: Record<string, { score: number | null; title: string }>;
		runtimeError?: { message: string };
	};
	expect(result.runtimeError, 'Lighthouse runtime error').toBeUndefined();
	const scores = Object.fromEntries(CATEGORIES.map((category) => [category, result.categories[category]?.score ?? 0]));
	console.log(`Lighthouse ${url} (${scheme}): ${CATEGORIES.map((category) => `${category} ${scores[category]}`).join(', ')}`);
	const failing = Object.values(result.audits)
		.filter((audit) => audit.score !== null && audit.score < 0.9)
		.map((audit) => audit.title);
	for (const category of CATEGORIES) {
		expect(scores[category], `${category} on ${url} (${scheme}); weak audits: ${failing.join('; ')}`).toBeGreaterThanOrEqual(minimum);
	}
}

// Seoul's page has its local name in Korean, marked as Korean.
for (const [name, url] of [
	['home', '/'],
	['stop-seoul', '/stops/seoul/'],
	['ledger', '/facts/'],
	['article', '/articles/meets-lg-samsung-chiefs-in-seoul/'],
] as const) {
	for (const scheme of ['light', 'dark'] as const) {
		test(`Lighthouse scores ${url} ${PERFECT.toFixed(1)} in every category, in ${scheme} mode`, async ({ baseURL }) => {
			await scoreAtLeast(PERFECT, `${name}-${scheme}`, url, baseURL, scheme);
		});
	}
}

test(`Lighthouse scores /timeline/ at least ${MINIMUM} in every category`, async ({ baseURL }) => {
	await scoreAtLeast(MINIMUM, 'timeline', '/timeline/', baseURL);
});

// The /tour/ site has the Korean and Japanese fixture articles, whatever the content holds.
for (const [language, name] of [
	['ko', 'Korean'],
	['ja', 'Japanese'],
] as const) {
	test(`Lighthouse scores the first article in ${name} of the /tour/ site at least ${MINIMUM} in every category`, async () => {
		const tour = servedSite('tour');
		const article = (await loadContent(tour.contentDir)).input.articles.find((each) => primaryTag(each.data.language) === language);
		expect(article, `an article in ${name} in the content of the ${tour.name} site`).toBeDefined();
		await scoreAtLeast(MINIMUM, `article-${language}`, `${tour.base}articles/${article?.id ?? ''}/`, tour.origin);
	});
}
