import { describe, expect, test } from 'vitest';
import { languagesOf, mergedIndexes, readyResult, RECORDS_WEIGHT, type ResultData } from '../../src/search/search-page.ts';

describe('the indexes the search page merges', () => {
	test('are the records’ bundle by its full address in the page’s language, then in each other, with results under the site’s base path', () => {
		expect(mergedIndexes({ records: '/tour/pagefind-records/', documentUrl: 'https://example.org/tour/search/', site: '/tour/', pageLanguage: 'en', languages: ['ja', 'ko'] })).toEqual([
			{ bundlePath: 'https://example.org/tour/pagefind-records/', baseUrl: '/tour/', language: 'en', indexWeight: RECORDS_WEIGHT },
			{ bundlePath: 'https://example.org/tour/pagefind-records/', baseUrl: '/tour/', language: 'ja', indexWeight: RECORDS_WEIGHT },
			{ bundlePath: 'https://example.org/tour/pagefind-records/', baseUrl: '/tour/', language: 'ko', indexWeight: RECORDS_WEIGHT },
		]);
	});

	test('are the records’ bundle in the page’s language alone where the build has no other', () => {
		expect(mergedIndexes({ records: '/pagefind-records/', documentUrl: 'https://example.org/search/', site: '/', pageLanguage: 'en', languages: languagesOf('') })).toEqual([
			{ bundlePath: 'https://example.org/pagefind-records/', baseUrl: '/', language: 'en', indexWeight: RECORDS_WEIGHT },
		]);
	});

	test('are read from the page’s attribute, space-separated', () => {
		expect(languagesOf('ja ko')).toEqual(['ja', 'ko']);
		expect(languagesOf(' ko ')).toEqual(['ko']);
		expect(languagesOf(undefined)).toEqual([]);
	});
});

describe('a search result readied for the page', () => {
	const korean: ResultData = {
		url: '/articles/seoul-dinner/',
		excerpt: '저커버그, 승지원서 이재용과 만찬 방한 중인 마크 저커버그',
		meta: { title: '저커버그, 승지원서 이재용과 만찬', lang: 'ko', byline: '한빛통신 · by 김민지', summary: 'Zuckerberg dined with Lee <Jae-yong> & others.' },
		sub_results: [],
	};

	test('loses the metadata the page reads, which the UI would show as tags, and keeps the title', () => {
		const { result } = readyResult({ ...korean, excerpt: '<mark>이재용은</mark> 이 자리에서' }, 'en');
		expect(result.meta).toEqual({ title: '저커버그, 승지원서 이재용과 만찬' });
	});

	test('from an article’s own words: its title and its excerpt in the article’s language', () => {
		const { result, languages } = readyResult({ ...korean, excerpt: '<mark>이재용은</mark> 이 자리에서' }, 'en');
		expect(result.excerpt).toBe('<mark>이재용은</mark> 이 자리에서');
		expect(languages).toEqual({ title: 'ko', excerpt: 'ko' });
	});

	test('found by our English summary alone: the summary, escaped, as its excerpt, in English, shown as the page’s own section', () => {
		const { result, languages } = readyResult(korean, 'en');
		expect(result.excerpt).toBe('Zuckerberg dined with Lee &#60;Jae-yong&#62; &#38; others.');
		expect(result.sub_results).toEqual([{ url: '/articles/seoul-dinner/', title: '저커버그, 승지원서 이재용과 만찬', excerpt: result.excerpt, locations: [] }]);
		expect(languages).toEqual({ title: 'ko', excerpt: undefined });
	});

	test('in the page’s own language: left as it is, with no language to mark', () => {
		const english: ResultData = { url: '/companies/meta/', excerpt: 'The <mark>company</mark> Zuckerberg founded', meta: { title: 'Meta' }, sub_results: [] };
		expect(readyResult(english, 'en')).toEqual({ result: english, languages: { title: undefined, excerpt: undefined } });
		const article: ResultData = { ...english, meta: { title: 'Talks', lang: 'en-GB' } };
		expect(readyResult(article, 'en').languages).toEqual({ title: undefined, excerpt: undefined });
	});
});
