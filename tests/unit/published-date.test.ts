import { describe, expect, test } from 'vitest';
import { normalisePublished } from '../../src/ingest/read/published-date.ts';
import { dateOrDateTime } from '../../src/schema/primitives.ts';

describe('publication dates as pages and feeds state them', () => {
	test('keeps a date-time with its offset as the source states it', () => {
		expect(normalisePublished('2024-02-27T10:05:00+09:00')).toEqual({ value: '2024-02-27T10:05:00+09:00' });
		expect(normalisePublished('2024-03-01T19:20+05:30')).toEqual({ value: '2024-03-01T19:20+05:30' });
	});

	test('writes an offset without a colon, or hours only, as ±HH:MM', () => {
		expect(normalisePublished('2024-02-27T10:05:00+0900')?.value).toBe('2024-02-27T10:05:00+09:00');
		expect(normalisePublished('2024-02-27T10:05:00-05')?.value).toBe('2024-02-27T10:05:00-05:00');
	});

	test('keeps Z, and drops fractions of a second', () => {
		expect(normalisePublished('2024-02-27T01:05:00.123Z')).toEqual({ value: '2024-02-27T01:05:00Z' });
		expect(normalisePublished('2024-02-28T14:30:00.000+09:00')).toEqual({ value: '2024-02-28T14:30:00+09:00' });
		expect(normalisePublished('2024-02-27 10:05:00z')?.value).toBe('2024-02-27T10:05:00Z');
	});

	test('reads an RFC 822 date as RSS prints it, keeping the offset it states instead of converting to UTC', () => {
		expect(normalisePublished('Tue, 27 Feb 2024 10:05:00 +0900')).toEqual({ value: '2024-02-27T10:05:00+09:00' });
		expect(normalisePublished('27 Feb 2024 18:45 GMT')).toEqual({ value: '2024-02-27T18:45+00:00' });
		expect(normalisePublished('Thu, 29 Feb 2024 07:12:00 EST')?.value).toBe('2024-02-29T07:12:00-05:00');
		expect(normalisePublished('Fri, 01 Mar 24 19:20:00 +0530')?.value).toBe('2024-03-01T19:20:00+05:30');
	});

	test('cuts a time without any offset back to its date, and says so, rather than guess the zone', () => {
		expect(normalisePublished('2024-02-27T10:05:00')).toEqual({ value: '2024-02-27', note: 'its time 10:05 has no UTC offset; only the date is kept' });
		expect(normalisePublished('Tue, 27 Feb 2024 10:05:00 KST')).toEqual({
			value: '2024-02-27',
			note: 'its time 10:05 is in the zone "KST", which has no fixed offset; only the date is kept',
		});
	});

	test('keeps a date without a time as the date', () => {
		expect(normalisePublished(' 2024-02-29 ')).toEqual({ value: '2024-02-29' });
	});

	test('refuses days and times that do not exist, and text that is no date', () => {
		expect(['2024-02-30', '2024-02-30T10:00:00+09:00', '2024-02-27T24:00:00Z', '2024-02-27T10:05:00+25:00', '31 Feb 2024 10:00 GMT', 'February 27, 2024', 'yesterday', ''].map(normalisePublished)).toEqual(
			[undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined],
		);
	});

	test('returns only values the article schema accepts', () => {
		const stated = ['2024-02-27T10:05:00.5+0900', '2024-02-27T01:05Z', 'Tue, 27 Feb 2024 10:05:00 +0900', '2024-02-27T10:05:00', '27 Feb 2024 10:05 PDT', '2024-02-29'];
		for (const value of stated.map((date) => normalisePublished(date)?.value)) {
			expect(dateOrDateTime.safeParse(value).success, String(value)).toBe(true);
		}
	});
});
