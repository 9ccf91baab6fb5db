/**
 * The Content Security Policy in a real browser: every page loads without breaking it,
 * search works under it, and a script planted in a page does not run.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { sitemapPaths } from './site-urls.ts';

const distDir = path.resolve(import.meta.dirname, '../../dist');

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

test('every page loads with no Content Security Policy violation', async ({ page }) => {
	const violations = await recordViolations(page);
	const found: string[] = [];
	for (const url of sitemapPaths()) {
		await page.goto(url);
		await expect(page.locator('meta[http-equiv="content-security-policy"]'), url).toHaveCount(1);
		found.push(...(await violations()).map((violation) => `${url}: ${violation}`));
	}
	expect([...new Set(found)]).toEqual([]);
});

test('search for "Samsung" returns results under the policy, which lets it run WebAssembly', async ({ page }) => {
	const violations = await recordViolations(page);
	await page.goto('/search/');
	const policy = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
	expect(policy).toContain("'wasm-unsafe-eval'");
	await page.getByRole('textbox', { name: /search/i }).fill('Samsung');
	await expect(page.locator('.pagefind-ui__result-link').first()).toBeVisible();
	expect(await violations()).toEqual([]);
});

test('a script planted in a built page does not run, and the browser reports the policy it broke', async ({ page }) => {
	// The built page, word for word, with an inline script and an inline handler added to its body.
	const built = readFileSync(path.join(distDir, 'stops', 'seoul', 'index.html'), 'utf8');
	const planted = built.replace(
		'</main>',
		'<script>window.__planted = "ran"</script><img src="/favicon.svg" alt="" onload="window.__handler = \'ran\'"></main>',
	);
	expect(planted).not.toBe(built);
	await page.route('**/stops/seoul/', (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: planted }));
	const violations = await recordViolations(page);
	await page.goto('/stops/seoul/');
	await expect(page.locator('h1')).toHaveText('Mark Zuckerberg in Seoul');
	expect(await page.evaluate(() => (globalThis as { __planted?: string }).__planted)).toBeUndefined();
	expect(await page.evaluate(() => (globalThis as { __handler?: string }).__handler)).toBeUndefined();
	const reported = await violations();
	expect(reported.filter((violation) => violation.startsWith('script-src'))).toHaveLength(2);
});
