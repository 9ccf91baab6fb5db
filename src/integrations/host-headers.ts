/**
 * Writes `_headers` into the build, for hosts that read it (Netlify, Cloudflare Pages
 * and others): the security headers on every response, and a year's cache on the files
 * named by their hash. What it says comes from src/lib/security-policy.ts, as does the
 * policy of each page and the README's nginx examples (checked by `npm run check:site`).
 */
import type { AstroIntegration } from 'astro';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { headersFile } from '../lib/security-policy.ts';

export function hostHeaders(): AstroIntegration {
	let base = '/';
	return {
		name: 'story-host-headers',
		hooks: {
			'astro:config:done': ({ config }) => {
				base = config.base.endsWith('/') ? config.base : `${config.base}/`;
			},
			'astro:build:done': async ({ dir, logger }) => {
				await writeFile(new URL('_headers', dir), headersFile(base));
				logger.info(`Wrote ${fileURLToPath(new URL('_headers', dir))}: the security headers and the cache of hashed files, under ${base}.`);
			},
		},
	};
}
