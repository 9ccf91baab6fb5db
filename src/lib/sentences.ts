/**
 * Sentences of prose, for showing the exact words that mention something.
 */
import { collapseWhitespace } from './text.ts';

/**
 * Words that end in a full stop without ending a sentence: titles, company
 * suffixes and the like. A single capital letter (an initial, "Jay Y. Lee") counts too.
 */
const ABBREVIATIONS = new Set(['Co', 'Corp', 'Inc', 'Ltd', 'Mr', 'Mrs', 'Ms', 'Dr', 'Jr', 'Sr', 'St', 'Prof', 'Gen', 'Gov', 'Sen', 'Rep', 'vs', 'etc', 'No', 'U.S', 'U.K']);

/**
 * Splits prose into sentences at `.`, `!` or `?` followed by a space and a capital
 * (or an opening quote), but not after an abbreviation or an initial:
 * `splitSentences('Samsung Electronics Co. Chairman Jay Y. Lee met him. He left.')`
 * gives two sentences.
 */
export function splitSentences(text: string): string[] {
	const sentences: string[] = [];
	const boundary = /([.!?])(["”’']?)\s+(?=["“‘']?[A-Z])/g;
	let start = 0;
	for (const match of text.matchAll(boundary)) {
		const end = match.index + match[1]!.length + match[2]!.length;
		if (match[1] === '.' && match[2] === '' && endsWithAbbreviation(text.slice(start, match.index))) continue;
		sentences.push(text.slice(start, end));
		start = match.index + match[0].length;
	}
	sentences.push(text.slice(start));
	return sentences.map(collapseWhitespace).filter((sentence) => sentence !== '');
}

function endsWithAbbreviation(before: string): boolean {
	const word = /(\S+)$/.exec(before)?.[1]?.replace(/^["“‘'(]+/, '') ?? '';
	return /^[A-Z]$/.test(word) || ABBREVIATIONS.has(word);
}
