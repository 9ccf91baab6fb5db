/**
 * Which font files draw which characters of a preview image: the pure part of drawing
 * a stop's local name (서울, 東京) with real glyphs.
 *
 * The fonts come from @fontsource packages, which split each family into files of a
 * few hundred characters each, and say in their CSS which characters each file holds
 * (`unicode-range`). For a text, `planGlyphs` picks, for each character, the first file
 * that holds it, in the families' order of preference (the text's own language first:
 * Noto Sans KR for Korean, Noto Sans JP for Japanese, since the Han characters they
 * share are drawn differently in each). The image then needs only those files, each
 * subset to the characters it draws (src/preview-images/render-png.ts). A character no
 * file holds is named, so the build can refuse it rather than draw a box.
 */

/** One `@font-face` of a family's CSS: the file and the characters it holds. */
export interface FontFace {
	family: string;
	weight: number;
	/** The file's name in the package's `files/` folder: the `.woff` (satori reads no woff2). */
	file: string;
	/** The code points it holds, as inclusive ranges, in the CSS's order. */
	ranges: Array<readonly [number, number]>;
}

/** The characters of a text that one font file draws. */
export interface FaceUse {
	face: FontFace;
	/** Each character once, in the order the text first has it. */
	text: string;
}

export interface GlyphPlan {
	/** The files to subset, in the order first needed, each with its characters. */
	uses: FaceUse[];
	/** The characters no file holds, each once. */
	missing: string[];
}

const FACE = /@font-face\s*\{([^}]*)\}/g;

/** The value of a declaration in a `@font-face` block, or undefined. */
function declaration(block: string, property: string): string | undefined {
	return new RegExp(`(?:^|;)\\s*${property}\\s*:\\s*([^;]+)`).exec(block)?.[1]?.trim();
}

/** `U+AC00-D7A3`, `U+3131`, `U+4??` (a wildcard range) as an inclusive range. */
export function parseUnicodeRange(range: string): readonly [number, number] {
	const match = /^U\+([0-9A-F?]{1,6})(?:-([0-9A-F]{1,6}))?$/i.exec(range.trim());
	if (!match) throw new Error(`Not a unicode-range: "${range}"`);
	const [, start = '', end] = match;
	if (start.includes('?')) return [parseInt(start.replaceAll('?', '0'), 16), parseInt(start.replaceAll('?', 'F'), 16)];
	return [parseInt(start, 16), parseInt(end ?? start, 16)];
}

/**
 * The `@font-face` rules of a @fontsource CSS file (`700.css`), each with its `.woff`
 * file and its `unicode-range`. A rule with no range holds every character.
 */
export function parseFontFaces(css: string): FontFace[] {
	return [...css.matchAll(FACE)].flatMap(([, block = '']) => {
		const family = declaration(block, 'font-family')?.replace(/^['"]|['"]$/g, '');
		const woff = /url\(([^)]+?\.woff)\)\s*format\(['"]woff['"]\)/.exec(declaration(block, 'src') ?? '')?.[1];
		if (!family || !woff) return [];
		const ranges = declaration(block, 'unicode-range')?.split(',').map(parseUnicodeRange) ?? [[0, 0x10ffff] as const];
		return [{ family, weight: Number(declaration(block, 'font-weight') ?? 400), file: woff.replace(/^\.\/files\//, '').replace(/^['"]|['"]$/g, ''), ranges }];
	});
}

/** Whether a file holds a code point. */
export function holds(face: Pick<FontFace, 'ranges'>, codePoint: number): boolean {
	return face.ranges.some(([start, end]) => codePoint >= start && codePoint <= end);
}

/**
 * For each character of `text` but white space: nothing where the `base` faces hold it
 * (the image's own font, loaded whole), else the first face of the `families` that
 * holds it, in their order; else it is missing. `families` are faces of one weight.
 */
export function planGlyphs(text: string, families: readonly (readonly FontFace[])[], base: readonly FontFace[] = []): GlyphPlan {
	const uses = new Map<FontFace, string>();
	const missing: string[] = [];
	for (const character of new Set(text.replace(/\s+/gu, ''))) {
		const codePoint = character.codePointAt(0) ?? 0;
		if (base.some((face) => holds(face, codePoint))) continue;
		const face = families.flat().find((each) => holds(each, codePoint));
		if (face) uses.set(face, (uses.get(face) ?? '') + character);
		else missing.push(character);
	}
	return { uses: [...uses].map(([face, characters]) => ({ face, text: characters })), missing };
}

/** A character as a person reads it in a message: `"서" (U+C11C)`. */
export function describeCharacter(character: string): string {
	return `"${character}" (U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')})`;
}

/** The subsets of Inter the images load whole, for every word but a local name's. */
export const INTER_SUBSETS = ['latin', 'latin-ext'] as const;

/** The weight a stop's local name is drawn in. */
export const LOCAL_NAME_WEIGHT = 700;

/** A font family that draws the local names of one language, and the @fontsource package that ships it. */
export interface LocalFontFamily {
	family: string;
	fontPackage: string;
	/** The primary language subtag it is made for. */
	language: string;
}

/** The families for local names, in their order of preference where a language has none of its own. */
export const LOCAL_FONT_FAMILIES: readonly LocalFontFamily[] = [
	{ family: 'Noto Sans KR', fontPackage: '@fontsource/noto-sans-kr', language: 'ko' },
	{ family: 'Noto Sans JP', fontPackage: '@fontsource/noto-sans-jp', language: 'ja' },
];

/**
 * The families to draw a local name in `lang` with, in order: the language's own first
 * (Korean's Han characters in Noto Sans KR, Japanese's in Noto Sans JP), then the others.
 * `localFontFamilies('ja')` → Noto Sans JP, then Noto Sans KR.
 */
export function localFontFamilies(lang: string): LocalFontFamily[] {
	const primary = (lang.split('-')[0] ?? lang).toLowerCase();
	return [...LOCAL_FONT_FAMILIES].sort((a, b) => Number(b.language === primary) - Number(a.language === primary));
}
