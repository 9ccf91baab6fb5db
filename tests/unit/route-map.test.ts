import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { LABEL_FONT_SIZES, pathPoints, placeLabels } from '../../src/map/map-labels.ts';
import { compactPath } from '../../src/map/compact-path.ts';
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

describe('a path written compactly', () => {
	/** The points a path of absolute or relative M, L and Z commands passes through, in order. */
	function vertices(d: string): string[] {
		const points: string[] = [];
		let [x, y] = [0, 0];
		for (const [, letter, args] of d.matchAll(/([MLZmlz])([^MLZmlz]*)/g)) {
			const values = (args ?? '').match(/-?\d+/g)?.map(Number) ?? [];
			for (let index = 0; index + 1 < values.length; index += 2) {
				const [dx, dy] = [values[index] as number, values[index + 1] as number];
				[x, y] = letter === 'l' || (letter === 'm' && points.length > 0) ? [x + dx, y + dy] : [dx, dy];
				points.push(`${x},${y}`);
			}
		}
		return points;
	}

	test('passes through the same corners, leaving out repeated points and points on a straight edge', () => {
		const d = 'M0,0L1,0L2,0L2,0L2,2L0,2ZM5,5L6,6L7,7L6,8Z';
		expect(compactPath(d)).toBe('M0,0l2,0 0,2-2,0zM5,5l2,2-1,1z');
		expect(vertices(compactPath(d))).toEqual(['0,0', '2,0', '2,2', '0,2', '5,5', '7,7', '6,8']);
	});

	test('keeps a point where the outline turns back on itself', () => {
		expect(vertices(compactPath('M0,0L3,0L1,0L1,2'))).toEqual(['0,0', '3,0', '1,0', '1,2']);
	});

	test('leaves a path of other commands as it is', () => {
		expect(compactPath('M0,0C1,1,2,2,3,3')).toBe('M0,0C1,1,2,2,3,3');
		expect(compactPath('M0.5,0L1,1')).toBe('M0.5,0L1,1');
	});

	test('draws the land of the whole world with no repeated point and no point on a straight edge', () => {
		const far = [...stops, { id: 'sydney', city: 'Sydney', countryName: 'Australia', lat: -33.87, lon: 151.21 }, { id: 'paris', city: 'Paris', countryName: 'France', lat: 48.86, lon: 2.35 }];
		const map = drawRouteMap(world, far);
		for (const d of [map.land, ...map.countries.map((country) => country.path)]) {
			for (const ring of d.split('M').filter(Boolean)) {
				const points = vertices(`M${ring}`).map((point) => point.split(',').map(Number) as [number, number]);
				expect(points.length).toBeGreaterThan(0);
				points.slice(2).forEach((point, index) => {
					const [a, b] = [points[index] as [number, number], points[index + 1] as [number, number]];
					const [ux, uy, vx, vy] = [b[0] - a[0], b[1] - a[1], point[0] - b[0], point[1] - b[1]];
					expect(ux !== 0 || uy !== 0, `${a} repeated`).toBe(true);
					expect(ux * vy - uy * vx !== 0 || ux * vx + uy * vy < 0, `${b} on the edge from ${a} to ${point}`).toBe(true);
				});
			}
		}
	});
});
