/**
 * What the empty search page suggests searching for, taken from the story itself: its
 * stops in the order of the tour, and the people and companies that take part in most
 * of its events (ties broken by the articles that name them, then by name).
 */
import { compareText } from '../lib/compare.ts';
import type { StoryModel } from '../model/types.ts';

/** How many people, and how many companies, the page suggests. */
export const SUGGESTED = { people: 5, companies: 4 } as const;

export interface SuggestionGroup {
	label: string;
	terms: string[];
}

export function searchSuggestions(story: Pick<StoryModel, 'stops' | 'people' | 'companies'>): SuggestionGroup[] {
	const busiest = <Entity extends { name: string; backlinks: { events: string[]; articles: string[] } }>(entities: readonly Entity[], count: number) =>
		[...entities]
			.filter((entity) => entity.backlinks.events.length > 0)
			.sort((a, b) => b.backlinks.events.length - a.backlinks.events.length || b.backlinks.articles.length - a.backlinks.articles.length || compareText(a.name, b.name))
			.slice(0, count)
			.map((entity) => entity.name);
	return [
		{ label: 'Stops', terms: story.stops.map((stop) => stop.city) },
		{ label: 'People', terms: busiest(story.people, SUGGESTED.people) },
		{ label: 'Companies', terms: busiest(story.companies, SUGGESTED.companies) },
	].filter((group) => group.terms.length > 0);
}
