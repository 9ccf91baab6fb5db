/**
 * The open data of the site, `/data/story.json`: stops with their events, the
 * entities, the claims of the fact ledger with their passages, and the articles'
 * metadata. `/data/story.schema.json` is generated from this schema with
 * `z.toJSONSchema`, and the build validates the data against it.
 */
import { z } from 'zod';

const id = z.string().describe('A kebab-case id, stable: it is also the last part of the page URL.');
const url = z.string().describe('The absolute URL of the page, or of the passage within it.');
const ids = z.array(z.string()).describe('Ids of records elsewhere in this file.');
const date = z.string().describe('A local calendar date, YYYY-MM-DD.');
const language = z.string().describe('A BCP 47 language tag: en, ko, ja.');

const event = z
	.strictObject({
		anchor: z.string().describe('Unique across the story; the permalink fragment on the stop page.'),
		url,
		title: z.string(),
		date,
		endDate: date.optional(),
		time: z.string().optional().describe('A local clock time, HH:MM, in the stop time zone.'),
		dateNote: z.string().optional().describe('How the date was arrived at, where the sources are vague.'),
		people: ids,
		companies: ids,
		articles: ids.describe('The articles that report the event; never empty.'),
	})
	.describe('Something that happened at a stop.');

const stop = z
	.strictObject({
		id,
		url,
		city: z.string(),
		localName: z
			.strictObject({ name: z.string(), lang: language })
			.optional()
			.describe("The city's name as its own country writes it, with its language: 서울, ko."),
		region: z.string().optional(),
		country: z.string().describe('The id of the country.'),
		order: z.number().int().describe('The place on the route, from 1.'),
		timeZone: z.string().describe('The IANA time zone the dates and times of the stop are local to.'),
		coordinates: z.strictObject({ lat: z.number(), lon: z.number() }),
		dates: z.strictObject({ start: date, end: date }),
		summary: z.string().optional(),
		events: z.array(event),
	})
	.describe('A stop on the tour.');

const entity = {
	id,
	url,
	name: z.string(),
	aliases: z.array(z.string()).describe('Other spellings the sources use.'),
	description: z.string(),
};

const article = z
	.strictObject({
		id,
		url,
		title: z.string().describe('The headline, in the language of the article.'),
		language: language.describe('The language the article is written in, as a BCP 47 tag: en, ko, ja. Its title, text and cited passages are in it.'),
		published: z.string().describe('A date (YYYY-MM-DD) or a date-time with its UTC offset.'),
		outlet: z.string().optional().describe('Only where the source names it.'),
		author: z.string().optional(),
		sourceUrl: z.string().optional().describe('The original address, where known.'),
		summary: z.string().optional().describe('Ours, not the source text.'),
		stops: ids,
		countries: ids,
		companies: ids,
		people: ids,
		removed: z.array(z.strictObject({ text: z.string(), reason: z.string() })).describe('Page debris removed from the source text.'),
		inferred: z.record(z.string(), z.string()).describe('Fields we filled in where the source was silent (title, published, author), with the reason.'),
		inferredStops: z
			.record(z.string(), z.string())
			.optional()
			.describe('The stops inferred though the text does not name them, by stop id, each with the reason.'),
	})
	.describe("A source article's metadata; the text is on its page.");

const claim = z
	.strictObject({
		id,
		url,
		statement: z.string().describe('The claim, in our words.'),
		kind: z.enum(['fact', 'quote', 'name']),
		stop: z.string().optional(),
		speaker: z.string().optional(),
		people: ids,
		companies: ids,
		countries: ids,
		agreement: z.enum(['agreed', 'single-source', 'confirmed-later', 'unconfirmed', 'disputed']),
		sources: z
			.array(
				z.strictObject({
					article: z.string(),
					passage: z.string().describe('The exact words of the article, verbatim, in its language.'),
					stance: z.enum(['states', 'hedges', 'differs', 'contradicts']),
					says: z.string().optional().describe("What the source gives, in short and in its own terms: its figure, date, name or wording. Always present where it differs or contradicts."),
					gloss: z.string().optional().describe('Our English rendering of the passage, where the article is in another language.'),
					note: z.string().optional(),
					url: z.string().describe('The passage in its article: the page URL with the fragment of the marked words.'),
				}),
			)
			.min(1),
		silentCount: z.number().int().describe('How many of the articles the claim concerns say nothing about it: those on its stop (every article, for a claim of no one stop) that are not among its sources.'),
		history: z
			.array(
				z.strictObject({
					date: z.string().describe('The publication day of these sources, YYYY-MM-DD, as each article dates itself.'),
					stance: z.enum(['states', 'hedges', 'differs', 'contradicts']),
					articles: ids.min(1).describe('The articles published that day with that stance, in publication order.'),
					says: z.array(z.string()).describe("What they give, in their own terms (the sources' `says`), without repeats."),
					first: z
						.enum(['expected', 'reported', 'disputed'])
						.optional()
						.describe('Where this step is the first of its kind: the day the claim was first expected (hedges), first reported (states) or first disputed (differs or contradicts).'),
				}),
			)
			.min(1)
			.describe("The claim's story by publication day: its sources grouped by day and stance, in order."),
	})
	.describe('A claim of the fact ledger.');

export const storyDataSchema = z
	.strictObject({
		version: z.literal(1).describe('The version of this format.'),
		site: z.string().describe('The absolute URL of the site.'),
		stops: z.array(stop),
		entities: z.strictObject({
			countries: z.array(z.strictObject(entity)),
			companies: z.array(z.strictObject({ ...entity, country: z.string() })),
			people: z.array(z.strictObject({ ...entity, country: z.string(), role: z.string().optional(), companies: ids })),
		}),
		articles: z.array(article),
		claims: z.array(claim),
	})
	.describe("Mark Zuckerberg's February–March 2024 tour of Asia, from its source articles, each kept word for word.");

export type StoryData = z.output<typeof storyDataSchema>;

/** The JSON Schema (draft 2020-12) of story.json, generated from the zod schema. */
export function storyJsonSchema(schemaUrl: string): Record<string, unknown> {
	return { ...z.toJSONSchema(storyDataSchema, { target: 'draft-2020-12' }), $id: schemaUrl, title: 'story.json' };
}
