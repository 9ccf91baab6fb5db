/**
 * Every page in a real browser, as nginx serves it with the README's headers: no console
 * error, no failed request, no horizontal scrolling at 320 px or at 1280 px; and
 * screenshots of the key pages in light and dark mode, kept as test artifacts
 * (tests/artifacts/screenshots/, not committed).
 */
import path from 'node:path';
import { artifactsDir } from './playwright.config.ts';
import { expect, test } from './fixtures.ts';
import { sitemapPaths } from './sites.ts';

for (const width of [320, 1280]) {
	test(`every page loads without a console error and fits ${width} px without horizontal scrolling`, async ({ page, site }) => {
		const paths = sitemapPaths(site);
		test.setTimeout(60_000 + paths.length * 2_000);
		await page.setViewportSize({ width, height: 900 });
		const problems: string[] = [];
		let current = '';
		page.on('console', (message) => {
			if (message.type() === 'error') problems.push(`${current}: console error: ${message.text()}`);
		});
		page.on('pageerror', (error) => problems.push(`${current}: uncaught: ${error.message}`));
		page.on('requestfailed', (request) => {
			// A request the browser itself cancels as we move to the next page (the favicon,
			// fetched after load) is no fault of the page; every other failure is.
			if (request.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`${current}: request failed: ${request.url()} (${request.failure()?.errorText})`);
		});
		page.on('response', (response) => {
			if (response.status() >= 400) problems.push(`${current}: ${response.status()} for ${response.url()}`);
		});
		const overflowing: string[] = [];
		for (const url of paths) {
			current = url;
			await page.goto(url, { waitUntil: 'load' });
			const { scrollWidth, clientWidth } = await page.evaluate(() => ({
				scrollWidth: document.documentElement.scrollWidth,
				clientWidth: document.documentElement.clientWidth,
			}));
			if (scrollWidth > clientWidth) overflowing.push(`${url}: ${scrollWidth} px wide in a ${clientWidth} px window`);
		}
		expect(problems).toEqual([]);
		expect(overflowing).toEqual([]);
	});
}

for (const colorScheme of ['light', 'dark'] as const) {
	test(`screenshots of home, a stop and the timeline in ${colorScheme} mode`, async ({ page, site }) => {
		await page.emulateMedia({ colorScheme });
		await page.setViewportSize({ width: 1280, height: 900 });
		for (const [name, url] of [
			['home', '/'],
			['stop-seoul', '/stops/seoul/'],
			['timeline', '/timeline/'],
		] as const) {
			await page.goto(url);
			const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
			// The scheme really changes the page: a dark background in dark mode, a light one otherwise.
			const [red = 0, green = 0, blue = 0] = (background.match(/\d+/g) ?? []).map(Number);
			const luminance = (red + green + blue) / 3;
			if (colorScheme === 'dark') expect(luminance, `${url} background ${background}`).toBeLessThan(80);
			else expect(luminance, `${url} background ${background}`).toBeGreaterThan(200);
			await page.screenshot({ path: path.join(artifactsDir, 'screenshots', site.name, `${name}-${colorScheme}.png`), fullPage: true });
		}
	});
}
