/**
 * The one module that reads the content collections. It builds the story model once
 * per build (in the dev server, once per change of the content), and the route map
 * from it; every page imports from here and only reads.
 */
import { AstroError } from 'astro/errors';
import { getCollection, getEntry } from 'astro:content';
import { CHECK_ENTRY } from './content-files/astro-loader.ts';
import { currentSnapshot } from './content-files/content-snapshot.ts';
import { buildModel } from './model/index.ts';
import { drawRouteMap, routeStops } from './map/route-map.ts';
import { world } from './map/world.ts';
import { planFallbackFonts } from './web-fonts/fallback-fonts.ts';

// A content problem stops every page with the checker's own lines. `astro build`
// never gets here with one (it stops first); the dev server does, after an edit.
const check = await getEntry('check', CHECK_ENTRY);
if (check && !check.data.ok) {
	throw new AstroError(
		`${check.data.summary}\n${check.data.problemLines.join('\n')}`,
		'Fix each line above in the file it names, and save: the page shows the content again. `npm run check:content` checks without Astro.',
	);
}

/** The fields the model needs from a collection entry. */
const toEntry = <Data>(entry: { id: string; data: Data; body?: string | undefined; filePath?: string | undefined }) => ({
	id: entry.id,
	data: entry.data,
	body: entry.body,
	file: entry.filePath,
});

// The collections hold the entries of this process's snapshot when the check's entry
// names it: the check passed over them, and their paragraphs are parsed already.
const snapshot = currentSnapshot();
const checked = snapshot && check?.data.snapshot === snapshot.id ? { paragraphs: snapshot.content.paragraphs } : undefined;

const input = {
	articles: (await getCollection('articles')).map(toEntry),
	stops: (await getCollection('stops')).map(toEntry),
	countries: (await getCollection('countries')).map(toEntry),
	companies: (await getCollection('companies')).map(toEntry),
	people: (await getCollection('people')).map(toEntry),
	overview: (await getCollection('overview')).map(toEntry),
	facts: (await getCollection('facts')).map(toEntry),
};

export const story = buildModel(input, checked);

/** The site's own fonts for the Korean and Japanese words of the content, planned once (src/web-fonts/). */
export const fallbackFonts = planFallbackFonts(input);

/** The route map, drawn once for every page that shows it. */
export const routeMap = drawRouteMap(world, routeStops(story));

/**
 * The rendered HTML of each body (entity links, paragraph anchors, sanitised), by
 * collection and id, for the pages and the feed.
 */
export const bodyHtml = {
	articles: new Map((await getCollection('articles')).map((entry) => [entry.id, entry.rendered?.html ?? ''] as const)),
	stops: new Map((await getCollection('stops')).map((entry) => [entry.id, entry.rendered?.html ?? ''] as const)),
};
