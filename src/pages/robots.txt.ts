/** robots.txt: everything may be crawled; the sitemap is named with its full URL. */
import type { APIContext } from 'astro';
import { absoluteOn, urls } from '../site.ts';

export function GET(context: APIContext) {
	const sitemap = absoluteOn(context.site)(urls.path('sitemap-index.xml'));
	return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
