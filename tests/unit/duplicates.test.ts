import { describe, expect, test } from 'vitest';
import { findDuplicateArticles } from '../../src/model/duplicates.ts';
import { articleParagraphs } from '../../src/model/passages.ts';
import type { ModelInput } from '../../src/model/types.ts';
import { article, smallStory } from '../support/entries.ts';

const wire = 'Zuckerberg met Lee in Seoul on Wednesday. They discussed AI chips. The talks lasted two hours. Samsung declined to comment.';

/** The small story with extra articles, each given a body. */
function storyWith(...extra: { id: string; body: string; data?: Parameters<typeof article>[1] }[]): ModelInput {
	const input = smallStory();
	return { ...input, articles: [...input.articles, ...extra.map(({ id, body, data }) => ({ ...article(id, data), body }))] };
}

function problemsOf(input: ModelInput) {
	return findDuplicateArticles(input, articleParagraphs(input)).map((problem) => `${problem.file}: ${problem.field}: ${problem.found}`);
}

describe('the same article twice', () => {
	test('is found by its source file, on the article nothing cites, naming the other', () => {
		const story = storyWith({ id: 'copy', body: 'Other words entirely.', data: { seed: 'early.txt' } });
		const input = { ...story, articles: story.articles.map((entry) => (entry.id === 'early' ? { ...entry, data: { ...entry.data, seed: 'early.txt' } } : entry)) };
		const problems = findDuplicateArticles(input, articleParagraphs(input));
		expect(problems.map((problem) => [problem.file, problem.field])).toEqual([['articles/copy', 'seed']]);
		expect(problems[0]?.expected).toContain('"early" (articles/early)');
	});

	test('is found by its address', () => {
		const url = 'https://example.com/story';
		expect(problemsOf(storyWith({ id: 'a-first', body: 'One text.', data: { url } }, { id: 'b-second', body: 'Another text.', data: { url } }))).toEqual([
			`articles/b-second: url: "${url}", the address of both`,
		]);
	});

	test('is found by most of its sentences, even with a line dropped and one added', () => {
		const edited = `${wire.replace(' They discussed AI chips.', '')} A new closing line.`;
		expect(problemsOf(storyWith({ id: 'wire-a', body: wire }, { id: 'wire-b', body: edited }))).toEqual([
			'articles/wire-b: body: 3 of its 4 sentences in "wire-a" too',
		]);
	});

	test('is not claimed for two reports that share a quote or two', () => {
		const quote = '"We are excited," the spokesperson said.';
		const first = `${quote} Zuckerberg met Lee in Seoul. The talks lasted two hours. Samsung declined to comment.`;
		const second = `${quote} Zuckerberg flew to Jamnagar. He attended the celebrations. Meta gave no details.`;
		expect(problemsOf(storyWith({ id: 'report-a', body: first }, { id: 'report-b', body: second }))).toEqual([]);
	});
});
