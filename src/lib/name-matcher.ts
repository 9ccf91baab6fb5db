/**
 * Finds the names of known entities in running text.
 *
 * Names match whole words, case-sensitively, longest first: in "Samsung Electronics
 * Co. Chairman Jay Y. Lee" the matches are "Samsung Electronics Co." and "Jay Y. Lee",
 * not "Samsung". Possessives match too ("Zuckerberg's"), because the apostrophe ends
 * the word.
 */
import { compareText } from './compare.ts';

/** What a name refers to. */
export interface NameTarget<Kind extends string = string> {
	kind: Kind;
	id: string;
}

/** One occurrence of a known name in a text. */
export interface NameMatch<Kind extends string = string> {
	/** The name exactly as it stands in the text. */
	name: string;
	/** The offset of its first character. */
	start: number;
	/** The offset just past its last character. */
	end: number;
	target: NameTarget<Kind>;
}

export interface NameMatcher<Kind extends string = string> {
	/** Every occurrence of a known name in `text`, left to right, never overlapping. */
	find(text: string): NameMatch<Kind>[];
}

/**
 * Compiles a matcher from a map of name → target. The map is the model's name
 * index, where each name already resolves to exactly one entity.
 *
 * Where every name begins with a letter or a digit (always, for names of people,
 * companies and places), the matcher looks up each word of the text among the names
 * that begin with that word: the cost grows with the text, not with the number of
 * names. Otherwise it falls back to `createPatternMatcher`, which it always agrees with
 * (tests/unit/name-matcher.test.ts compares the two over the real content).
 */
export function createNameMatcher<Kind extends string>(
	names: ReadonlyMap<string, NameTarget<Kind>>,
): NameMatcher<Kind> {
	const ordered = longestFirst(names);
	if (ordered.length === 0) return { find: () => [] };
	const byFirstWord = new Map<string, string[]>();
	for (const name of ordered) {
		const first = FIRST_WORD.exec(name)?.[0];
		if (!first) return createPatternMatcher(names);
		const list = byFirstWord.get(first) ?? [];
		list.push(name);
		byFirstWord.set(first, list);
	}
	return {
		find(text) {
			const matches: NameMatch<Kind>[] = [];
			let free = 0;
			for (const word of text.matchAll(WORD)) {
				if (word.index < free) continue;
				for (const name of byFirstWord.get(word[0]) ?? []) {
					const end = word.index + name.length;
					if (!text.startsWith(name, word.index) || touchesWord(text, end)) continue;
					const target = names.get(name);
					if (target) matches.push({ name, start: word.index, end, target });
					free = end;
					break;
				}
			}
			return matches;
		},
	};
}

/**
 * The same matcher as one regular expression: every name, longest first, as an
 * alternative between word boundaries. Its cost grows with the number of names.
 */
export function createPatternMatcher<Kind extends string>(
	names: ReadonlyMap<string, NameTarget<Kind>>,
): NameMatcher<Kind> {
	const alternatives = longestFirst(names).map(escapeRegExp);
	if (alternatives.length === 0) return { find: () => [] };
	// A name is a whole word: no letter or digit may touch it on either side.
	const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
	return {
		find(text) {
			const matches: NameMatch<Kind>[] = [];
			for (const match of text.matchAll(pattern)) {
				const target = names.get(match[0]);
				if (target) matches.push({ name: match[0], start: match.index, end: match.index + match[0].length, target });
			}
			return matches;
		},
	};
}

/** A word: letters and digits, with none just before it. */
const WORD = /(?<![\p{L}\p{N}])[\p{L}\p{N}]+/gu;
/** The letters and digits a name begins with. */
const FIRST_WORD = /^[\p{L}\p{N}]+/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/uy;

/** Whether a letter or digit stands at `index` of `text` (then a name ending there is only part of a word). */
function touchesWord(text: string, index: number): boolean {
	LETTER_OR_DIGIT.lastIndex = index;
	return LETTER_OR_DIGIT.test(text);
}

/** The names, longest first, then in a fixed order: a longer name wins where two start at one place. */
function longestFirst(names: ReadonlyMap<string, unknown>): string[] {
	return [...names.keys()].filter((name) => name.length > 0).sort((a, b) => b.length - a.length || compareText(a, b));
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
