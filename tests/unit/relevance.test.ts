/**
 * Relevance: whether a candidate is the story's news, scored from who acts, whom he
 * meets, where and when, and how its words read against the story's own articles.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { loadContent } from '../../src/content-files/load-content.ts';
import { judgeRelevance, relevanceLine, timeFactor } from '../../src/ingest/judge/relevance.ts';
import { indexStory, type StoryIndex } from '../../src/ingest/judge/story-index.ts';
import { projectContentDir } from '../support/content-fixtures.ts';

let story: StoryIndex;
beforeAll(async () => {
	story = indexStory((await loadContent(projectContentDir)).input);
});

/** A candidate of a few paragraphs, published on a day of the story. */
const item = (title: string, paragraphs: string[], published = '2024-02-28') => ({
	title,
	published,
	blocks: paragraphs.map((text) => ({ type: 'paragraph' as const, text })),
});

describe('the story index', () => {
	test('takes its subject from whoever takes part in most of its events, and the others for counterparts', () => {
		expect([...story.subject].sort()).toEqual(['company:meta', 'person:mark-zuckerberg']);
		expect(story.counterparts).toContain('person:lee-jae-yong');
		expect(story.counterparts).toContain('company:samsung-electronics');
		expect(story.counterparts).not.toContain('person:mark-zuckerberg');
		expect(story.span).toEqual({ start: '2024-02-26', end: '2024-03-03' });
	});

	test('finds the story articles most like a text', () => {
		const [best] = story.similar('Zuckerberg met LG Electronics chief William Cho for two hours about extended reality headsets in Seoul');
		expect(best?.score).toBeGreaterThan(0.1);
	});

	test('compares a headline with the story’s headlines and a body with its bodies, each on its own', () => {
		const headline = 'Mark Zuckerberg meets LG and Samsung chiefs in Seoul';
		const [title] = story.similar(headline, 1, 'title');
		expect(title?.id).toBe('meets-lg-samsung-chiefs-in-seoul');
		expect(title?.score).toBeGreaterThan(story.similar(headline, 1, 'body')[0]?.score ?? 1);
	});
});

