/** Plain-text helpers shared by the content checks, the model and the markdown plugins. */

/** Runs of white space become one space, and the ends are trimmed: `' a \n b '` → `'a b'`. */
export function collapseWhitespace(text: string): string {
	return text.replace(/\s+/g, ' ').trim();
}

/**
 * Text for a one-line message: each control character (a NUL, an escape, a line break)
 * written as its escape (`\u0001`), so a quoted scrap of a bad input can neither break
 * the line nor garble the terminal.
 */
export function printable(text: string): string {
	return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
