import { describe, expect, test } from 'vitest';
import { loadContent } from '../../src/content-files/load-content.ts';
import { articleSearchRecord } from '../../src/search/article-records.ts';
import { outputFileOf } from '../../src/search/searchable-pages.ts';
import { article } from '../support/entries.ts';
import { realContentDir } from '../support/content-fixtures.ts';

describe("an article's search record", () => {
	test('holds its title, byline, summary, every paragraph and every sub-head, at its address relative to the site', () => {
		const entry = {
			...article('seoul-talks', { title: 'Talks in Seoul', outlet: 'Yonhap', author: 'Kim Soo-yeon', summary: 'Zuckerberg meets Yoon.' }),
			body: 'First paragraph.\n\n## What was agreed\n\nSecond paragraph.\n',
		};
		const record = articleSearchRecord(entry, ['First paragraph.', 'Second paragraph.']);
		expect(record.url).toBe('/articles/seoul-talks/');
		expect(record.meta.title).toBe('Talks in Seoul');
		expect(record.content.split('\n')).toEqual(['Talks in Seoul', 'Yonhap · by Kim Soo-yeon', 'Zuckerberg meets Yoon.', 'First paragraph.', 'Second paragraph.', 'What was agreed']);
	});

	test('holds every word of every paragraph of the real articles, as the content check parsed them', async () => {
		const { input, paragraphs } = await loadContent(realContentDir);
		for (const each of input.articles) {
			const record = articleSearchRecord(each, paragraphs.get(each.id) ?? []);
			for (const paragraph of paragraphs.get(each.id) ?? []) expect(record.content).toContain(paragraph);
			expect(record.content.startsWith(each.data.title)).toBe(true);
		}
	});
});

describe('the output file of a page', () => {
	test.each([
		['/articles/x/', '/', 'articles/x/index.html'],
		['/tour/articles/x/', '/tour/', 'articles/x/index.html'],
		['/tour/', '/tour/', 'index.html'],
		['/', '/', 'index.html'],
		['/tour/companies/caf%C3%A9/', '/tour/', 'companies/café/index.html'],
	])('of %s under %s is %s', (pathname, base, file) => {
		expect(outputFileOf(pathname, base)).toBe(file);
	});
});
