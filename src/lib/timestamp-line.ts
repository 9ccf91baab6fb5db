/**
 * Publication timestamps printed as a line of their own: "Published Feb. 28, 2024
 * 10:41 p.m. Updated Feb. 29, 2024 8:12 a.m.", "Updated: 29 Feb 2024, 08:12 IST",
 * "Posted on February 28, 2024 at 10:41 pm", "Last updated 2024-02-29T08:12:00+09:00",
 * "First published on Wed 28 Feb 2024 22.41 GMT". Page furniture: the page's data says
 * when it was published, and ingest takes the date from there.
 *
 * A line is a timestamp line when it is made of timestamps and nothing else: one or
 * more parts, each an optional keyword (published, updated, posted, modified, …), a
 * date (or "3 hours ago" after a keyword) and an optional time and zone, joined by
 * spaces or separators (|, ·, /, a dash). A sentence that mentions a date ("He was
 * updated on the plans on Feb. 28.") has other words, and is never one.
 */

const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const WEEKDAY = '(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\\.?,?';
const DATE = [
	`${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}`, // Feb. 28, 2024
	`\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH},?\\s+\\d{4}`, // 28 Feb 2024
	'\\d{4}[-./]\\d{1,2}[-./]\\d{1,2}\\.?', // 2024-02-28, 2024.02.28
	'\\d{1,2}[-./]\\d{1,2}[-./]\\d{4}', // 28/02/2024, 02.28.2024
	'\\d{4}年\\s*\\d{1,2}月\\s*\\d{1,2}日(?:\\s*[(（][^)）]{1,3}[)）])?', // 2024年2月28日(水)
].join('|');
/** A clock time, with its half of the day, its zone or offset: "10:41 p.m.", "22.41 GMT", "T08:12:00+09:00", "(19:32)". */
const TIME =
	'(?:,?\\s*(?:at\\s+)?T?\\d{1,2}[:.]\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:\\s*[ap]\\.?\\s?m\\.?)?|\\s*[(（]\\d{1,2}:\\d{2}[)）]|\\s*\\d{1,2}\\s*[ap]\\.?m\\.?|\\s*\\d{1,2}時\\s*\\d{1,2}分)' +
	'(?:\\s*(?:z|[a-z]{2,5}(?:[+-]\\d{1,2}(?::?\\d{2})?)?|[+-]\\d{2}:?\\d{2})(?![\\p{L}]))?';
/** What a timestamp says it is: "Published", "Last updated on:", "First published on", "입력", "更新". */
const KEYWORD =
	'(?:(?:first|last|originally|date)\\s+)?(?:published|updated|posted|modified|created|edited|uploaded|released|issued|publication date|date)(?:\\s+(?:on|at))?\\s*[:：]?' +
	'|(?:기사\\s*)?(?:입력|수정|등록|승인|업데이트|최종\\s*수정)\\s*[:：]?|(?:公開|更新|配信|掲載|最終更新)(?:日時?)?\\s*[:：]?';
/** "3 hours ago", "5 mins ago": only after a keyword. */
const AGO = '\\d+\\s+(?:sec(?:ond)?s?|min(?:ute)?s?|h(?:ou)?rs?|days?|weeks?)\\s+ago';
const PART = `(?:(?:${KEYWORD})\\s*(?:${WEEKDAY}\\s*)?(?:(?:${DATE})(?:${TIME})?|${AGO})|(?:${WEEKDAY}\\s*)?(?:${DATE})(?:${TIME})?)`;
const SEPARATOR = '\\s*(?:[|·•/,;–—-]\\s*)?';
const TIMESTAMP_LINE = new RegExp(`^\\s*${PART}(?:${SEPARATOR}${PART})*\\s*[.]?\\s*$`, 'iu');

const LABEL = new RegExp(`^\\s*(?:${KEYWORD})`, 'iu');

/** True when `line` is one or more publication timestamps and nothing else. */
export function isTimestampLine(line: string): boolean {
	return line.length <= 200 && TIMESTAMP_LINE.test(line.replace(/\s+/g, ' '));
}

/** True when `line` is a timestamp line that says what it is ("Published …", "Updated: …"), not a bare date. */
export function isLabelledTimestampLine(line: string): boolean {
	return isTimestampLine(line) && LABEL.test(line);
}
