/**
 * The site's own fonts for the Korean and Japanese words of its sources, as the last
 * fallback of its font stack: a reader whose system has no Korean or Japanese face (a
 * bare Linux, a headless browser) sees real glyphs, never boxes, and one whose system
 * has them downloads nothing, since a browser fetches a web font only for characters
 * its earlier faces lack.
 *
 * What each font holds is planned from the content: every Hangul, kana and Han character
 * any entry has (titles, bodies, aliases, passages, outlets), each drawn from the
 * @fontsource file that holds it (by its CSS `unicode-range`, `font-faces.ts`), subset
 * to exactly the characters the site uses. Korean characters come from Noto Sans KR, and
 * the Han characters of text with Hangul too; kana and every Han character from Noto Sans
 * JP. Each subset is one `@font-face` with the `unicode-range` of its own characters, as
 * @fontsource itself writes them, so a page loads only the files its words need.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import subsetFont from 'subset-font';
import { parseFontFaces, planGlyphs, type FontFace } from '../preview-images/font-faces.ts';

const require = createRequire(import.meta.url);

/** The weight the fallback fonts are cut in; bold words are drawn bolder by the browser. */
export const FALLBACK_WEIGHT = 400;

/** A family of the site's fallback fonts, the @fontsource package it is cut from, and what it draws. */
export interface FallbackFamily {
	/** The family's name in the site's CSS (`global.css` ends its stacks with it). */
	family: string;
	fontPackage: string;
	/** Whether it draws a string's characters: Korean the strings with Hangul, Japanese every other. */
	draws: 'hangul' | 'others';
}

export const FALLBACK_FAMILIES: readonly FallbackFamily[] = [
	{ family: 'Story Korean', fontPackage: '@fontsource/noto-sans-kr', draws: 'hangul' },
	{ family: 'Story Japanese', fontPackage: '@fontsource/noto-sans-jp', draws: 'others' },
];

/** One file of the fallback fonts: a subset of one @fontsource file to the characters it draws. */
export interface FallbackSubset {
	family: string;
	/** Its file name under `/fonts/`, from a digest of its source and characters: a new set, a new name. */
	name: string;
	/** The @fontsource file it is cut from, in the package's `files/` folder. */
	source: string;
	fontPackage: string;
	/** Its characters, each once, in code point order. */
	characters: string;
}

const HANGUL = /\p{Script=Hangul}/u;
/**
 * The characters of Korean and Japanese text: its scripts, and the punctuation and forms
 * they write with (、。「」, ー and ・, fullwidth ＣＥＯ), which Unicode counts as common to
 * every script but Latin fonts lack.
 */
const CJK = /[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\u30fb\u30fc\uff01-\uffef]/gu;

/** Every string of a value, deep: the data of the content entries. */
function stringsOf(value: unknown, into: string[] = []): string[] {
	if (typeof value === 'string') into.push(value);
	else if (Array.isArray(value)) for (const item of value) stringsOf(item, into);
	else if (value && typeof value === 'object') for (const item of Object.values(value)) stringsOf(item, into);
	return into;
}

/**
 * The Korean and Japanese characters of the content, by the family that draws them:
 * those of strings with Hangul for Korean, and every kana and Han character for Japanese.
 */
export function fallbackCharacters(content: unknown): Map<string, string> {
	const sets = new Map<string, Set<string>>(FALLBACK_FAMILIES.map((family) => [family.family, new Set()]));
	for (const text of stringsOf(content)) {
		for (const character of text.match(CJK) ?? []) {
			const korean = HANGUL.test(text);
			for (const family of FALLBACK_FAMILIES) {
				if (family.draws === 'hangul' ? korean : !HANGUL.test(character)) sets.get(family.family)?.add(character);
			}
		}
	}
	return new Map([...sets].map(([family, characters]) => [family, [...characters].sort((a, b) => (a.codePointAt(0) ?? 0) - (b.codePointAt(0) ?? 0)).join('')]));
}

/** The faces of a family's package at the fallback weight, from its CSS. */
function facesOf(fontPackage: string): FontFace[] {
	return parseFontFaces(readFileSync(require.resolve(`${fontPackage}/${FALLBACK_WEIGHT}.css`), 'utf8'));
}

/** The subsets the content needs: for each family, one per @fontsource file that holds some of its characters. */
export function planFallbackFonts(content: unknown): FallbackSubset[] {
	const characters = fallbackCharacters(content);
	return FALLBACK_FAMILIES.flatMap((family) => {
		const text = characters.get(family.family) ?? '';
		if (text === '') return [];
		return planGlyphs(text, [facesOf(family.fontPackage)]).uses.map(({ face, text: drawn }) => {
			const sorted = [...drawn].sort((a, b) => (a.codePointAt(0) ?? 0) - (b.codePointAt(0) ?? 0)).join('');
			const digest = createHash('sha256').update(`${face.file}\n${sorted}`).digest('hex').slice(0, 10);
			return { family: family.family, name: `${family.family.toLowerCase().replace(/\s+/g, '-')}-${digest}`, source: face.file, fontPackage: family.fontPackage, characters: sorted };
		});
	});
}

/** `U+C11C,U+C6B8`: the characters of a subset as a `unicode-range`. */
export function unicodeRange(characters: string): string {
	return [...characters].map((character) => `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase()}`).join(',');
}

/** The `@font-face` rules of the subsets, each file under `href(name)`. */
export function fallbackFontCss(subsets: readonly FallbackSubset[], href: (name: string) => string): string {
	return subsets
		.map((subset) =>
			[
				'@font-face {',
				`\tfont-family: '${subset.family}';`,
				'\tfont-style: normal;',
				`\tfont-weight: ${FALLBACK_WEIGHT};`,
				'\tfont-display: swap;',
				`\tsrc: url(${href(subset.name)}) format('woff2');`,
				`\tunicode-range: ${unicodeRange(subset.characters)};`,
				'}',
			].join('\n'),
		)
		.join('\n');
}

/** The WOFF2 file of a subset: its @fontsource file cut to its characters. */
export async function fallbackFontFile(subset: FallbackSubset): Promise<Uint8Array> {
	const file = path.join(path.dirname(require.resolve(`${subset.fontPackage}/${FALLBACK_WEIGHT}.css`)), 'files', subset.source);
	return subsetFont(readFileSync(file), subset.characters, { targetFormat: 'woff2' });
}
