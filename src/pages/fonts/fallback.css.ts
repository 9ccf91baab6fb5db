/**
 * `/fonts/fallback.css`: the `@font-face` rules of the site's fallback fonts for Korean
 * and Japanese (src/web-fonts/fallback-fonts.ts), linked from every page of a story that
 * has such words. Each rule's `unicode-range` is its file's characters, so a browser
 * fetches a file only for words on the page that no font of the reader's system draws.
 */
import { fallbackFonts } from '../../data.ts';
import { urls } from '../../site.ts';
import { fallbackFontCss } from '../../web-fonts/fallback-fonts.ts';

export function GET() {
	return new Response(fallbackFontCss(fallbackFonts, (name) => urls.path(`fonts/${name}.woff2`)), { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
}
