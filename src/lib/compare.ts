/**
 * Orders strings by UTF-16 code units: the same on every machine, whatever its locale.
 * Ids, ISO dates and times sort correctly this way; `localeCompare` without a locale
 * would follow the build machine's language and could reorder the output.
 */
export function compareText(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
