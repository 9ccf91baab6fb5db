import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { drawRouteMap, routeStops } from '../../src/map/route-map.ts';
import { buildModel } from '../../src/model/index.ts';
import { HOME_PREVIEW, previewCards, stopPreviewName } from '../../src/preview-images/cards.ts';
import { previewNameFor, stopOfPage, type PreviewSubject } from '../../src/preview-images/choose.ts';
import { MAP_SIZE, PALETTE, previewTree, routeMapSvg, titleSize, type PreviewNode } from '../../src/preview-images/preview-tree.ts';
import { renderPreviewPng } from '../../src/preview-images/render-png.ts';
import { article, country, fact, smallStory, stop } from '../support/entries.ts';
import { projectRoot } from '../support/content-fixtures.ts';
import { pngSize } from '../support/png.ts';

const world = {
	countries: JSON.parse(readFileSync(path.join(projectRoot, 'node_modules/world-atlas/countries-110m.json'), 'utf8')),
	land: JSON.parse(readFileSync(path.join(projectRoot, 'node_modules/world-atlas/land-110m.json'), 'utf8')),
};

/**
 * The small story (Tokyo, then Seoul), with what the choice of image depends on: an
 * article that lists no stop but is cited by Tokyo's event, a country with no stop,
 * and two claims, one about Seoul and one about no stop.
 */
function story() {
	const input = smallStory();
	input.countries = [...input.countries, country('india', { name: 'India' })];
	input.articles = [...input.articles, article('reported', { published: '2024-02-27' })];
	input.stops = input.stops.map((each) =>
		each.id === 'tokyo'
			? stop('tokyo', {
					order: 1,
					country: 'japan',
					timeZone: 'Asia/Tokyo',
					coordinates: { lat: 35.68, lon: 139.65 },
					dates: { start: '2024-02-26', end: '2024-02-27' },
					events: [{ id: 'developers', title: 'Meets developers', date: '2024-02-26', people: ['mark'], articles: ['early', 'reported'] }],
				})
			: each,
	);
	input.facts = [
		fact('in-seoul', { statement: 'He was in Seoul.', stop: 'seoul', sources: [{ article: 'late', passage: 'Text of late.', stance: 'states' }] }),
		fact('in-general', { statement: 'He toured Asia.', sources: [{ article: 'early', passage: 'Text of early.', stance: 'states' }] }),
	];
	return buildModel(input);
}

describe('the preview cards', () => {
	test('are one for the whole route, then one per stop in route order, each with its own name', () => {
		const cards = previewCards(story(), 'The Site');
		expect(cards.map((card) => [card.name, card.stop])).toEqual([
			[HOME_PREVIEW, undefined],
			['stop-tokyo', 'tokyo'],
			['stop-seoul', 'seoul'],
		]);
	});

	test('grow in number with the stops, not with the articles', () => {
		const input = smallStory();
		const before = previewCards(buildModel(input), 'The Site').length;
		input.articles = [...input.articles, ...Array.from({ length: 40 }, (_, index) => article(`more-${index}`, { stops: ['seoul'] }))];
		expect(previewCards(buildModel(input), 'The Site')).toHaveLength(before);
		input.stops = [...input.stops, stop('busan', { order: 3, country: 'south-korea', coordinates: { lat: 35.18, lon: 129.08 }, dates: { start: '2024-03-01', end: '2024-03-01' } })];
		expect(previewCards(buildModel(input), 'The Site')).toHaveLength(before + 1);
	});

	test('give a stop its city as the title, its place and dates, the site’s name, and a description that marks it', () => {
		const seoul = previewCards(story(), 'The Site').find((card) => card.stop === 'seoul');
		expect(seoul).toMatchObject({ kicker: 'Stop 2 of 2', title: 'Seoul', details: ['South Korea', '28–29 February 2024'], siteName: 'The Site' });
		expect(seoul?.alt).toBe(
			'Route map of the tour with Seoul marked, stop 2 of 2: Seoul, South Korea, 28–29 February 2024. The route: Tokyo (Japan), then Seoul (South Korea).',
		);
	});

	test('give the whole route the site’s name as its title, once, and the dates from the first stop to the last', () => {
		const home = previewCards(story(), 'The Site')[0];
		expect(home).toMatchObject({ title: 'The Site', details: ['26–29 February 2024', 'Japan and South Korea'] });
		expect(home?.siteName).toBeUndefined();
		expect(home?.alt).toBe('Route map of the tour, 26–29 February 2024: Tokyo (Japan), then Seoul (South Korea).');
	});
});

