import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { headersFile, HEADER_POLICY, inlineBodies, mergeDirectives, narrowPolicyToPage, parsePolicy } from '../../src/lib/security-policy.ts';

const sha256 = (text: string) => `sha256-${createHash('sha256').update(text).digest('base64')}`;
const policy = (html: string) => /content-security-policy" content="([^"]*)"/.exec(html)?.[1];

/** A page as Astro writes it: a policy that names every hash of the build. */
function page(body: string): string {
	const hashes = ['p{color:red}', 'h1{}', 'alert(1)', 'run()'].map((text) => `'${sha256(text)}'`);
	return [
		`<html><head><meta http-equiv="content-security-policy" content="default-src 'none';img-src 'self'; script-src 'self' ${hashes[2]} ${hashes[3]}; style-src 'self' ${hashes[0]} ${hashes[1]};">`,
		'<style>p{color:red}</style><script type="application/ld+json">{"a":1}</script>',
		`</head><body>${body}</body></html>`,
	].join('');
}

describe("a page's policy, narrowed to the page", () => {
	test("keeps only the hashes of the inline scripts and stylesheets the page holds, and every other source", () => {
		expect(policy(narrowPolicyToPage(page('<script>run()</script><script src="/x.js"></script>'), sha256))).toBe(
			`default-src 'none'; img-src 'self'; script-src 'self' '${sha256('run()')}'; style-src 'self' '${sha256('p{color:red}')}'`,
		);
	});

	test('allows no inline script on a page that has none: JSON-LD and scripts with a src do not count', () => {
		expect(parsePolicy(policy(narrowPolicyToPage(page('<script src="/x.js"></script>'), sha256)) ?? '').get('script-src')).toEqual(["'self'"]);
	});

	test('leaves a page without a policy, and the rest of every page, as it was', () => {
		expect(narrowPolicyToPage('<p>No policy</p>', sha256)).toBe('<p>No policy</p>');
		const html = page('<p>Text with <scripts> and <styled> words.</p>');
		expect(narrowPolicyToPage(html, sha256).replace(/content="[^"]*"/, '')).toBe(html.replace(/content="[^"]*"/, ''));
	});
});

describe('inline bodies', () => {
	test('are the texts of script and style elements without a src, never of other tags', () => {
		const html = '<style media="print">a{}</style><scripts>no</scripts><script type="module">go()</script><script src="/a.js"></script>';
		expect(inlineBodies(html, 'style')).toEqual(['a{}']);
		expect(inlineBodies(html, 'script')).toEqual(['go()']);
	});
});

describe("the host's header", () => {
	test('names each directive once, with the sources of every page merged', () => {
		expect(mergeDirectives(["img-src 'self'", "connect-src 'self'", 'img-src data:', "img-src 'self'"])).toEqual(["img-src 'self' data:", "connect-src 'self'"]);
		const names = HEADER_POLICY.split(';').map((part) => part.trim().split(' ')[0]);
		expect(new Set(names).size).toBe(names.length);
		expect(parsePolicy(HEADER_POLICY).get('frame-ancestors')).toEqual(["'none'"]);
	});

	test('is written to _headers under the base path, with the cache of the hashed folders', () => {
		const file = headersFile('/tour/');
		expect(file.split('\n').filter((line) => line.startsWith('/'))).toEqual(['/tour/*', '/tour/_astro/*', '/tour/pagefind/fragment/*', '/tour/pagefind/index/*']);
		expect(file).toContain(`  Content-Security-Policy: ${HEADER_POLICY}\n`);
	});
});
