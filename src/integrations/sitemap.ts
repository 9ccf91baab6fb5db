/**
 * Writes the sitemap (`sitemap-index.xml`, then `sitemap-0.xml` and on, at most
 * `URLS_PER_FILE` addresses each): every page of the build, those it rendered and those
 * it reused from the last build (src/page-reuse/), which Astro does not list among its
 * pages, but the 404 page. The addresses are in a fixed order, so that a build that
 * reused pages writes the same sitemap as one that rendered them all.
 */
import type { AstroIntegration } from 'astro';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { reusedPages } from '../page-reuse/reuse.ts';

/** The most addresses in one sitemap file (the protocol allows 50,000). */
export const URLS_PER_FILE = 45_000;

const escapeXml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/**
 * The sitemap's files, by name: the index, then each file of `urls` (absolute, in their
 * order), `site` and `base` giving the files' own addresses.
 */
export function sitemapFiles(urls: readonly string[], siteAndBase: string): Map<string, string> {
	const files = new Map<string, string>();
	const names: string[] = [];
	for (let start = 0, part = 0; start < Math.max(urls.length, 1); start += URLS_PER_FILE, part++) {
		const name = `sitemap-${part}.xml`;
		names.push(name);
		const entries = urls.slice(start, start + URLS_PER_FILE).map((url) => `<url><loc>${escapeXml(url)}</loc></url>`);
		files.set(name, `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${entries.join('')}</urlset>`);
	}
	const index = names.map((name) => `<sitemap><loc>${escapeXml(new URL(name, siteAndBase).href)}</loc></sitemap>`);
	files.set('sitemap-index.xml', `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${index.join('')}</sitemapindex>`);
	return files;
}

export function storySitemap(): AstroIntegration {
	let site = '';
	let base = '/';
	return {
		name: 'story-sitemap',
		hooks: {
			'astro:config:done': ({ config }) => {
				site = config.site ?? '';
				base = config.base.endsWith('/') ? config.base : `${config.base}/`;
			},
			'astro:build:done': async ({ dir, pages, logger }) => {
				if (!site) throw new Error('The sitemap needs the site’s origin (SITE).');
				const siteAndBase = new URL(base, site).href;
				const rendered = pages.map((page) => new URL(page.pathname.replace(/^\//, ''), siteAndBase).href);
				// A reused page's address is the path it was served at, the base path in it.
				const reused = reusedPages()
					.filter((page) => page.file.endsWith('.html'))
					.map((page) => new URL(page.pathname, site).href);
				const urls = [...new Set([...rendered, ...reused])].filter((url) => !/\/404\/?$/.test(url)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
				const files = sitemapFiles(urls, siteAndBase);
				await Promise.all([...files].map(([name, text]) => writeFile(new URL(name, dir), text)));
				logger.info(`Wrote the sitemap of ${urls.length} pages to ${fileURLToPath(new URL('sitemap-index.xml', dir))}.`);
			},
		},
	};
}
