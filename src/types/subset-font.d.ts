/** subset-font ships no types; the one function the preview images call (src/preview-images/local-name-fonts.ts). */
declare module 'subset-font' {
	interface SubsetOptions {
		/** The format to write: TrueType/OpenType (`sfnt`), `woff` or `woff2`. */
		targetFormat?: 'sfnt' | 'woff' | 'woff2' | 'truetype';
	}
	/** A font (sfnt, woff or woff2) cut to the glyphs that draw `text`. */
	export default function subsetFont(font: Uint8Array, text: string, options?: SubsetOptions): Promise<Buffer>;
}
