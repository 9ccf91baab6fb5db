import { describe, expect, test } from 'vitest';
import { loadContent } from '../../src/content-files/load-content.ts';
import { articleSearchRecord, claimSearchRecord } from '../../src/search/article-records.ts';
import { outputFileOf } from '../../src/search/searchable-pages.ts';
import { article } from '../support/entries.ts';
import { realContentDir } from '../support/content-fixtures.ts';

describe("a claim's search record", () => {
	test('holds its statement and what we say of each source, not the sources\' passages, dated by the first day one spoke to it', () => {
		const fact = {
			id: 'samsung-talks',
			data: {
				statement: 'Zuckerberg met Lee Jae-yong.',
				kind: 'fact' as const,
				people: [],
				companies: [],
				countries: [],
				sources: [
					{ article: 'a', passage: 'He met the chairman of Samsung on Wednesday.', stance: 'states' as const, says: 'met on Wednesday' },
					{ article: 'b', passage: 'They met on Thursday.', stance: 'differs' as const, says: 'met on Thursday', note: 'A day late.' },
				],
			},
		};
		const record = claimSearchRecord(fact, '2024-02-28');
		expect(record).toEqual({
			url: '/facts/samsung-talks/',
			content: 'Zuckerberg met Lee Jae-yong.\nmet on Wednesday\nmet on Thursday\nA day late.',
			language: 'en',
			meta: { title: 'Zuckerberg met Lee Jae-yong.', kind: 'Claim', date: '28 February 2024' },
		});
	});
});

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
		expect(record.meta).toEqual({ title: 'Talks in Seoul', lang: 'en-GB', kind: 'Article', date: expect.stringMatching(/^\d{1,2} \w+ \d{4}$/) });
	});

	test('of an article in Korean, is indexed under Korean, holding its own words alone, and our English byline and summary as metadata', () => {
		const entry = {
			...article('seoul-dinner', { title: '저커버그, 이재용과 만찬', language: 'ko', outlet: '한빛통신', author: '김민지', summary: 'Zuckerberg dines with Lee Jae-yong.' }),
			body: '이재용은 저커버그와 만났다.\n\n## 다음 날\n\n윤석열 대통령을 만난다.\n',
		};
		const record = articleSearchRecord(entry, ['이재용은 저커버그와 만났다.', '윤석열 대통령을 만난다.']);
		expect(record.language).toBe('ko');
		expect(record.content.split('\n')).toEqual(['저커버그, 이재용과 만찬', '이재용은 저커버그와 만났다.', '윤석열 대통령을 만난다.', '다음 날']);
		expect(record.meta).toEqual({ title: '저커버그, 이재용과 만찬', lang: 'ko', byline: '한빛통신 · by 김민지', summary: 'Zuckerberg dines with Lee Jae-yong.', kind: 'Article', date: expect.any(String) });
	});

	test('of an article in Japanese with no summary or byline, carries no empty metadata', () => {
		const record = articleSearchRecord({ ...article('kishida', { title: '岸田首相が会談', language: 'ja' }), body: '岸田首相は会談した。' }, ['岸田首相は会談した。']);
		expect(record.language).toBe('ja');
		expect(record.meta).toEqual({ title: '岸田首相が会談', lang: 'ja', kind: 'Article', date: expect.any(String) });
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
