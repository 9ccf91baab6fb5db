import { describe, expect, test } from 'vitest';
import { claimHistory, storyDevelopments, turnInWords, type ClaimStep } from '../../src/model/history.ts';

const published: Record<string, string> = {
	bloomberg: '2024-02-26',
	wire: '2024-02-26',
	daily: '2024-02-28',
	yonhap: '2024-02-29',
	herald: '2024-02-29',
};
const publishedOn = (article: string) => published[article] ?? '';
const outlets: Record<string, string> = { bloomberg: 'Bloomberg', yonhap: 'Yonhap' };
const outletOf = (article: string) => outlets[article];

describe("a claim's history", () => {
	test('groups its sources by publication day and stance, and marks when it was first expected, reported and disputed', () => {
		const history = claimHistory(
			[
				{ article: 'bloomberg', stance: 'hedges', says: 'tentatively scheduled' },
				{ article: 'wire', stance: 'hedges', says: 'slated to meet' },
				{ article: 'daily', stance: 'hedges', says: 'tentatively scheduled' },
				{ article: 'yonhap', stance: 'states', says: 'met' },
				{ article: 'herald', stance: 'differs', says: 'met on Friday' },
			],
			publishedOn,
		);
		expect(history).toEqual([
			{ date: '2024-02-26', stance: 'hedges', articles: ['bloomberg', 'wire'], says: ['tentatively scheduled', 'slated to meet'], first: 'expected' },
			{ date: '2024-02-28', stance: 'hedges', articles: ['daily'], says: ['tentatively scheduled'], first: undefined },
			{ date: '2024-02-29', stance: 'states', articles: ['yonhap'], says: ['met'], first: 'reported' },
			{ date: '2024-02-29', stance: 'differs', articles: ['herald'], says: ['met on Friday'], first: 'disputed' },
		]);
	});

	test('marks no turn for a hedge that comes after the first report', () => {
		const history = claimHistory(
			[
				{ article: 'bloomberg', stance: 'states' },
				{ article: 'daily', stance: 'hedges' },
				{ article: 'yonhap', stance: 'contradicts', says: 'did not meet' },
			],
			publishedOn,
		);
		expect(history.map((step) => [step.stance, step.first])).toEqual([
			['states', 'reported'],
			['hedges', undefined],
			['contradicts', 'disputed'],
		]);
	});
});

describe('how the story developed', () => {
	const step = (date: string, stance: ClaimStep['stance'], first?: ClaimStep['first']): ClaimStep => ({ date, stance, articles: ['bloomberg'], says: [], first });

	test('lists the claims whose turns fall on different days, in the order their stories settled', () => {
		const developments = storyDevelopments([
			{ id: 'late-dispute', history: [step('2024-02-26', 'states', 'reported'), step('2024-03-01', 'differs', 'disputed')] },
			{ id: 'one-day', history: [step('2024-02-26', 'hedges', 'expected'), step('2024-02-26', 'states', 'reported')] },
			{ id: 'confirmed', history: [step('2024-02-26', 'hedges', 'expected'), step('2024-02-28', 'hedges'), step('2024-02-29', 'states', 'reported')] },
		]);
		expect(developments.map((development) => [development.claim, development.turns.map((turn) => turn.date)])).toEqual([
			['confirmed', ['2024-02-26', '2024-02-29']],
			['late-dispute', ['2024-02-26', '2024-03-01']],
		]);
	});

	test('puts a turn in words: what happened, what the sources give, and who said so', () => {
		const turn = (articles: string[], says: string[] = []): ClaimStep => ({ date: '2024-02-26', stance: 'hedges', articles, says, first: 'expected' });
		expect(turnInWords(turn(['bloomberg'], ['tentatively scheduled']), outletOf)).toBe('expected: tentatively scheduled (Bloomberg)');
		expect(turnInWords(turn(['bloomberg', 'wire', 'daily']), outletOf)).toBe('expected (Bloomberg and 2 others)');
		expect(turnInWords(turn(['wire', 'daily'], ['slated to meet', 'expected to meet']), outletOf)).toBe('expected: slated to meet; expected to meet (2 sources)');
		expect(turnInWords({ ...turn(['yonhap', 'bloomberg']), stance: 'differs' }, outletOf)).toBe('disputed (Yonhap and Bloomberg)');
	});
});
