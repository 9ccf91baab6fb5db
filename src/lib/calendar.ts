/**
 * Calendar dates as plain `YYYY-MM-DD` strings, never as `Date` objects.
 *
 * A date in our content is a day on a local calendar (the day of a meeting in Seoul),
 * not an instant. Keeping it as text means it can never slip to the day before when
 * a build machine or a reader sits in another time zone.
 */

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME_WITH_OFFSET =
	/^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d+)?)?(Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

/** The months in English, January first. */
export const MONTH_NAMES = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December',
] as const;

/** How many days a month has, leap years included. `daysInMonth(2024, 2) === 29`. */
export function daysInMonth(year: number, month: number): number {
	const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
	return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/** True for a `YYYY-MM-DD` string naming a day that exists: `2024-02-29` yes, `2024-02-30` no. */
export function isCalendarDate(value: string): boolean {
	const match = CALENDAR_DATE.exec(value);
	if (!match) return false;
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** True for `YYYY-MM-DDTHH:MM[:SS][.fff](Z|±HH:MM)` whose date part exists. */
export function isDateTimeWithOffset(value: string): boolean {
	const match = DATE_TIME_WITH_OFFSET.exec(value);
	return match !== null && isCalendarDate(match[1] ?? '');
}

/** The parts of a publication date: the local calendar day and, where given, time and offset. */
export interface DateParts {
	/** The calendar day at the stated offset (or the date as written). */
	date: string;
	/** `HH:MM`, where the value had a time. */
	time?: string;
	/** `Z` or `±HH:MM`, where the value had a time. */
	offset?: string;
}

/** Splits `2024-02-26` or `2024-02-26T07:01:00+09:00` into its local date, time and offset. */
export function splitDateTime(value: string): DateParts {
	const match = DATE_TIME_WITH_OFFSET.exec(value);
	if (match) {
		return { date: match[1] ?? '', time: `${match[2]}:${match[3]}`, offset: match[5] ?? '' };
	}
	if (isCalendarDate(value)) return { date: value };
	throw new RangeError(`"${value}" is neither a calendar date nor a date-time with offset`);
}

/**
 * How many days lie from one calendar date to another, negative when `to` is the
 * earlier: `daysBetween('2024-02-28', '2024-03-01') === 2`. Counted on the calendar,
 * so no time zone can shift it.
 */
export function daysBetween(from: string, to: string): number {
	const dayNumber = (date: string) => {
		const [year, month, day] = date.split('-').map(Number) as [number, number, number];
		return Date.UTC(year, month - 1, day) / 86_400_000;
	};
	return dayNumber(to) - dayNumber(from);
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** The day of the week of a calendar date, the same in every zone: `weekday('2024-02-29') === 'Thursday'`. */
export function weekday(date: string): string {
	const [year, month, day] = date.split('-').map(Number) as [number, number, number];
	return WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()] ?? '';
}

/** A calendar date for readers, with no time-zone arithmetic: `26 February 2024`. */
export function formatLongDate(date: string): string {
	const [year, month, day] = date.split('-').map(Number) as [number, number, number];
	return `${day} ${MONTH_NAMES[month - 1]} ${year}`;
}

/** A calendar date for readers within the story's year: `26 February`. */
export function formatDayMonth(date: string): string {
	const [, month, day] = date.split('-').map(Number) as [number, number, number];
	return `${day} ${MONTH_NAMES[month - 1]}`;
}

/**
 * A date range for readers: `26–27 February 2024`, `29 February – 3 March 2024`,
 * or a single day when `end` is missing or equal to `start`.
 */
export function formatDateRange(start: string, end?: string): string {
	if (!end || end === start) return formatLongDate(start);
	const [startYear, startMonth, startDay] = start.split('-').map(Number) as [number, number, number];
	const [endYear, endMonth, endDay] = end.split('-').map(Number) as [number, number, number];
	if (startYear !== endYear) return `${formatLongDate(start)} – ${formatLongDate(end)}`;
	if (startMonth !== endMonth) {
		return `${startDay} ${MONTH_NAMES[startMonth - 1]} – ${endDay} ${MONTH_NAMES[endMonth - 1]} ${endYear}`;
	}
	return `${startDay}–${endDay} ${MONTH_NAMES[endMonth - 1]} ${endYear}`;
}
