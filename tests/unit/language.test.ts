import { describe, expect, test } from 'vitest';
import { langAttribute, languageName, otherSearchLanguages, primaryLanguage, searchLanguage, SITE_LANGUAGE } from '../../src/lib/language.ts';

describe('the lang attribute of words from an article', () => {
	test('is the article’s language where it is not the page’s', () => {
		expect(langAttribute('ko')).toBe('ko');
		expect(langAttribute('ja')).toBe('ja');
		expect(langAttribute('pt-BR')).toBe('pt-BR');
	});

	test('is left out where the words are in the page’s own language, whatever their region', () => {
		expect(SITE_LANGUAGE).toBe('en');
		expect(langAttribute('en')).toBeUndefined();
		expect(langAttribute('en-GB')).toBeUndefined();
		expect(langAttribute('ko', 'ko-KR')).toBeUndefined();
	});
});

describe('a language’s name', () => {
	test('is its English name, as labels on the page say it', () => {
		expect(languageName('ko')).toBe('Korean');
		expect(languageName('ja')).toBe('Japanese');
	});

	test('is its tag where no name is known', () => {
		expect(languageName('qaa')).toBe('qaa');
	});
});

describe('the search index a language goes to', () => {
	test('is named by its primary subtag, lower-cased, so that regions share one index', () => {
		expect(primaryLanguage('en-GB')).toBe('en');
		expect(searchLanguage('en-GB')).toBe('en');
		expect(searchLanguage('KO')).toBe('ko');
		expect(searchLanguage('ja')).toBe('ja');
	});

	test('for the search page to merge, is each language of the articles but the page’s, once, in order', () => {
		expect(otherSearchLanguages(['en', 'ko', 'ja', 'ko-KR', 'en-US'])).toEqual(['ja', 'ko']);
	});

	test('for the search page to merge, is none where every article is in English', () => {
		expect(otherSearchLanguages(['en', 'en-GB'])).toEqual([]);
		expect(otherSearchLanguages([])).toEqual([]);
	});
});
