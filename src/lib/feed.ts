/** Feed readers resolve no relative links: every root-relative `href` becomes absolute. */
export function absolutiseLinks(html: string, absolute: (path: string) => string): string {
	return html.replace(/(\s(?:href|src)=")(\/[^"]*)"/g, (_match, attribute: string, path: string) => `${attribute}${absolute(path)}"`);
}
