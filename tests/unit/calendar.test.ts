import { describe, expect, test } from 'vitest';
import {
	daysBetween,
	formatDateRange,
	isCalendarDate,
	isDateTimeWithOffset,
	splitDateTime,
} from '../../src/lib/calendar.ts';
import { isTimeZone, zoneAbbreviation } from '../../src/lib/time-zones.ts';

describe('calendar dates', () => {
	test('accepts days that exist, leap days included', () => {
		expect(['2024-02-29', '2000-02-29', '2024-12-31'].map(isCalendarDate)).toEqual([true, true, true]);
	});

	test('refuses days that do not exist, and text that is not a date', () => {
		expect(['2024-02-30', '2023-02-29', '1900-02-29', '2024-13-01', '2024-2-3', 'yesterday', ''].map(isCalendarDate)).toEqual([
			false, false, false, false, false, false, false,
		]);
	});

	test('accepts a date-time only with an explicit offset', () => {
		expect(isDateTimeWithOffset('2024-02-26T07:01:00+09:00')).toBe(true);
		expect(isDateTimeWithOffset('2024-02-26T07:01Z')).toBe(true);
		expect(isDateTimeWithOffset('2024-02-26T07:01:00')).toBe(false);
		expect(isDateTimeWithOffset('2024-02-30T07:01:00+09:00')).toBe(false);
	});

	test('splits a publication date into local day, time and offset without shifting the day', () => {
		expect(splitDateTime('2024-02-29T01:30:00+09:00')).toEqual({ date: '2024-02-29', time: '01:30', offset: '+09:00' });
		expect(splitDateTime('2024-02-26')).toEqual({ date: '2024-02-26' });
	});

	test('counts the days between two dates across a leap day, and backwards', () => {
		expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
		expect(daysBetween('2023-02-28', '2023-03-01')).toBe(1);
		expect(daysBetween('2024-03-01', '2024-02-26')).toBe(-4);
		expect(daysBetween('2024-02-29', '2024-02-29')).toBe(0);
	});

	test('formats a range for readers, with one month name where both ends share it', () => {
		expect(formatDateRange('2024-02-26', '2024-02-27')).toBe('26–27 February 2024');
		expect(formatDateRange('2024-02-28', '2024-03-01')).toBe('28 February – 1 March 2024');
		expect(formatDateRange('2024-03-01')).toBe('1 March 2024');
	});
});

describe('time zones', () => {
	test('knows IANA zones and refuses abbreviations', () => {
		expect(isTimeZone('Asia/Seoul')).toBe(true);
		expect(isTimeZone('KST')).toBe(false);
		expect(isTimeZone('Asia/Atlantis')).toBe(false);
	});

	test('names the zones of the tour as readers know them', () => {
		expect(['Asia/Tokyo', 'Asia/Seoul', 'Asia/Kolkata'].map((zone) => zoneAbbreviation(zone, '2024-02-28'))).toEqual(['JST', 'KST', 'IST']);
	});
});
