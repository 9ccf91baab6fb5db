/**
 * The Content Security Policy in a real browser, as a host serves the site: nginx with
 * the README's example sends the header policy, and each page carries its own in a
 * `<meta>`; the browser enforces both. Every page loads without breaking either, search
 * works under both, and a script planted in a page does not run, even where the page's
 * own policy is taken away.
 */
import type { Page } from '@playwright/test';
import { SECURITY_HEADERS } from '../../src/lib/security-policy.ts';
import { expect, test } from './fixtures.ts';
import { sitemapPaths } from './sites.ts';

/** Records every policy violation the page reports, from its first script on. */
async function recordViolations(page: Page): Promise<() => Promise<string[]>> {
	const console: string[] = [];
	page.on('console', (message) => {
		if (/Content Security Policy/i.test(message.text())) console.push(message.text());
	});
	await page.addInitScript(() => {
		const seen: string[] = [];
		(globalThis as { __violations?: string[] }).__violations = seen;
		document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'}`));
	});
	// Each call returns what was reported since the last.
	return async () => [...console.splice(0), ...(await page.evaluate(() => (globalThis as { __violations?: string[] }).__violations ?? []))];
}

test('every page comes with the header policy and its own, and loads with no violation of either', async ({ page, site }) => {
	const violations = await recordViolations(page);
	const found: string[] = [];
	const paths = sitemapPaths(site);
	test.setTimeout(60_000 + paths.length * 2_000);
	for (const url of paths) {
		const response = await page.goto(url);
		expect(response?.status(), url).toBe(200);
		// Served as the README tells hosts to serve it: the header's policy, with no hash.
		expect(response?.headers()['content-security-policy'], url).toBe(SECURITY_HEADERS['Content-Security-Policy']);
		await expect(page.locator('meta[http-equiv="content-security-policy"]'), url).toHaveCount(1);
		found.push(...(await violations()).map((violation) => `${url}: ${violation}`));
	}
	expect([...new Set(found)]).toEqual([]);
});

test('search for "Samsung" returns results under both policies, which let it run WebAssembly', async ({ page, site }) => {
	const violations = await recordViolations(page);
	const response = await page.goto(`${site.base}search/`);
	expect(response?.headers()['content-security-policy']).toContain("'wasm-unsafe-eval'");
	const policy = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
	expect(policy).toContain("'wasm-unsafe-eval'");
	await expect(page.locator('#search-needs-javascript')).toBeHidden();
	await page.getByRole('textbox', { name: /search/i }).fill('Samsung');
	const results = page.locator('.pagefind-ui__result-link');
	await expect(results.first()).toBeVisible();
	const hrefs = await results.evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
	expect(hrefs.every((href) => href.startsWith(site.base))).toBe(true);
	expect(await violations()).toEqual([]);
});

for (const keep of ['both policies', 'the header policy alone'] as const) {
	test(`a script planted in a built page does not run under ${keep}, and the browser reports the policy it broke`, async ({ page, site }) => {
		const url = `${site.base}stops/seoul/`;
		// The page as the host serves it, headers and all, with an inline script and an inline
		// handler added to its body (and, for the second case, its own policy taken out).
		await page.route(`**${url}`, async (route) => {
			const response = await route.fetch();
			let body = (await response.text()).replace(
				'</main>',
				`<script>window.__planted = "ran"</script><img src="${site.base}favicon.svg" alt="" onload="window.__handler = 'ran'"></main>`,
			);
			if (keep === 'the header policy alone') body = body.replace(/<meta http-equiv="content-security-policy"[^>]*>/, '');
			await route.fulfill({ response, body });
		});
		const violations = await recordViolations(page);
		const response = await page.goto(url);
		expect(response?.headers()['content-security-policy']).toBe(SECURITY_HEADERS['Content-Security-Policy']);
		await expect(page.locator('meta[http-equiv="content-security-policy"]')).toHaveCount(keep === 'both policies' ? 1 : 0);
		await expect(page.locator('h1')).toHaveText('Mark Zuckerberg in Seoul');
		// The plant is in the page: the script and the handler are there, refused.
		await expect(page.locator('main > script:not([src])')).toHaveCount(1);
		await expect(page.locator('main img[onload]')).toHaveCount(1);
		expect(await page.evaluate(() => (globalThis as { __planted?: string }).__planted)).toBeUndefined();
		expect(await page.evaluate(() => (globalThis as { __handler?: string }).__handler)).toBeUndefined();
		// Both the element and the handler are reported (once by each policy that refuses them).
		const reported = new Set((await violations()).filter((violation) => violation.startsWith('script-src')));
		expect([...reported].sort()).toEqual(['script-src-attr blocked inline', 'script-src-elem blocked inline']);
	});
}
