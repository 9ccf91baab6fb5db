import { describe, expect, test } from 'vitest';
import { agreementCounts, stopGlance, storySubjects } from '../../src/model/at-a-glance.ts';
import { buildModel } from '../../src/model/index.ts';
import { fact, smallStory } from '../support/entries.ts';

describe('the story at a glance', () => {
	test('follows whoever takes part in more than half of the events, and no one where nobody does', () => {
		const story = buildModel(smallStory());
		expect([...storySubjects(story)]).toEqual(['mark']);
		expect([...storySubjects({ events: [] })]).toEqual([]);
	});

	test("gives a stop's key facts from the model: whom he met (not himself), its events in order, its articles and claims", () => {
		const input = smallStory();
		input.facts = [
			fact('met-jay', { statement: 'He met Jay.', stop: 'seoul', people: ['jay'], sources: [{ article: 'late', passage: 'Text of late.', stance: 'states' }] }),
			fact('two-hours', {
				statement: 'Two hours.',
				stop: 'seoul',
				sources: [
					{ article: 'late', passage: 'Text of late.', stance: 'states' },
					{ article: 'early', passage: 'Text of early.', stance: 'differs', says: 'one hour' },
				],
			}),
		];
		const story = buildModel(input);
		const seoul = stopGlance(story, 'seoul', storySubjects(story));
		expect(seoul.met).toEqual(['jay']);
		expect(seoul.events.map((event) => event.title)).toEqual(['Meets Samsung', 'Meets the president']);
		expect(seoul.articles).toBe(story.stop('seoul').articles.length);
		expect(seoul.claims.total).toBe(2);
		expect(seoul.claims.counts).toEqual({ agreed: 0, 'confirmed-later': 0, 'single-source': 1, unconfirmed: 0, disputed: 1 });
		expect(stopGlance(story, 'tokyo', storySubjects(story)).met).toEqual([]);
	});

	test('counts claims by agreement', () => {
		expect(agreementCounts([{ agreement: 'agreed' }, { agreement: 'agreed' }, { agreement: 'disputed' }])).toEqual({
			total: 3,
			counts: { agreed: 2, 'confirmed-later': 0, 'single-source': 0, unconfirmed: 0, disputed: 1 },
		});
	});
});
