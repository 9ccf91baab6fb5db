/**
 * A stop's local name on its preview image (서울, 東京): which font files draw which
 * characters, the subsets made of them, the build's refusal of a character no font
 * holds, and, drawn for real with satori and resvg, that every character comes out as
 * its own glyph and never as the box (or blank) a missing glyph gives.
 */
import { Resvg } from '@resvg/resvg-js';
import satori, { type Font } from 'satori';
import subsetFont from 'subset-font';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import { buildModel } from '../../src/model/index.ts';
import { previewCards } from '../../src/preview-images/cards.ts';
import { glyphIdOf } from '../../src/preview-images/cmap.ts';
import {
	describeCharacter,
	holds,
	localFontFamilies,
	parseFontFaces,
	parseUnicodeRange,
	planGlyphs,
	type FontFace,
} from '../../src/preview-images/font-faces.ts';
import { localNameFonts, localNameProblems } from '../../src/preview-images/local-name-fonts.ts';
import { FONT_FAMILY, localNameLine, type PreviewNode } from '../../src/preview-images/preview-tree.ts';
import { previewFonts } from '../../src/preview-images/render-png.ts';
import { decodePng, type Pixels } from '../support/png.ts';
import { smallStory, stop } from '../support/entries.ts';

const require = createRequire(import.meta.url);

/** A face that holds the given ranges. */
const face = (family: string, file: string, ...ranges: Array<[number, number]>): FontFace => ({ family, weight: 700, file, ranges });

describe('the CSS of a @fontsource package', () => {
	test('gives each face its woff file, its weight and the characters it holds', () => {
		const css = `/* x-[3]-700-normal */
@font-face {
  font-family: 'Noto Sans KR';
  font-style: normal;
  font-weight: 700;
  src: url(./files/x-3-700-normal.woff2) format('woff2'), url(./files/x-3-700-normal.woff) format('woff');
  unicode-range: U+c11c,U+c6b8-c6c0,U+4??;
}`;
		expect(parseFontFaces(css)).toEqual([{ family: 'Noto Sans KR', weight: 700, file: 'x-3-700-normal.woff', ranges: [[0xc11c, 0xc11c], [0xc6b8, 0xc6c0], [0x400, 0x4ff]] }]);
	});

	test('reads a range of one code point, of many, and with wildcards', () => {
		expect(parseUnicodeRange('U+3131')).toEqual([0x3131, 0x3131]);
		expect(parseUnicodeRange(' U+AC00-D7A3 ')).toEqual([0xac00, 0xd7a3]);
		expect(parseUnicodeRange('U+30??')).toEqual([0x3000, 0x30ff]);
		expect(() => parseUnicodeRange('AC00')).toThrow('Not a unicode-range');
	});

	test('of Noto Sans KR and Noto Sans JP, holds every Hangul syllable and every kana, each in a woff file of the package', () => {
		// The Hangul syllables; the hiragana and the katakana.
		for (const [fontPackage, ranges] of [
			['@fontsource/noto-sans-kr', [[0xac00, 0xd7a3]]],
			['@fontsource/noto-sans-jp', [[0x3041, 0x3096], [0x30a1, 0x30fa]]],
		] as const) {
			const faces = parseFontFaces(readFileSync(require.resolve(`${fontPackage}/700.css`), 'utf8'));
			expect(faces.length, fontPackage).toBeGreaterThan(100);
			expect(faces.every((each) => each.file.endsWith('-700-normal.woff') && each.weight === 700)).toBe(true);
			for (const [first, last] of ranges) {
				for (let codePoint = first; codePoint <= last; codePoint++) {
					if (!faces.some((each) => holds(each, codePoint))) throw new Error(`${fontPackage} holds no U+${codePoint.toString(16)}`);
				}
			}
		}
	});
});

