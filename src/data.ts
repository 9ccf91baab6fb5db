/**
 * The one module that reads the content. It builds the story model once per build (in
 * the dev server, once per change of the content), and the route map from it; every
 * page imports from here and only reads.
 *
 * The content was read and checked once, into the current snapshot
 * (`src/content-files/content-snapshot.ts`), before Astro started; in the dev server the
 * content session takes a new one after each change and has this module evaluated
 * again. The bodies' HTML comes from `src/content-files/rendered-bodies.ts`.
 */
import { AstroError } from 'astro/errors';
import { currentSnapshot } from './content-files/content-snapshot.ts';
import { currentMentionMemo } from './content-files/mention-memo.ts';
import { BODY_COLLECTIONS, currentBodyDigest, renderedBody, type BodyCollection } from './content-files/rendered-bodies.ts';
import { LEDGER_COLUMN_LIMIT } from './lib/limits.ts';
import { buildModel } from './model/index.ts';
import { readInput, shareInput, sharedValue as sharedInput, trackModel } from './page-reuse/page-inputs.ts';
import { setInputSource } from './page-reuse/reuse.ts';
import { drawRouteMap, routeStops } from './map/route-map.ts';
import { world } from './map/world.ts';
import { planFallbackFonts } from './web-fonts/fallback-fonts.ts';

const snapshot = currentSnapshot();
if (!snapshot) {
	throw new AstroError('The content has not been read.', 'astro.config.mjs reads and checks the content before Astro starts: build and serve the site with its config.');
}
// A content problem stops every page with the checker's own lines. `astro build`
// never gets here with one (it stops first); the dev server does, after an edit.
if (!snapshot.report.ok) {
	throw new AstroError(
		`${snapshot.report.summary}\n${snapshot.report.problemLines.join('\n')}`,
		'Fix each line above in the file it names, and save: the page shows the content again. `npm run check:content` checks without Astro.',
	);
}

const { input, paragraphs } = snapshot.content;

// The mentions an earlier build found in each unchanged article are taken as they were.
const model = buildModel(input, { paragraphs, mentions: currentMentionMemo() });

/**
 * The story model, from content that passed its check (whose paragraphs it reuses). In
 * a build, each page records what it reads of it, so that the next build can reuse the
 * page while none of that changed (src/page-reuse/).
 */
export const story = trackModel(model);

/** The site's own fonts for the Korean and Japanese words of the content, planned once (src/web-fonts/). */
export const fallbackFonts = shareInput('fallbackFonts', planFallbackFonts(input));

/** What the shell of every page shows of the content: whether it links the fallback fonts' stylesheet. */
export const pageShell = shareInput('pageShell', { fallbackFonts: fallbackFonts.length > 0 });

/**
 * Whether the fact ledger gives every article a column (a story of few articles), or
 * each page only the articles its claims cite: a ledger page reads this, not the whole
 * list of articles, so that an article that no claim on it cites leaves it as it was.
 */
export const ledgerColumns = shareInput('ledgerColumns', { everyArticle: model.articles.length <= LEDGER_COLUMN_LIMIT });

/** The route map, drawn once for every page that shows it. */
export const routeMap = shareInput('routeMap', drawRouteMap(world, routeStops(model)));

setInputSource({
	model,
	bodyDigest: (collection, id) => ((BODY_COLLECTIONS as readonly string[]).includes(collection) ? currentBodyDigest(collection as BodyCollection, id) : undefined),
	shared: (key) => sharedInput(key),
});

/**
 * The rendered HTML of a body (entity links, paragraph anchors, passage marks,
 * sanitised), for the pages and the feed; an empty string for an entry without one.
 */
export function bodyHtml(collection: BodyCollection, id: string): Promise<string> {
	readInput(`body/${collection}/${id}`);
	return renderedBody(collection, id);
}
