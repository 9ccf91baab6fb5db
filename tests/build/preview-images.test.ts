/**
 * The preview images for link previews, read from `dist` (built once by
 * tests/support/build-site.ts): every page names a 1200×630 PNG that the build holds,
 * with the Open Graph and Twitter tags a large preview needs, and a page that belongs
 * to one stop shows that stop's image. Expectations come from the content files, and
 * each PNG's size from its own header.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { loadContent } from '../../src/content-files/load-content.ts';
import { drawRouteMap, routeStops } from '../../src/map/route-map.ts';
import { world } from '../../src/map/world.ts';
import { buildModel } from '../../src/model/index.ts';
import type { ModelInput } from '../../src/model/types.ts';
import { previewCards, stopPreviewName } from '../../src/preview-images/cards.ts';
import { glyphIdOf } from '../../src/preview-images/cmap.ts';
import { localNameFonts } from '../../src/preview-images/local-name-fonts.ts';
import { LOCAL_NAME_SIZE, MAP_SIZE, PANEL_WIDTH, previewTree } from '../../src/preview-images/preview-tree.ts';
import { previewFonts, renderPreviewPng } from '../../src/preview-images/render-png.ts';
import { SITE_NAME } from '../../src/site.ts';
import { fileForUrl, pageAt, readPages, type BuiltPage } from '../../scripts/lib/dist.ts';
import { realContentDir } from '../support/content-fixtures.ts';
import { decodePng, differingBox, inkIn, pngSize } from '../support/png.ts';

const distDir = inject('distDir');
/** The origin the test build is made for: astro.config.mjs's default `site`. */
const origin = 'https://example.org';
let pages: Map<string, BuiltPage>;
let content: ModelInput;

beforeAll(async () => {
	pages = await readPages(distDir);
	content = (await loadContent(realContentDir)).input;
});

const page = (url: string): BuiltPage => pageAt(pages, url);

/** The content of a page's `<meta property=…>` or `<meta name=…>`, or undefined. */
function meta(built: BuiltPage, key: string): string | undefined {
	const element = built.document.querySelector(`meta[property="${key}"]`) ?? built.document.querySelector(`meta[name="${key}"]`);
	return element?.getAttribute('content') ?? undefined;
}

/** The file in dist an absolute image URL of this build is served from, or undefined. */
function imageFile(imageUrl: string): string | undefined {
	const url = new URL(imageUrl);
	return url.origin === origin ? fileForUrl(distDir, '/', url.pathname) : undefined;
}

describe('every page’s link preview', () => {
	test('names, as og:image and twitter:image, an absolute URL of a PNG in the build whose header says 1200×630', async () => {
		const problems: string[] = [];
		for (const [url, built] of pages) {
			const image = meta(built, 'og:image');
			if (!image) {
				problems.push(`${url}: no og:image`);
				continue;
			}
			if (meta(built, 'twitter:image') !== image) problems.push(`${url}: twitter:image is not og:image (${image})`);
			const file = imageFile(image);
			if (!file) {
				problems.push(`${url}: og:image ${image} is no file of the build`);
				continue;
			}
			const size = pngSize(await readFile(file));
			if (size.width !== 1200 || size.height !== 630) problems.push(`${url}: ${image} is ${size.width}×${size.height}, not 1200×630`);
		}
		expect(problems).toEqual([]);
		expect(pages.size).toBeGreaterThan(content.stops.length + content.articles.length);
	});

	test('says the image is a large one, with its type, size and a description in words', () => {
		for (const [url, built] of pages) {
			expect(meta(built, 'twitter:card'), url).toBe('summary_large_image');
			expect(meta(built, 'og:image:type'), url).toBe('image/png');
			expect(meta(built, 'og:image:width'), url).toBe('1200');
			expect(meta(built, 'og:image:height'), url).toBe('630');
			const alt = meta(built, 'og:image:alt') ?? '';
			expect(alt, url).toMatch(/^Route map of the tour\b/);
			expect(meta(built, 'twitter:image:alt'), url).toBe(alt);
		}
	});

	test('is there on the 404 page too, which has no address of its own: the image of the whole route', () => {
		expect(meta(page('/404.html'), 'og:image')).toBe(meta(page('/'), 'og:image'));
	});
});

describe('the images', () => {
	test('are one for the whole route and one per stop, however many articles there are', async () => {
		const images = (await readdir(path.join(distDir, 'previews'))).filter((name) => name.endsWith('.png'));
		expect(images).toHaveLength(content.stops.length + 1);
		const used = new Set([...pages.values()].map((built) => path.basename(new URL(meta(built, 'og:image') ?? origin).pathname)));
		expect([...used].sort()).toEqual(images.sort());
	});

	test('differ from each other, and stay well under 150 KB each', async () => {
		const folder = path.join(distDir, 'previews');
		const files = await Promise.all((await readdir(folder)).map((name) => readFile(path.join(folder, name))));
		expect(new Set(files.map((bytes) => bytes.toString('base64'))).size).toBe(files.length);
		for (const bytes of files) expect(bytes.length).toBeLessThan(150 * 1024);
	});
});

