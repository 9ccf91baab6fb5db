import { describe, expect, test } from 'vitest';
import { validateFrontmatter } from '../../src/content-files/schema-problems.ts';
import { passageAnchor } from '../../src/lib/passage-anchor.ts';
import { collapseWhitespace } from '../../src/lib/text.ts';
import { agreementOf, buildModel, collectPassages } from '../../src/model/index.ts';
import { factSchema } from '../../src/schema/index.ts';
import { article, smallStory } from '../support/entries.ts';

/** The small story, with two articles whose bodies the claims can quote. */
function storyWithFacts(sources: { article: string; passage: string; stance: string; says?: string }[][]) {
	const input = smallStory();
	input.articles = [
		{ ...article('early', { published: '2024-02-26' }), body: 'He will meet Samsung on Wednesday. It is tentatively scheduled.' },
		{ ...article('late', { published: '2024-02-29' }), body: 'He met Samsung on Wednesday.\n\nThe meeting lasted two hours.' },
		{ ...article('other', { published: '2024-02-27', stops: ['seoul'] }), body: 'Nothing about it.' },
		{ ...article('elsewhere', { published: '2024-02-27', stops: ['tokyo'] }), body: 'Nothing about Seoul.' },
	];
	input.facts = sources.map((list, index) => ({ id: `claim-${index + 1}`, data: factSchema.parse({ statement: `Claim ${index + 1}.`, stop: 'seoul', sources: list }) }));
	return input;
}

describe('the fact schema', () => {
	test('refuses a claim with no source', () => {
		const result = validateFrontmatter(factSchema, { statement: 'A claim.', sources: [] }, 'facts/x.md');
		expect(result.ok ? [] : result.problems.map((problem) => `${problem.field}: ${problem.expected}`)).toEqual([
			'sources: expected at least one source: there is no claim without one',
		]);
	});

	test('refuses an unknown stance, and the same article twice', () => {
		const result = validateFrontmatter(
			factSchema,
			{ statement: 'A claim.', sources: [{ article: 'a', passage: 'x', stance: 'agrees' }, { article: 'a', passage: 'y', stance: 'states' }] },
			'facts/x.md',
		);
		expect(result.ok ? [] : result.problems.map((problem) => `${problem.field}: ${problem.expected}, found ${problem.found}`)).toEqual([
			'sources[0].stance: expected one of "states", "hedges", "differs", "contradicts", found "agrees"',
		]);
		const twice = validateFrontmatter(
			factSchema,
			{ statement: 'A claim.', sources: [{ article: 'a', passage: 'x', stance: 'states' }, { article: 'a', passage: 'y', stance: 'states' }] },
			'facts/x.md',
		);
		expect(twice.ok ? [] : twice.problems.map((problem) => `${problem.field}: ${problem.expected}, found ${problem.found}`)).toEqual([
			'sources[1].article: expected each article once among the sources, but "a" is already sources[0]; keep its strongest passage, found "a"',
		]);
	});

	test('asks a source that differs or contradicts what it gives instead, naming the field', () => {
		const result = validateFrontmatter(
			factSchema,
			{
				statement: 'A claim.',
				sources: [
					{ article: 'a', passage: 'x', stance: 'states' },
					{ article: 'b', passage: 'y', stance: 'differs' },
					{ article: 'c', passage: 'z', stance: 'contradicts', says: 'did not meet' },
				],
			},
			'facts/x.md',
		);
		expect(result.ok ? [] : result.problems.map((problem) => `${problem.field}: ${problem.expected}`)).toEqual([
			'sources[1].says: expected what this source gives instead, in short (its figure, date, name or wording), since its stance is "differs"',
		]);
	});
});

describe('agreement', () => {
	test.each([
		[['states', 'states'], 'agreed'],
		[['states'], 'single-source'],
		[['hedges', 'states'], 'confirmed-later'],
		[['hedges', 'hedges'], 'unconfirmed'],
		[['states', 'differs'], 'disputed'],
		[['hedges', 'contradicts'], 'disputed'],
	] as const)('%j is %s', (stances, expected) => {
		expect(agreementOf(stances)).toBe(expected);
	});
});

describe('the ledger in the model', () => {
	test('orders sources by publication, counts the silent articles on its stop (not those elsewhere), and flags disagreement', () => {
		const model = buildModel(
			storyWithFacts([
				[
					{ article: 'late', passage: 'He met Samsung on Wednesday.', stance: 'states' },
					{ article: 'early', passage: 'It is tentatively scheduled.', stance: 'differs', says: 'tentatively scheduled' },
				],
			]),
		);
		const fact = model.fact('claim-1');
		expect(fact.sources.map((source) => [source.article, source.stance, source.paragraph])).toEqual([
			['early', 'differs', 'p-1'],
			['late', 'states', 'p-1'],
		]);
		expect(fact.silentCount).toBe(1);
		expect(fact.disputed).toBe(true);
		expect(fact.sources[0]?.anchor).toBe(passageAnchor('It is tentatively scheduled.'));
		expect(model.stop('seoul').facts).toEqual(['claim-1']);
	});

	test('refuses a passage changed by one character, naming the claim, the article and the words', () => {
		expect(() => buildModel(storyWithFacts([[{ article: 'late', passage: 'The meeting lasted three hours.', stance: 'states' }]]))).toThrow(
			'facts/claim-1: sources[0].passage: expected words that stand verbatim in the article "late" (cited for the claim "claim-1"), found "The meeting lasted three hours."',
		);
	});

	test('refuses two passages of one article that overlap without one holding the other', () => {
		expect(() =>
			buildModel(
				storyWithFacts([
					[{ article: 'early', passage: 'He will meet Samsung', stance: 'hedges' }],
					[{ article: 'early', passage: 'Samsung on Wednesday.', stance: 'hedges' }],
				]),
			),
		).toThrow('facts/claim-2: sources[0].passage: expected a passage that holds, or lies within, every other passage it overlaps in "early"');
		// Nested passages are fine: one is marked inside the other.
		expect(() =>
			buildModel(
				storyWithFacts([
					[{ article: 'early', passage: 'He will meet Samsung on Wednesday.', stance: 'hedges' }],
					[{ article: 'early', passage: 'Samsung', stance: 'hedges' }],
				]),
			),
		).not.toThrow();
	});

	test('collects, per article, every passage to mark: the ledger’s and the quotes’', () => {
		const input = storyWithFacts([[{ article: 'late', passage: 'He met  Samsung on Wednesday.', stance: 'states' }]]);
		input.stops[0]!.data.quotes = [{ text: 'The meeting lasted two hours.', speaker: 'A spokesperson', article: 'late' }];
		expect(collectPassages(input).get('late')).toEqual(['He met Samsung on Wednesday.', 'The meeting lasted two hours.']);
	});
});

describe('passage anchors', () => {
	test('depend only on the words, white space aside, and read as their first words', () => {
		expect(passageAnchor('By the end of 2024, he said')).toBe(passageAnchor(' By the  end of 2024, he said '));
		expect(passageAnchor('By the end of 2024, he said')).toMatch(/^q-by-the-end-of-2024-[0-9a-f]{6}$/);
		expect(passageAnchor('By the end of 2024, he said')).not.toBe(passageAnchor('By the end of 2024, he told'));
		expect(collapseWhitespace(' a \n b ')).toBe('a b');
	});
});
