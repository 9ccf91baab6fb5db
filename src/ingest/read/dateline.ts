/**
 * News-agency datelines at the head of an article's first paragraph, in any case, and
 * as the Korean and Japanese agencies print them:
 *
 *     TOKYO, Feb 27 (Reuters) - Meta Platforms CEO …
 *     Seoul, Feb. 28 (IANS) Meta Platforms CEO …
 *     JAMNAGAR, India, March 1 (Pacific Wire) -- …
 *     (서울=연합뉴스) 홍길동 기자 = 마크 저커버그 …
 *     【ソウル共同】米メタの …          【ソウル＝細川幸太郎】…
 *
 * A dateline gives the place (which may be a stop), the outlet and, in English, the day
 * of the month. Its year is not printed: the caller gives the year to read it in.
 */
import { isCalendarDate } from '../../lib/calendar.ts';
import type { ExtractedArticle } from '../types.ts';

/** A dateline read off the front of a paragraph. */
export interface Dateline {
	/** The dateline exactly as printed, without the text that follows it: `TOKYO, Feb 27 (Reuters) -`. */
	text: string;
	/** The place, as printed: `TOKYO`, `Seoul`. */
	place: string;
	/** The country or region after the place, where printed: `India`. */
	region?: string | undefined;
	/** The month, 1 to 12, and the day of the month, where printed (English datelines print them). */
	month?: number | undefined;
	day?: number | undefined;
	/** The outlet in brackets: `Reuters`, `IANS`. */
	outlet?: string | undefined;
	/** The paragraph without the dateline. */
	rest: string;
}

const MONTHS: Record<string, number> = {
	jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
	jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};

/**
 * `PLACE[, REGION], Mon[.] DD[,] [(OUTLET)] [-|--|—|:]`, then the article. The place is
 * one to three capitalised words; the month a name or its abbreviation.
 */
const DATELINE = new RegExp(
	[
		'^\\s*',
		"(?<place>[A-Z][A-Za-z'.-]*(?: [A-Z][A-Za-z'.-]*){0,2})",
		"(?:, (?<region>[A-Z][A-Za-z'.-]*(?: [A-Z][A-Za-z'.-]*){0,2}))?",
		',\\s+(?<month>[A-Za-z]{3,9})\\.?\\s+(?<day>\\d{1,2}),?',
		'(?:\\s+\\((?<outlet>[^()]{2,60})\\))?',
		'\\s*(?:--|-|—|–|:)?\\s+',
	].join(''),
);

/**
 * A Korean agency's dateline: `(서울=연합뉴스) 홍길동 기자 =` or `[도쿄=뉴시스] 김아무개 특파원 =`:
 * the place and the outlet in brackets, then the reporters, each with their title.
 */
const KOREAN_DATELINE =
	/^\s*[(\[［（]\s*(?<place>[\p{Script=Hangul}\p{Script=Han}A-Za-z ]{1,15}?)\s*[=＝]\s*(?<outlet>[^)\]）］=]{1,20}?)\s*[)\]）］]\s*(?:(?<reporters>\p{Script=Hangul}{2,4}\s*(?:기자|특파원|통신원|객원기자)(?:\s*[·,ㆍ]\s*\p{Script=Hangul}{2,4}\s*(?:기자|특파원|통신원))*)\s*)?[=＝]?\s*/u;

/**
 * A Japanese dateline in lenticular brackets: `【ソウル共同】` (the place, then the agency)
 * or `【ソウル＝細川幸太郎】` (the place, then the correspondent).
 */
const JAPANESE_DATELINE = /^\s*【\s*(?<inside>[^【】]{2,24})\s*】\s*/u;

const japaneseWords = new Intl.Segmenter('ja', { granularity: 'word' });