describe('which image a page uses', () => {
	const model = story();

	const cases: { page: string; subject: PreviewSubject; stop: string | undefined }[] = [
		{ page: 'a stop’s page', subject: { kind: 'stop', id: 'seoul' }, stop: 'seoul' },
		{ page: 'a claim about a stop', subject: { kind: 'fact', id: 'in-seoul' }, stop: 'seoul' },
		{ page: 'a claim about no stop', subject: { kind: 'fact', id: 'in-general' }, stop: undefined },
		{ page: 'an article that lists one stop and reports only its events', subject: { kind: 'article', id: 'late' }, stop: 'seoul' },
		{ page: 'an article that lists no stop but reports one stop’s event', subject: { kind: 'article', id: 'reported' }, stop: 'tokyo' },
		{ page: 'an article that covers two stops', subject: { kind: 'article', id: 'early' }, stop: undefined },
		{ page: 'an article that covers none', subject: { kind: 'article', id: 'unrelated' }, stop: undefined },
		{ page: 'a country with one stop', subject: { kind: 'country', id: 'japan' }, stop: 'tokyo' },
		{ page: 'a country with no stop', subject: { kind: 'country', id: 'india' }, stop: undefined },
		{ page: 'a company at one stop’s events', subject: { kind: 'company', id: 'samsung' }, stop: 'seoul' },
		{ page: 'a person at one stop’s events', subject: { kind: 'person', id: 'jay' }, stop: 'seoul' },
		{ page: 'a person at two stops’ events', subject: { kind: 'person', id: 'mark' }, stop: undefined },
		{ page: 'a page about the whole story', subject: { kind: 'story' }, stop: undefined },
	];
	test.each(cases.map((each) => ({ ...each, image: each.stop ? `${each.stop}’s image` : 'the image of the whole route' })))(
		'$page shows $image',
		({ subject, stop }) => {
			expect(stopOfPage(model, subject)).toBe(stop);
			expect(previewNameFor(model, subject)).toBe(stop ? stopPreviewName(stop) : HOME_PREVIEW);
		},
	);
});

describe('the layout', () => {
	const model = story();
	const map = drawRouteMap(world, routeStops(model), MAP_SIZE);
	const cards = previewCards(model, 'The Site');
	/** Every node of a tree, depth first. */
	const nodes = (node: PreviewNode): PreviewNode[] => {
		const children = [node.props.children ?? []].flat().filter((child): child is PreviewNode => typeof child === 'object');
		return [node, ...children.flatMap(nodes)];
	};
	/** The map's numbered markers, in the order they are drawn. */
	const markers = (tree: PreviewNode) =>
		nodes(tree)
			.filter((node) => node.props.style?.['position'] === 'absolute' && typeof node.props.children === 'string')
			.map((node) => ({ number: node.props.children, width: node.props.style?.['width'] }));

	test('draws the marked stop larger than the others, and last, so nothing covers it', () => {
		const seoul = markers(previewTree(cards[2]!, map, 'South Korea'));
		expect(seoul.map((marker) => marker.number)).toEqual(['1', '2']);
		expect(seoul[1]!.width).toBeGreaterThan(seoul[0]!.width as number);
		const tokyo = markers(previewTree(cards[1]!, map, 'Japan'));
		expect(tokyo.map((marker) => marker.number)).toEqual(['2', '1']);
	});

	test('gives every stop the same marker on the image of the whole route', () => {
		const home = markers(previewTree(cards[0]!, map));
		expect(new Set(home.map((marker) => marker.width)).size).toBe(1);
	});

	test('colours the marked stop’s country darker than the tour’s other countries', () => {
		const svg = routeMapSvg(map, 'South Korea');
		expect(svg.match(new RegExp(`fill="${PALETTE.marked}"`, 'g'))).toHaveLength(1);
		expect(svg.match(new RegExp(`fill="${PALETTE.visited}"`, 'g'))).toHaveLength(1);
		expect(routeMapSvg(map)).not.toContain(PALETTE.marked);
	});

	test('sets a short title large and shrinks a title whose longest word would not fit', () => {
		expect(titleSize('Seoul')).toBe(88);
		expect(titleSize('Thiruvananthapuram')).toBeLessThan(titleSize('Jamnagar'));
		expect(titleSize('Zuckerberg in Asia, 2024')).toBeLessThanOrEqual(56);
	});
});

describe('the PNG', () => {
	test('is 1200×630, and the same bytes every time it is drawn', async () => {
		const model = story();
		const tree = previewTree(previewCards(model, 'The Site')[2]!, drawRouteMap(world, routeStops(model), MAP_SIZE), 'South Korea');
		const [first, second] = [await renderPreviewPng(tree), await renderPreviewPng(tree)];
		expect(pngSize(first)).toEqual({ width: 1200, height: 630 });
		expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
	});
});
