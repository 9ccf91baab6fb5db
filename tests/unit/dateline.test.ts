import { describe, expect, test } from 'vitest';
import { loadContent } from '../../src/content-files/load-content.ts';
import matter from 'gray-matter';
import { composeEntry, detectEntities, placeArticle } from '../../src/ingest/write/compose-entry.ts';
import { datelineDate, placeName, readDateline, takeDateline } from '../../src/ingest/read/dateline.ts';
import { plainTextArticle } from '../../src/ingest/read/plain-text.ts';
import { realContentDir } from '../support/content-fixtures.ts';

describe('an agency dateline', () => {
	test.each([
		['TOKYO, Feb 27 (Reuters) - Meta Platforms CEO met.', { place: 'TOKYO', month: 2, day: 27, outlet: 'Reuters', text: 'TOKYO, Feb 27 (Reuters) -' }],
		['Seoul, Feb. 28 (IANS) Meta Platforms CEO met.', { place: 'Seoul', month: 2, day: 28, outlet: 'IANS', text: 'Seoul, Feb. 28 (IANS)' }],
		['JAMNAGAR, India, March 1 (Pacific Wire) -- The CEO.', { place: 'JAMNAGAR', region: 'India', month: 3, day: 1, outlet: 'Pacific Wire' }],
		['NEW DELHI, Mar 1 (PTI): Meta said.', { place: 'NEW DELHI', month: 3, day: 1, outlet: 'PTI' }],
		['SEOUL, Feb 28 - The CEO arrived.', { place: 'SEOUL', month: 2, day: 28, outlet: undefined }],
	])('is read in any case: %s', (paragraph, expected) => {
		expect(readDateline(paragraph)).toMatchObject(expected);
	});

	test.each(['Seoul, Feb 28 was a cold day.', 'Zuckerberg, who met Lee, left.', 'TOKYO, Smarch 27 (Reuters) - Text.'])('is not read into a sentence: %s', (paragraph) => {
		expect(readDateline(paragraph)).toBeUndefined();
	});

	test('gives a day in the year the caller knows, and refuses one that does not exist', () => {
		expect(datelineDate({ month: 2, day: 29 }, 2024)).toBe('2024-02-29');
		expect(datelineDate({ month: 2, day: 30 }, 2024)).toBeUndefined();
		expect(placeName('NEW DELHI')).toBe('New Delhi');
		expect(placeName('Seoul')).toBe('Seoul');
	});

	test('is moved out of a plain-text article, giving its stop, its outlet and, in the story\'s year, its date', async () => {
		const { input } = await loadContent(realContentDir);
		const article = takeDateline(plainTextArticle('Meta chief in Korea\nSEOUL, Feb 28 (Yonhap) - Meta Platforms CEO Mark Zuckerberg met partners on Wednesday.\n', 'wire.txt'));
		expect(article).toMatchObject({ outlet: 'Yonhap', dateline: 'SEOUL, Feb 28 (Yonhap) -', provenance: { outlet: 'dateline' } });
		expect(article.blocks[0]).toEqual({ type: 'paragraph', text: 'Meta Platforms CEO Mark Zuckerberg met partners on Wednesday.' });
		const placement = placeArticle(article, input, undefined);
		expect(placement.datelineStop).toBe('seoul');
		expect(placement.detected.stops).toContain('seoul');
		expect(placement.datelineDate?.date).toBe('2024-02-28');
	});
});

describe('countries named by their adjective', () => {
	test('are found through the aliases kept in content/countries/', async () => {
		const { input } = await loadContent(realContentDir);
		const found = detectEntities('The South Korean President met Japanese, Indian and American executives.', input);
		expect(found.countries).toEqual(expect.arrayContaining(['south-korea', 'japan', 'india', 'united-states']));
	});

	test('place an article in the country, and infer its only stop there from the date', async () => {
		const { input } = await loadContent(realContentDir);
		const article = plainTextArticle('Talks with the president\nMeta Platforms CEO Mark Zuckerberg met the South Korean President at his office.\n', 'p.txt');
		const placement = placeArticle(article, input, '2024-02-28');
		expect(placement.detected.stops).not.toContain('seoul');
		expect(placement.inferredStops).toEqual([expect.objectContaining({ stop: 'seoul' })]);
		expect(placement.inferredStops[0]?.reason).toContain('named South Korea, where Seoul is the story\'s only stop');
	});

	test('are written into the entry under inferred.stops, by stop id, each with its reason', async () => {
		const { input } = await loadContent(realContentDir);
		const article = plainTextArticle('Talks with the president\nMeta Platforms CEO Mark Zuckerberg met the South Korean President at his office.\n', 'p.txt');
		const { text } = composeEntry(article, input, { published: '2024-02-28', seed: 'p.txt' });
		const data = matter(text).data as { stops: string[]; inferred?: { stops?: Record<string, string> } };
		expect(data.stops).toEqual(['seoul']);
		expect(Object.keys(data.inferred?.stops ?? {})).toEqual(['seoul']);
		expect(data.inferred?.stops?.['seoul']).toMatch(/^named South Korea, where Seoul is the story's only stop/);
	});
});

describe('Korean and Japanese datelines', () => {
	test('reads a Korean agency’s place, outlet and reporter line, and leaves the article', () => {
		expect(readDateline('(서울=연합뉴스) 홍길동 기자 = 마크 저커버그 메타 최고경영자(CEO)가 28일 방한했다.')).toEqual({
			text: '(서울=연합뉴스) 홍길동 기자 =',
			place: '서울',
			outlet: '연합뉴스',
			rest: '마크 저커버그 메타 최고경영자(CEO)가 28일 방한했다.',
		});
		expect(readDateline('[도쿄=뉴시스] 김영희 특파원 = 기시다 후미오 총리가')).toMatchObject({ place: '도쿄', outlet: '뉴시스', rest: '기시다 후미오 총리가' });
	});

	test('reads a Japanese dateline with its agency, or with its correspondent', () => {
		expect(readDateline('【ソウル共同】米メタのザッカーバーグCEOは28日、')).toMatchObject({ text: '【ソウル共同】', place: 'ソウル', outlet: '共同', rest: '米メタのザッカーバーグCEOは28日、' });
		const withReporter = readDateline('【ソウル＝細川幸太郎】米メタのザッカーバーグCEOは');
		expect(withReporter).toMatchObject({ place: 'ソウル', rest: '米メタのザッカーバーグCEOは' });
		expect(withReporter?.outlet).toBeUndefined();
	});

	test('does not take a parenthesis that opens a Korean sentence for a dateline', () => {
		expect(readDateline('(사진) 저커버그가 웃고 있다.')).toBeUndefined();
	});

	test('places the article at the stop its Korean dateline names', async () => {
		const { input } = await loadContent(realContentDir);
		const article = takeDateline(plainTextArticle('저커버그, 이재용 회장과 회동\n(서울=연합뉴스) 홍길동 기자 = 마크 저커버그 메타 CEO가 이재용 삼성전자 회장과 만났다.\n', 'k.txt'));
		expect(article.outlet).toBe('연합뉴스');
		expect(placeArticle(article, input, '2024-02-28').datelineStop).toBe('seoul');
	});
});
