import { beforeAll, describe, expect, test } from 'vitest';
import { loadContent } from '../../src/content-files/load-content.ts';
import { suggestClaims } from '../../src/ingest/judge/claims.ts';
import { dateRelation, suggestEvents } from '../../src/ingest/judge/events.ts';
import { cueNear, HEDGES, hedgeIn, ON_THE_WAY, REFUTATIONS, refutationNear } from '../../src/ingest/judge/stance.ts';
import { formatSuggestions } from '../../src/ingest/judge/suggest.ts';
import { paragraphTexts } from '../../src/lib/markdown-blocks.ts';
import type { ModelInput } from '../../src/model/types.ts';
import { realContentDir } from '../support/content-fixtures.ts';
import { fact, person, smallStory } from '../support/entries.ts';

/** An article of the small story, about Seoul, with its text. */
const seoulArticle = (published: string | undefined, paragraphs: string[], more: { id?: string; stops?: string[] } = {}) => ({
	published,
	stops: ['seoul'],
	paragraphs,
	...more,
});
const MEETING = 'Zuckerberg met Samsung chairman Lee Jae-yong in Seoul on Wednesday.';

describe('suggesting events', () => {
	test('suggests an event of the article’s stop that one sentence carries, by its counterpart and its act', () => {
		expect(suggestEvents(seoulArticle('2024-02-29', ['Markets were calm.', MEETING]), smallStory())).toEqual([
			{
				stop: 'seoul',
				event: 'samsung',
				timing: 'reported',
				reason: 'names Lee Jae-yong, Samsung with "meet"; the day before publication',
				score: expect.any(Number),
			},
		]);
	});

	test('suggests nothing for a counterpart named in passing, without the act', () => {
		expect(suggestEvents(seoulArticle('2024-02-29', ['Samsung shares rose 2 percent as Lee Jae-yong looked on.']), smallStory())).toEqual([]);
	});

	test('suggests nothing from the subject alone (Zuckerberg is at every event)', () => {
		expect(suggestEvents(seoulArticle('2024-02-29', ['Zuckerberg met reporters in Seoul.']), smallStory())).toEqual([]);
	});

	test('carries an event with no counterpart by its place and the words that tell it from the others', () => {
		const [yoon] = suggestEvents(seoulArticle('2024-02-28', ['Zuckerberg will meet the president in Seoul on Thursday.']), smallStory());
		expect(yoon).toMatchObject({ event: 'yoon', timing: 'previewed' });
	});

	test('suggests an event up to three days after publication as previewed, and none later', () => {
		const preview = ['Zuckerberg will meet Samsung’s Lee Jae-yong this week.'];
		expect(suggestEvents(seoulArticle('2024-02-25', preview), smallStory())).toEqual([expect.objectContaining({ event: 'samsung', timing: 'previewed' })]);
		expect(suggestEvents(seoulArticle('2024-02-24', preview), smallStory())).toEqual([]);
	});

	test('suggests nothing where the sentence gives a day the event did not take', () => {
		expect(suggestEvents(seoulArticle('2024-02-29', ['Zuckerberg met Samsung chairman Lee Jae-yong on Tuesday.']), smallStory())).toEqual([]);
	});

	test('suggests nothing where the sentence names a month the event was not in', () => {
		expect(suggestEvents(seoulArticle('2024-02-27', ['Zuckerberg will meet Samsung chairman Lee Jae-yong in June.']), smallStory())).toEqual([]);
		expect(suggestEvents(seoulArticle('2024-02-27', ['Zuckerberg will meet the president in Seoul in March.']), smallStory())).toEqual([]);
		expect(suggestEvents(seoulArticle('2024-02-27', ['Zuckerberg will meet Samsung chairman Lee Jae-yong next month.']), smallStory())).toEqual([]);
	});

	test('still suggests the event where the month the sentence names is the event’s', () => {
		expect(suggestEvents(seoulArticle('2024-02-27', ['Zuckerberg will meet Samsung chairman Lee Jae-yong in February.']), smallStory())).toEqual([
			expect.objectContaining({ event: 'samsung', timing: 'previewed' }),
		]);
		expect(suggestEvents(seoulArticle('2024-02-27', ['Zuckerberg will meet Samsung chairman Lee Jae-yong later this month.']), smallStory())).toEqual([
			expect.objectContaining({ event: 'samsung', timing: 'previewed' }),
		]);
	});

	test('suggests nothing where someone else acts: another chief executive meeting the same counterpart', () => {
		const article = seoulArticle('2024-02-29', ['Nvidia chief Jensen Huang arrived in Seoul on Wednesday.', 'Huang met Samsung chairman Lee Jae-yong in Seoul on Wednesday.']);
		expect(suggestEvents(article, smallStory())).toEqual([]);
	});

	test('still suggests the event where the counterpart acts and the subject is the one met', () => {
		expect(suggestEvents(seoulArticle('2024-02-29', ['Samsung chairman Lee Jae-yong met Zuckerberg in Seoul on Wednesday.']), smallStory())).toEqual([
			expect.objectContaining({ event: 'samsung', timing: 'reported' }),
		]);
	});

	test('suggests nothing for a sentence that denies the event', () => {
		expect(suggestEvents(seoulArticle('2024-02-29', ['Samsung said Zuckerberg had no plans to meet Lee Jae-yong.']), smallStory())).toEqual([]);
	});

	test('considers only the events of the article’s stops', () => {
		expect(suggestEvents(seoulArticle('2024-02-29', [MEETING], { stops: ['tokyo'] }), smallStory())).toEqual([]);
	});

	test('does not suggest an event that already cites the article', () => {
		expect(suggestEvents(seoulArticle('2024-02-29', [MEETING], { id: 'early' }), smallStory())).toEqual([]);
		expect(suggestEvents(seoulArticle('2024-02-29', [MEETING], { id: 'new' }), smallStory())).toHaveLength(1);
	});

	test('suggests nothing without a publication date', () => {
		expect(suggestEvents(seoulArticle(undefined, [MEETING]), smallStory())).toEqual([]);
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

	test('suggests the sentence of a paragraph that carries the claim’s counterpart and act, word for word, with what it shares', () => {
		const paragraph = 'It rained all day. Zuckerberg met Lee Jae-yong, the chairman of Samsung, to talk about chips. Then he left.';
		const [suggestion] = suggestClaims({ paragraphs: [paragraph] }, storyWithClaim());
		expect(suggestion).toMatchObject({
			claim: 'samsung-talks',
			passage: 'Zuckerberg met Lee Jae-yong, the chairman of Samsung, to talk about chips.',
			stance: 'states',
		});
		expect(paragraph.includes(suggestion?.passage ?? '-')).toBe(true);
		expect(suggestion?.reason).toBe('names Lee Jae-yong, Samsung; says "meet", "chairman", "chip"');
	});

	test('marks a sentence that reports the claim as expected as hedging', () => {
		const [suggestion] = suggestClaims({ paragraphs: ['Zuckerberg is expected to meet Lee Jae-yong, the chairman of Samsung, to talk about chips.'] }, storyWithClaim());
		expect(suggestion).toMatchObject({ stance: 'hedges', reason: expect.stringMatching(/^hedged \("expected"\); /) });
	});

	test('marks a sentence that denies the claim as contradicting, with its words as what it says', () => {
		const [suggestion] = suggestClaims({ paragraphs: ['Samsung denied that Zuckerberg met Lee Jae-yong to talk about chips.'] }, storyWithClaim());
		expect(suggestion).toMatchObject({ stance: 'contradicts', says: 'Samsung denied that Zuckerberg met Lee Jae-yong to talk…', reason: expect.stringMatching(/^refuted \("denied"\); /) });
	});

	test('does not read a hedge that bears on another act of the sentence', () => {
		const [suggestion] = suggestClaims(
			{ paragraphs: ['Zuckerberg met Lee Jae-yong, the chairman of Samsung, to talk about chips on a day analysts say will be remembered.'] },
			storyWithClaim(),
		);
		expect(suggestion?.stance).toBe('states');
	});

	test('suggests nothing for a sentence that only names the same people, without the act', () => {
		expect(suggestClaims({ paragraphs: ['Zuckerberg and Lee Jae-yong both own boats.'] }, storyWithClaim())).toEqual([]);
	});

	test('reads a hedge through the verbs joined to its own: expected to arrive, and to meet', () => {
		const [suggestion] = suggestClaims(
			{ paragraphs: ['Zuckerberg is expected to arrive in Seoul on Wednesday night and to meet Lee Jae-yong, the chairman of Samsung, to talk about chips.'] },
			storyWithClaim(),
		);
		expect(suggestion).toMatchObject({ stance: 'hedges', reason: expect.stringMatching(/^hedged \("expected"\); /) });
	});

	test('takes the denial in an article that also repeats what it denies', () => {
		const [suggestion] = suggestClaims(
			{
				paragraphs: [
					'Local media had reported that Zuckerberg would meet Lee Jae-yong, the chairman of Samsung, to talk about chips.',
					'Samsung denied that Zuckerberg met Lee Jae-yong to talk about chips.',
				],
			},
			storyWithClaim(),
		);
		expect(suggestion).toMatchObject({ stance: 'contradicts', passage: 'Samsung denied that Zuckerberg met Lee Jae-yong to talk about chips.' });
	});

	test('takes a report of the act over a preview of it in the same article', () => {
		const [suggestion] = suggestClaims(
			{ paragraphs: ['Zuckerberg was expected to meet Lee Jae-yong, the chairman of Samsung, to talk about chips.', 'Zuckerberg met Lee Jae-yong of Samsung on Wednesday to talk about chips.'] },
			storyWithClaim(),
		);
		expect(suggestion).toMatchObject({ stance: 'states', passage: 'Zuckerberg met Lee Jae-yong of Samsung on Wednesday to talk about chips.' });
	});

	test('does not read a negation of another verb as a denial of the act', () => {
		const [suggestion] = suggestClaims({ paragraphs: ['Zuckerberg met Lee Jae-yong, the chairman of Samsung, but did not say what chips the two talked about.'] }, storyWithClaim());
		expect(suggestion?.stance).toBe('states');
	});

	test('never takes a photo credit or caption for a passage', () => {
		expect(suggestClaims({ paragraphs: ['Zuckerberg meets Lee Jae-yong, the chairman of Samsung, to talk about chips. (Yonhap)'] }, storyWithClaim())).toEqual([]);
	});

	test('does not suggest a claim the article already cites', () => {
		const paragraphs = ['Zuckerberg met Lee Jae-yong, the chairman of Samsung, to talk about chips.'];
		expect(suggestClaims({ id: 'late', paragraphs }, storyWithClaim())).toEqual([]);
		expect(suggestClaims({ id: 'new', paragraphs }, storyWithClaim())).toHaveLength(1);
	});

	test('reads another person of the same company group in place of the claim’s as differing', () => {
		const story = storyWithClaim();
		const withHan: ModelInput = {
			...story,
			people: [...story.people, person('han', { name: 'Han Jong-hee', country: 'south-korea', companies: ['samsung'] })],
		};
		const [suggestion] = suggestClaims({ paragraphs: ['Zuckerberg met Samsung vice chairman Han Jong-hee to talk about chips.'] }, withHan);
		expect(suggestion).toMatchObject({ stance: 'differs', says: 'Han Jong-hee', reason: expect.stringMatching(/^names Han Jong-hee where the sources name Lee Jae-yong; /) });
	});

	test('never reads another spelling of the claim’s own person as differing', () => {
		const [suggestion] = suggestClaims({ paragraphs: ['Zuckerberg met Samsung chairman JAY Y. LEE to talk about chips.'] }, storyWithClaim());
		expect(suggestion).toMatchObject({ stance: 'states' });
	});
});

describe('suggesting claims, over the real ledger', () => {
	let input: ModelInput;
	beforeAll(async () => {
		input = (await loadContent(realContentDir)).input;
	});
	const suggest = (...paragraphs: string[]) => suggestClaims({ id: 'a-new-article', paragraphs }, input);

	test('reads another figure for the compute claim as differing, and says which', () => {
		expect(suggest('Zuckerberg said Meta will have 600,000 Nvidia H100 chips by year end.').find((each) => each.claim === 'meta-compute-h100')).toEqual({
			claim: 'meta-compute-h100',
			passage: 'Zuckerberg said Meta will have 600,000 Nvidia H100 chips by year end.',
			stance: 'differs',
			says: '600,000',
			reason: expect.stringMatching(/^gives 600,000 where the sources say 350,000; names Nvidia; /),
			score: expect.any(Number),
		});
	});

	test('suggests nothing for a claim whose counterpart the sentence does not name', () => {
		expect(suggest('Zuckerberg said Meta will have 600,000 H100 chips by year end.').map((each) => each.claim)).not.toContain('meta-compute-h100');
	});

	test('takes shared common words for no evidence: a market report naming Samsung and chips speaks to no claim', () => {
		expect(suggest('Samsung Electronics shares rose as chip stocks rallied, a chairman of a brokerage said.')).toEqual([]);
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
		const samsung = suggest('Zuckerberg is expected to meet Samsung Electronics chairman Lee Jae-yong in Seoul on Wednesday.').find((each) => each.claim === 'samsung-meeting');
		expect(samsung).toMatchObject({ stance: 'hedges' });
	});

	test('reads another weekday for the Samsung meeting as differing', () => {
		const samsung = suggest('Zuckerberg met Samsung Electronics chairman Lee Jae-yong in Seoul on Thursday.').find((each) => each.claim === 'samsung-meeting');
		expect(samsung).toMatchObject({ stance: 'differs', says: 'Thursday', reason: expect.stringMatching(/^gives Thursday where the sources say Wednesday; /) });
	});

	test('reads another LG executive in place of William Cho as differing', () => {
		const suggestion = suggest('Zuckerberg talked with LG Corp COO Kwon Bong-seok about extended-reality devices at the LG Electronics meeting.').find((each) => each.claim === 'lg-meeting-william-cho');
		expect(suggestion).toMatchObject({
			claim: 'lg-meeting-william-cho',
			stance: 'differs',
			says: 'Kwon Bong-seok',
			reason: expect.stringMatching(/^names Kwon Bong-seok where the sources name William Cho; /),
		});
	});

	test('never reads a person named besides the claim’s as differing: "also talked with", "joined by"', () => {
		const also = suggest('Zuckerberg also talked with LG Corp COO Kwon Bong-seok about extended-reality devices at the LG Electronics meeting.');
		expect(also.find((each) => each.claim === 'lg-meeting-william-cho')).toMatchObject({ stance: 'states' });
		const joined = suggest('Zuckerberg talked about extended-reality devices with LG Electronics, joined by LG Corp COO Kwon Bong-seok.');
		expect(joined.find((each) => each.claim === 'lg-meeting-william-cho')).toMatchObject({ stance: 'states' });
	});

	test('never reads a person as differing from a claim whose statement names no one: the LG meeting lasted two hours', () => {
		const suggestions = suggest('Zuckerberg spent two hours with LG Corp COO Kwon Bong-seok at the LG Electronics meeting on Wednesday.');
		expect(suggestions.find((each) => each.claim === 'lg-meeting-two-hours')).toMatchObject({ stance: 'states' });
	});

	test('reads a figure only against a claim whose statement gives one of its kind: another duration differs from the two-hour claim, not from the claim of whom he met', () => {
		const suggestions = suggest('Zuckerberg spent about three hours with LG Electronics CEO Cho Ju-wan talking about extended-reality devices.');
		expect(suggestions.find((each) => each.claim === 'lg-meeting-william-cho')).toMatchObject({ stance: 'states' });
		expect(suggestions.find((each) => each.claim === 'lg-meeting-two-hours')).toMatchObject({ stance: 'differs', says: 'three hours' });
	});

	test('reads a weekday against the claim of the meeting’s date, not against the claim that the meeting took place', () => {
		const suggestions = suggest('Zuckerberg met South Korean President Yoon Suk Yeol in Seoul on Wednesday.');
		expect(suggestions.find((each) => each.claim === 'yoon-meeting')).toMatchObject({ stance: 'states' });
		expect(suggestions.find((each) => each.claim === 'yoon-meeting-date')).toMatchObject({ stance: 'differs', says: 'Wednesday' });
	});

	describe('a day belongs to the act it modifies', () => {
		const date = (sentence: string) => suggest(sentence).find((each) => each.claim === 'yoon-meeting-date');

		test('reads the day of an arrival as no day of the meeting planned during the visit', () => {
			expect(date('Zuckerberg arrived in Seoul on Wednesday for a two-day visit during which he is scheduled to meet President Yoon Suk Yeol.')).toBeUndefined();
			expect(date('Zuckerberg met Samsung’s Lee Jae-yong on Wednesday and will meet President Yoon Suk Yeol on Thursday.')).toMatchObject({ stance: 'hedges' });
			expect(date('Zuckerberg, who arrived on Wednesday, met President Yoon Suk Yeol in Seoul on Thursday.')).toMatchObject({ stance: 'states' });
		});

		test('still reads a day of the meeting’s own clause against it', () => {
			expect(date('Zuckerberg wrapped up his trip to Seoul on Thursday with a meeting with South Korean President Yoon Suk Yeol.')).toMatchObject({ stance: 'states' });
			expect(date('Zuckerberg met President Yoon Suk Yeol in Seoul on Wednesday after arriving from Tokyo.')).toMatchObject({ stance: 'differs', says: 'Wednesday' });
		});
	});

	test('never suggests a claim for a sentence in which someone else acts: Huang meeting Lee is no report of the Samsung meeting', () => {
		const suggestions = suggestClaims(
			{
				id: 'a-new-article',
				title: "Nvidia's Jensen Huang meets Samsung's Lee Jae-yong in Seoul",
				paragraphs: [
					'Nvidia chief executive Jensen Huang met Samsung Electronics chairman Lee Jae-yong in Seoul on Friday, a day after the Meta founder left the city.',
					'Huang met Lee on Friday at Samsung’s guest house to discuss AI chips, Samsung said.',
				],
			},
			input,
		);
		expect(suggestions.map((each) => each.claim)).not.toContain('samsung-meeting');
	});

	test('never suggests the Yoon meeting, nor the SK Telecom meeting, for another chief executive’s visit', () => {
		const suggestions = suggestClaims(
			{
				id: 'a-new-article',
				title: 'OpenAI’s Altman to visit Seoul',
				paragraphs: [
					'OpenAI chief executive Sam Altman met President Yoon Suk Yeol in Seoul on Friday.',
					'Altman plans to visit Seoul again in March to meet SK Telecom executives.',
				],
			},
			input,
		);
		expect(suggestions.map((each) => each.claim)).not.toContain('yoon-meeting');
		expect(suggestions.map((each) => each.claim)).not.toContain('sk-telecom-meeting');
	});

	test('takes the subject where the sentence calls him "he" or "the Meta chief", or where he is the one met', () => {
		const suggestions = suggestClaims(
			{
				id: 'a-new-article',
				title: 'Zuckerberg in Seoul',
				paragraphs: ['Zuckerberg arrived in Seoul on Wednesday.', 'He met Samsung Electronics chairman Lee Jae-yong that evening.', 'the Meta chief met president yoon suk-yeol in Seoul the next day.'],
			},
			input,
		);
		expect(suggestions.find((each) => each.claim === 'samsung-meeting')).toMatchObject({ passage: 'He met Samsung Electronics chairman Lee Jae-yong that evening.', stance: 'states' });
		expect(suggestions.find((each) => each.claim === 'yoon-meeting')).toMatchObject({ passage: 'the Meta chief met president yoon suk-yeol in Seoul the next day.', stance: 'states' });
		expect(suggest('President Yoon Suk Yeol met Meta CEO Mark Zuckerberg in Seoul.').find((each) => each.claim === 'yoon-meeting')).toMatchObject({ stance: 'states' });
	});

	test('takes a meeting with no actor of its own as the subject’s, in an article about him', () => {
		const suggestions = suggestClaims(
			{ id: 'a-new-article', title: 'Zuckerberg to visit Seoul this week', paragraphs: ['A meeting with President Yoon Suk Yeol is being arranged for Thursday.'] },
			input,
		);
		expect(suggestions.find((each) => each.claim === 'yoon-meeting')).toMatchObject({ stance: 'hedges' });
	});

	test('reads a claim in a line written wholly in lower case, its one-word names and all', () => {
		const suggestions = suggest('zuckerberg met lg electronics chief william cho on extended-reality devices in seoul on wednesday.');
		expect(suggestions.find((each) => each.claim === 'lg-meeting-william-cho')).toMatchObject({ stance: 'states' });
	});

	test('reads an event in a line written wholly in lower case, where he huddles with its counterpart', () => {
		const article = { published: '2024-02-28', stops: ['seoul'], paragraphs: ["meta's zuckerberg huddles with lg's william cho as seoul visit kicks off"] };
		expect(suggestEvents(article, input)).toEqual([expect.objectContaining({ stop: 'seoul', event: 'lg-meeting', timing: 'reported' })]);
	});

	describe('a future or a journey still under way is a hedge of the act', () => {
		const attendance = (paragraph: string, published?: string) =>
			suggestClaims({ id: 'a-new-article', paragraphs: [paragraph], published }, input).find((each) => each.claim === 'jamnagar-attendance');

		test('reads "will spend the weekend in Jamnagar at the celebrations" as hedging: a plan to be where the act takes place', () => {
			expect(attendance('Zuckerberg will spend the weekend in Jamnagar at the pre-wedding celebrations of Anant Ambani, the son of Mukesh Ambani.')).toMatchObject({
				stance: 'hedges',
				reason: expect.stringMatching(/^hedged \("will"\); /),
			});
		});

		test('reads "before he heads to Jamnagar for the celebrations", written before they began, as hedging', () => {
			const sentence = 'Zuckerberg will meet President Yoon on Thursday, before he heads to Jamnagar for the Ambani pre-wedding celebrations.';
			expect(attendance(sentence, '2024-02-28')).toMatchObject({ stance: 'hedges', reason: expect.stringMatching(/^hedged \("heads to"\); /) });
			expect(attendance('Zuckerberg is on his way to Jamnagar for the Ambani pre-wedding celebrations.', '2024-02-29T18:00:00+09:00')).toMatchObject({ stance: 'hedges' });
		});

		test('reads a headline’s present as narrating once the celebrations have begun', () => {
			expect(attendance('Zuckerberg heads to Jamnagar for the Ambani pre-wedding celebrations.', '2024-03-02')).toMatchObject({ stance: 'states' });
		});

		test('does not read a future on another act of the sentence, nor one inside a quotation about something else', () => {
			expect(attendance('After a ski trip, Zuckerberg attended the Ambani pre-wedding celebrations in Jamnagar, and will return to California next week.')).toMatchObject({ stance: 'states' });
			expect(attendance('Zuckerberg joined the "we will rock you" singalong at the Ambani pre-wedding celebrations in Jamnagar.')).toMatchObject({ stance: 'states' });
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

describe('the cues of a stance', () => {
	test('finds the hedge words of a sentence, contractions of "will" included', () => {
		expect(hedgeIn('He is tentatively scheduled to meet Yoon.', '')).toBe('tentatively');
		expect(hedgeIn('He’ll also meet Lee.', '')).toBe('’ll');
		expect(hedgeIn('He met Lee.', '')).toBeUndefined();
	});

	test('does not count a hedge word the claim’s own statement uses', () => {
		expect(hedgeIn('Meta will have 350,000 chips.', 'meta will include 350,000 chips.')).toBeUndefined();
	});

	test('reads a cue only near the words it bears on, and in their clause', () => {
		const sentence = 'A meeting with President Yoon is being arranged for Thursday, and he will fly to India.';
		const meeting = { start: 2, end: 9 };
		expect(cueNear(sentence, HEDGES, [meeting])).toBe('being arranged for');
		const india = { start: sentence.indexOf('India'), end: sentence.indexOf('India') + 5 };
		expect(cueNear('He met Yoon on Thursday, and will fly to India.', HEDGES, [{ start: 3, end: 6 }])).toBeUndefined();
		expect(cueNear(sentence, HEDGES, [india])).toBe('will');
	});

	test('reads a denial or a negated act as a refutation', () => {
		const sentence = 'Meta said Zuckerberg had no plans to meet the heads of SK Telecom.';
		expect(cueNear(sentence, REFUTATIONS, [{ start: sentence.indexOf('meet'), end: sentence.indexOf('meet') + 4 }])).toBe('no plans to');
		const negated = 'Zuckerberg did not actually meet the heads of SK Telecom.';
		expect(refutationNear(negated, [{ start: negated.indexOf('meet'), end: negated.indexOf('meet') + 4 }])).toBe('did not');
	});

	test('reads a negation only right before the act it negates, never after it', () => {
		const far = 'Zuckerberg did not say whether he would meet the heads of SK Telecom.';
		expect(refutationNear(far, [{ start: far.indexOf('meet'), end: far.indexOf('meet') + 4 }])).toBeUndefined();
		const after = 'Zuckerberg met the heads of SK Telecom, who never comment.';
		expect(refutationNear(after, [{ start: after.indexOf('met'), end: after.indexOf('met') + 3 }])).toBeUndefined();
	});

	test('reads a journey under way as its own cue, but not "the heads of" a company', () => {
		const sentence = 'Zuckerberg heads to Jamnagar for the festivities after meeting the heads of SK Telecom.';
		const festivities = { start: sentence.indexOf('festivities'), end: sentence.indexOf('festivities') + 11 };
		expect(cueNear(sentence, ON_THE_WAY, [festivities])).toBe('heads to');
		expect(cueNear('He met the heads of LG to talk about the festivities.', ON_THE_WAY, [{ start: 32, end: 43 }])).toBeUndefined();
	});

	test('reads no cue of a quotation onto words outside it', () => {
		const sentence = 'He joined the "we will rock you" singalong at the festivities.';
		expect(cueNear(sentence, HEDGES, [{ start: sentence.indexOf('festivities'), end: sentence.length - 1 }])).toBeUndefined();
		const quoted = 'He said "we will meet again" to the crowd.';
		expect(cueNear(quoted, HEDGES, [{ start: quoted.indexOf('meet'), end: quoted.indexOf('meet') + 4 }])).toBe('will');
	});

	test('does not read a hedge after one act back onto the act before it', () => {
		const sentence = 'He met Yoon on Thursday and will fly to India.';
		expect(cueNear(sentence, HEDGES, [{ start: 3, end: 6 }])).toBeUndefined();
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
