/**
 * Publication dates as pages and feeds state them, turned into the forms our schema
 * accepts (`dateOrDateTime` in `src/schema/primitives.ts`):
 *
 *     2024-02-27T10:05:00.000+0900       → 2024-02-27T10:05:00+09:00
 *     Tue, 27 Feb 2024 10:05:00 +0900    → 2024-02-27T10:05:00+09:00
 *     2024-02-27T01:05:00.123Z           → 2024-02-27T01:05:00Z
 *     2024-02-27T10:05:00                → 2024-02-27 (and a note: no offset)
 *
 * The offset the source states is kept as it is, never converted to UTC; fractions of
 * a second are dropped; and a time without any offset is cut back to its date, with a
 * note saying so: guessing the zone could move the day.
 */
import { isCalendarDate, isDateTimeWithOffset } from '../../lib/calendar.ts';

/** A publication date in the schema's form, and a note for the report where something was left out. */
export interface PublishedDate {
	/** `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM[:SS](Z|±HH:MM)`. */
	value: string;
	/** Why the value is less precise than the source, for the report. */
	note?: string | undefined;
}

const ISO_LIKE =
	/^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(?<zone>[Zz]|[+-]\d{2}(?::?\d{2})?)?)?$/;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** RFC 822 / RFC 2822 dates, as RSS prints them: `Tue, 27 Feb 2024 10:05:00 +0900`. */
const RFC_822 =
	/^(?:[A-Za-z]{3},?\s+)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{2}|\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s+(?<zone>[+-]\d{4}|[A-Za-z]{1,5}))?$/;

/** The zone names RFC 822 defines, as offsets. Any other name is not trusted. */
const RFC_822_ZONES: Record<string, string> = {
	UT: '+00:00',
	UTC: '+00:00',
	GMT: '+00:00',
	Z: '+00:00',
	EST: '-05:00',
	EDT: '-04:00',
	CST: '-06:00',
	CDT: '-05:00',
	MST: '-07:00',
	MDT: '-06:00',
	PST: '-08:00',
	PDT: '-07:00',
};

/**
 * Reads a publication date as a page or feed states it (ISO 8601 or RFC 822), or
 * returns undefined where it is neither or names a day that does not exist.
 */
export function normalisePublished(stated: string): PublishedDate | undefined {
	const text = stated.trim();
	return readIsoLike(text) ?? readRfc822(text);
}

function readIsoLike(text: string): PublishedDate | undefined {
	const match = ISO_LIKE.exec(text);
	if (!match) return undefined;
	const [, year, month, day, hour, minute, second] = match;
	const date = `${year}-${month}-${day}`;
	if (!isCalendarDate(date)) return undefined;
	if (hour === undefined || minute === undefined) return { value: date };
	const zone = match.groups?.['zone'];
	return withTime(date, hour, minute, second, zone === undefined ? undefined : isoOffset(zone));
}

function readRfc822(text: string): PublishedDate | undefined {
	const match = RFC_822.exec(text);
	if (!match) return undefined;
	const [, day = '', monthName = '', yearText = '', hour = '', minute = '', second] = match;
	const month = MONTHS.indexOf(monthName.toLowerCase()) + 1;
	if (month === 0) return undefined;
	// RFC 2822 §4.3: a two-digit year below 50 is in this century.
	const year = yearText.length === 2 ? (Number(yearText) < 50 ? 2000 : 1900) + Number(yearText) : Number(yearText);
	const date = `${year}-${String(month).padStart(2, '0')}-${day.padStart(2, '0')}`;
	if (!isCalendarDate(date)) return undefined;
	const zone = match.groups?.['zone'];
	let offset: string | undefined;
	if (zone !== undefined && /^[+-]\d{4}$/.test(zone)) offset = isoOffset(zone);
	else if (zone !== undefined) offset = RFC_822_ZONES[zone.toUpperCase()];
	const result = withTime(date, hour.padStart(2, '0'), minute, second, offset);
	if (result && zone !== undefined && offset === undefined) {
		result.note = `its time ${hour.padStart(2, '0')}:${minute} is in the zone "${zone}", which has no fixed offset; only the date is kept`;
	}
	return result;
}

/** `Z` stays `Z`; `+0900` and `+09` become `+09:00`. */
function isoOffset(zone: string): string {
	if (/^z$/i.test(zone)) return 'Z';
	const digits = zone.slice(1).replace(':', '');
	return `${zone[0]}${digits.slice(0, 2)}:${digits.slice(2, 4) || '00'}`;
}

/** The date-time in the schema's form, or only the date where the offset is missing. */
function withTime(date: string, hour: string, minute: string, second: string | undefined, offset: string | undefined): PublishedDate | undefined {
	if (Number(hour) > 23 || Number(minute) > 59 || Number(second ?? 0) > 59) return undefined;
	const time = `${hour}:${minute}${second === undefined ? '' : `:${second}`}`;
	if (offset === undefined) {
		return { value: date, note: `its time ${hour}:${minute} has no UTC offset; only the date is kept` };
	}
	const value = `${date}T${time}${offset}`;
	return isDateTimeWithOffset(value) ? { value } : undefined;
}
