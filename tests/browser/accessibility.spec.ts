/**
 * Accessibility: axe-core over every URL in the sitemap, in light and in dark mode,
 * with the WCAG 2.0, 2.1 and 2.2 A and AA rules. The gate is zero violations; no rule
 * is disabled.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { sitemapPaths } from './site-urls.ts';

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

for (const colorScheme of ['light', 'dark'] as const) {
	test(`every page has no WCAG 2.2 AA violation in ${colorScheme} mode`, async ({ page }) => {
		await page.emulateMedia({ colorScheme });
		const violations: string[] = [];
		const paths = sitemapPaths();
		for (const url of paths) {
			await page.goto(url);
			const results = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
			for (const violation of results.violations) {
				const where = violation.nodes
					.slice(0, 3)
					.map((node) => node.target.join(' '))
					.join('; ');
				violations.push(`${url} [${colorScheme}]: ${violation.id} (${violation.impact}): ${violation.help} at ${where}`);
			}
		}
		expect(paths.length).toBeGreaterThan(10);
		expect(violations).toEqual([]);
	});
}
