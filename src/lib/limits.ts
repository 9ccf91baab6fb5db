/**
 * How much a single page may list, so that no page grows with the size of the story.
 * Longer lists are paginated, or shortened with a count and a link to the full list.
 */

/** Items on one page of a paginated listing (articles, companies, claims, …). */
export const PAGE_SIZE = 50;

/** Items in a list embedded in another page (a company's articles, a stop's claims, …). */
export const LIST_LIMIT = 20;

/** Above this many silent articles (on its stop), a claim page counts them instead of listing them. */
export const SILENT_LIST_LIMIT = 20;

/** Timeline items on one page of the timeline. */
export const TIMELINE_PAGE_SIZE = 50;

/**
 * Source columns in a table of the fact ledger: one per article while the story has
 * this many or fewer, since the silent ones matter too; else one per article the page's
 * claims cite, while they are this many or fewer; else each row lists its own sources.
 */
export const LEDGER_COLUMN_LIMIT = 8;

/** Articles in the RSS feed, newest first. */
export const FEED_LIMIT = 100;

/** The pages of a list of `total` items, `size` a page: at least one, even for an empty list. */
export function pageCount(total: number, size: number): number {
	return Math.max(1, Math.ceil(total / size));
}

/** The items of page `page` (from 1). */
export function pageOf<T>(items: readonly T[], page: number, size: number): T[] {
	return items.slice((page - 1) * size, page * size);
}

/** The route params of pages 2 and on of a listing (page 1 is the section's index). */
export function pagesAfterFirst(total: number, size: number): { params: { n: string } }[] {
	return Array.from({ length: pageCount(total, size) - 1 }, (_, index) => ({ params: { n: String(index + 2) } }));
}
