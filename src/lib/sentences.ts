/**
 * Sentences of prose, for showing the exact words that mention something.
 */
import { collapseWhitespace } from './text.ts';

/**
 * Words that end in a full stop without ending a sentence: titles, company
 * suffixes and the like. A single capital letter (an initial, "Jay Y. Lee") counts too,
 * and so does a run of initials ("J.Y. Lee").
 */
const ABBREVIATIONS = new Set(['Co', 'Corp', 'Inc', 'Ltd', 'Mr', 'Mrs', 'Ms', 'Dr', 'Jr', 'Sr', 'St', 'Prof', 'Gen', 'Gov', 'Sen', 'Rep', 'vs', 'etc', 'No', 'U.S', 'U.K']);

/**
 * The end of a sentence:
 * - `.`, `!` or `?` after a Hangul syllable (and a closing quote), followed by a space and
 *   the start of any word: a letter, a digit, an opening bracket or quote. Korean news
 *   often begins a sentence with a day or a bracket ("만났다. 29일에는", "밝혔다. (서울=…)"),
 *   and no Korean word ends in a full stop, as "U.S." and "Feb." do;
 * - `.`, `!` or `?` (and a closing quote) followed by a space and a capital, an opening
 *   quote, or a letter of a script without case: Korean ends its sentences so too
 *   ("만났다. 그는"). A digit does not start a sentence here ("U.S. 3.5", "Feb. 29");
 * - `。`, `！` or `？` (and closing brackets or quotes), with or without a space after:
 *   Japanese runs its sentences together ("会談した。両氏は").
 */
const BOUNDARY =
	/(?:(?<=\p{Script=Hangul})([.!?])(["”’']?)\s+(?=[\p{L}\p{N}(（\[〔<《〈「『"“‘'])|([.!?])(["”’']?)\s+(?=["“‘'「『]?[A-Z\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])|([。！？])([」』）)”’"]*)\s*(?=\S))/gu;

/**
 * Splits prose into sentences at the ends `BOUNDARY` knows, but not after an abbreviation
 * or an initial: `splitSentences('Samsung Electronics Co. Chairman Jay Y. Lee met him.
 * He left.')` gives two sentences, and so does `splitSentences('岸田首相と会談した。両氏は
 * AIについて話した。')`.
 */
export function splitSentences(text: string): string[] {
	const sentences: string[] = [];
	let start = 0;
	for (const match of text.matchAll(BOUNDARY)) {
		const mark = match[1] ?? match[3] ?? match[5] ?? '';
		const closing = match[2] ?? match[4] ?? match[6] ?? '';
		const end = match.index + mark.length + closing.length;
		if (match[3] !== undefined && mark === '.' && closing === '' && endsWithAbbreviation(text.slice(start, match.index))) continue;
		if (match[5] !== undefined && insideQuotation(text, match.index, closing, end)) continue;
		sentences.push(text.slice(start, end));
		start = match.index + match[0].length;
	}
	sentences.push(text.slice(start));
	return sentences.map(collapseWhitespace).filter((sentence) => sentence !== '');
}

/**
 * Whether a Japanese sentence mark at `at` stands inside a quotation: within 「…」 or
 * 『…』 that its closing brackets do not close, or a quotation that goes on with the
 * quoting particle ("「本当に？」と尋ねた").
 */
function insideQuotation(text: string, at: number, closing: string, end: number): boolean {
	const before = text.slice(0, at);
	const open = (before.match(/[「『（(]/g) ?? []).length - (before.match(/[」』）)]/g) ?? []).length;
	const closed = (closing.match(/[」』）)]/g) ?? []).length;
	if (open > closed) return true;
	return closed > 0 && /^\s*(?:と|って)/.test(text.slice(end));
}

function endsWithAbbreviation(before: string): boolean {
	// The last word, found from the end: a pattern anchored at the end would try every
	// position of a long paragraph before it.
	let start = before.length;
	while (start > 0 && !/\s/.test(before[start - 1] as string)) start--;
	const word = before.slice(start).replace(/^["“‘'(]+/, '');
	// A single capital is an initial ("Jay Y. Lee"), and so is a run of them ("J.Y. Lee").
	return /^(?:[A-Z]\.)*[A-Z]$/.test(word) || ABBREVIATIONS.has(word);
}
