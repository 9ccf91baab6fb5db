/**
 * Check 5, structured data: the JSON-LD of every page parses, and carries the types the
 * page promises, each with the properties search engines need.
 */
import { readPages, type BuiltPage } from '../lib/dist.ts';
import { defineSiteCheck } from './types.ts';

type Node = Record<string, unknown>;

/** The types each kind of page must carry, by its path inside the site. */
function expectedTypes(path: string): string[] {
	// The 404 page is served at any missing address, so it has no URL to describe.
	if (path === '404.html') return [];
	if (/^articles\/[^/]+\/$/.test(path)) return ['NewsArticle', 'BreadcrumbList'];
	if (/^stops\/[^/]+\/$/.test(path)) return ['Event', 'BreadcrumbList'];
	if (/^companies\/[^/]+\/$/.test(path)) return ['Organization', 'BreadcrumbList'];
	if (/^people\/[^/]+\/$/.test(path)) return ['Person', 'BreadcrumbList'];
	if (path === 'timeline/') return ['Event', 'BreadcrumbList'];
	return ['BreadcrumbList'];
}

/** The properties each type needs, as dotted paths. */
const REQUIRED: Record<string, string[]> = {
	NewsArticle: ['headline', 'datePublished', 'url'],
	Event: ['name', 'startDate', 'location.@type', 'location.name', 'location.address.addressCountry'],
	Organization: ['name', 'url'],
	Person: ['name', 'url'],
	BreadcrumbList: ['itemListElement.0.item'],
};

function valueAt(node: Node, dotted: string): unknown {
	return dotted.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], node);
}

function check(page: BuiltPage, path: string): string[] {
	const failures: string[] = [];
	const nodes: Node[] = [];
	for (const script of page.document.querySelectorAll('script[type="application/ld+json"]')) {
		try {
			nodes.push(...[JSON.parse(script.textContent) as Node | Node[]].flat());
		} catch (error) {
			failures.push(`${page.url}: JSON-LD does not parse: ${(error as Error).message}`);
		}
	}
	for (const type of expectedTypes(path)) {
		const ofType = nodes.filter((node) => node['@type'] === type);
		if (ofType.length === 0) failures.push(`${page.url}: no JSON-LD ${type}`);
		for (const node of ofType) {
			if (node['@context'] !== 'https://schema.org') failures.push(`${page.url}: JSON-LD ${type} has no schema.org @context`);
			for (const property of REQUIRED[type] ?? []) {
				if (valueAt(node, property) === undefined || valueAt(node, property) === '') failures.push(`${page.url}: JSON-LD ${type} lacks ${property}`);
			}
		}
	}
	return failures;
}

export const structuredData = defineSiteCheck({
	name: 'Structured data (JSON-LD parses, with the types each page promises)',
	needs: ['root'],
	async run({ root }) {
		const pages = await readPages(root.dir, root.base);
		return [...pages.values()].flatMap((page) => check(page, page.url.slice(root.base.length)));
	},
});
