/** Plain-text helpers shared by the content checks, the model and the markdown plugins. */

/** Runs of white space become one space, and the ends are trimmed: `' a \n b '` → `'a b'`. */
export function collapseWhitespace(text: string): string {
	return text.replace(/\s+/g, ' ').trim();
}