describe('the files that draw a local name', () => {
	const korean = [face('Noto Sans KR', 'kr-1.woff', [0xc11c, 0xc11c]), face('Noto Sans KR', 'kr-2.woff', [0xc6b8, 0xc6b8], [0x6771, 0x6771])];
	const japanese = [face('Noto Sans JP', 'jp-1.woff', [0x6771, 0x6771], [0x4eac, 0x4eac])];
	const inter = [face('Inter', 'inter-latin.woff', [0x20, 0x7e])];

	test('are, for each character, the first that holds it: a character in two files is drawn from one', () => {
		expect(planGlyphs('서울서', [korean, japanese])).toEqual({
			uses: [
				{ face: korean[0], text: '서' },
				{ face: korean[1], text: '울' },
			],
			missing: [],
		});
	});

	test('put the language’s own family first, for the Han characters Korean and Japanese draw differently', () => {
		expect(localFontFamilies('ja').map((family) => family.family)).toEqual(['Noto Sans JP', 'Noto Sans KR']);
		expect(localFontFamilies('ko-KR').map((family) => family.family)).toEqual(['Noto Sans KR', 'Noto Sans JP']);
		expect(localFontFamilies('hi').map((family) => family.family)).toEqual(['Noto Sans KR', 'Noto Sans JP']);
		// 東 (U+6771) is in both: a Japanese name takes it from Noto Sans JP.
		expect(planGlyphs('東京', [japanese, korean]).uses).toEqual([{ face: japanese[0], text: '東京' }]);
		expect(planGlyphs('東', [korean, japanese]).uses).toEqual([{ face: korean[1], text: '東' }]);
	});

	test('leave out white space and what the image’s own font draws', () => {
		expect(planGlyphs('LG 서', [korean], inter)).toEqual({ uses: [{ face: korean[0], text: '서' }], missing: [] });
	});

	test('name each character no file holds, once', () => {
		expect(planGlyphs('서😀😀', [korean], inter).missing).toEqual(['😀']);
		expect(describeCharacter('😀')).toBe('"😀" (U+1F600)');
		expect(describeCharacter('서')).toBe('"서" (U+C11C)');
	});
});

describe('a font’s character map', () => {
	test('maps each character of a subset to a glyph, and every other to none (the box)', async () => {
		const woff = readFileSync(require.resolve('@fontsource/noto-sans-kr/files/noto-sans-kr-118-700-normal.woff'));
		const subset = await subsetFont(woff, '서', { targetFormat: 'sfnt' });
		expect(glyphIdOf(subset, '서'.codePointAt(0)!)).toBeGreaterThan(0);
		expect(glyphIdOf(subset, '울'.codePointAt(0)!)).toBe(0);
		expect(glyphIdOf(subset, 'A'.codePointAt(0)!)).toBe(0);
	});

	test('is read in format 12 too, beyond the Basic Multilingual Plane', async () => {
		// Noto Sans JP holds 𠮷 (U+20BB7, a variant of 吉), which only a format 12 subtable maps.
		const faces = parseFontFaces(readFileSync(require.resolve('@fontsource/noto-sans-jp/700.css'), 'utf8'));
		const holder = faces.find((each) => holds(each, 0x20bb7));
		expect(holder).toBeDefined();
		const subset = await subsetFont(readFileSync(require.resolve(`@fontsource/noto-sans-jp/files/${holder!.file}`)), '𠮷', { targetFormat: 'sfnt' });
		expect(glyphIdOf(subset, 0x20bb7)).toBeGreaterThan(0);
		expect(glyphIdOf(subset, 0x20bb6)).toBe(0);
	});
});

describe('the fonts made for a local name', () => {
	test('are a subset of each file it needs, holding exactly the characters it draws there, each with a name of its own', async () => {
		const { fonts, families } = await localNameFonts('seoul', { name: '서울', lang: 'ko' });
		// 서 and 울 are in two files of Noto Sans KR.
		expect(families).toEqual(['Noto Sans KR 1', 'Noto Sans KR 2']);
		expect(fonts.map((font) => font.name)).toEqual(families);
		const drawn = fonts.map((font) => ['서', '울'].filter((character) => glyphIdOf(font.data as Buffer, character.codePointAt(0)!) > 0));
		expect(drawn.flat().sort()).toEqual(['서', '울']);
		expect(drawn.every((characters) => characters.length === 1)).toBe(true);
		for (const font of fonts) expect((font.data as Buffer).length).toBeLessThan(8 * 1024);
	});

	test('of a Japanese name, come from Noto Sans JP', async () => {
		const { families } = await localNameFonts('tokyo', { name: '東京', lang: 'ja' });
		expect(families.every((family) => family.startsWith('Noto Sans JP'))).toBe(true);
	});

	test('are refused for a character no font holds, in one line naming the stop, its file and the character', async () => {
		await expect(localNameFonts('seoul', { name: '서울😀', lang: 'ko' })).rejects.toThrow('Preview image of the stop "seoul": no glyph for "😀" (U+1F600) of its local name "서울😀" (no font of the images holds it).');
		expect(
			localNameProblems([
				{ id: 'seoul', file: 'content/stops/seoul.md', localName: { name: '서울😀', lang: 'ko' } },
				{ id: 'tokyo', localName: { name: '東京', lang: 'ja' } },
				{ id: 'jamnagar' },
			]),
		).toEqual([
			'content/stops/seoul.md: localName.name: expected characters the preview image of the stop "seoul" can draw with its fonts (Inter, Noto Sans KR, Noto Sans JP), found "😀" (U+1F600) in "서울😀"',
		]);
	});
});

