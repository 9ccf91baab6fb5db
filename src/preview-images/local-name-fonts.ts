/**
 * The fonts that draw a stop's local name (서울, 東京) on its preview image, read from
 * @fontsource/noto-sans-kr and @fontsource/noto-sans-jp in node_modules: for each
 * character, the `.woff` file that holds it (by the package's CSS, `font-faces.ts`),
 * subset with subset-font to exactly the characters the image draws, as TrueType,
 * which satori reads. Each subset is checked to map every one of its characters to a
 * glyph (`cmap.ts`), so none is ever drawn as a box.
 *
 * A character no font holds stops the build before any page is written, with one line
 * naming the stop and the character (`localNameProblems`, run by
 * src/integrations/preview-glyphs.ts).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Font } from 'satori';
import subsetFont from 'subset-font';
import { glyphIdOf } from './cmap.ts';
import { describeCharacter, INTER_SUBSETS, LOCAL_NAME_WEIGHT, localFontFamilies, parseFontFaces, planGlyphs, type FontFace } from './font-faces.ts';

const require = createRequire(import.meta.url);

/** A stop's name in its own language, as the stop schema gives it. */
export interface LocalName {
	name: string;
	lang: string;
}

const facesByPackage = new Map<string, FontFace[]>();

/** The faces of one weight of a @fontsource package, from its CSS (`700.css`), read once. */
function facesOf(fontPackage: string, weight: number): FontFace[] {
	const key = `${fontPackage}/${weight}`;
	let faces = facesByPackage.get(key);
	if (!faces) {
		faces = parseFontFaces(readFileSync(require.resolve(`${fontPackage}/${weight}.css`), 'utf8'));
		facesByPackage.set(key, faces);
	}
	return faces;
}

/** The file of a face, in its package's `files/` folder. */
function fileOf(fontPackage: string, face: FontFace): string {
	return path.join(path.dirname(require.resolve(`${fontPackage}/${face.weight}.css`)), 'files', face.file);
}

/** The faces of Inter the images load whole (render-png.ts): what needs no other font. */
function baseFaces(): FontFace[] {
	return facesOf('@fontsource/inter', LOCAL_NAME_WEIGHT).filter((face) => INTER_SUBSETS.some((subset) => face.file === `inter-${subset}-${LOCAL_NAME_WEIGHT}-normal.woff`));
}

/** The plan for a local name: which file draws each character, the name's own language's family first. */
function planFor(localName: LocalName) {
	const families = localFontFamilies(localName.lang);
	const plan = planGlyphs(
		localName.name,
		families.map((family) => facesOf(family.fontPackage, LOCAL_NAME_WEIGHT)),
		baseFaces(),
	);
	const packageOf = new Map(families.flatMap((family) => facesOf(family.fontPackage, LOCAL_NAME_WEIGHT).map((face) => [face, family.fontPackage] as const)));
	return { ...plan, packageOf, families };
}

/**
 * One line for each stop whose local name has a character no font of the images holds:
 * `content/stops/x.md: localName.name: expected characters the preview image's fonts draw (Inter, Noto Sans KR, Noto Sans JP), found "…" (U+…) in "…"`.
 */
export function localNameProblems(stops: ReadonlyArray<{ id: string; file?: string | undefined; localName?: LocalName | undefined }>): string[] {
	return stops.flatMap((stop) => {
		if (!stop.localName) return [];
		const { missing, families } = planFor(stop.localName);
		if (missing.length === 0) return [];
		const fonts = ['Inter', ...families.map((family) => family.family)].join(', ');
		return [
			`${stop.file ?? `content/stops/${stop.id}.md`}: localName.name: expected characters the preview image of the stop "${stop.id}" can draw with its fonts (${fonts}), found ${missing.map(describeCharacter).join(', ')} in "${stop.localName.name}"`,
		];
	});
}

/** The fonts that draw a local name, and the names the image's tree must ask for them by, in order. */
export interface LocalNameFonts {
	fonts: Font[];
	/**
	 * One family name per subset (`Noto Sans KR 1`, `Noto Sans KR 2`): satori takes one
	 * font per family name and weight, so subsets of one family that draw different
	 * characters each need a name of their own.
	 */
	families: string[];
}

/**
 * The fonts that draw `localName` on the preview image of the stop `stopId`, each a
 * subset of one file to the characters it draws. Throws, naming the stop and the
 * character, where a character has no font or a subset would draw it as a box.
 */
export async function localNameFonts(stopId: string, localName: LocalName): Promise<LocalNameFonts> {
	const { uses, missing, packageOf } = planFor(localName);
	const fail = (character: string, why: string) => {
		throw new Error(`Preview image of the stop "${stopId}": no glyph for ${describeCharacter(character)} of its local name "${localName.name}" (${why}).`);
	};
	for (const character of missing) fail(character, 'no font of the images holds it');
	const fonts = await Promise.all(
		uses.map(async ({ face, text }, index) => {
			const fontPackage = packageOf.get(face) ?? '';
			const data = await subsetFont(readFileSync(fileOf(fontPackage, face)), text, { targetFormat: 'sfnt' });
			for (const character of text) if (glyphIdOf(data, character.codePointAt(0) ?? 0) === 0) fail(character, `${face.file} of ${fontPackage} does not draw it`);
			const font: Font = { name: `${face.family} ${index + 1}`, weight: face.weight as NonNullable<Font['weight']>, style: 'normal', data };
			return font;
		}),
	);
	return { fonts, families: fonts.map((font) => font.name) };
}
