/**
 * Accessibility: axe-core over every URL in the sitemap of the project's site (the root
 * build, the build under `/tour/`, and the build with news added by the README's steps,
 * each served by nginx with the README's headers), in light and in dark mode, with the
 * WCAG 2.0, 2.1 and 2.2 A and AA rules. The gate is zero violations; no rule is disabled.
 *
 * The search page showing results in Korean and Japanese, which the page draws after it
 * loads, is swept on the sites that have such articles (languages.spec.ts).
 *
 * A sweep opens several pages at once (each in a tab of one browser context), and its
 * time limit grows with the number of pages, so it finishes well within it on a busy
 * two-core machine as the story grows.
 */
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { sitemapPaths } from './sites.ts';
import { WCAG_22_AA } from './wcag.ts';

/** Pages swept at once. */
const TABS = 3;
/**
 * The time a page may take in one tab, at worst, on a busy two-core machine. Measured:
 * 1.3 s a page with the machine to itself, one tab; 8.7 s a page in each of three tabs
 * (2.9 s a page for the sweep) with the other Playwright worker sweeping too and a test
 * run beside it, which missed a limit of 6 s. Twice that leaves room for a slower day.
 */
const PER_PAGE_MS = 18_000;

/** Runs axe over each path, `TABS` at a time; one line per violation, or per page that did not load. */
async function sweep(context: BrowserContext, paths: readonly string[], label: string): Promise<string[]> {
	const violations: string[] = [];
	let next = 0;
	const tab = async () => {
		const page = await context.newPage();
		try {
			while (next < paths.length) {
				const path = paths[next++] as string;
				// A page that does not load (a 404 page is accessible too) would pass unseen.
				const response = await page.goto(path);
				if (!response?.ok()) {
					violations.push(`${path} [${label}]: answered ${response?.status() ?? 'nothing'}, not the page`);
					continue;
				}
				const results = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
				for (const violation of results.violations) {
					const at = violation.nodes
						.slice(0, 3)
						.map((node) => node.target.join(' '))
						.join('; ');
					violations.push(`${path} [${label}]: ${violation.id} (${violation.impact}): ${violation.help} at ${at}`);
				}
			}
		} finally {
			await page.close();
		}
	};
	await Promise.all(Array.from({ length: TABS }, tab));
	return violations.sort();
}

for (const colorScheme of ['light', 'dark'] as const) {
	test(`every page has no WCAG 2.2 AA violation in ${colorScheme} mode`, async ({ browser, site }) => {
		const paths = sitemapPaths(site);
		test.setTimeout(60_000 + (paths.length * PER_PAGE_MS) / TABS);
		expect(paths.length).toBeGreaterThan(10);
		expect(
			paths.filter((path) => !path.startsWith(site.base)),
			`sitemap paths outside ${site.base}`,
		).toEqual([]);
		const context = await browser.newContext({ baseURL: site.origin, colorScheme });
		try {
			expect(await sweep(context, paths, `${site.name}, ${colorScheme}`)).toEqual([]);
		} finally {
			await context.close();
		}
	});
}
