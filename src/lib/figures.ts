/**
 * The key figures of a sentence: amounts, years, months, days of the month and weekdays, each
 * normalised so that two ways of writing one figure compare equal ("350,000" and
 * "350k", "two hours" and "2 hours", "March 1" and "1 March").
 *
 * Model numbers are not figures: "H100", "S23", "Quest 3" and "Llama 3" name things.
 */

/** What a figure measures, as far as the words show it. */
export type FigureKind = 'amount' | 'year' | 'month' | 'date' | 'weekday';

export interface Figure {
	kind: FigureKind;
	/**
	 * The normalised value: `350000` for an amount, `2024` for a year, `06` for a month
	 * named without its day ("in June"), `02-29` (month and day) for a date, `thursday`
	 * for a weekday.
	 */
	value: string;
	/** For an amount, the word after it, singular and lower-case (`hour`, `chip`); otherwise empty. */
	unit: string;
	/** The figure as the text writes it: `600k`, `two hours`, `February 29`. */
	text: string;
}

const MONTHS: Record<string, number> = {
	January: 1, February: 2, March: 3, April: 4, May: 5, June: 6, July: 7, August: 8, September: 9, October: 10, November: 11, December: 12,
	Jan: 1, Feb: 2, Mar: 3, Apr: 4, Jun: 6, Jul: 7, Aug: 8, Sep: 9, Sept: 9, Oct: 10, Nov: 11, Dec: 12,
};
const MONTH = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');
const FULL_MONTH = Object.keys(MONTHS).filter((name) => name.length > 3 || name === 'May').join('|');
/** A month named in full ("June"), or an abbreviation followed by a year ("Feb 2024"). */
const MONTH_ALONE = new RegExp(`\\b(${FULL_MONTH})\\b|\\b(${MONTH})\\b(?=\\.?,?\\s+\\d{4}\\b)`, 'g');
/** Words after which "May" is the month: "in May", "early May". */
const MONTH_BEFORE = /\b(?:in|since|until|till|by|from|of|early|late|mid|this|next|last|during|through|before|after)[\s-]+$/i;
const WEEKDAY = /\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/g;

/** The weekdays' first characters in Korean (월요일) and Japanese (月曜日). */
const CJK_WEEKDAYS: Record<string, string> = {
	월: 'monday', 화: 'tuesday', 수: 'wednesday', 목: 'thursday', 금: 'friday', 토: 'saturday', 일: 'sunday',
	月: 'monday', 火: 'tuesday', 水: 'wednesday', 木: 'thursday', 金: 'friday', 土: 'saturday', 日: 'sunday',
};

const NUMBER_WORDS: Record<string, number> = {
	two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
	twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100, dozen: 12,
};

const MULTIPLIERS: Record<string, number> = {
	k: 1e3, thousand: 1e3, m: 1e6, million: 1e6, bn: 1e9, b: 1e9, billion: 1e9, trillion: 1e12,
};

/** Units of time: two amounts compare only where both count the same one. */
export const TIME_UNITS: ReadonlySet<string> = new Set(['second', 'minute', 'hour', 'day', 'week', 'month', 'year', 'decade']);

/**
 * Capitalised words after which a small number is still an amount ("In 30 minutes",
 * "About 20 people"), not part of a name ("Quest 3").
 */
const LEADING_WORDS = new Set([
	'In', 'On', 'At', 'By', 'Of', 'For', 'To', 'From', 'Since', 'Until', 'Till', 'About', 'Around', 'Some', 'Over', 'Under',
	'Nearly', 'Almost', 'Only', 'Just', 'The', 'With', 'And', 'Or', 'After', 'Before', 'Within', 'All', 'Another', 'Roughly',
]);

/** Words that are not units: "two of the five sources" has no unit. */
const NOT_UNITS = new Set(['of', 'and', 'or', 'to', 'the', 'a', 'an', 'in', 'on', 'at', 'by', 'for', 'from', 'with', 'as', 'than', 'more', 'is', 'are', 'was', 'were']);

