import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { compareWithKeptSource, loadContent, readKeptSource } from '../../src/content-files/load-content.ts';
import { collapseWhitespace } from '../../src/lib/text.ts';
import { parse as parseHtml } from 'node-html-parser';
import { bodyBlocks, compareWithSource } from '../../src/content-files/source-fidelity.ts';
import { splitSentences } from '../../src/lib/sentences.ts';
import { copyContent, editFile, realContentDir, removeDir } from '../support/content-fixtures.ts';

describe('every kept source survives in its article', async () => {
	const { input } = await loadContent(realContentDir);
	const sources = (await readdir(path.join(realContentDir, 'sources'))).filter((name) => !name.startsWith('.')).sort();
	// An article may have no kept source (written by hand): it has nothing to be compared with.
	const seeded = input.articles.filter((article) => article.data.seed !== undefined);

	test('each kept source is the seed of exactly one article, and every seed is kept', () => {
		expect(sources.length).toBeGreaterThan(0);
		expect(seeded.map((article) => article.data.seed).sort()).toEqual(sources);
	});

	test.each(seeded.map((article) => [article.id, article] as const))(
		'%s keeps every sentence of its source (for a page or feed item, of the text extracted from it), apart from the recorded debris, and adds none',
		async (_id, article) => {
			// The check exactly as check:content runs it: a page or feed item is extracted first.
			expect(await compareWithKeptSource(realContentDir, article)).toEqual([]);

			// Independently of the comparison above: every recorded removal is really in
			// the source's text, and none of it is in the body.
			// Read as the checker reads it, in the encoding it arrived in.
			const kept = await readKeptSource(realContentDir, article);
			if (!kept.ok) throw new Error(kept.problem.found);
			const source = kept.text;
			const sourceWords = collapseWhitespace(visibleText(source));
			for (const removal of article.data.removed) {
				expect(sourceWords).toContain(collapseWhitespace(removal.text));
				expect(collapseWhitespace(article.body ?? '')).not.toContain(collapseWhitespace(removal.text));
			}
		},
	);

	test('the sentences checked are the real ones, not an empty split', () => {
		const sentences = input.articles.flatMap((article) => bodyBlocks(article.body ?? '').flatMap(splitSentences));
		expect(sentences.length).toBeGreaterThan(90);
		expect(sentences).toContain('Samsung officials declined to comment.');
	});
});

/**
 * The words a source shows, whatever its kind: a plain text as it is; a page's or a kept
 * feed item's markup without its tags, and with its entities decoded (through a real
 * HTML parser, not the extraction under test).
 */
function visibleText(source: string): string {
	if (source.trimStart().startsWith('{')) return stringsIn(JSON.parse(source)).map(visibleText).join('\n');
	return /<[a-z!]/i.test(source) ? parseHtml(source).textContent : source;
}

/** Every string in a JSON value. */
function stringsIn(value: unknown): string[] {
	if (typeof value === 'string') return [value];
	if (Array.isArray(value)) return value.flatMap(stringsIn);
	return value && typeof value === 'object' ? Object.values(value).flatMap(stringsIn) : [];
}

describe('the fidelity check bites', () => {
	let contentDir: string;
	beforeEach(async () => {
		contentDir = await copyContent();
	});
	afterEach(async () => removeDir(contentDir));
	const file = (id: string) => path.join(contentDir, 'articles', `${id}.md`);

	test('on a sentence dropped from the body', async () => {
		await editFile(file('packed-week-in-asia'), 'Samsung officials declined to comment. ', '');
		const { problems } = await loadContent(contentDir);
		expect(problems).toEqual([
			{
				file: file('packed-week-in-asia'),
				field: 'body',
				expected: 'expected every sentence of the source 002_84f1ff6769f1045e.txt (or a record of its removal)',
				found: 'this sentence missing: "Samsung officials declined to comment."',
			},
		]);
	});

	test('on a word changed in the body', async () => {
		await editFile(file('return-to-south-korea-ai-xr'), 'roughly 350,000 H100', 'roughly 600,000 H100');
		const { problems } = await loadContent(contentDir);
		expect(problems.map((problem) => `${problem.file.split('/').slice(-2).join('/')}: ${problem.found}`)).toEqual([
			// The claim of the fact ledger that cites the changed words no longer finds them…
			expect.stringMatching(/^facts\/meta-compute-h100.md: "Meta also intends to acquire roughly 350,000 H100/),
			// …and the article no longer matches its source.
			expect.stringContaining('this sentence missing: "To support its AI-focused goals'),
			expect.stringContaining('text the source does not have: "This year, Meta plans'),
		]);
	});

	test('on debris that is removed but not recorded', async () => {
		await editFile(file('visit-to-south-korea-ai-push'), /removed:\n(?: {2}.*\n)+/, '');
		const { problems } = await loadContent(contentDir);
		expect(problems).toEqual([expect.objectContaining({ field: 'body', found: 'this sentence missing: "6 min read"' })]);
	});

	test('on a recorded removal that is not in the source', async () => {
		await editFile(file('return-to-south-korea-ai-xr'), '- text: First Aid', '- text: Second Aid');
		const { problems } = await loadContent(contentDir);
		expect(problems.map((problem) => `${problem.field}: ${problem.found}`)).toEqual([
			'removed[0].text: "Second Aid"',
			'body: this sentence missing: "First Aid"',
		]);
	});

	test('on a Korean sentence dropped from the body, naming it alone though it begins with a day', () => {
		const source = '저커버그 방한\n저커버그는 28일 이재용 회장을 만났다. 29일에는 윤석열 대통령을 예방했다. (서울=연합뉴스) 그는 1일 인도로 떠났다.\n';
		const data = { title: '저커버그 방한', removed: [], seed: 'korean.txt' };
		const body = '저커버그는 28일 이재용 회장을 만났다.\n\n(서울=연합뉴스) 그는 1일 인도로 떠났다.\n';
		expect(compareWithSource('articles/korean.md', data, body, source)).toEqual([
			{
				file: 'articles/korean.md',
				field: 'body',
				expected: 'expected every sentence of the source korean.txt (or a record of its removal)',
				found: 'this sentence missing: "29일에는 윤석열 대통령을 예방했다."',
			},
		]);
		expect(compareWithSource('articles/korean.md', data, source.split('\n').slice(1).join('\n'), source)).toEqual([]);
	});
});
