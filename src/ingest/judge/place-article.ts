/**
 * Stop inference, the last part of placing an article in the story: a stop the text
 * does not name, deduced from a country it does name and the day it was published.
 *
 * "Zuckerberg met President Yoon in South Korea", published on 29 February, is about
 * Seoul even though it never says "Seoul": South Korea has one stop in the story, and
 * the article appeared while he was there. Where a country has two stops, or the date
 * is far from the stop's days, nothing is inferred: a wrong stop costs the editor more
 * than a missing one.
 */
import { daysBetween, isCalendarDate, isDateTimeWithOffset, splitDateTime } from '../../lib/calendar.ts';
import type { ModelInput } from '../../model/types.ts';

/**
 * How many days before a stop's first day, or after its last, an article may be
 * published and still be taken to be about it: previews run a few days ahead (Bloomberg
 * wrote on 26 February of Seoul from the 28th), and reports a few days behind.
 */
export const STOP_WINDOW_DAYS = 3;

/** What the inference needs to know about the article. */
export interface PlacedArticle {
	/** `YYYY-MM-DD`, or a date-time with offset; nothing is inferred without it. */
	published?: string | undefined;
	/** Ids of the countries the article names (by name, alias or demonym). */
	countries: readonly string[];
	/** Ids of the stops already found in it, which are not inferred again. */
	stops: readonly string[];
}

/** A stop the article does not name, and why it is taken to be about it. */
export interface InferredStop {
	stop: string;
	/** "named South Korea, where Seoul is the story's only stop, and published 2024-02-28, within 3 days of its dates (…)". */
	reason: string;
}

/**
 * The stops inferred for an article, in route order: each the only stop of a country
 * the article names, whose days lie within `STOP_WINDOW_DAYS` of the publication date.
 */
export function inferStops(article: PlacedArticle, input: ModelInput): InferredStop[] {
	const published = calendarDay(article.published);
	// An article that names a stop of the story is placed by it: a country it names
	// besides ("before flying to India") is where he goes next, or was, not its subject.
	if (published === undefined || article.stops.length > 0) return [];
	const inferred: InferredStop[] = [];
	const stops = [...input.stops].sort((a, b) => a.data.order - b.data.order);
	for (const stop of stops) {
		if (article.stops.includes(stop.id) || !article.countries.includes(stop.data.country)) continue;
		if (stops.some((other) => other.id !== stop.id && other.data.country === stop.data.country)) continue;
		const { start, end } = stop.data.dates;
		if (!withinDays(published, start, end, STOP_WINDOW_DAYS)) continue;
		const country = input.countries.find((each) => each.id === stop.data.country)?.data.name ?? stop.data.country;
		const dates = start === end ? start : `${start} to ${end}`;
		inferred.push({
			stop: stop.id,
			reason: `named ${country}, where ${stop.data.city} is the story's only stop, and published ${published}, within ${STOP_WINDOW_DAYS} days of its dates (${dates})`,
		});
	}
	return inferred;
}

/** The calendar day of a publication date, or `undefined` where there is no valid date. */
export function calendarDay(published: string | undefined): string | undefined {
	if (published === undefined || !(isCalendarDate(published) || isDateTimeWithOffset(published))) return undefined;
	return splitDateTime(published).date;
}

/** True when `date` lies in `start..end`, or at most `days` days outside it. */
export function withinDays(date: string, start: string, end: string, days: number): boolean {
	return daysBetween(date, start) <= days && daysBetween(end, date) <= days;
}
