/**
 * `/fonts/<name>.woff2`: the site's fallback fonts for the Korean and Japanese words of
 * its sources, each a subset of a Noto Sans KR or JP file to the characters the content
 * uses (src/web-fonts/fallback-fonts.ts). Named by a digest of what they hold.
 */
import type { APIContext } from 'astro';
import { fallbackFonts } from '../../data.ts';
import { fallbackFontFile, type FallbackSubset } from '../../web-fonts/fallback-fonts.ts';
import { reusablePaths } from '../../page-reuse/reuse.ts';

export function getStaticPaths() {
	return reusablePaths('/fonts/[name].woff2', import.meta.url, fallbackFonts.map((subset) => ({ params: { name: subset.name }, props: { subset } })));
}

export async function GET(context: APIContext) {
	const { subset } = context.props as { subset: FallbackSubset };
	return new Response(Buffer.from(await fallbackFontFile(subset)), { headers: { 'Content-Type': 'font/woff2' } });
}