describe('a page that belongs to one stop', () => {
	test('is a stop’s page: it shows its own stop’s image, which no other stop and not the home page shows, described with its city', () => {
		const home = meta(page('/'), 'og:image');
		const images = content.stops.map((stop) => {
			const built = page(`/stops/${stop.id}/`);
			expect(meta(built, 'og:image:alt')).toContain(`with ${stop.data.city} marked`);
			return meta(built, 'og:image');
		});
		expect(new Set(images).size).toBe(content.stops.length);
		expect(images).not.toContain(home);
	});

	test('is a claim about a stop: it shows that stop page’s image; a claim about no stop shows the home page’s', () => {
		const facts = content.facts ?? [];
		expect(facts.some((fact) => fact.data.stop)).toBe(true);
		for (const fact of facts) {
			const expected = fact.data.stop ? `/stops/${fact.data.stop}/` : '/';
			expect(meta(page(`/facts/${fact.id}/`), 'og:image'), fact.id).toBe(meta(page(expected), 'og:image'));
		}
	});

	test('is an article that covers one stop, listed or through the events that cite it: it shows that stop’s image', () => {
		for (const article of content.articles) {
			const stops = new Set([
				...article.data.stops,
				...content.stops.filter((stop) => stop.data.events.some((event) => event.articles.includes(article.id))).map((stop) => stop.id),
			]);
			const expected = stops.size === 1 ? `/stops/${[...stops][0]}/` : '/';
			expect(meta(page(`/articles/${article.id}/`), 'og:image'), article.id).toBe(meta(page(expected), 'og:image'));
		}
	});

	test('is not a listing: the timeline, the ledger and the section indexes show the home page’s image', () => {
		const home = meta(page('/'), 'og:image');
		for (const url of ['/timeline/', '/facts/', '/stops/', '/articles/', '/search/']) expect(meta(page(url), 'og:image'), url).toBe(home);
	});
});

describe('a stop’s local name on its image', () => {
	/**
	 * Each stop with a local name in the content (서울, 東京). Its built image is, pixel for
	 * pixel, the card drawn here by the same code with the fonts made for the name, each
	 * of whose characters maps to a real glyph of those fonts. And it differs, in the
	 * name's line alone and with ink there, from the card drawn as it would come out with
	 * missing glyphs: with every character swapped for one no font has (of the Private Use
	 * Area), and with Inter alone, whose missing glyph is a box.
	 */
	test('is drawn with real glyphs, where missing glyphs would be, and nowhere else', async () => {
		const story = buildModel(content);
		const map = drawRouteMap(world, routeStops(story), MAP_SIZE);
		const named = previewCards(story, SITE_NAME).filter((card) => card.stop && card.localName);
		expect(named.length).toBe(content.stops.filter((stop) => stop.data.localName).length);
		for (const card of named) {
			const stop = story.stop(card.stop!);
			const name = card.localName!.name;
			const built = decodePng(await readFile(path.join(distDir, 'previews', `${stopPreviewName(stop.id)}.png`)));
			const local = await localNameFonts(stop.id, card.localName!);
			for (const character of name.replace(/\s/g, '')) {
				expect(local.fonts.some((font) => glyphIdOf(font.data as Buffer, character.codePointAt(0)!) > 0), `${stop.id}: a glyph for ${character}`).toBe(true);
			}
			const fonts = [...previewFonts(), ...local.fonts];
			const country = story.country(stop.country).name;
			const draw = async (tree: ReturnType<typeof previewTree>, with_: typeof fonts) => decodePng(await renderPreviewPng(tree, with_));
			const expected = await draw(previewTree(card, map, country, local.families), fonts);
			expect(differingBox(built, expected), `${stop.id}: the built image is the card drawn with the name's fonts`).toBeUndefined();

			const swapped = { ...card, localName: { ...card.localName!, name: [...name].map(() => '\uE000').join('') } };
			for (const [what, missing] of [
				['characters no font has', await draw(previewTree(swapped, map, country, local.families), fonts)],
				['Inter alone', await draw(previewTree(card, map, country), previewFonts())],
			] as const) {
				const box = differingBox(built, missing);
				expect(box, `${stop.id}: the image is the one drawn with ${what}`).toBeDefined();
				expect(box!.right, `${stop.id}, against ${what}`).toBeLessThan(PANEL_WIDTH);
				expect(box!.bottom - box!.top, `${stop.id}, against ${what}`).toBeLessThan(LOCAL_NAME_SIZE * 1.2);
				expect(inkIn(built, box!), `${stop.id}, against ${what}`).toBeGreaterThan(150 * name.length);
			}
		}
	});
});
