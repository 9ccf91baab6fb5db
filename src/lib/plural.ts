/**
 * Counts in words, with the right plural: every count the site or the tools print
 * goes through here, so none reads "1 sources" or "1 say nothing".
 */

/**
 * The form of a word (noun or verb) that agrees with `count`:
 * `plural(1, 'source')` → `source`, `plural(2, 'source')` → `sources`,
 * `plural(1, 'speaks', 'speak')` → `speaks`, `plural(3, 'country', 'countries')` → `countries`.
 */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
	return count === 1 ? singular : pluralForm;
}

/** A count and its noun: `countOf(1, 'article')` → `1 article`, `countOf(0, 'article')` → `0 articles`. */
export function countOf(count: number, singular: string, pluralForm = `${singular}s`): string {
	return `${count} ${plural(count, singular, pluralForm)}`;
}

/** Items joined as in a sentence: `['Tokyo', 'Seoul', 'Jamnagar']` → `Tokyo, Seoul and Jamnagar`. */
export function listInWords(items: readonly string[]): string {
	return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/**
 * How many of the story's articles cover something, computed, so that no hand-written
 * count goes stale as news arrives: `coverageInWords(5, 5)` → `All 5 articles of the
 * story cover it`, `coverageInWords(2, 6)` → `2 of the story's 6 articles cover it`.
 */
export function coverageInWords(covering: number, total: number): string {
	if (total > 1 && covering === total) return `All ${total} articles of the story cover it`;
	return `${covering} of the story's ${countOf(total, 'article')} ${plural(covering, 'covers', 'cover')} it`;
}