/** Every figure in `text`, in order. */
export function findFigures(text: string): Figure[] {
	const found: { at: number; figure: Figure }[] = [];
	const taken: [number, number][] = [];
	const free = (start: number, end: number) => taken.every(([a, b]) => end <= a || b <= start);
	const add = (start: number, end: number, figure: Figure) => {
		if (!free(start, end)) return;
		taken.push([start, end]);
		found.push({ at: start, figure });
	};

	// Days of the month, either way round: "February 29", "29 February", "March 1st".
	const monthFirst = new RegExp(`\\b(${MONTH})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b`, 'g');
	const dayFirst = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH})\\b`, 'g');
	for (const match of text.matchAll(monthFirst)) addDate(match, match[1] ?? '', match[2] ?? '');
	for (const match of text.matchAll(dayFirst)) addDate(match, match[2] ?? '', match[1] ?? '');
	function addDate(match: RegExpMatchArray, month: string, day: string) {
		const value = `${String(MONTHS[month]).padStart(2, '0')}-${day.padStart(2, '0')}`;
		if (Number(day) >= 1 && Number(day) <= 31) add(match.index ?? 0, (match.index ?? 0) + match[0].length, { kind: 'date', value, unit: '', text: match[0] });
	}

	// Months named without a day: "in June", "June 2024", "early March", "3월", "6月". "May" only where
	// a month is meant ("in May", "May 2024"), not the verb; an abbreviation only before a year.
	for (const match of text.matchAll(MONTH_ALONE)) {
		const name = match[1] ?? match[2] ?? '';
		const monthIsMeant = name !== 'May' || /^\s*,?\s*\d{4}\b/.test(text.slice(match.index + match[0].length)) || MONTH_BEFORE.test(text.slice(0, match.index));
		if (monthIsMeant) add(match.index, match.index + match[0].length, { kind: 'month', value: String(MONTHS[name]).padStart(2, '0'), unit: '', text: match[0] });
	}
	for (const match of text.matchAll(/(?<![\d.])(\d{1,2})\s*[월月](?!\s*\d)(?!曜)/gu)) {
		const month = Number(match[1]);
		if (month >= 1 && month <= 12) add(match.index, match.index + match[0].length, { kind: 'month', value: String(month).padStart(2, '0'), unit: '', text: match[0] });
	}

	for (const match of text.matchAll(WEEKDAY)) {
		add(match.index, match.index + match[0].length, { kind: 'weekday', value: (match[1] ?? '').toLowerCase(), unit: '', text: match[0] });
	}

	// Korean and Japanese days: "2월 28일", "2月28日", and weekdays "수요일", "水曜日".
	for (const match of text.matchAll(/(\d{1,2})\s*[월月]\s*(\d{1,2})\s*[일日]/gu)) {
		const [month, day] = [Number(match[1]), Number(match[2])];
		if (month >= 1 && month <= 12 && day >= 1 && day <= 31) {
			add(match.index, match.index + match[0].length, { kind: 'date', value: `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, unit: '', text: match[0] });
		}
	}
	for (const match of text.matchAll(/([월화수목금토일月火水木金土日])\s*(?:요일|曜日)|(?<=[일日]\s*)[(（]([월화수목금토일月火水木金土日])[)）]/gu)) {
		add(match.index, match.index + match[0].length, { kind: 'weekday', value: CJK_WEEKDAYS[match[1] ?? match[2] ?? ''] ?? '', unit: '', text: match[0] });
	}

	// Numbers in digits, with an optional multiplier: "350,000", "600k", "1.5 billion", "$2bn".
	const digits = /(?<![\p{L}\p{N}.,'’-])([$€£]?)(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:(k|bn|m|b)|\s+(thousand|million|billion|trillion))?(?![\p{L}\p{N}])(%?)/giu;
	for (const match of text.matchAll(digits)) {
		const [whole, currency = '', number = '', short, long, percent = ''] = match;
		const start = match.index;
		const before = text.slice(0, start);
		if (!short && !long && !currency && number.length <= 2 && isNameBefore(before)) continue;
		const plain = number.replace(/,/g, '');
		const multiplier = MULTIPLIERS[(short ?? long ?? '').toLowerCase()] ?? 1;
		const end = start + whole.length;
		if (!short && !long && !currency && !percent && /^(19|20)\d\d$/.test(number)) {
			add(start, end, { kind: 'year', value: number, unit: '', text: whole });
			continue;
		}
		const unit = percent ? 'percent' : currency ? 'money' : unitAfter(text.slice(end)).word;
		add(start, end, { kind: 'amount', value: normaliseNumber(Number(plain) * multiplier), unit, text: whole });
	}

	// Numbers in words, only with a unit after them: "two hours", "three-day festivities".
	const words = new RegExp(`\\b(${Object.keys(NUMBER_WORDS).join('|')})\\b`, 'gi');
	for (const match of text.matchAll(words)) {
		const value = NUMBER_WORDS[(match[1] ?? '').toLowerCase()] ?? 0;
		const end = match.index + match[0].length;
		const unit = unitAfter(text.slice(end));
		if (!unit.word) continue;
		add(match.index, end, { kind: 'amount', value: normaliseNumber(value), unit: unit.word, text: match[0] + unit.text });
	}

	return found.sort((a, b) => a.at - b.at).map(({ figure }) => figure);
}

/**
 * Whether two figures measure the same kind of thing, so that different values
 * disagree: two years, two dates, two weekdays, two amounts of time in the same unit,
 * or two counts of things (neither in a unit of time).
 */
export function comparable(a: Figure, b: Figure): boolean {
	if (a.kind !== b.kind) return false;
	if (a.kind !== 'amount') return true;
	if (a.unit === 'percent' || b.unit === 'percent' || a.unit === 'money' || b.unit === 'money') return a.unit === b.unit;
	if (TIME_UNITS.has(a.unit) || TIME_UNITS.has(b.unit)) return a.unit === b.unit;
	return true;
}

/** True where two figures are the same: of a kind, and of the same value. */
export function sameFigure(a: Figure, b: Figure): boolean {
	return comparable(a, b) && a.value === b.value;
}

/** The word after an amount, as its unit: `' H100 chips'` → `h100`; `'-day festivities'` → `day`. */
function unitAfter(rest: string): { word: string; text: string } {
	const match = /^(-|\s+)([\p{L}][\p{L}\p{N}]*)/u.exec(rest);
	if (!match) return { word: '', text: '' };
	const word = singular((match[2] ?? '').toLowerCase());
	if (NOT_UNITS.has(word)) return { word: '', text: '' };
	return { word, text: match[0] };
}

/** A plural noun's singular, roughly: `hours` → `hour`, `gpus` → `gpu`; `glass` stays. */
function singular(word: string): string {
	return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

/** True when the text before a small number ends in a capitalised word that names something: "Quest 3". */
function isNameBefore(before: string): boolean {
	const word = /([\p{Lu}][\p{L}\p{N}-]*)\s+$/u.exec(before)?.[1];
	return word !== undefined && !LEADING_WORDS.has(word) && MONTHS[word] === undefined;
}

/** A number as plain digits, without trailing zeros: `600000`, `1.5`. */
function normaliseNumber(value: number): string {
	return String(Math.round(value * 1000) / 1000);
}
