/**
 * The words of a sentence that carry its meaning, reduced to a rough stem, for
 * telling whether two sentences speak of the same thing: "meetings" and "meeting"
 * both give `meet`, and "the", "said" and "according" give nothing.
 */

/** Words too common in news prose to say what a sentence is about. */
const STOPWORDS = new Set(
	`a about above after again against all also am an and any are as at be been before being below between both but by can
	could did do does doing down during each few for from further had has have having he her here hers him his how i if in into
	is it its itself just me more most my no nor not now of off on once only or other our ours out over own same she should so
	some such than that the their theirs them then there these they this those through to too under until up very was we were
	what when where which while who whom why will with would you your said says say told according also another many much
	like well even still yet ever via per one new its it's he's she's they're there's that's who's today
	last next first second made make makes making get got take took going goes went come came part way`
		.split(/\s+/)
		.filter(Boolean),
);

/** Words that are figures, which `src/lib/figures.ts` reads instead: months, weekdays, numbers. */
const FIGURE_WORDS = new Set(
	`january february march april may june july august september october november december monday tuesday wednesday
	thursday friday saturday sunday two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty
	hundred dozen thousand million billion trillion`.split(/\s+/),
);

/** Irregular forms the suffix rules miss. */
const IRREGULAR: Record<string, string> = { met: 'meet', held: 'hold', spent: 'spend', led: 'lead', began: 'begin', begun: 'begin' };

/**
 * The content words of `text`, lower-case and stemmed, each once, in order of first
 * appearance. Words of one or two letters, numbers and stopwords are left out.
 */
export function contentWords(text: string): string[] {
	const words = new Set<string>();
	for (const match of text.toLowerCase().matchAll(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu)) {
		const word = match[0].replace(/['’]s$/, '');
		if (word.length < 3 || STOPWORDS.has(word) || FIGURE_WORDS.has(word) || /^\d[\d,.]*$/.test(word)) continue;
		for (const part of word.split('-')) {
			if (part.length >= 3 && !STOPWORDS.has(part) && !FIGURE_WORDS.has(part) && !/^\d+$/.test(part)) words.add(stem(part));
		}
	}
	return [...words];
}

/** A rough stem: `meetings` → `meet`, `discussed` → `discuss`, `talks` → `talk`, `met` → `meet`. */
export function stem(word: string): string {
	const irregular = IRREGULAR[word];
	if (irregular) return irregular;
	if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
	if (word.length > 5 && word.endsWith('ings')) return word.slice(0, -4);
	if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
	if (word.length > 4 && word.endsWith('ed')) return word.slice(0, -2);
	if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us')) return word.slice(0, -1);
	return word;
}
