/**
 * Korean and Japanese in a real browser: searching a name in its own script finds the
 * articles that write it, their words are drawn with real glyphs on a browser with no
 * Korean or Japanese font of its own, and the search page showing their results has no
 * WCAG 2.2 AA violation.
 *
 * These run on the sites that have articles in both languages: under `/tour/`, where
 * the global setup adds the Korean and Japanese fixture articles to the content
 * (tests/support/language-fixtures.ts), and the editor's site, where the README's steps
 * take in a Korean page and a Japanese feed item. A site without them fails here: no
 * check is skipped. The queries come from the content (search.ts), never from the spec.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures.ts';
import { foreignQueries, searchResults, type ForeignQuery } from './search.ts';
import type { ServedSite } from './sites.ts';
import { WCAG_22_AA } from './wcag.ts';

/** The site's searches in Korean and Japanese, which must include one in each. */
async function koreanAndJapaneseQueries(site: ServedSite): Promise<ForeignQuery[]> {
	const queries = await foreignQueries(site.contentDir);
	const languages = new Set(queries.map((query) => query.lang.split('-')[0]?.toLowerCase()));
	expect([...languages].sort(), `the ${site.name} site's content has articles in Korean and in Japanese, each listing a name its text writes`).toEqual(['ja', 'ko']);
	return queries;
}

test('searching a Korean or Japanese name finds the articles that write it, titled in their language', async ({ page, site }) => {
	for (const { article, lang, query, particle } of await koreanAndJapaneseQueries(site)) {
		await page.goto(`${site.base}search/`);
		const href = `${site.base}articles/${article}/`;
		const hrefs = await searchResults(page, query);
		expect(hrefs, `"${query}"${particle ? ' (in the text only with a particle after it)' : ''} finds ${href}`).toContain(href);
		await expect(page.locator(`.pagefind-ui__result-link[href="${href}"]`)).toHaveAttribute('lang', lang);
		// Each language's index is merged once: no result twice.
		expect(new Set(hrefs).size, `"${query}": a result twice`).toBe(hrefs.length);
	}
});

/** Whether a font can draw Korean and Japanese: the site's own fallbacks, or a system face made for them. */
const CJK_FONT = /Story (?:Korean|Japanese)|Noto Sans (?:CJK|KR|JP)|Gothic|Hiragino|Malgun|Meiryo|Nanum|IPA|Takao|WenQuanYi/i;

test('Korean and Japanese words are drawn with real glyphs, by a face made for them, on a browser with no such font of its own', async ({ page, site }) => {
	const queries = await koreanAndJapaneseQueries(site);
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('DOM.enable');
	await cdp.send('CSS.enable');
	for (const article of new Set(queries.map((query) => query.article))) {
		await page.goto(`${site.base}articles/${article}/`);
		// The headline, and the first element of the body whose own words are Korean or Japanese.
		await page.evaluate(() => {
			const own = (node: Element) => [...node.childNodes].filter((child) => child.nodeType === Node.TEXT_NODE).map((child) => child.textContent ?? '').join('');
			const cjk = /[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
			const body = [...document.querySelectorAll('main [lang] *')].find((node) => node.tagName !== 'H1' && cjk.test(own(node)));
			body?.setAttribute('data-glyph-check', 'body');
		});
		for (const selector of ['h1', '[data-glyph-check="body"]']) {
			const element = page.locator(selector).first();
			// Its own words, not those of the elements inside it: the browser reports the faces of each node's own text.
			const text = await element.evaluate((node) => [...node.childNodes].filter((child) => child.nodeType === Node.TEXT_NODE).map((child) => child.textContent).join(''));
			const characters = text.match(/[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu) ?? [];
			expect(characters.length, `${article}: ${selector} has Korean or Japanese words`).toBeGreaterThan(0);
			// Each character is drawn once the faces it asks for have loaded.
			await page.evaluate(async () => {
				await Promise.all([...document.fonts].filter((face) => face.status === 'unloaded').map(async (face) => face.load().catch(() => undefined)));
				await document.fonts.ready;
			});
			const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
			const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
			const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
			const drawnByCjkFaces = fonts.filter((font) => CJK_FONT.test(font.familyName)).reduce((sum, font) => sum + font.glyphCount, 0);
			expect(drawnByCjkFaces, `${article}: ${selector} "${text.slice(0, 40)}" drawn with ${JSON.stringify(fonts)}`).toBeGreaterThanOrEqual(characters.length);
		}
	}
});

for (const colorScheme of ['light', 'dark'] as const) {
	test(`the search page, showing results in Korean and Japanese, has no WCAG 2.2 AA violation in ${colorScheme} mode`, async ({ browser, site }) => {
		const queries = await koreanAndJapaneseQueries(site);
		const context = await browser.newContext({ baseURL: site.origin, colorScheme });
		try {
			const page = await context.newPage();
			const violations: string[] = [];
			for (const { query, article } of queries) {
				await page.goto(`${site.base}search/`);
				expect(await searchResults(page, query)).toContain(`${site.base}articles/${article}/`);
				const results = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
				for (const violation of results.violations) violations.push(`"${query}": ${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join('; ')}`);
			}
			expect(violations).toEqual([]);
		} finally {
			await context.close();
		}
	});
}
