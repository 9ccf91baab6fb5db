/**
 * `/previews/<name>.png`: the preview images for link previews, 1200×630, drawn at
 * build time. One for the whole route (`home`) and one per stop (`stop-<id>`); see
 * src/preview-images/.
 */
import type { APIContext } from 'astro';
import { cards, treeOf } from '../../preview-images/index.ts';
import type { PreviewCard } from '../../preview-images/cards.ts';
import { localNameFonts } from '../../preview-images/local-name-fonts.ts';
import { previewFonts, renderPreviewPng } from '../../preview-images/render-png.ts';
import { reusablePaths } from '../../page-reuse/reuse.ts';

export function getStaticPaths() {
	return reusablePaths('/previews/[name].png', import.meta.url, cards.map((card) => ({ params: { name: card.name }, props: { card } })));
}

export async function GET(context: APIContext) {
	const { card } = context.props as { card: PreviewCard };
	// A stop's local name is drawn from fonts subset to its characters alone.
	const local = card.stop && card.localName ? await localNameFonts(card.stop, card.localName) : undefined;
	const png = await renderPreviewPng(treeOf(card, local?.families), local ? [...previewFonts(), ...local.fonts] : previewFonts());
	return new Response(png, { headers: { 'Content-Type': 'image/png' } });
}
