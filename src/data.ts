/**
 * The one module that reads the content collections. It builds the story model once
 * per build, and the route map from it; every page imports from here and only reads.
 */
import { getCollection } from 'astro:content';
import { buildModel } from './model/index.ts';
import { drawRouteMap } from './map/route-map.ts';
import { world } from './map/world.ts';

/** The fields the model needs from a collection entry. */
const toEntry = <Data>(entry: { id: string; data: Data; body?: string | undefined; filePath?: string | undefined }) => ({
	id: entry.id,
	data: entry.data,
	body: entry.body,
	file: entry.filePath,
});

export const story = buildModel({
	articles: (await getCollection('articles')).map(toEntry),
	stops: (await getCollection('stops')).map(toEntry),
	countries: (await getCollection('countries')).map(toEntry),
	companies: (await getCollection('companies')).map(toEntry),
	people: (await getCollection('people')).map(toEntry),
	overview: (await getCollection('overview')).map(toEntry),
	facts: (await getCollection('facts')).map(toEntry),
});

/** The route map, drawn once for every page that shows it. */
export const routeMap = drawRouteMap(
	world,
	story.stops.map((stop) => ({
		id: stop.id,
		city: stop.city,
		countryName: story.country(stop.country).name,
		lat: stop.coordinates.lat,
		lon: stop.coordinates.lon,
	})),
);

/**
 * The rendered HTML of each body (entity links, paragraph anchors, sanitised), by
 * collection and id, for the pages and the feed.
 */
export const bodyHtml = {
	articles: new Map((await getCollection('articles')).map((entry) => [entry.id, entry.rendered?.html ?? ''] as const)),
	stops: new Map((await getCollection('stops')).map((entry) => [entry.id, entry.rendered?.html ?? ''] as const)),
};
