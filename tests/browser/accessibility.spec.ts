/**
 * Accessibility: axe-core over every URL in the sitemap, in light and in dark mode,
 * with the WCAG 2.0, 2.1 and 2.2 A and AA rules, for the site built at `/` (served by
 * `astro preview`) and for the site built under `/tour/` (served by nginx, see
 * tour-site.ts). The gate is zero violations; no rule is disabled.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { sitemapPaths, TOUR_BASE, tourSite } from './site-urls.ts';

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

// A sweep runs axe over some 70 pages, at one to three seconds a page on two cores.
test.describe.configure({ timeout: 240_000 });

/** One page of a build: its path, as the sitemap lists it, and the URL to open it at. */
interface SweptPage {
	path: string;
	url: string;
}

/** A build to sweep: the path it is served under, and its pages. */
interface SweptBuild {
	base: string;
	/** Read when the test runs: the /tour/ build only exists once the global setup has run. */
	pages(): SweptPage[];
}

const builds: SweptBuild[] = [
	// `dist/`, served at the test's baseURL.
	{ base: '/', pages: () => sitemapPaths().map((path) => ({ path, url: path })) },
	{
		base: TOUR_BASE,
		pages: () => {
			const { dir, origin } = tourSite();
			return sitemapPaths(dir).map((path) => ({ path, url: `${origin}${path}` }));
		},
	},
];

for (const build of builds) {
	const where = build.base === '/' ? 'at /' : `under ${build.base}`;
	for (const colorScheme of ['light', 'dark'] as const) {
		test(`every page ${where} has no WCAG 2.2 AA violation in ${colorScheme} mode`, async ({ page }) => {
			await page.emulateMedia({ colorScheme });
			const pages = build.pages();
			expect(pages.length).toBeGreaterThan(10);
			expect(
				pages.filter(({ path }) => !path.startsWith(build.base)).map(({ path }) => path),
				`sitemap paths outside ${build.base}`,
			).toEqual([]);
			const violations: string[] = [];
			for (const { path, url } of pages) {
				// A page that does not load (a 404 page is accessible too) would pass unseen.
				const response = await page.goto(url);
				if (!response?.ok()) {
					violations.push(`${path} [${colorScheme}]: answered ${response?.status() ?? 'nothing'}, not the page`);
					continue;
				}
				const results = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
				for (const violation of results.violations) {
					const at = violation.nodes
						.slice(0, 3)
						.map((node) => node.target.join(' '))
						.join('; ');
					violations.push(`${path} [${colorScheme}]: ${violation.id} (${violation.impact}): ${violation.help} at ${at}`);
				}
			}
			expect(violations).toEqual([]);
		});
	}
}
