/**
 * The route map, drawn at build time: Natural Earth land (via world-atlas), projected
 * with d3-geo, clipped to the region of the tour, and returned as SVG path data. No
 * tiles and no JavaScript in the browser.
 */
import { geoMercator, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, LineString, MultiPoint } from 'geojson';
import { feature } from 'topojson-client';
import { compactPath } from './compact-path.ts';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { StoryModel } from '../model/types.ts';

export interface MapStop {
	id: string;
	city: string;
	/** The country's name, as the atlas names it: "South Korea". */
	countryName: string;
	lat: number;
	lon: number;
}

export interface RouteMap {
	width: number;
	height: number;
	/** All land, as one path, drawn under the countries of the tour. */
	land: string;
	/** The countries the tour visits, one path each. */
	countries: { name: string; path: string }[];
	/** The route from stop to stop, along great circles. */
	route: string;
	/** Each stop's marker position, in route order. */
	markers: (MapStop & { x: number; y: number })[];
}

/** The stops of the story, in route order, as the map places them. */
export function routeStops(story: Pick<StoryModel, 'stops' | 'country'>): MapStop[] {
	return story.stops.map((stop) => ({
		id: stop.id,
		city: stop.city,
		countryName: story.country(stop.country).name,
		lat: stop.coordinates.lat,
		lon: stop.coordinates.lon,
	}));
}

/** How much room to leave around the stops, in degrees. */
const MARGIN = { lon: 8, lat: 7 };

/**
 * Projects the stops (in route order) and the land around them into a map of the
 * given size. Mercator keeps the shapes of the countries true at this scale.
 */
export function drawRouteMap(
	world: { countries: Topology; land: Topology },
	stops: readonly MapStop[],
	size = { width: 640, height: 300 },
): RouteMap {
	const lons = stops.map((stop) => stop.lon);
	const lats = stops.map((stop) => stop.lat);
	const frame: Feature<MultiPoint> = {
		type: 'Feature',
		properties: {},
		geometry: {
			type: 'MultiPoint',
			coordinates: [
				[Math.min(...lons) - MARGIN.lon, Math.min(...lats) - MARGIN.lat],
				[Math.max(...lons) + MARGIN.lon, Math.max(...lats) + MARGIN.lat],
			],
		},
	};
	const projection = geoMercator()
		.fitSize([size.width, size.height], frame)
		.clipExtent([
			[0, 0],
			[size.width, size.height],
		]);
	const path = geoPath(projection).digits(0);

	const countries = feature(world.countries, world.countries.objects['countries'] as GeometryCollection<{ name: string }>) as FeatureCollection<
		Geometry,
		{ name: string }
	>;
	const visited = new Set(stops.map((stop) => stop.countryName));
	// The land as one outline: no borders between countries the tour did not visit.
	const land = feature(world.land, world.land.objects['land'] as GeometryCollection);
	const route: LineString = { type: 'LineString', coordinates: stops.map((stop) => [stop.lon, stop.lat]) };

	return {
		width: size.width,
		height: size.height,
		land: compactPath(path(land) ?? ''),
		countries: countries.features
			.filter((country) => visited.has(country.properties.name))
			.map((country) => ({ name: country.properties.name, path: compactPath(path(country) ?? '') })),
		route: path(route) ?? '',
		markers: stops.map((stop) => {
			const [x, y] = projection([stop.lon, stop.lat]) ?? [0, 0];
			return { ...stop, x: Math.round(x), y: Math.round(y) };
		}),
	};
}
