/**
 * What makes the built pages read well, read from `dist` (built once by
 * tests/support/build-site.ts), with expectations from the content files:
 * - every span of dates the site writes is wrapped in a no-break element, on every page;
 * - each cited passage of an article is followed by a citation naming, in text, every
 *   claim of the ledger (and every stop's quote) that cites it, linked to it;
 * - a legend explains the marks once, above the first of them, on the pages that have marks.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { loadContent } from '../../src/content-files/load-content.ts';
import { formatDateRange, MONTH_NAMES } from '../../src/lib/calendar.ts';
import { passageAnchor } from '../../src/lib/passage-anchor.ts';
import type { ModelInput } from '../../src/model/types.ts';
import { hrefs, readPages, type BuiltPage } from '../../scripts/lib/dist.ts';
import { realContentDir } from '../support/content-fixtures.ts';

const distDir = inject('distDir');
let pages: Map<string, BuiltPage>;
let content: ModelInput;

beforeAll(async () => {
	pages = await readPages(distDir);
	content = (await loadContent(realContentDir)).input;
});

const page = (url: string) => {
	const found = pages.get(url);
	if (!found) throw new Error(`No page at ${url}`);
	return found;
};
const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

const MONTH = `(?:${MONTH_NAMES.join('|')})`;
/**
 * A span of dates as the site writes one (src/lib/calendar.ts): "28–29 February 2024",
 * "29 February – 3 March 2024", "31 December 2024 – 2 January 2025", "February–March".
 */
const DATE_RANGE = new RegExp(
	// Text of adjacent elements runs together ("When26–27 February"): a day is a number with no digit before it.
	[`(?<!\\d)\\d{1,2}\\s*–\\s*\\d{1,2} ${MONTH}`, `(?<!\\d)\\d{1,2} ${MONTH}(?: \\d{4})?\\s*–\\s*\\d{1,2} ${MONTH}`, `${MONTH}\\s*–\\s*${MONTH}`].join('|'),
	'g',
);

/**
 * The text of a page's body that is the site's own, with every `.date-range` taken out:
 * no script or style, and not the sources' words, which are kept as they were printed
 * (an article's text, quotes, cited passages).
 */
function ownTextOutsideDateRanges(built: BuiltPage): string {
	const body = parse(built.html).querySelector('body');
	if (!body) return '';
	for (const element of body.querySelectorAll('script, style, .date-range, .article-body, blockquote, q, .says')) element.remove();
	return normalise(body.textContent);
}

describe('dates', () => {
	test('every span of dates on every page stays on one line: each is wrapped in a no-break .date-range', () => {
		const broken = [...pages].flatMap(([url, built]) => [...ownTextOutsideDateRanges(built).matchAll(DATE_RANGE)].map((match) => `${url}: "${match[0]}"`));
		expect(broken).toEqual([]);
	});

	test('the home page and each stop page show the stops’ spans so wrapped, and the stylesheet keeps them together', async () => {
		const spans = (url: string) => page(url).document.querySelectorAll('.date-range').map((element) => normalise(element.textContent));
		for (const stop of content.stops.filter((each) => each.data.dates.end !== each.data.dates.start)) {
			const dates = formatDateRange(stop.data.dates.start, stop.data.dates.end);
			expect(spans('/'), `the home page shows ${stop.id}'s dates`).toContain(dates);
			expect(spans(`/stops/${stop.id}/`), `${stop.id}'s page shows its dates`).toContain(dates);
		}
		const stylesheets = page('/').document.querySelectorAll('link[rel="stylesheet"]').map((link) => link.getAttribute('href') ?? '');
		const css = (await Promise.all(stylesheets.filter((href) => href.startsWith('/_astro/')).map((href) => readFile(path.join(distDir, href), 'utf8')))).join('\n');
		const inline = page('/').document.querySelectorAll('style').map((style) => style.textContent).join('\n');
		expect(`${css}\n${inline}`).toMatch(/\.date-range\s*\{\s*white-space:\s*nowrap;?\s*\}/);
	});
});

/** The outermost mark around an element of an article's body. */
function outermostMark(element: HTMLElement): HTMLElement {
	let mark = element;
	for (let parent = element.parentNode; parent; parent = parent.parentNode) if (parent.tagName === 'MARK') mark = parent;
	return mark;
}

