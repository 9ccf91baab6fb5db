/**
 * The search records of the articles, made from the content snapshot rather than read
 * back from the built pages: an article's title, byline, summary and text, which is
 * what a reader searches an article for. They are handed to Pagefind when the build
 * starts, so that Pagefind indexes the 5,000 articles of a large story on another core
 * while Astro renders the pages (`src/integrations/search-index.ts`).
 *
 * Each record carries its article's language (`ko`, `ja`; by primary subtag), and
 * Pagefind indexes it under that language, in an index of its own (the search page
 * merges them: src/search/search-page.ts). Its content is in that language alone: for
 * an article in another language than English, our English words about it (the
 * byline and the summary) go in its metadata, which Pagefind searches too, so an
 * English search finds it by what it reports, and every excerpt Pagefind cuts from the
 * content is in the article's language.
 */
import { searchLanguage, SITE_LANGUAGE } from '../lib/language.ts';
import { createUrls } from '../lib/urls.ts';
import { formatLongDate, splitDateTime } from '../lib/calendar.ts';
import type { ArticleData, FactData } from '../schema/index.ts';
import type { Entry } from '../model/types.ts';

export interface SearchRecord {
	/** The page's URL relative to the site (`/articles/x/`): Pagefind's UI adds the base path. */
	url: string;
	/** The words to index, one block a line. */
	content: string;
	/** The language Pagefind indexes the words under, by primary subtag: `en`, `ko`, `ja`. */
	language: string;
	/**
	 * What the result shows: the title, and the article's language as a `lang` attribute
	 * takes it; for an article in another language, our English byline and summary,
	 * searched but not in the content.
	 */
	meta: { title: string; lang?: string; byline?: string; summary?: string; kind: string; date?: string };
}

/** What each kind of page is called in a result (the search page shows it with the date). */
export const SEARCH_KINDS = {
	article: 'Article',
	claim: 'Claim',
	stop: 'Stop',
	country: 'Country',
	company: 'Company',
	person: 'Person',
	story: 'The story',
} as const;

const siteRelative = createUrls('/');

/** ATX headings (`## …`), the only kind ingest writes. */
const HEADING = /^ {0,3}#{1,6}[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/gm;

/** Blocks of text, one a line, the empty ones left out. */
function lines(blocks: ReadonlyArray<string | undefined>): string {
	return blocks.filter((block): block is string => block !== undefined && block.trim() !== '').join('\n');
}

/** One article's record: `paragraphs` are its paragraphs as the content check parsed them. */
export function articleSearchRecord(article: Entry<ArticleData>, paragraphs: readonly string[]): SearchRecord {
	const { title, outlet, author, summary, language } = article.data;
	const byline = [outlet, author && `by ${author}`].filter(Boolean).join(' · ') || undefined;
	const headings = [...(article.body ?? '').matchAll(HEADING)].map((match) => match[1] ?? '');
	const url = siteRelative.page('article', article.id);
	const shown = { kind: SEARCH_KINDS.article, date: formatLongDate(splitDateTime(article.data.published).date) };
	if (searchLanguage(language) === searchLanguage(SITE_LANGUAGE)) {
		return { url, content: lines([title, byline, summary, ...paragraphs, ...headings]), language: searchLanguage(language), meta: { title, lang: language, ...shown } };
	}
	return {
		url,
		content: lines([title, ...paragraphs, ...headings]),
		language: searchLanguage(language),
		meta: { title, lang: language, ...(byline ? { byline } : {}), ...(summary ? { summary } : {}), ...shown },
	};
}

/**
 * One claim's record, made from the content as the articles' are, rather than read
 * back from its page: its statement, and what we say of each source's reading (`says`,
 * `note`, `gloss`), in our words. The sources' passages are searched in their articles.
 * `firstDay` is the day the claim was first spoken to, `YYYY-MM-DD`, if any.
 */
export function claimSearchRecord(fact: Entry<FactData>, firstDay: string | undefined): SearchRecord {
	const ours = fact.data.sources.flatMap((source) => [source.says, source.note, source.gloss]);
	return {
		url: siteRelative.path(`facts/${fact.id}/`),
		content: lines([fact.data.statement, ...new Set(ours)]),
		language: searchLanguage(SITE_LANGUAGE),
		meta: { title: fact.data.statement, kind: SEARCH_KINDS.claim, ...(firstDay ? { date: formatLongDate(firstDay) } : {}) },
	};
}
