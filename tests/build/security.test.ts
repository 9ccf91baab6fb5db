/**
 * The defences of the built site, read from its HTML: every page's Content Security
 * Policy, its referrer policy, and the headers the build writes for hosts (`_headers`).
 * The `rel` of links that leave the site is checked in site-build.test.ts, on a build
 * with articles that have such links.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { headersFile, parsePolicy, REFERRER_POLICY, SECURITY_HEADERS } from '../../src/lib/security-policy.ts';
import { readPages, type BuiltPage } from '../../scripts/lib/dist.ts';

const distDir = inject('distDir');
let pages: Map<string, BuiltPage>;

beforeAll(async () => {
	pages = await readPages(distDir);
});

/** The policy of a page's `<meta http-equiv>`, by directive. */
function policyOf(url: string, page: BuiltPage): Map<string, string[]> {
	const metas = page.document.querySelectorAll('meta[http-equiv="content-security-policy"]');
	expect(metas, `${url} has one policy`).toHaveLength(1);
	return parsePolicy(metas[0]?.getAttribute('content') ?? '');
}

/** The scripts a browser would run that are written in the page (JSON-LD is data, not script). */
const inlineScripts = (page: BuiltPage) =>
	page.document.querySelectorAll('script:not([src])').filter((script) => script.getAttribute('type') !== 'application/ld+json');

describe('the Content Security Policy', () => {
	test('is on every page, and lets no page run an inline script, eval, or a script from another origin; no page has one', () => {
		expect(pages.size).toBeGreaterThan(10);
		for (const [url, page] of pages) {
			const scripts = policyOf(url, page).get('script-src') ?? [];
			expect(scripts, url).toContain("'self'");
			expect(scripts, url).not.toContain("'unsafe-inline'");
			expect(scripts, url).not.toContain("'unsafe-eval'");
			// Only keywords and hashes: no host, no scheme, no wildcard.
			for (const source of scripts) expect(source, `${url}: script-src ${source}`).toMatch(/^'[a-z0-9-]+'$|^'sha(256|384|512)-[A-Za-z0-9+/=]+'$/);
			// No page has an inline script, so the host's header policy, which names no hash,
			// runs every script a page has: each is a file of this site ('self').
			expect(inlineScripts(page).map((script) => script.textContent.slice(0, 80)), `${url} has an inline script`).toEqual([]);
			expect(scripts.filter((source) => source.startsWith("'sha")), `${url} allows no inline script`).toEqual([]);
			for (const script of page.document.querySelectorAll('script[src]')) expect(script.getAttribute('src'), url).toMatch(/^\/(?!\/)/);
		}
	});

	test('closes plugins, the base URL and form targets, and loads nothing that no directive names', () => {
		for (const [url, page] of pages) {
			const policy = policyOf(url, page);
			expect(policy.get('default-src'), url).toEqual(["'none'"]);
			expect(policy.get('object-src'), url).toEqual(["'none'"]);
			expect(policy.get('base-uri'), url).toEqual(["'none'"]);
			expect(policy.get('form-action'), url).toEqual(["'self'"]);
		}
	});

	test("allows images from the site alone (and on /search/, Pagefind's data: icon), and every image a page loads is on the site", () => {
		for (const [url, page] of pages) {
			expect(policyOf(url, page).get('img-src'), url).toEqual(url === '/search/' ? ["'self'", 'data:'] : ["'self'"]);
			const images = [
				...page.document.querySelectorAll('img[src]').map((image) => image.getAttribute('src') ?? ''),
				...page.document.querySelectorAll('link[rel~="icon"]').map((icon) => icon.getAttribute('href') ?? ''),
			];
			for (const src of images) expect(src, `${url} loads ${src}`).toMatch(/^\/(?!\/)/);
		}
	});

	test('allows stylesheets from the site alone, and no page writes a stylesheet or a style attribute into itself', () => {
		for (const [url, page] of pages) {
			expect(policyOf(url, page).get('style-src'), url).toEqual(["'self'"]);
			expect(page.document.querySelectorAll('style'), `${url} has an inline stylesheet`).toHaveLength(0);
			expect(page.document.querySelectorAll('[style]'), `${url} has a style attribute`).toHaveLength(0);
			const sheets = page.document.querySelectorAll('link[rel="stylesheet"]').map((link) => link.getAttribute('href') ?? '');
			expect(sheets.length, `${url} links to a stylesheet`).toBeGreaterThan(0);
			for (const href of sheets) expect(href, `${url} loads ${href}`).toMatch(/^\/(?!\/)/);
		}
	});

	test('is the first element of the head, so that it governs every stylesheet and script the page loads', () => {
		for (const [url, page] of pages) {
			const head = page.document.querySelector('head');
			const first = head?.children.find((element) => element.getAttribute('charset') === undefined);
			expect(first?.getAttribute('http-equiv'), url).toBe('content-security-policy');
		}
	});

	test('gives /search/ what Pagefind needs, WebAssembly, and no other page; every page may fetch from the site alone', () => {
		for (const [url, page] of pages) {
			const policy = policyOf(url, page);
			expect(policy.get('connect-src'), url).toEqual(["'self'"]);
			if (url === '/search/') expect(policy.get('script-src')).toEqual(expect.arrayContaining(["'self'", "'wasm-unsafe-eval'"]));
			else expect(policy.get('script-src'), url).not.toContain("'wasm-unsafe-eval'");
		}
	});
});

describe('the referrer', () => {
	test(`is "${REFERRER_POLICY}" on every page, for hosts that send no header`, () => {
		for (const [url, page] of pages) expect(page.document.querySelector('meta[name="referrer"]')?.getAttribute('content'), url).toBe(REFERRER_POLICY);
	});
});

describe('the headers for hosts', () => {
	test('are written to _headers: the security headers on every path, and a year on the hashed files', async () => {
		const written = await readFile(path.join(distDir, '_headers'), 'utf8');
		expect(written).toBe(headersFile('/'));
		const [first, ...rest] = written.split('\n').filter((line) => !line.startsWith('#'));
		expect(first).toBe('/*');
		for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(rest).toContain(`  ${name}: ${value}`);
		expect(written).toMatch(/^\/_astro\/\*\n {2}Cache-Control: public, max-age=31536000, immutable$/m);
	});

	test("bound every page's policy: the header allows each source a page's policy allows", () => {
		const header = parsePolicy(SECURITY_HEADERS['Content-Security-Policy'] ?? '');
		expect(header.get('frame-ancestors')).toEqual(["'none'"]);
		for (const [url, page] of pages) {
			for (const [directive, sources] of policyOf(url, page)) {
				const allowed = header.get(directive) ?? header.get('default-src') ?? [];
				for (const source of sources) expect(allowed, `${url}: ${directive} ${source}`).toContain(source);
			}
		}
	});
});
