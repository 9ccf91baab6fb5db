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
 */
export function createNameMatcher<Kind extends string>(
	names: ReadonlyMap<string, NameTarget<Kind>>,
): NameMatcher<Kind> {
	const alternatives = [...names.keys()]
		.filter((name) => name.length > 0)
		.sort((a, b) => b.length - a.length || compareText(a, b))
		.map(escapeRegExp);
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

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
