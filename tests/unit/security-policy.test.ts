import { describe, expect, test } from 'vitest';
import { headersFile, HEADER_POLICY, mergeDirectives, pagePolicy, parsePolicy } from '../../src/lib/security-policy.ts';

describe("a page's policy", () => {
	test('allows scripts and stylesheets from the site alone, with no hash, no inline code and no eval', () => {
		const policy = parsePolicy(pagePolicy('page'));
		expect(policy.get('script-src')).toEqual(["'self'"]);
		expect(policy.get('style-src')).toEqual(["'self'"]);
		expect(policy.get('default-src')).toEqual(["'none'"]);
		expect(pagePolicy('page')).not.toMatch(/'unsafe-|'sha\d+-/);
	});

	test("adds, on the search page alone, Pagefind's WebAssembly and its data: icon, and nothing else", () => {
		const page = parsePolicy(pagePolicy('page'));
		const search = parsePolicy(pagePolicy('search'));
		expect(search.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
		expect(search.get('img-src')).toEqual(["'self'", 'data:']);
		for (const [directive, sources] of search) {
			if (directive !== 'script-src' && directive !== 'img-src') expect(sources, directive).toEqual(page.get(directive));
		}
	});
});

describe("the host's header", () => {
	test('names each directive once, with the sources of every page merged', () => {
		expect(mergeDirectives(["img-src 'self'", "connect-src 'self'", 'img-src data:', "img-src 'self'"])).toEqual(["img-src 'self' data:", "connect-src 'self'"]);
		const names = HEADER_POLICY.split(';').map((part) => part.trim().split(' ')[0]);
		expect(new Set(names).size).toBe(names.length);
		expect(parsePolicy(HEADER_POLICY).get('frame-ancestors')).toEqual(["'none'"]);
	});

	test('allows no inline stylesheet or script either, since no page has one', () => {
		expect(parsePolicy(HEADER_POLICY).get('style-src')).toEqual(["'self'"]);
		expect(parsePolicy(HEADER_POLICY).get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
		expect(HEADER_POLICY).not.toContain("'unsafe-");
	});

	test('is written to _headers under the base path, with the cache of the hashed folders', () => {
		const file = headersFile('/tour/');
		expect(file.split('\n').filter((line) => line.startsWith('/'))).toEqual(['/tour/*', '/tour/_astro/*', '/tour/pagefind/fragment/*', '/tour/pagefind/index/*', '/tour/pagefind-records/fragment/*', '/tour/pagefind-records/index/*']);
		expect(file).toContain(`  Content-Security-Policy: ${HEADER_POLICY}\n`);
	});
});
