import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
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
