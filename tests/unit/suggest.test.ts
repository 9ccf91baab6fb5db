import { beforeAll, describe, expect, test } from 'vitest';
import { loadContent } from '../../src/content-files/load-content.ts';
import { dateRelation, formatSuggestions, hedgeIn, suggestClaims, suggestEvents } from '../../src/ingest/judge/suggest.ts';
import { paragraphTexts } from '../../src/lib/markdown-blocks.ts';
import type { ModelInput } from '../../src/model/types.ts';
import { realContentDir } from '../support/content-fixtures.ts';
import { company, fact, person, smallStory } from '../support/entries.ts';

/** An article of the small story: about Seoul, naming Zuckerberg, Lee and Samsung. */
const seoulArticle = (published: string | undefined, more: { id?: string; stops?: string[]; people?: string[]; companies?: string[] } = {}) => ({
	published,
	stops: ['seoul'],
	people: ['mark', 'jay'],
	companies: ['samsung'],
	...more,
});

describe('suggesting events', () => {
	test('suggests an event of the article’s stop that shares a telling name, reported the day after', () => {
		expect(suggestEvents(seoulArticle('2024-02-29'), smallStory())).toEqual([
			{
				stop: 'seoul',
				event: 'samsung',
				timing: 'reported',
				reason: 'shares Samsung Electronics, Lee Jae-yong; the day before publication',
				score: expect.any(Number),
			},
		]);
	});

	test('suggests nothing from a name that takes part in most events (Zuckerberg is at every one)', () => {
		expect(suggestEvents(seoulArticle('2024-02-29', { people: ['mark'], companies: [] }), smallStory())).toEqual([]);
	});

	test('suggests an event up to three days after publication as previewed, and none later', () => {
		const [preview] = suggestEvents(seoulArticle('2024-02-25'), smallStory());
		expect(preview).toMatchObject({ event: 'samsung', timing: 'previewed', reason: 'shares Samsung Electronics, Lee Jae-yong; 3 days after publication' });
		expect(suggestEvents(seoulArticle('2024-02-24'), smallStory())).toEqual([]);
	});

	test('considers only the events of the article’s stops', () => {
		expect(suggestEvents(seoulArticle('2024-02-29', { stops: ['tokyo'] }), smallStory())).toEqual([]);
	});

	test('does not suggest an event that already cites the article', () => {
		expect(suggestEvents(seoulArticle('2024-02-29', { id: 'early' }), smallStory())).toEqual([]);
		expect(suggestEvents(seoulArticle('2024-02-29', { id: 'new' }), smallStory())).toHaveLength(1);
	});

	test('suggests nothing without a publication date', () => {
		expect(suggestEvents(seoulArticle(undefined), smallStory())).toEqual([]);
	});

	test('puts the event sharing more, and rarer, names first', () => {
		const story = smallStory();
		const lg: ModelInput = {
			...story,
			companies: [...story.companies, company('lg', { name: 'LG Electronics', country: 'south-korea' })],
			stops: story.stops.map((each) =>
				each.id !== 'seoul'
					? each
					: {
							...each,
							data: {
								...each.data,
								events: [
									...each.data.events,
									{ id: 'lg', title: 'Meets LG', date: '2024-02-28', people: ['mark'], companies: ['lg', 'samsung'], articles: ['late'] },
								],
							},
						},
			),
		};
		// Samsung takes part in two of the four events, LG in one: the LG meeting shares both.
		const events = suggestEvents({ ...seoulArticle('2024-02-29'), people: ['mark'], companies: ['samsung', 'lg'] }, lg).map((each) => each.event);
		expect(events).toEqual(['lg', 'samsung']);
	});

	test('tells where an event stands from the publication day', () => {
		expect(dateRelation({ date: '2024-02-28' }, '2024-02-29')).toBe('the day before publication');
		expect(dateRelation({ date: '2024-02-26' }, '2024-02-29')).toBe('3 days before publication');
		expect(dateRelation({ date: '2024-02-29' }, '2024-02-29')).toBe('the day of publication');
		expect(dateRelation({ date: '2024-03-01', endDate: '2024-03-03' }, '2024-03-01')).toBe('began the day of publication');
		expect(dateRelation({ date: '2024-03-01', endDate: '2024-03-03' }, '2024-03-02')).toBe('under way at publication');
		expect(dateRelation({ date: '2024-02-19', endDate: '2024-02-25' }, '2024-02-26')).toBe('ended the day before publication');
		expect(dateRelation({ date: '2024-03-01' }, '2024-02-29')).toBe('the day after publication');
	});
});

