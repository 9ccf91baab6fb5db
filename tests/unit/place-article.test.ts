import { describe, expect, test } from 'vitest';
import { calendarDay, inferStops, STOP_WINDOW_DAYS, withinDays } from '../../src/ingest/judge/place-article.ts';
import { loadContent } from '../../src/content-files/load-content.ts';
import { smallStory, stop } from '../support/entries.ts';
import { realContentDir } from '../support/content-fixtures.ts';

/** An article that names South Korea and nothing else, published on `published`. */
const koreanArticle = (published?: string) => ({ published, countries: ['south-korea'], stops: [] });

describe('inferring a stop from a country and the date', () => {
	test('infers the only stop of a named country, published during its dates, and says why', () => {
		expect(inferStops(koreanArticle('2024-02-28'), smallStory())).toEqual([
			{
				stop: 'seoul',
				reason: "named South Korea, where Seoul is the story's only stop, and published 2024-02-28, within 3 days of its dates (2024-02-28 to 2024-02-29)",
			},
		]);
	});

	test(`infers it up to ${STOP_WINDOW_DAYS} days before the first day or after the last, and no further`, () => {
		const stops = (published: string) => inferStops(koreanArticle(published), smallStory()).map((each) => each.stop);
		expect(stops('2024-02-25')).toEqual(['seoul']);
		expect(stops('2024-02-24')).toEqual([]);
		expect(stops('2024-03-03')).toEqual(['seoul']);
		expect(stops('2024-03-04')).toEqual([]);
	});

	test('reads the local calendar day of a date-time, not the day in UTC', () => {
		// 00:30 on 4 March in Seoul is still 3 March in UTC, but the article's day is the 4th.
		expect(inferStops(koreanArticle('2024-03-04T00:30:00+09:00'), smallStory())).toEqual([]);
		expect(inferStops(koreanArticle('2024-03-03T23:30:00+09:00'), smallStory()).map((each) => each.stop)).toEqual(['seoul']);
	});

	test('infers nothing without a valid date', () => {
		expect(inferStops(koreanArticle(undefined), smallStory())).toEqual([]);
		expect(inferStops(koreanArticle('2024-02-30'), smallStory())).toEqual([]);
		expect(inferStops(koreanArticle('29 February 2024'), smallStory())).toEqual([]);
	});

	test('does not infer a stop the text already names', () => {
		expect(inferStops({ published: '2024-02-28', countries: ['south-korea'], stops: ['seoul'] }, smallStory())).toEqual([]);
	});

	test('infers nothing where the text names a stop of its own: a country named besides is where he goes next, or was', () => {
		// "Zuckerberg met Lee Jae-yong in Seoul on Wednesday, before flying to India."
		expect(inferStops({ published: '2024-02-28', countries: ['south-korea', 'japan'], stops: ['seoul'] }, smallStory())).toEqual([]);
	});

	test('infers nothing in a country with two stops, since the date cannot tell them apart', () => {
		const story = smallStory();
		const busan = stop('busan', { order: 3, country: 'south-korea', dates: { start: '2024-02-29', end: '2024-03-01' } });
		expect(inferStops(koreanArticle('2024-02-28'), { ...story, stops: [...story.stops, busan] })).toEqual([]);
	});

	test('infers one stop for each named country, in route order', () => {
		const article = { published: '2024-02-27', countries: ['south-korea', 'japan'], stops: [] };
		expect(inferStops(article, smallStory()).map((each) => each.stop)).toEqual(['tokyo', 'seoul']);
	});

	test('over the real content, places an article naming India on 29 February in Jamnagar', async () => {
		const { input } = await loadContent(realContentDir);
		const [jamnagar] = inferStops({ published: '2024-02-29', countries: ['india'], stops: [] }, input);
		expect(jamnagar?.stop).toBe('jamnagar');
		expect(jamnagar?.reason).toMatch(/^named India, where Jamnagar is the story's only stop, and published 2024-02-29, within 3 days of its dates \(2024-03-01 to /);
	});
});

describe('the date helpers of placement', () => {
	test('takes the calendar day of a date or a date-time, and nothing of anything else', () => {
		expect(calendarDay('2024-02-26T07:01:00+09:00')).toBe('2024-02-26');
		expect(calendarDay('2024-02-26')).toBe('2024-02-26');
		expect(calendarDay('2024-02-26T07:01:00')).toBeUndefined();
	});

	test('counts a date as within a span when it lies in it or close enough outside', () => {
		expect(withinDays('2024-02-28', '2024-02-28', '2024-02-29', 0)).toBe(true);
		expect(withinDays('2024-03-02', '2024-02-28', '2024-02-29', 1)).toBe(false);
		expect(withinDays('2024-03-02', '2024-02-28', '2024-02-29', 2)).toBe(true);
		expect(withinDays('2024-02-26', '2024-02-28', '2024-02-29', 1)).toBe(false);
	});
});
