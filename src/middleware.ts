/**
 * Every page's Content Security Policy narrowed to the page (`narrowPolicyToPage` in
 * src/lib/security-policy.ts): Astro hashes every inline script and stylesheet of the
 * build into every page; each page keeps only the hashes of those it holds. It runs as
 * each page is rendered, so the build writes no page twice.
 */
import { defineMiddleware } from 'astro:middleware';
import { createHash } from 'node:crypto';
import { narrowPolicyToPage } from './lib/security-policy.ts';

/** The digests of the inline texts seen so far: most pages share their stylesheets. */
const digests = new Map<string, string>();
const sha256 = (text: string) => {
	let digest = digests.get(text);
	if (digest === undefined) {
		digest = `sha256-${createHash('sha256').update(text).digest('base64')}`;
		// A bound, in case every page had a stylesheet of its own.
		if (digests.size < 1_000) digests.set(text, digest);
	}
	return digest;
};

export const onRequest = defineMiddleware(async (_context, next) => {
	const response = await next();
	if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
	return new Response(narrowPolicyToPage(await response.text(), sha256), response);
});
