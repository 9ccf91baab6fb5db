/**
 * The I/O edge of the preview images: the fonts, read once from the `@fontsource/inter`
 * package in node_modules (woff, since satori reads no woff2), and the drawing of an
 * element tree to PNG bytes, satori to SVG and resvg to PNG.
 *
 * The PNG is the same, byte for byte, on every build of the same content: satori
 * draws every glyph as a path from these fonts, resvg is told to load none of the
 * machine's own, and resvg writes no time or other metadata into the file.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import satori, { type Font } from 'satori';
import { PREVIEW_SIZE } from './cards.ts';
import { INTER_SUBSETS } from './font-faces.ts';
import { FONT_FAMILY, type PreviewNode } from './preview-tree.ts';

/** The weights the layout uses, and the subsets of Inter each is read in. */
const WEIGHTS = [400, 600, 700] as const;
const SUBSETS = INTER_SUBSETS;

let fonts: Font[] | undefined;

/**
 * Inter in every weight the layout uses, Latin and Latin Extended (for names such as
 * "Hà Nội"), read from node_modules on first use. One array for every image: satori
 * keeps the parsed fonts for the array it was given.
 */
export function previewFonts(): Font[] {
	if (!fonts) {
		const require = createRequire(import.meta.url);
		fonts = WEIGHTS.flatMap((weight) =>
			SUBSETS.map((subset) => ({
				name: FONT_FAMILY,
				weight,
				style: 'normal' as const,
				data: readFileSync(require.resolve(`@fontsource/inter/files/inter-${subset}-${weight}-normal.woff`)),
			})),
		);
	}
	return fonts;
}

/**
 * The tree drawn as SVG, every word as paths, with `fonts`: Inter by default, and for a
 * stop's image the subsets that draw its local name too (local-name-fonts.ts).
 */
export async function previewSvg(tree: PreviewNode, fonts: Font[] = previewFonts()): Promise<string> {
	// satori's types ask for a React element; the tree has that shape, without React.
	return satori(tree as Parameters<typeof satori>[0], { ...PREVIEW_SIZE, fonts });
}

/** The tree drawn as a 1200×630 PNG. */
export async function renderPreviewPng(tree: PreviewNode, fonts: Font[] = previewFonts()): Promise<Uint8Array<ArrayBuffer>> {
	const svg = await previewSvg(tree, fonts);
	const png = new Resvg(svg, { font: { loadSystemFonts: false }, fitTo: { mode: 'original' } }).render().asPng();
	return new Uint8Array(png);
}
