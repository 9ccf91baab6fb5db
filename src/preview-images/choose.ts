/**
 * Which preview image a page uses. A page that belongs to one stop shows that stop's
 * image; every other page shows the image of the whole route.
 *
 * Pure: the answer depends only on the story model and what the page is about.
 */
import type { PageKind } from '../lib/urls.ts';
import type { StoryModel } from '../model/types.ts';
import { HOME_PREVIEW, stopPreviewName } from './cards.ts';

/**
 * What a page is about, as far as its preview image is concerned. Listings, the
 * timeline, search and the home page are about the whole story: `{ kind: 'story' }`.
 */
export type PreviewSubject = { kind: 'story' } | { kind: PageKind | 'fact'; id: string };

/** The model's parts the choice is made from. */
export type ChoiceStory = Pick<StoryModel, 'article' | 'country' | 'company' | 'person' | 'event' | 'fact'>;

/** The one stop in a list of stop ids, or undefined when there are none or several. */
function onlyStop(stops: Iterable<string>): string | undefined {
	const distinct = new Set(stops);
	return distinct.size === 1 ? [...distinct][0] : undefined;
}

/**
 * The stop a page belongs to, if exactly one:
 * - a stop's page: the stop;
 * - a claim: the stop it is about, where it names one;
 * - an article: the one stop it covers (the stops it lists, and the stops of the events
 *   it reports, as a stop's own list of articles counts them);
 * - a country: the one stop in it; a company or person: the one stop where they took
 *   part in an event.
 * Pages about the whole story, or about several stops or none, belong to no one stop.
 */
export function stopOfPage(story: ChoiceStory, subject: PreviewSubject): string | undefined {
	switch (subject.kind) {
		case 'story':
			return undefined;
		case 'stop':
			return subject.id;
		case 'fact':
			return story.fact(subject.id).stop;
		case 'article': {
			const article = story.article(subject.id);
			return onlyStop([...article.stops, ...article.events.map((anchor) => story.event(anchor).stop)]);
		}
		case 'country':
			return onlyStop(story.country(subject.id).backlinks.stops);
		case 'company':
			return onlyStop(story.company(subject.id).stops);
		case 'person':
			return onlyStop(story.person(subject.id).stops);
	}
}

/** The name of the image a page uses: its stop's (`stop-seoul`), or the home image's. */
export function previewNameFor(story: ChoiceStory, subject: PreviewSubject): string {
	const stop = stopOfPage(story, subject);
	return stop ? stopPreviewName(stop) : HOME_PREVIEW;
}
