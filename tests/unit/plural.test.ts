import { describe, expect, test } from 'vitest';
import { countOf, coverageInWords, listInWords } from '../../src/lib/plural.ts';

describe('counts in words', () => {
	test('agree with their number', () => {
		expect(countOf(1, 'article')).toBe('1 article');
		expect(countOf(0, 'article')).toBe('0 articles');
		expect(countOf(3, 'country', 'countries')).toBe('3 countries');
	});

	test('join a list as a sentence does', () => {
		expect(listInWords(['Tokyo'])).toBe('Tokyo');
		expect(listInWords(['Tokyo', 'Seoul', 'Jamnagar'])).toBe('Tokyo, Seoul and Jamnagar');
	});

	test('say how many of the story’s articles cover something, however many there are', () => {
		expect(coverageInWords(5, 5)).toBe('All 5 articles of the story cover it');
		expect(coverageInWords(2, 6)).toBe("2 of the story's 6 articles cover it");
		expect(coverageInWords(1, 6)).toBe("1 of the story's 6 articles covers it");
		expect(coverageInWords(1, 1)).toBe("1 of the story's 1 article covers it");
	});
});