describe('suggesting claims, over a small ledger', () => {
	/** The small story, with one claim: Zuckerberg met Lee Jae-yong of Samsung on 28 February. */
	function storyWithClaim(): ModelInput {
		return {
			...smallStory(),
			facts: [
				fact('samsung-talks', {
					statement: 'Zuckerberg met Samsung chairman Lee Jae-yong in Seoul to talk about AI chips.',
					stop: 'seoul',
					people: ['mark', 'jay'],
					companies: ['samsung'],
					sources: [{ article: 'late', passage: 'Text of late.', stance: 'states' }],
				}),
			],
		};
	}

	test('suggests the matching sentence of a paragraph, word for word, with what it shares', () => {
		const paragraph = 'It rained all day. Zuckerberg met Lee Jae-yong, the chairman of Samsung, to talk about chips. Then he left.';
		const [suggestion] = suggestClaims({ paragraphs: [paragraph] }, storyWithClaim());
		expect(suggestion).toMatchObject({
			claim: 'samsung-talks',
			passage: 'Zuckerberg met Lee Jae-yong, the chairman of Samsung, to talk about chips.',
			stance: 'states',
		});
		expect(paragraph.includes(suggestion?.passage ?? '-')).toBe(true);
		expect(suggestion?.reason).toBe('names Zuckerberg, Lee Jae-yong, Samsung; shares "meet", "chairman", "talk", "chip"');
	});

	test('marks a sentence that reports the claim as expected as hedging', () => {
		const [suggestion] = suggestClaims({ paragraphs: ['Zuckerberg is expected to meet Lee Jae-yong, the chairman of Samsung, to talk about chips.'] }, storyWithClaim());
		expect(suggestion).toMatchObject({ stance: 'hedges', reason: expect.stringMatching(/^hedged \("expected"\); /) });
	});

	test('suggests nothing for a sentence that only names the same people', () => {
		expect(suggestClaims({ paragraphs: ['Zuckerberg and Lee Jae-yong both own boats.'] }, storyWithClaim())).toEqual([]);
	});

	test('does not suggest a claim the article already cites', () => {
		const paragraphs = ['Zuckerberg met Lee Jae-yong, the chairman of Samsung, to talk about chips.'];
		expect(suggestClaims({ id: 'late', paragraphs }, storyWithClaim())).toEqual([]);
		expect(suggestClaims({ id: 'new', paragraphs }, storyWithClaim())).toHaveLength(1);
	});

	test('reads another person of the same company group in place of the claim’s as differing', () => {
		const story = storyWithClaim();
		const withCho: ModelInput = {
			...story,
			people: [...story.people, person('han', { name: 'Han Jong-hee', country: 'south-korea', companies: ['samsung'] })],
		};
		const [suggestion] = suggestClaims({ paragraphs: ['Zuckerberg met Samsung vice chairman Han Jong-hee to talk about chips.'] }, withCho);
		expect(suggestion).toMatchObject({ stance: 'differs', says: 'Han Jong-hee', reason: expect.stringMatching(/^names Han Jong-hee where the sources name Lee Jae-yong; /) });
	});
});

