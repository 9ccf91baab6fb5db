/** Feed readers resolve no relative links: every root-relative `href` becomes absolute. */
export function absolutiseLinks(html: string, site: URL | string): string {
	return html.replace(/(\s(?:href|src)=")(\/[^"]*)"/g, (_match, attribute: string, path: string) => `${attribute}${new URL(path, site).href}"`);
}
