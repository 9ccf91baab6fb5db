/**
 * Which pages hold something to search: the layout (`BaseLayout.astro`) notes each page
 * it renders with `data-pagefind-body`, so that the search index reads back those pages
 * alone, not every page of the output (at 5,000 articles, 732 of 17,106 files).
 *
 * The layout and the integration are separate module instances of one process, so the
 * notes pass through one well-known global slot, open only while a build renders pages.
 */
import { noteSearchable } from '../page-reuse/page-inputs.ts';

const SLOT = Symbol.for('zuckerberg-asia-tour.searchable-pages');

function holder(): { [SLOT]?: Set<string> } {
	return globalThis as { [SLOT]?: Set<string> };
}

/** Starts noting pages (the search index does, when a build starts). */
export function startNotingSearchablePages(): void {
	holder()[SLOT] = new Set();
}

/**
 * Notes a page by its URL path (`/tour/articles/x/`); does nothing when no build is noting.
 * A page reused from the last build is noted for it (src/integrations/page-reuse.ts).
 */
export function noteSearchablePage(pathname: string): void {
	holder()[SLOT]?.add(pathname);
	noteSearchable();
}

/** Stops noting and returns the pages noted, by URL path; undefined if nothing was noting. */
export function takeSearchablePages(): Set<string> | undefined {
	const pages = holder()[SLOT];
	delete holder()[SLOT];
	return pages;
}

/**
 * The file a page is written to, relative to the output folder: `/tour/articles/x/` under
 * the base `/tour/` is `articles/x/index.html` (every page is written as a folder's index).
 */
export function outputFileOf(pathname: string, base: string): string {
	const inside = decodeURIComponent(pathname.startsWith(base) ? pathname.slice(base.length) : pathname.replace(/^\//, ''));
	return inside === '' || inside.endsWith('/') ? `${inside}index.html` : inside;
}