describe('suggesting claims, over the real ledger', () => {
	let input: ModelInput;
	beforeAll(async () => {
		input = (await loadContent(realContentDir)).input;
	});
	const suggest = (...paragraphs: string[]) => suggestClaims({ id: 'a-new-article', paragraphs }, input);

	test('reads another figure for the compute claim as differing, and says which', () => {
		expect(suggest('Zuckerberg said Meta will have 600,000 H100 chips by year end.')).toEqual([
			{
				claim: 'meta-compute-h100',
				passage: 'Zuckerberg said Meta will have 600,000 H100 chips by year end.',
				stance: 'differs',
				says: '600,000',
				reason: expect.stringMatching(/^gives 600,000 where the sources say 350,000; names Zuckerberg, Meta; /),
				score: expect.any(Number),
			},
		]);
	});

	test('counts "350k" as the sources’ 350,000, so the same figure states the claim', () => {
		const [suggestion] = suggest('Meta will own about 350k Nvidia H100 chips by the end of 2024, Zuckerberg said.');
		expect(suggestion).toMatchObject({ claim: 'meta-compute-h100', stance: 'states' });
	});

	test('suggests the Yoon meeting for a sentence reporting it, but not the claim about its date, which it does not give', () => {
		const suggestions = suggest('Zuckerberg met with South Korean President Yoon Suk Yeol in Seoul to discuss AI.');
		expect(suggestions.map(({ claim, stance }) => ({ claim, stance }))).toEqual([{ claim: 'yoon-meeting', stance: 'states' }]);
	});

	test('marks a meeting reported as expected as hedging', () => {
		const [suggestion] = suggest('Zuckerberg is expected to meet Samsung Electronics chairman Lee Jae-yong in Seoul on Wednesday.');
		expect(suggestion).toMatchObject({ claim: 'samsung-meeting', stance: 'hedges' });
	});

	test('reads another weekday for the Samsung meeting as differing', () => {
		const samsung = suggest('Zuckerberg met Samsung Electronics chairman Lee Jae-yong in Seoul on Thursday.').find((each) => each.claim === 'samsung-meeting');
		expect(samsung).toMatchObject({ stance: 'differs', says: 'Thursday', reason: expect.stringMatching(/^gives Thursday where the sources say Wednesday; /) });
	});

	test('reads another LG executive in place of William Cho as differing', () => {
		const [suggestion] = suggest('Zuckerberg talked with LG Corp COO Kwon Bong-seok about extended-reality devices at the LG Electronics meeting.');
		expect(suggestion).toMatchObject({
			claim: 'lg-meeting-william-cho',
			stance: 'differs',
			says: 'Kwon Bong-seok',
			reason: expect.stringMatching(/^names Kwon Bong-seok where the sources name William Cho; /),
		});
	});

	test('suggests nothing for an unrelated sentence', () => {
		expect(suggest('The weather in Paris was mild, and the markets closed higher on Friday.')).toEqual([]);
	});

	test('finds the sentence in a paragraph of several, verbatim, so the checker finds it in the paragraph', () => {
		const [paragraph] = paragraphTexts(
			'Markets were calm. Zuckerberg met with South Korean President Yoon Suk Yeol in Seoul to discuss AI. He then flew on.\n',
		);
		const [suggestion] = suggest(paragraph ?? '');
		expect(suggestion?.passage).toBe('Zuckerberg met with South Korean President Yoon Suk Yeol in Seoul to discuss AI.');
		expect(paragraph?.includes(suggestion?.passage ?? '-')).toBe(true);
	});

	test('suggests none of the claims an article already speaks to, though its words would match them', async () => {
		const article = input.articles.find((each) => each.id === 'packed-week-in-asia');
		const paragraphs = paragraphTexts(article?.body ?? '');
		const cited = (input.facts ?? []).filter((each) => each.data.sources.some((source) => source.article === 'packed-week-in-asia')).map((each) => each.id);
		expect(suggestClaims({ id: 'another-article', paragraphs }, input).map((each) => each.claim)).toContain('meta-compute-h100');
		expect(suggestClaims({ id: 'packed-week-in-asia', paragraphs }, input).filter((each) => cited.includes(each.claim))).toEqual([]);
	});
});

describe('hedges', () => {
	test('finds the hedge words of a sentence, contractions of "will" included', () => {
		expect(hedgeIn('He is tentatively scheduled to meet Yoon.', '')).toBe('tentatively');
		expect(hedgeIn('He’ll also meet Lee.', '')).toBe('’ll');
		expect(hedgeIn('He met Lee.', '')).toBeUndefined();
	});

	test('does not count a hedge word the claim’s own statement uses', () => {
		expect(hedgeIn('Meta will have 350,000 chips.', 'meta will include 350,000 chips.')).toBeUndefined();
	});
});

describe('the report', () => {
	test('lists the events, claims and inferred stops, each on a line with its reason', () => {
		expect(
			formatSuggestions({
				events: [{ stop: 'seoul', event: 'samsung-meeting', timing: 'reported', reason: 'shares Samsung Electronics, Lee Jae-yong; the day before publication' }],
				claims: [{ claim: 'meta-compute-h100', passage: 'Meta will have 600,000 H100 chips.', stance: 'differs', reason: 'gives 600,000 where the sources say 350,000' }],
				stops: [{ stop: 'seoul', reason: "named South Korea, where Seoul is the story's only stop" }],
			}),
		).toMatchInlineSnapshot(`
			[
			  "Suggested events (add with --apply):",
			  "  seoul#samsung-meeting: shares Samsung Electronics, Lee Jae-yong; the day before publication",
			  "Suggested claims (add with --apply):",
			  "  meta-compute-h100 (differs): "Meta will have 600,000 H100 chips." — gives 600,000 where the sources say 350,000",
			  "Inferred stops:",
			  "  seoul: named South Korea, where Seoul is the story's only stop",
			]
		`);
	});

	test('says so in one line when there is nothing to suggest', () => {
		expect(formatSuggestions({ events: [], claims: [] })).toEqual(['No events or claims to suggest.']);
	});
});
