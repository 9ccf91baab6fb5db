/** robots.txt: everything may be crawled; the sitemap is named with its full URL. */
import type { APIContext } from 'astro';
import { urls } from '../site.ts';

export function GET(context: APIContext) {
	const sitemap = new URL(urls.path('sitemap-index.xml'), context.site ?? 'https://example.org').href;
	return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
