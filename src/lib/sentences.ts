/**
 * Sentences of prose, for showing the exact words that mention something.
 */

/** Splits prose into sentences at `.`, `!` or `?` followed by a space and a capital or a quote. */
export function splitSentences(text: string): string[] {
	return text
		.split(/(?<=[.!?]["”’']?)\s+(?=["“‘']?[A-Z])/)
		.map((sentence) => sentence.replace(/\s+/g, ' ').trim())
		.filter((sentence) => sentence !== '');
}
