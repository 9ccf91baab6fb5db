/**
 * The frontmatter of `content/stops/<id>.md`: one stop on the tour.
 *
 * Dates are local calendar dates in the stop's own time zone; times are local clock
 * times there. The body is our own prose about the stop.
 */
import { z } from 'zod';
import { calendarDate, entityId, idList, languageTag, localTime, text } from './primitives.ts';
import { isTimeZone } from '../lib/time-zones.ts';

/** A span of local calendar days, `end` not before `start`. */
export const dateSpan = z
	.strictObject({
		/** The first day, `YYYY-MM-DD`. */
		start: calendarDate,
		/** The last day, `YYYY-MM-DD`; the same as `start` for a single day. */
		end: calendarDate,
	})
	.refine((span) => span.start <= span.end, 'expected "end" on or after "start"');

/** Something that happened (or was reported as planned) at a stop. */
export const stopEvent = z
	.strictObject({
		/** Unique within the stop; the event's permalink anchor is `<stop>-<id>`. */
		id: entityId,
		/** What happened, in a short line of our own. */
		title: text,
		/** The local day it happened, or the first day of a span. */
		date: calendarDate,
		/** The last local day, for events that span several days. */
		endDate: calendarDate.optional(),
		/** The local clock time, where a source gives one. */
		time: localTime.optional(),
		/** How the date was arrived at, where the sources are vague ("the past week"). */
		dateNote: text.optional(),
		/** Ids of the people involved. */
		people: idList.default([]),
		/** Ids of the companies involved. */
		companies: idList.default([]),
		/** Ids of the articles that report the event. At least one: no event without a source. */
		articles: idList.refine((ids) => ids.length > 0, 'expected at least one article that reports the event'),
	})
	.refine((event) => !event.endDate || event.date <= event.endDate, {
		message: 'expected "endDate" on or after "date"',
		path: ['endDate'],
	});

/** Words someone said at or about the stop, as one article prints them. */
export const quote = z
	.strictObject({
		/** The words, exactly as the article prints them, without the quotation marks around them. */
		text,
		/** The id of the person who said them (`content/people/`), where they have a record. */
		person: entityId.optional(),
		/** Who said them, where the person has no record: "A Meta spokesperson". */
		speaker: text.optional(),
		/** The id of the article the words are taken from; they must occur in it verbatim. */
		article: entityId,
	})
	.refine((each) => Boolean(each.person) !== Boolean(each.speaker), 'expected either "person" or "speaker", and not both');

/** Latitude and longitude in decimal degrees (WGS 84). */
export const coordinates = z.strictObject({
	/** Degrees north of the equator, -90 to 90. */
	lat: z.number().min(-90).max(90),
	/** Degrees east of Greenwich, -180 to 180. */
	lon: z.number().min(-180).max(180),
});

export const stopSchema = z
	.strictObject({
		/** The city, as readers know it: "Seoul". */
		city: text,
		/** The region or state, where it helps to place the city: "Gujarat". */
		region: text.optional(),
		/**
		 * The city's name as its own country writes it, with the language: `{ name: 서울,
		 * lang: ko }`. Shown beside the English name on the stop's page and preview image.
		 */
		localName: z.strictObject({ name: text, lang: languageTag }).optional(),
		/** Spellings of the place found in the sources, used to detect the stop in text. */
		aliases: z.array(text).default([]),
		/** The id of the country (`content/countries/`) the stop is in. */
		country: entityId,
		/** The position on the route: 1 for the first stop. */
		order: z.int().positive(),
		/** The IANA time zone of the place, for local dates and times: "Asia/Seoul". */
		timeZone: z.string().refine(isTimeZone, 'expected an IANA time zone such as "Asia/Seoul"'),
		/** Where the stop is on the map. */
		coordinates,
		/** The local days the tour spent there. */
		dates: dateSpan,
		/** What happened there, each event with its sources. */
		events: z.array(stopEvent).default([]),
		/** What was said there, each quote with its speaker and its article. */
		quotes: z.array(quote).default([]),
		/** One or two sentences of our own for lists and previews. */
		summary: text.optional(),
	})
	.refine(
		(stop) =>
			stop.events.every(
				(event) =>
					(event.date >= stop.dates.start && (event.endDate ?? event.date) <= stop.dates.end) ||
					Boolean(event.dateNote),
			),
		{ message: 'expected every event to fall within the stop, or to carry a "dateNote"', path: ['events'] },
	);

/** A stop's frontmatter after validation. */
export type StopData = z.output<typeof stopSchema>;
/** One event of a stop, after validation. */
export type StopEventData = z.output<typeof stopEvent>;
/** One quote of a stop, after validation. */
export type QuoteData = z.output<typeof quote>;
