/**
 * Reads a TrueType or OpenType font's character map (`cmap`): the glyph a character is
 * drawn with, or 0, the "missing glyph" (the box). A subset font made for a preview
 * image is checked with it, so that no character of the image is drawn as a box
 * though the font's CSS said the file held it.
 *
 * Only the subtables a Unicode font has are read: format 4 (the Basic Multilingual
 * Plane) and format 12 (every plane), for the Unicode and Windows Unicode encodings.
 */

/** The offset and length of a table of an sfnt font, by its tag, or undefined. */
function table(view: DataView, tag: string): { offset: number; length: number } | undefined {
	const count = view.getUint16(4);
	for (let index = 0; index < count; index++) {
		const record = 12 + index * 16;
		const name = String.fromCharCode(view.getUint8(record), view.getUint8(record + 1), view.getUint8(record + 2), view.getUint8(record + 3));
		if (name === tag) return { offset: view.getUint32(record + 8), length: view.getUint32(record + 12) };
	}
	return undefined;
}

/** The glyph of `codePoint` in a format 4 subtable at `at`, or 0. */
function format4(view: DataView, at: number, codePoint: number): number {
	if (codePoint > 0xffff) return 0;
	const segments = view.getUint16(at + 6) / 2;
	const ends = at + 14;
	const starts = ends + segments * 2 + 2;
	const deltas = starts + segments * 2;
	const rangeOffsets = deltas + segments * 2;
	for (let segment = 0; segment < segments; segment++) {
		if (codePoint > view.getUint16(ends + segment * 2)) continue;
		const start = view.getUint16(starts + segment * 2);
		if (codePoint < start) return 0;
		const delta = view.getUint16(deltas + segment * 2);
		const rangeOffsetAt = rangeOffsets + segment * 2;
		const rangeOffset = view.getUint16(rangeOffsetAt);
		if (rangeOffset === 0) return (codePoint + delta) & 0xffff;
		const glyph = view.getUint16(rangeOffsetAt + rangeOffset + (codePoint - start) * 2);
		return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
	}
	return 0;
}

/** The glyph of `codePoint` in a format 12 subtable at `at`, or 0. */
function format12(view: DataView, at: number, codePoint: number): number {
	const groups = view.getUint32(at + 12);
	for (let group = 0; group < groups; group++) {
		const record = at + 16 + group * 12;
		const start = view.getUint32(record);
		if (codePoint >= start && codePoint <= view.getUint32(record + 4)) return view.getUint32(record + 8) + (codePoint - start);
	}
	return 0;
}

/**
 * The id of the glyph that draws `codePoint` in a TrueType or OpenType font (sfnt, not
 * woff), or 0 where the font has none and would draw its missing-glyph box.
 */
export function glyphIdOf(font: Uint8Array, codePoint: number): number {
	const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
	const cmap = table(view, 'cmap');
	if (!cmap) throw new Error('The font has no cmap table: expected a TrueType or OpenType font');
	const subtables = view.getUint16(cmap.offset + 2);
	let best = 0;
	for (let index = 0; index < subtables; index++) {
		const record = cmap.offset + 4 + index * 8;
		const platform = view.getUint16(record);
		const encoding = view.getUint16(record + 2);
		if (!(platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10)))) continue;
		const at = cmap.offset + view.getUint32(record + 4);
		const format = view.getUint16(at);
		const glyph = format === 4 ? format4(view, at, codePoint) : format === 12 ? format12(view, at, codePoint) : 0;
		if (glyph !== 0) return glyph;
		best = glyph;
	}
	return best;
}
