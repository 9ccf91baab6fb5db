/**
 * The pure parts of the search page's script (src/pages/search.astro), which Astro
 * bundles into a file of the site.
 *
 * - **Which indexes to merge.** The build writes two bundles (src/integrations/
 *   search-index.ts): the pages' (stops, people, companies, countries, the home page),
 *   which the page loads, and the records' (every article and claim), which it merges.
 *   Pagefind writes one index per language into a bundle, and a page loads the index of
 *   one language alone; the articles in Korean or Japanese are in indexes of their own.
 *   So the page merges the records' bundle in its own language, then in each of the
 *   others the build has (`otherSearchLanguages` in src/lib/language.ts): only those,
 *   since merging one it has not would load the English index a second time, and show
 *   every result twice.
 * - **The language of a result's words.** A result's title is in its article's
 *   language. Its excerpt is cut from the record's content, which is in that language
 *   too (src/search/article-records.ts); where the words searched for are only in our
 *   English summary (in the record's metadata), the summary is shown instead, in English.
 *   The metadata the page needs is taken out of the result, since the UI would show it
 *   as tags.
 */

/** One entry of Pagefind UI's `mergeIndex` option. */
export interface MergedIndex {
	/** The bundle's full address: Pagefind skips a merge whose path the page's own bundle path begins with, as the same index. */
	bundlePath: string;
	/** The path results lead under, the site's base path, as for the page's own index. */
	baseUrl: string;
	/** The language whose index to load from the bundle: `ko`, `ja`. */
	language: string;
	/** How its results' scores weigh against the page's own bundle's (Pagefind's `indexWeight`). */
	indexWeight: number;
}

/**
 * How a record's score (an article's, a claim's) weighs against a page's (a person's, a
 * company's, a stop's) in the merged results: a page about a thing puts itself first for
 * its name, above the articles and claims that name it, while a claim's own words (a
 * figure, a phrase) still find it first. The pages and the records are scored in indexes
 * of their own, whose statistics differ; a browser test holds ten searches to their
 * first results (tests/fixtures/search-queries.yaml).
 */
export const RECORDS_WEIGHT = 0.5;

/**
 * The indexes to merge: the records' bundle (`records`, its path as the page names it:
 * `/tour/pagefind-records/`) in the page's own language, then in each of `languages`;
 * `documentUrl` is the page's address, `site` the site's base path.
 */
export function mergedIndexes(options: { records: string; documentUrl: string; site: string; pageLanguage: string; languages: readonly string[] }): MergedIndex[] {
	const bundlePath = new URL(options.records, options.documentUrl).href;
	return [options.pageLanguage, ...options.languages].map((language) => ({ bundlePath, baseUrl: options.site, language, indexWeight: RECORDS_WEIGHT }));
}

/** The languages a page names in a data attribute, space-separated (`"ja ko"`), as a list. */
export function languagesOf(attribute: string | undefined): string[] {
	return (attribute ?? '').split(/\s+/).filter(Boolean);
}

/** A tag's primary language subtag, lower-cased: `en-GB` → `en`. */
function primary(tag: string): string {
	return (tag.split('-')[0] ?? tag).toLowerCase();
}

/** A search result, as Pagefind's UI hands it to `processResult`: the parts this page reads. */
export interface ResultData {
	url: string;
	/** HTML: the words around the match, each matched word in a `<mark>`. */
	excerpt: string;
	meta: Record<string, string | undefined>;
	/** The sections of the page that match; the UI shows the result's own excerpt only where the first is the page itself. */
	sub_results?: Array<{ url: string; title: string; excerpt: string; locations?: number[] }>;
}

/** The languages of a result's words, where they are not the page's: undefined is the page's own. */
export interface ResultLanguages {
	title?: string | undefined;
	excerpt?: string | undefined;
}

/** The metadata a record carries for this page alone (src/search/article-records.ts). */
const PAGE_META: readonly string[] = ['lang', 'byline', 'summary'];

/** Text as HTML, for an excerpt (Pagefind's UI shows excerpts as HTML). */
function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/**
 * A result readied for the page, on a page in `pageLanguage`: its page-only metadata
 * taken out; where the words searched for are in our English summary alone (Pagefind
 * marked none in the excerpt it cut from the content), the summary as its excerpt,
 * shown as the page's own section; and the languages of its title and excerpt.
 */
export function readyResult<Result extends ResultData>(result: Result, pageLanguage: string): { result: Result; languages: ResultLanguages } {
	const { lang, summary, title = '' } = result.meta;
	const meta = Object.fromEntries(Object.entries(result.meta).filter(([key]) => !PAGE_META.includes(key)));
	const other = lang !== undefined && primary(lang) !== primary(pageLanguage) ? lang : undefined;
	if (summary === undefined || result.excerpt.includes('<mark>')) {
		return { result: { ...result, meta }, languages: { title: other, excerpt: other } };
	}
	const excerpt = escapeHtml(summary);
	const subResults = (result.sub_results ?? []).filter((sub) => sub.url !== result.url);
	return {
		result: { ...result, meta, excerpt, sub_results: [{ url: result.url, title, excerpt, locations: [] }, ...subResults] },
		languages: { title: other, excerpt: undefined },
	};
}