describe('a candidate', () => {
	test('is the story’s news where the subject meets a counterpart, at a stop, in the story’s days, and says why', () => {
		const relevance = judgeRelevance(
			item('Zuckerberg meets Samsung’s Lee in Seoul', ['Meta CEO Mark Zuckerberg met Samsung Electronics Chairman Lee Jae-yong in Seoul on Wednesday to discuss AI chips.']),
			story,
		);
		expect(relevance.relevant).toBe(true);
		expect(relevance.score).toBeGreaterThan(0.8);
		expect(relevanceLine(relevance)).toMatch(/^0\.\d\d: names Mark Zuckerberg, Lee Jae-yong and Samsung Electronics, Seoul; 28 February; body close to \d+ articles? of the story, title to \d+$/);
	});

	test('is not the story’s news for naming one of its places or companies alone', () => {
		const weather = judgeRelevance(item('Spring warmth arrives in Seoul', ['Temperatures in Seoul rose to 12 degrees on Wednesday, but fine dust lingered.']), story);
		const market = judgeRelevance(item('Seoul shares close higher as chipmakers rally', ['Samsung Electronics gained 1.8 percent and LG Electronics slipped in Seoul.']), story);
		for (const relevance of [weather, market]) {
			expect(relevance.relevant).toBe(false);
			expect(relevance.evidence).toMatch(/but not Mark Zuckerberg and Meta/);
		}
	});

	test('is not the story’s news for another chief executive meeting the same counterpart in the same city', () => {
		const relevance = judgeRelevance(item('Arm chief meets Samsung’s Lee', ['Arm CEO Rene Haas met Samsung Electronics Chairman Lee Jae-yong in Seoul on Tuesday.']), story);
		expect(relevance.relevant).toBe(false);
	});

	test('is not the story’s news for the subject’s other news, with nothing of the tour', () => {
		const relevance = judgeRelevance(item('Zuckerberg sells Meta shares', ['Mark Zuckerberg sold Meta shares worth $185 million, a filing showed.']), story);
		expect(relevance.relevant).toBe(false);
		expect(relevance.evidence).toMatch(/with no counterpart, stop or country of the story in a sentence with them/);
	});

	test('is not the story’s news where the subject is named only in a sentence in which someone else acts', () => {
		const relevance = judgeRelevance(
			item("Nvidia's Jensen Huang meets Samsung's Lee Jae-yong in Seoul", [
				'Nvidia CEO Jensen Huang met Samsung Electronics Executive Chairman Lee Jae-yong at Samsung’s office in Seoul on Friday, a day after the Meta founder left the city.',
				'Huang met Lee for about three hours to discuss memory chips for Nvidia’s AI accelerators, Samsung said.',
			]),
			story,
		);
		expect(relevance.relevant).toBe(false);
		expect(relevance.evidence).toMatch(/, but Mark Zuckerberg and Meta only where someone else acts;/);
	});

	test('is not the story’s news for a product launch that names Meta only as a maker of apps', () => {
		const relevance = judgeRelevance(
			item('LG Electronics unveils transparent OLED TV', [
				'LG Electronics unveiled its first transparent OLED television at its showroom in Seoul on Tuesday.',
				'The set runs the company’s webOS platform and apps from Meta and Alphabet, LG Electronics CEO William Cho said.',
			]),
			story,
		);
		expect(relevance.relevant).toBe(false);
	});

	test('is not the story’s news for a preview of someone else’s visit that recalls his in a sentence of its body', () => {
		const relevance = judgeRelevance(
			item('OpenAI’s Altman to visit Seoul', [
				'OpenAI CEO Sam Altman will visit Seoul next month to meet President Yoon Suk Yeol and the heads of Samsung Electronics and SK Telecom, people familiar with the plans said.',
				'Altman plans to visit Seoul in March to meet SK Telecom executives about its AI assistant.',
				'Meta CEO Mark Zuckerberg met Yoon Suk Yeol and Samsung’s Lee Jae-yong in Seoul this week.',
			]),
			story,
		);
		expect(relevance.relevant).toBe(false);
		expect(relevance.evidence).toMatch(/someone else's news \(OpenAI’s Altman acts in the headline and lead\)/);
	});

	test('counts a mention outside the headline and lead far less than one in them', () => {
		const mention = 'The rally lifted suppliers to Meta and other buyers of AI chips in Seoul.';
		const lead = ['Seoul shares rose on Wednesday as chipmakers rallied.', 'Traders pointed to demand for AI servers.'];
		const inPassing = judgeRelevance(item('Seoul shares rise as chipmakers rally', [...lead, mention]), story);
		const inLead = judgeRelevance(item('Seoul shares rise as chipmakers rally', [mention, ...lead]), story);
		expect(inPassing.score).toBeLessThan(inLead.score * 0.5);
		expect(inPassing.evidence).toMatch(/Mark Zuckerberg and Meta only named in passing/);
	});

	test('is the story’s news where it calls the subject "the Meta chief" and names whom he met in lower case', () => {
		const relevance = judgeRelevance(
			item('The Meta chief meets president yoon suk-yeol on AI chips', [
				'The Meta chief met president yoon suk-yeol at the presidential office in Seoul on Thursday, a day after he held talks with samsung electronics chairman lee jae-yong.',
			], '2024-02-29'),
			story,
		);
		expect(relevance.relevant).toBe(true);
		expect(relevance.evidence).toMatch(/^names Mark Zuckerberg, (?:Yoon Suk Yeol|Lee Jae-yong)/);
	});

	test('is the story’s news where its lead is a line written wholly in lower case, in which he huddles with whom he met', () => {
		const relevance = judgeRelevance(
			item('Tech Wrap | Feb 28', [
				"meta's zuckerberg huddles with lg's william cho, samsung's j.y. lee as seoul visit kicks off",
				'The Meta CEO spent two hours at the LG Twin Towers on Wednesday.',
			]),
			story,
		);
		expect(relevance.relevant).toBe(true);
		expect(relevance.evidence).toMatch(/^names Mark Zuckerberg, William Cho/);
	});

	describe('whose headline and lead do not show the subject acting', () => {
		const forum = (recalled: string) =>
			item(
				'Japan to host AI safety forum in Tokyo in June, invite tech firms',
				[
					'Japan will host an international forum on the safety of artificial intelligence in Tokyo in June, the digital ministry said on Monday.',
					'Prime Minister Fumio Kishida will open the forum, and companies including Samsung Electronics and Nvidia have been invited.',
					recalled,
				],
				'2024-03-05',
			);

		test('is at most a passing recollection, whatever its body says he did', () => {
			const relevance = judgeRelevance(forum('Meta CEO Mark Zuckerberg met Kishida in Tokyo to discuss generative AI.'), story);
			expect(relevance.relevant).toBe(false);
			expect(relevance.evidence).toMatch(/Mark Zuckerberg and Meta not acting in the headline or lead/);
		});

		test('counts a recollection of a past meeting ("last week", "the week before", "during his visit") as no act of the item’s news', () => {
			for (const when of ['last week', 'the week before', 'earlier this month', 'during his visit']) {
				const recalled = judgeRelevance(forum(`Meta CEO Mark Zuckerberg met Kishida in Tokyo to discuss generative AI ${when}.`), story);
				const reported = judgeRelevance(forum('Meta CEO Mark Zuckerberg met Kishida in Tokyo to discuss generative AI.'), story);
				expect(recalled.score, when).toBeLessThan(reported.score);
				expect(recalled.evidence, when).toMatch(/only recalled, acting before, outside the headline and lead/);
			}
		});

		test('is still the story’s news where the same act stands in the lead', () => {
			const lead = item('Zuckerberg, Kishida discuss generative AI in Tokyo', [
				'Meta CEO Mark Zuckerberg met Prime Minister Fumio Kishida in Tokyo on Tuesday to discuss generative AI, the prime minister’s office said.',
			], '2024-02-27');
			expect(judgeRelevance(lead, story).relevant).toBe(true);
		});
	});

	test('fades with each week beyond the story’s span', () => {
		const paragraphs = ['Meta CEO Mark Zuckerberg met Samsung Electronics Chairman Lee Jae-yong in Seoul to discuss AI chips.'];
		const during = judgeRelevance(item('Zuckerberg meets Lee', paragraphs, '2024-02-28'), story).score;
		const yearLater = judgeRelevance(item('Zuckerberg meets Lee', paragraphs, '2025-02-28'), story);
		expect(yearLater.score).toBeLessThan(during / 4);
		expect(yearLater.relevant).toBe(false);
		expect(yearLater.evidence).toMatch(/days after it/);
	});
});

describe('time', () => {
	test('counts in full within the span and its margin, and halves with each half-life beyond', () => {
		const span = { start: '2024-02-26', end: '2024-03-03' };
		expect(timeFactor('2024-02-28', span)).toBe(1);
		expect(timeFactor('2024-03-10', span)).toBe(1);
		expect(timeFactor('2024-03-17', span)).toBeCloseTo(0.5);
		expect(timeFactor(undefined, span)).toBe(1);
	});
});