/** Reads a Korean or Japanese agency's dateline off the front of `paragraph`. */
function readAsianDateline(paragraph: string): Dateline | undefined {
	const korean = KOREAN_DATELINE.exec(paragraph);
	if (korean?.groups) {
		const rest = paragraph.slice(korean[0].length);
		if (rest.trim() === '') return undefined;
		return { text: korean[0].trim(), place: korean.groups['place']?.trim() ?? '', outlet: korean.groups['outlet']?.trim(), rest };
	}
	const japanese = JAPANESE_DATELINE.exec(paragraph);
	const inside = japanese?.groups?.['inside'];
	if (!japanese || !inside) return undefined;
	const rest = paragraph.slice(japanese[0].length);
	if (rest.trim() === '') return undefined;
	const [before, after] = inside.split(/\s*[=＝]\s*/);
	if (after !== undefined) return { text: japanese[0].trim(), place: (before ?? '').trim(), rest };
	// 【ソウル共同】: the first word is the place, the rest the agency.
	const words = [...japaneseWords.segment(inside)].filter((segment) => segment.isWordLike).map((segment) => segment.segment);
	if (words.length < 2) return undefined;
	const place = words[0] as string;
	return { text: japanese[0].trim(), place, outlet: inside.slice(inside.indexOf(place) + place.length).trim(), rest };
}

/** Reads a dateline off the front of `paragraph`, or returns undefined where it has none. */
export function readDateline(paragraph: string): Dateline | undefined {
	const asian = readAsianDateline(paragraph);
	if (asian) return asian;
	const match = DATELINE.exec(paragraph);
	const groups = match?.groups;
	if (!match || !groups) return undefined;
	const month = MONTHS[(groups['month'] ?? '').toLowerCase()];
	const day = Number(groups['day']);
	if (!month || day < 1 || day > 31) return undefined;
	// Without an outlet in brackets, only a place in capitals reads as a dateline:
	// "Seoul, Feb 28 was cold" is a sentence.
	const place = groups['place'] ?? '';
	if (!groups['outlet'] && place !== place.toUpperCase()) return undefined;
	const rest = paragraph.slice(match[0].length);
	if (!/^["“‘']?[A-Z0-9]/.test(rest)) return undefined;
	return {
		text: match[0].trim(),
		place,
		region: groups['region'],
		month,
		day,
		outlet: groups['outlet']?.trim(),
		rest,
	};
}

/** The dateline's day in `year`, as `YYYY-MM-DD`, or undefined where it prints none or that day does not exist. */
export function datelineDate(dateline: Pick<Dateline, 'month' | 'day'>, year: number): string | undefined {
	if (dateline.month === undefined || dateline.day === undefined) return undefined;
	const date = `${year}-${String(dateline.month).padStart(2, '0')}-${String(dateline.day).padStart(2, '0')}`;
	return isCalendarDate(date) ? date : undefined;
}

/** A place name as the content writes it: `TOKYO` → `Tokyo`, `NEW DELHI` → `New Delhi`; mixed case is kept. */
export function placeName(place: string): string {
	if (place !== place.toUpperCase()) return place;
	return place.toLowerCase().replace(/(^|[\s'-])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}

/**
 * Moves an agency dateline from the front of the article's first paragraph into
 * `dateline`, and keeps what it says: the outlet (where nothing better is known) and
 * the place and day, for the placing stage.
 */
export function takeDateline(article: ExtractedArticle): ExtractedArticle {
	const index = article.blocks.findIndex((block) => block.type === 'paragraph');
	const first = article.blocks[index];
	if (first?.type !== 'paragraph') return article;
	const dateline = readDateline(first.text);
	if (!dateline) return article;
	const blocks = article.blocks.map((block, at) => (at === index ? { type: 'paragraph' as const, text: dateline.rest } : block));
	const takesOutlet = !article.outlet && dateline.outlet !== undefined;
	return {
		...article,
		blocks,
		dateline: [article.dateline, dateline.text].filter(Boolean).join('\n'),
		datelinePlace: { place: dateline.place, month: dateline.month, day: dateline.day },
		...(takesOutlet ? { outlet: dateline.outlet, provenance: { ...article.provenance, outlet: 'dateline' } } : {}),
	};
}
