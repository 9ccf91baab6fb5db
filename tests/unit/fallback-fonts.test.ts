/**
 * The site's own fallback fonts for Korean and Japanese words (src/web-fonts/): which
 * characters each family draws, the files they come from, their CSS, and their glyphs.
 */
import fontverter from 'fontverter';
import { describe, expect, test } from 'vitest';
import { glyphIdOf } from '../../src/preview-images/cmap.ts';
import { fallbackCharacters, fallbackFontCss, fallbackFontFile, planFallbackFonts, unicodeRange } from '../../src/web-fonts/fallback-fonts.ts';

const content = {
	articles: [
		{ data: { title: '저커버그, 이재용 회장과 회동', language: 'ko' }, body: '마크 저커버그는 李在鎔 회장과 만났다.' },
		{ data: { title: 'ザッカーバーグ氏、岸田首相と会談', language: 'ja' }, body: '「AI」について話した。ＣＥＯ' },
		{ data: { title: 'Zuckerberg meets Lee' }, body: 'No Korean or Japanese here.' },
	],
};

describe('the fallback fonts', () => {
	test('draw Hangul, and the Han characters of Korean text, in Korean; kana, Han and their punctuation in Japanese', () => {
		const characters = fallbackCharacters(content);
		expect([...(characters.get('Story Korean') ?? '')].sort()).toEqual([...new Set('저커버그이재용회장과동마크는李在鎔만났다')].sort());
		const japanese = characters.get('Story Japanese') ?? '';
		for (const character of 'ザッカーバグ氏、岸田首相と会談「」。ＣＥＯ李在鎔') expect(japanese, character).toContain(character);
		expect(japanese).not.toMatch(/[\p{Script=Hangul}A-Za-z]/u);
	});

	test('are planned as one subset per @fontsource file, together holding every character, named by what they hold', () => {
		const subsets = planFallbackFonts(content);
		const characters = fallbackCharacters(content);
		for (const family of ['Story Korean', 'Story Japanese']) {
			const held = subsets.filter((subset) => subset.family === family).map((subset) => subset.characters).join('');
			expect([...held].sort()).toEqual([...(characters.get(family) ?? '')].sort());
		}
		expect(new Set(subsets.map((subset) => subset.name)).size).toBe(subsets.length);
		expect(planFallbackFonts(content).map((subset) => subset.name)).toEqual(subsets.map((subset) => subset.name));
		expect(planFallbackFonts({ articles: [content.articles[2]] })).toEqual([]);
	});

	test('are declared in CSS, each file with its own characters as its unicode-range', () => {
		const [first] = planFallbackFonts(content);
		if (!first) throw new Error('no subset');
		expect(unicodeRange('서울')).toBe('U+C11C,U+C6B8');
		expect(fallbackFontCss([first], (name) => `/tour/fonts/${name}.woff2`)).toBe(
			`@font-face {\n\tfont-family: '${first.family}';\n\tfont-style: normal;\n\tfont-weight: 400;\n\tfont-display: swap;\n\tsrc: url(/tour/fonts/${first.name}.woff2) format('woff2');\n\tunicode-range: ${unicodeRange(first.characters)};\n}`,
		);
	});

	test('are WOFF2 files that draw every character they are named for with a glyph of its own', async () => {
		for (const subset of planFallbackFonts(content)) {
			const woff2 = await fallbackFontFile(subset);
			expect(Buffer.from(woff2.subarray(0, 4)).toString('latin1')).toBe('wOF2');
			const sfnt = await fontverter.convert(Buffer.from(woff2), 'sfnt');
			for (const character of subset.characters) expect(glyphIdOf(sfnt, character.codePointAt(0) ?? 0), `${character} in ${subset.name}`).toBeGreaterThan(0);
		}
	});
});
