/**
 * Field types shared by every collection schema.
 *
 * Dates stay strings from file to page. YAML would turn an unquoted `2024-02-30`
 * into 1 March without a word, and a date-only value into UTC midnight, which shows
 * as the day before in Tokyo. Instead, we read frontmatter with a YAML schema that
 * keeps timestamps as text (see `src/content-files/read-content-file.ts`) and check
 * the calendar here.
 */
import { z } from 'zod';
import { isCalendarDate, isDateTimeWithOffset } from '../lib/calendar.ts';

/** A record id: lower-case words joined by single hyphens, as in a file name or a URL. */
export const entityId = z
	.string()
	.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a kebab-case id such as "south-korea"');

/** A list of ids, with no repeats. */
export const idList = z
	.array(entityId)
	.refine((ids) => new Set(ids).size === ids.length, 'expected each id only once');

/** A calendar date, `YYYY-MM-DD`, that exists (no 30 February). */
export const calendarDate = z
	.string({ error: 'expected a date as text, YYYY-MM-DD' })
	.refine(isCalendarDate, 'expected a real calendar date, YYYY-MM-DD');

/**
 * A calendar date, or a date and time with an explicit UTC offset
 * (`2024-02-26T07:01:00+09:00`). A time without an offset is refused: it would be
 * read in whatever zone the build machine happens to be in.
 */
export const dateOrDateTime = z
	.string({ error: 'expected a date (YYYY-MM-DD) or a date-time with offset as text' })
	.refine(
		(value) => isCalendarDate(value) || isDateTimeWithOffset(value),
		'expected a real date (YYYY-MM-DD) or a date-time with offset (YYYY-MM-DDTHH:MM+09:00)',
	);

/** A time of day on the 24-hour clock, `HH:MM`, in the local zone of the place. */
export const localTime = z
	.string()
	.regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'expected a 24-hour local time, HH:MM');

/** An absolute http(s) address. */
export const webUrl = z.url({
	protocol: /^https?$/,
	error: 'expected an absolute http(s) URL',
});

/** Plain text that is not blank. */
export const text = z.string().trim().min(1, 'expected non-empty text');

/** A BCP 47 language tag, as `lang` attributes take it: `en`, `ko`, `ja`, `pt-BR`. */
export const languageTag = z
	.string()
	.regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'expected a BCP 47 language tag such as "en", "ko" or "ja"');

/** The name of a text encoding that browsers (and Node's TextDecoder) know: `EUC-KR`, `Shift_JIS`, `windows-1252`. */
export const encodingLabel = z.string().refine((label) => {
	try {
		new TextDecoder(label);
		return true;
	} catch {
		return false;
	}
}, 'expected the name of an encoding browsers know, such as "EUC-KR", "Shift_JIS" or "windows-1252"');
