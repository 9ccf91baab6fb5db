import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { LABEL_FONT_SIZES, pathPoints, placeLabels } from '../../src/map/map-labels.ts';
import { drawRouteMap } from '../../src/map/route-map.ts';
import { projectRoot } from '../support/content-fixtures.ts';

const world = {
	countries: JSON.parse(readFileSync(path.join(projectRoot, 'node_modules/world-atlas/countries-110m.json'), 'utf8')),
	land: JSON.parse(readFileSync(path.join(projectRoot, 'node_modules/world-atlas/land-110m.json'), 'utf8')),
};
const stops = [
	{ id: 'tokyo', city: 'Tokyo', countryName: 'Japan', lat: 35.6762, lon: 139.6503 },
	{ id: 'seoul', city: 'Seoul', countryName: 'South Korea', lat: 37.5665, lon: 126.978 },
	{ id: 'jamnagar', city: 'Jamnagar', countryName: 'India', lat: 22.4707, lon: 70.0577 },
];

test('places the stops as a map would: Tokyo east of Seoul, Jamnagar far west and south', () => {
	const map = drawRouteMap(world, stops);
	const [tokyo, seoul, jamnagar] = map.markers;
	expect(tokyo!.x).toBeGreaterThan(seoul!.x);
	expect(jamnagar!.x).toBeLessThan(seoul!.x);
	expect(jamnagar!.y).toBeGreaterThan(seoul!.y);
	for (const marker of map.markers) {
		expect(marker.x).toBeGreaterThan(0);
		expect(marker.x).toBeLessThan(map.width);
		expect(marker.y).toBeGreaterThan(0);
		expect(marker.y).toBeLessThan(map.height);
	}
});

test('keeps the Mercator aspect: east-west and north-south degrees are equal near the equator', () => {
	const map = drawRouteMap(world, stops);
	const [, seoul, jamnagar] = map.markers;
	const pxPerDegreeLon = (seoul!.x - jamnagar!.x) / (126.978 - 70.0577);
	// Mercator stretches latitude by sec(φ); between 22° and 38° the stretch is 1.1 to 1.3.
	const pxPerDegreeLat = (jamnagar!.y - seoul!.y) / (37.5665 - 22.4707);
	expect(pxPerDegreeLat / pxPerDegreeLon).toBeGreaterThan(1.05);
	expect(pxPerDegreeLat / pxPerDegreeLon).toBeLessThan(1.35);
});

test('draws the visited countries apart from the rest of the land, and the route between the stops', () => {
	const map = drawRouteMap(world, stops);
	expect(map.countries.map((country) => country.name).sort()).toEqual(['India', 'Japan', 'South Korea']);
	expect(map.countries.every((country) => country.path.startsWith('M'))).toBe(true);
	expect(map.route).toMatch(/^M\d+,\d+(L\d+,\d+)+$/);
	expect(map.land.length).toBeGreaterThan(1000);
	// Clipped to the frame, the whole map stays small enough for the page budget.
	expect(map.land.length + map.countries.reduce((sum, country) => sum + country.path.length, 0)).toBeLessThan(15_000);
});

describe('the labels', () => {
	const map = drawRouteMap(world, stops);
	const labels = placeLabels(map.markers, map.width, map.height, pathPoints(map.route));

	test('number the stops in route order', () => {
		expect(labels.map((label) => label.text)).toEqual(['1. Tokyo', '2. Seoul', '3. Jamnagar']);
	});

	test('sit beside their markers, off the route, inside the map and clear of each other at every size the stylesheet sets', () => {
		// Tokyo's and Seoul's markers are close: one label goes below, the other above, both off the line between them.
		expect(Object.fromEntries(labels.map((label) => [label.text, label.side]))).toEqual({
			'1. Tokyo': 'below-left',
			'2. Seoul': 'above-left',
			'3. Jamnagar': 'below-right',
		});
		for (const label of labels) {
			expect(label.dx).toMatch(/^(-?0\.\d+em|0)$/);
			expect(label.dy).toMatch(/^-?\d+(\.\d+)?em$/);
		}
	});

	test('go on the side with most room where none is clear', () => {
		// A marker in the top right corner: its label cannot go right, nor above.
		const [label] = placeLabels([{ x: 630, y: 5, city: 'Corner' }], 640, 300);
		expect(label?.side).toBe('below-left');
		expect(label?.anchor).toBe('end');
	});

	test('are set no smaller than the stylesheet can keep at 14 px on a 320 px phone', () => {
		// At 320 px the map is drawn 286 px wide inside its border: 640 map units to 286 px.
		expect(LABEL_FONT_SIZES.max * (286 / map.width)).toBeGreaterThanOrEqual(14);
	});

	test('read the points of the route as d3-geo writes them', () => {
		expect(pathPoints('M580,109L533,99L485.5,92')).toEqual([[580, 109], [533, 99], [485.5, 92]]);
	});
});