describe('a local name drawn on the image', () => {
	/** Every node of a tree, depth first. */
	const nodes = (node: PreviewNode): PreviewNode[] => [node, ...[node.props.children ?? []].flat().filter((child): child is PreviewNode => typeof child === 'object').flatMap(nodes)];

	test('stands under its stop’s title, in the fonts made for it, then Inter, with its language', () => {
		const input = smallStory();
		input.stops = input.stops.map((each) => (each.id === 'seoul' ? stop('seoul', { order: 2, country: 'south-korea', localName: { name: '서울', lang: 'ko' } }) : each));
		const card = previewCards(buildModel(input), 'The Site').find((each) => each.stop === 'seoul');
		expect(card?.localName).toEqual({ name: '서울', lang: 'ko' });
		expect(card?.alt).toContain('Seoul (서울), South Korea');
		const line = localNameLine(card!.localName!, ['Noto Sans KR 1', 'Noto Sans KR 2']);
		expect(line.props.children).toBe('서울');
		expect(line.props['lang']).toBe('ko');
		expect(line.props.style?.['fontFamily']).toBe(`'Noto Sans KR 1', 'Noto Sans KR 2', '${FONT_FAMILY}'`);
		expect(nodes(localNameLine({ name: '東京', lang: 'ja' })).map((node) => node.props.style?.['fontFamily'])).toEqual([`'Noto Sans JP', '${FONT_FAMILY}'`]);
	});

	/** One text drawn alone, black on white, in a 96×96 image, with the given fonts. */
	async function drawn(text: string, fonts: Font[], families: readonly string[]): Promise<Pixels> {
		const tree = { type: 'div', props: { style: { display: 'flex', width: 96, height: 96, backgroundColor: '#fff', color: '#000', fontSize: 72, fontWeight: 700, fontFamily: families.map((family) => `'${family}'`).join(', ') }, children: text } };
		const svg = await satori(tree as Parameters<typeof satori>[0], { width: 96, height: 96, fonts });
		return decodePng(new Resvg(svg, { font: { loadSystemFonts: false } }).render().asPng());
	}
	const same = (a: Pixels, b: Pixels) => Buffer.from(a.rgba).equals(Buffer.from(b.rgba));
	const ink = (image: Pixels) => image.rgba.filter((value, index) => index % 4 === 0 && value < 128).length;

	test.each([
		['서울', 'ko'],
		['東京', 'ja'],
	])('%s: each character is drawn as its own glyph, with ink, unlike every other, and unlike the box or blank of a missing glyph', async (name, lang) => {
		const { fonts, families } = await localNameFonts('a-stop', { name, lang });
		const all = [...previewFonts(), ...fonts];
		// A character of the Private Use Area: no font has it, so it is drawn as a missing glyph is.
		const missing = await drawn('\uE000', all, [...families, FONT_FAMILY]);
		const glyphs = await Promise.all([...name].map((character) => drawn(character, all, [...families, FONT_FAMILY])));
		for (const [index, glyph] of glyphs.entries()) {
			expect(ink(glyph), `ink of ${name[index]}`).toBeGreaterThan(200);
			expect(same(glyph, missing), `${name[index]} drawn as a missing glyph`).toBe(false);
		}
		// A box is one shape for every character: two characters drawn alike would be boxes.
		expect(same(glyphs[0]!, glyphs[1]!)).toBe(false);
		// Without the fonts made for it, both characters come out as one box, Inter's
		// missing glyph: the checks above would fail them.
		const [first, second] = await Promise.all([...name].map((character) => drawn(character, previewFonts(), [FONT_FAMILY])));
		expect(same(first!, second!)).toBe(true);
		expect(same(first!, await drawn('\uE000', previewFonts(), [FONT_FAMILY]))).toBe(true);
	});
});

describe('the PNG reader of the tests', () => {
	test('gives back the pixels resvg drew', async () => {
		const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="7" height="5"><rect width="7" height="5" fill="#fdfdfb"/><rect x="2" y="1" width="3" height="2" fill="#b23a1d"/></svg>';
		const rendered = new Resvg(svg).render();
		expect(Buffer.from(decodePng(rendered.asPng()).rgba).equals(Buffer.from(rendered.pixels))).toBe(true);
	});
});
