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

	test('is indexed under English, with its title and language for the result', () => {
		const record = articleSearchRecord(article('seoul-talks', { title: 'Talks in Seoul', language: 'en-GB' }), ['First paragraph.']);
		expect(record.language).toBe('en');
		expect(record.meta).toEqual({ title: 'Talks in Seoul', lang: 'en-GB' });
	});

	test('of an article in Korean, is indexed under Korean, holding its own words alone, and our English byline and summary as metadata', () => {
		const entry = {
			...article('seoul-dinner', { title: '저커버그, 이재용과 만찬', language: 'ko', outlet: '한빛통신', author: '김민지', summary: 'Zuckerberg dines with Lee Jae-yong.' }),
			body: '이재용은 저커버그와 만났다.\n\n## 다음 날\n\n윤석열 대통령을 만난다.\n',
		};
		const record = articleSearchRecord(entry, ['이재용은 저커버그와 만났다.', '윤석열 대통령을 만난다.']);
		expect(record.language).toBe('ko');
		expect(record.content.split('\n')).toEqual(['저커버그, 이재용과 만찬', '이재용은 저커버그와 만났다.', '윤석열 대통령을 만난다.', '다음 날']);
		expect(record.meta).toEqual({ title: '저커버그, 이재용과 만찬', lang: 'ko', byline: '한빛통신 · by 김민지', summary: 'Zuckerberg dines with Lee Jae-yong.' });
	});

	test('of an article in Japanese with no summary or byline, carries no empty metadata', () => {
		const record = articleSearchRecord({ ...article('kishida', { title: '岸田首相が会談', language: 'ja' }), body: '岸田首相は会談した。' }, ['岸田首相は会談した。']);
		expect(record.language).toBe('ja');
		expect(record.meta).toEqual({ title: '岸田首相が会談', lang: 'ja' });
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
