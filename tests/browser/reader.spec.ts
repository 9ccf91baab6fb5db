/**
 * What a reader does, in a real browser: follow the story by clicks, move through the
 * navigation by keyboard, and search. Searching in Korean and Japanese, and their glyphs,
 * are checked on the sites that have such articles (languages.spec.ts).
 */
import type { Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import yaml from 'js-yaml';
import { loadContent } from '../../src/content-files/load-content.ts';
import { agreementOf } from '../../src/model/facts.ts';
import { expect, test } from './fixtures.ts';
import { searchResults } from './search.ts';

/** The background colour of the element the URL's fragment points at. */
async function targetBackground(page: Page): Promise<string> {
	return page.evaluate(() => {
		const target = document.querySelector(':target');
		return target ? getComputedStyle(target).backgroundColor : 'no :target';
	});
}

/** The text of the element the URL's fragment points at, without the citation marks after cited words (`sup.cites`). */
async function targetWords(page: Page): Promise<string> {
	return page.evaluate(() => {
		const target = document.querySelector(':target');
		if (!target) return 'no :target';
		const copy = target.cloneNode(true) as Element;
		for (const citation of copy.querySelectorAll('sup.cites')) citation.remove();
		return (copy.textContent ?? '').replace(/\s+/g, ' ');
	});
}

test('a reader follows the story by clicks: home, a stop, a company, an article, a passage, and back', async ({ page }) => {
	await page.goto('/');
	await page.locator('.stop-cards').getByRole('link', { name: 'Seoul' }).click();
	await expect(page).toHaveURL(/\/stops\/seoul\/$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mark Zuckerberg in Seoul');

	await page.locator('section[aria-labelledby="companies"]').getByRole('link', { name: 'LG Electronics' }).click();
	await expect(page).toHaveURL(/\/companies\/lg-electronics\/$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('LG Electronics');

	const article = page.getByRole('heading', { name: 'Articles that mention it' }).locator('xpath=following-sibling::*[1]').getByRole('link').first();
	const title = await article.textContent();
	await article.click();
	await expect(page).toHaveURL(/\/articles\/[a-z0-9-]+\/$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title ?? '');
	await page.goBack();
	await expect(page).toHaveURL(/\/companies\/lg-electronics\/$/);

	// A passage's source: the exact words, highlighted where they stand in the article.
	const passage = page.locator('p.passage').first();
	const words = (await passage.locator('q').textContent()) ?? '';
	await passage.getByRole('link', { name: /^In context: / }).click();
	await expect(page).toHaveURL(/\/articles\/[a-z0-9-]+\/#p-\d+$/);
	// The paragraph holds the words as the source prints them, the citations ("[2]") set after cited words aside.
	await expect.poll(() => targetWords(page)).toContain(words.replace(/\s+/g, ' '));
	expect(await targetBackground(page)).not.toBe('rgba(0, 0, 0, 0)');
	await expect(page.locator(':target')).toBeInViewport();

	await page.goBack();
	await expect(page).toHaveURL(/\/companies\/lg-electronics\/$/);
});

test('the keyboard alone reaches every link of the site navigation, with a visible focus ring', async ({ page }) => {
	await page.goto('/stops/tokyo/');
	const navigation = await page.locator('nav.site-nav a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
	expect(navigation).toHaveLength(9);

	const reached: string[] = [];
	for (let press = 0; press < 20 && reached.length < navigation.length; press++) {
		await page.keyboard.press('Tab');
		const focused = await page.evaluate(() => {
			const element = document.activeElement as HTMLElement | null;
			if (!element) return undefined;
			const style = getComputedStyle(element);
			return {
				href: element.getAttribute('href'),
				inNav: Boolean(element.closest('nav.site-nav')),
				outline: `${style.outlineStyle} ${parseFloat(style.outlineWidth)}`,
			};
		});
		if (!focused?.inNav) continue;
		expect(focused.outline, `focus ring on ${focused.href}`).toMatch(/^(solid|auto|dotted|dashed|double) ([2-9]|\d\d)/);
		reached.push(focused.href ?? '');
	}
	expect(reached).toEqual(navigation);

	// The skip link comes first, and takes the reader past the navigation.
	await page.goto('/stops/tokyo/');
	await page.keyboard.press('Tab');
	await expect(page.locator(':focus')).toHaveText('Skip to content');
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/#main$/);
});

for (const [query, expected] of [
	['Samsung', '/companies/samsung-electronics/'],
	['Kishida', '/people/fumio-kishida/'],
] as const) {
	test(`searching for "${query}" finds ${expected}`, async ({ page }) => {
		await page.goto('/search/');
		await expect(page.locator('#search-needs-javascript')).toBeHidden();
		const hrefs = await searchResults(page, query);
		expect(hrefs).toContain(expected);
		expect(hrefs.every((href) => href.startsWith('/'))).toBe(true);
	});
}

test('the search page says so when JavaScript is off, and points to the rest of the site', async ({ browser, site }) => {
	const context = await browser.newContext({ javaScriptEnabled: false, baseURL: site.origin });
	const page = await context.newPage();
	await page.goto('/search/');
	await expect(page.getByText('Search needs JavaScript, which is off in your browser')).toBeVisible();
	await expect(page.locator('#search-needs-javascript').getByRole('link', { name: 'timeline' })).toHaveAttribute('href', '/timeline/');
	await context.close();
});

test('a stance in the fact ledger lands on the exact words in the article, highlighted, without JavaScript', async ({ browser, site }) => {
	// A source that differs from a disputed claim, as the content gives it.
	const { input } = await loadContent(site.contentDir);
	const disputed = (input.facts ?? []).find((fact) => agreementOf(fact.data.sources.map((source) => source.stance)) === 'disputed');
	const differing = disputed?.data.sources.find((source) => source.stance === 'differs' || source.stance === 'contradicts');
	if (!disputed || !differing) throw new Error(`the content of ${site.contentDir} has no disputed claim`);

	const context = await browser.newContext({ javaScriptEnabled: false, baseURL: site.origin });
	const page = await context.newPage();
	await page.goto('/facts/');
	const row = page.locator('table.ledger tbody tr', { has: page.locator(`a[href="/facts/${disputed.id}/"]`) });
	await expect(row).toHaveClass(/disputed/);
	await row.locator(`a[href^="/articles/${differing.article}/#q-"]`).click();
	await expect(page).toHaveURL(new RegExp(`/articles/${differing.article}/#q-`));
	const target = page.locator(':target');
	await expect(target).toHaveText(differing.passage.replace(/\s+/g, ' '));
	await expect(target).toBeInViewport();
	const [tagName, background] = await target.evaluate((element) => [element.tagName, getComputedStyle(element).backgroundColor]);
	expect(tagName).toBe('MARK');
	expect(background).not.toBe('rgba(0, 0, 0, 0)');
	await context.close();
});

test('on a phone, each comma of a "Reported by" list stays on the line of the title before it', async ({ browser, site }) => {
	const context = await browser.newContext({ viewport: { width: 390, height: 844 }, baseURL: site.origin });
	const page = await context.newPage();
	await page.goto('/stops/seoul/');
	// Each item after the first begins with its comma (a ::before), so the item's first box
	// must sit on the line of the last box of the item before it: their middles within a
	// third of a line (the link's padding makes its box taller than the comma's).
	const stray = await page.locator('.event .inline-list').evaluateAll((lists) =>
		lists.flatMap((list) => {
			const items = [...list.children];
			const middle = (box: DOMRect) => box.top + box.height / 2;
			return items.slice(1).flatMap((item, index) => {
				const before = [...(items[index]?.getClientRects() ?? [])].at(-1);
				const first = item.getClientRects()[0];
				return before && first && Math.abs(middle(first) - middle(before)) > 8 ? [`a comma on a line of its own before "${item.textContent}"`] : [];
			});
		}),
	);
	// The lists this checks do wrap at this width: some title spans more than one line.
	const wrapped = await page.locator('.event .inline-list li').evaluateAll((items) => items.filter((item) => item.getClientRects().length > 1).length);
	expect(wrapped).toBeGreaterThan(0);
	expect(stray).toEqual([]);
	await context.close();
});

test('ten searches a reader would type each put the page about it first, with its kind', async ({ page, site }) => {
	const queries = yaml.load(await readFile(path.join(import.meta.dirname, '..', 'fixtures', 'search-queries.yaml'), 'utf8')) as { query: string; first: string }[];
	expect(queries).toHaveLength(10);
	for (const { query, first } of queries) {
		await page.goto(`${site.base}search/?q=${encodeURIComponent(query)}`);
		const top = page.locator('.pagefind-ui__result').first();
		await expect(top).toBeVisible();
		expect(await top.locator('a.pagefind-ui__result-link').first().getAttribute('href'), `"${query}"`).toBe(`${site.base}${first.slice(1)}`);
		const kind = { people: 'Person', companies: 'Company', stops: 'Stop', facts: 'Claim' }[first.split('/')[1] ?? ''];
		await expect(top.locator('.pagefind-ui__result-tag').filter({ hasText: `Kind: ${kind}` })).toHaveCount(1);
	}
});

test('the empty search page suggests searches from the story, which run from the address', async ({ page, site }) => {
	await page.goto(`${site.base}search/`);
	const suggestions = page.locator('#search-suggestions');
	await expect(suggestions).toBeVisible();
	const links = suggestions.getByRole('link');
	expect(await links.count()).toBeGreaterThan(5);
	const first = links.first();
	const term = (await first.textContent()) ?? '';
	await first.click();
	await expect(page).toHaveURL(new RegExp(`\\?q=${encodeURIComponent(term)}$`));
	await expect(page.locator('.pagefind-ui__result').first()).toBeVisible();
	await expect(suggestions).toBeHidden();
});
