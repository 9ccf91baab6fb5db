/**
 * The preview images of this build, bound to the story and the site: the cards, the
 * map they are drawn on, and `previewImageFor`, which tells a page the image and the
 * words for its `og:image` and `twitter:image` tags. Pages and the image endpoint
 * (src/pages/previews/[name].png.ts) import from here; the logic is in the pure
 * modules beside it.
 */
import { story } from '../data.ts';
import { shareInput } from '../page-reuse/page-inputs.ts';
import { drawRouteMap, routeStops } from '../map/route-map.ts';
import { world } from '../map/world.ts';
import { SITE_NAME, urls } from '../site.ts';
import { previewCards, type PreviewCard } from './cards.ts';
import { previewNameFor, type PreviewSubject } from './choose.ts';
import { MAP_SIZE, previewTree, type PreviewNode } from './preview-tree.ts';

export type { PreviewSubject } from './choose.ts';
export { PREVIEW_SIZE } from './cards.ts';

/** A page's preview image: where it is (a path on this site) and what it shows, in words. */
export interface PagePreview {
	/** The image's path under the base path: `/tour/previews/stop-seoul.png`. */
	path: string;
	/** The image described for readers who cannot see it. */
	alt: string;
}

/**
 * Every preview image of the site: the whole route, then one per stop. Each is an input
 * of the pages that name it (src/page-reuse/).
 */
export const cards: PreviewCard[] = previewCards(story, SITE_NAME).map((card) => shareInput(`previewCard/${card.name}`, card));
const cardsByName = new Map(cards.map((card) => [card.name, card]));

/** The route map at the images' size, drawn once for all of them. */
const map = shareInput('previewMap', drawRouteMap(world, routeStops(story), MAP_SIZE));

/**
 * The element tree of a card's image, with its stop's country marked on the map, and its
 * local name in `localNameFamilies`, the fonts made for it (local-name-fonts.ts).
 */
export function treeOf(card: PreviewCard, localNameFamilies?: readonly string[]): PreviewNode {
	const country = card.stop ? story.country(story.stop(card.stop).country).name : undefined;
	return previewTree(card, map, country, localNameFamilies);
}

/** The preview image of a page about `subject`: its stop's, or the whole route's (see choose.ts). */
export function previewImageFor(subject: PreviewSubject = { kind: 'story' }): PagePreview {
	const name = previewNameFor(story, subject);
	const card = cardsByName.get(name);
	if (!card) throw new Error(`No preview image is named "${name}"; the images are ${[...cardsByName.keys()].join(', ')}.`);
	return { path: urls.previewImage(card.name), alt: card.alt };
}