describe('the marks of cited passages', () => {
	test('name, after the words, each claim of the ledger that cites them, in text and linked to it', () => {
		const problems: string[] = [];
		for (const fact of content.facts ?? []) {
			for (const source of fact.data.sources) {
				const url = `/articles/${source.article}/`;
				const document = page(url).document;
				const words = document.getElementById(passageAnchor(source.passage));
				if (!words) {
					problems.push(`${url}: no mark for ${fact.id}`);
					continue;
				}
				const cites = outermostMark(words).nextElementSibling;
				if (cites?.tagName !== 'SUP' || !cites.classList.contains('cites')) {
					problems.push(`${url}: the words ${fact.id} cites are not followed by a citation (sup.cites)`);
					continue;
				}
				const link = cites.querySelectorAll('a').find((each) => each.getAttribute('href') === `#claim-${fact.id}`);
				const name = link?.getAttribute('aria-label') ?? '';
				if (!link || !name.includes(fact.data.statement)) {
					problems.push(`${url}: the citation after ${fact.id}'s words does not name it: "${name}"`);
					continue;
				}
				// The number it shows is the claim's in the list below the article, which links to the claim's page.
				const listed = document.querySelectorAll('ol.cited-claims > li');
				const at = listed.findIndex((item) => item.id === `claim-${fact.id}`);
				if (at === -1 || link.textContent !== String(at + 1) || !name.startsWith(`Claim ${at + 1}: `)) {
					problems.push(`${url}: ${fact.id} is shown as [${link.textContent}], but is claim ${at + 1} of the list`);
				}
				if (!hrefs(listed[at] ?? null).includes(`/facts/${fact.id}/`)) problems.push(`${url}: claim ${at + 1} does not link to /facts/${fact.id}/`);
			}
		}
		expect(problems).toEqual([]);
	});

	test("name the stop page that quotes them, for a stop's quote", () => {
		for (const stop of content.stops) {
			for (const quote of stop.data.quotes) {
				const words = page(`/articles/${quote.article}/`).document.getElementById(passageAnchor(quote.text));
				expect(words, `${stop.id} quotes ${quote.article}`).not.toBeNull();
				const link = outermostMark(words as HTMLElement).nextElementSibling?.querySelectorAll('a').find((each) => each.getAttribute('href') === `/stops/${stop.id}/#quotes`);
				expect(link?.textContent, `${stop.id} quotes ${quote.article}`).toBe('quoted');
				expect(link?.getAttribute('aria-label')).toContain(stop.data.city);
			}
		}
	});

	test('leave the words themselves exactly as the source prints them', () => {
		for (const fact of content.facts ?? []) {
			for (const source of fact.data.sources) {
				const words = page(`/articles/${source.article}/`).document.getElementById(passageAnchor(source.passage));
				expect(normalise(words?.textContent ?? ''), fact.id).toBe(normalise(source.passage));
				expect(words?.querySelector('sup.cites'), fact.id).toBeNull();
			}
		}
	});

	test('give every mark a citation, and no citation without a mark before it', () => {
		for (const article of content.articles) {
			const body = page(`/articles/${article.id}/`).document.querySelector('.article-body');
			const outermost = (body?.querySelectorAll('mark.passage') ?? []).filter((mark) => outermostMark(mark) === mark);
			for (const mark of outermost) expect(mark.nextElementSibling?.classList.contains('cites'), `${article.id} #${mark.id}`).toBe(true);
			expect(body?.querySelectorAll('sup.cites').length, article.id).toBe(outermost.length);
		}
	});

	test('are explained by a legend, once, above the first of them, on every article page with marks and no other', () => {
		for (const article of content.articles) {
			const built = page(`/articles/${article.id}/`);
			const legends = built.document.querySelectorAll('.marks-legend');
			const firstMark = built.html.indexOf('<mark');
			if (firstMark === -1) {
				expect(legends, article.id).toHaveLength(0);
				continue;
			}
			expect(legends, article.id).toHaveLength(1);
			expect(built.html.indexOf('class="marks-legend"'), `${article.id}: the legend stands before the first mark`).toBeLessThan(firstMark);
			expect(legends[0]?.textContent).toMatch(/highlighted words/i);
		}
		for (const [url, built] of pages) if (!url.startsWith('/articles/') || url === '/articles/') expect(built.document.querySelectorAll('.marks-legend'), url).toHaveLength(0);
	});
});
