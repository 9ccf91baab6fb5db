/** Feed readers resolve no relative links: every root-relative `href` becomes absolute. */
export function absolutiseLinks(html: string, absolute: (path: string) => string): string {
	return html.replace(/(\s(?:href|src)=")(\/[^"]*)"/g, (_match, attribute: string, path: string) => `${attribute}${absolute(path)}"`);
}

/** The Dublin Core namespace, whose `dc:language` gives a feed item's language (RSS 2.0 has none of its own per item). */
export const DUBLIN_CORE_NAMESPACE = 'http://purl.org/dc/elements/1.1/';

/**
 * The element that gives a feed item's language, a BCP 47 tag as the schema checks it
 * (letters, digits and hyphens, so nothing to escape): `<dc:language>ko</dc:language>`.
 * The feed must declare `xmlns:dc` (DUBLIN_CORE_NAMESPACE).
 */
export function itemLanguage(tag: string): string {
	if (!/^[A-Za-z0-9-]+$/.test(tag)) throw new Error(`itemLanguage: expected a BCP 47 language tag, found "${tag}"`);
	return `<dc:language>${tag}</dc:language>`;
}
