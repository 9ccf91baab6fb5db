/**
 * What each preview image (the picture a link preview shows) says: one card for the
 * whole route, shown by the home page and every page that belongs to no one stop, and
 * one card per stop. The number of images grows with the stops, never with the articles.
 *
 * Pure: a card is built from the story model and the site's name, and drawn elsewhere
 * (`preview-tree.ts` lays it out, `render-png.ts` turns it into a PNG).
 */
import { formatDateRange } from '../lib/calendar.ts';
import { listInWords } from '../lib/plural.ts';
import type { StoryModel } from '../model/types.ts';

/** The width and height of every preview image, in pixels: the size link previews expect. */
export const PREVIEW_SIZE = { width: 1200, height: 630 } as const;

/** The name of the home page's image, which shows the whole route. */
export const HOME_PREVIEW = 'home';

/** One preview image: its file name and everything it shows. */
export interface PreviewCard {
	/** The file name without `.png`: `home`, or `stop-<stop id>`. */
	name: string;
	/** The id of the stop marked on the map; none on the image of the whole route. */
	stop?: string | undefined;
	/** The line above the title: "Stop 2 of 3". */
	kicker: string;
	/** The title, the largest words: the stop's city, or the site's name. */
	title: string;
	/** The stop's city as its own country writes it, drawn under the title: `{ name: '서울', lang: 'ko' }`. */
	localName?: { name: string; lang: string } | undefined;
	/** Lines under the title: the place and the dates. */
	details: string[];
	/** The site's name, shown above everything unless it is the title already. */
	siteName?: string | undefined;
	/** The route in order, each stop's number and city, as the key to the map's numbered markers. */
	route: { id: string; number: number; city: string }[];
	/** What the image shows, in words, for readers who cannot see it (`og:image:alt`). */
	alt: string;
}

/** The model's parts a card is made from. */
export type CardStory = Pick<StoryModel, 'stops' | 'country'>;

/** The file name of a stop's image: `stop-seoul`. The prefix keeps it apart from `home`. */
export function stopPreviewName(stopId: string): string {
	return `stop-${stopId}`;
}

/** The countries of the route, each once, in the order the tour reached them. */
function countriesInRouteOrder(story: CardStory): string[] {
	return [...new Set(story.stops.map((stop) => story.country(stop.country).name))];
}

/** "Seoul (서울), South Korea" or, with a region, "Jamnagar, Gujarat, India". */
function placeOf(story: CardStory, stop: CardStory['stops'][number]): string {
	const city = stop.localName ? `${stop.city} (${stop.localName.name})` : stop.city;
	return [city, stop.region, story.country(stop.country).name].filter(Boolean).join(', ');
}

/**
 * Every card of the site: the home card first, then one per stop in route order.
 * The story must have at least one stop.
 */
export function previewCards(story: CardStory, siteName: string): PreviewCard[] {
	const { stops } = story;
	const first = stops[0];
	const last = stops.at(-1);
	if (!first || !last) throw new Error('Preview images need at least one stop on the route.');
	const route = stops.map((stop, index) => ({ id: stop.id, number: index + 1, city: stop.city }));
	const routeInWords = stops.map((stop) => `${stop.city} (${story.country(stop.country).name})`).join(', then ');
	const tourDates = formatDateRange(first.dates.start, last.dates.end);

	const home: PreviewCard = {
		name: HOME_PREVIEW,
		kicker: `The route, in ${stops.length} ${stops.length === 1 ? 'stop' : 'stops'}`,
		title: siteName,
		details: [tourDates, listInWords(countriesInRouteOrder(story))],
		route,
		alt: `Route map of the tour, ${tourDates}: ${routeInWords}.`,
	};
	const perStop = stops.map((stop, index): PreviewCard => {
		const dates = formatDateRange(stop.dates.start, stop.dates.end);
		const position = `stop ${index + 1} of ${stops.length}`;
		return {
			name: stopPreviewName(stop.id),
			stop: stop.id,
			kicker: position[0]!.toUpperCase() + position.slice(1),
			title: stop.city,
			localName: stop.localName,
			details: [[stop.region, story.country(stop.country).name].filter(Boolean).join(', '), dates],
			siteName,
			route,
			alt: `Route map of the tour with ${stop.city} marked, ${position}: ${placeOf(story, stop)}, ${dates}. The route: ${routeInWords}.`,
		};
	});
	return [home, ...perStop];
}
