/**
 * The search records of the articles, made from the content snapshot rather than read
 * back from the built pages: an article's title, byline, summary and text, which is
 * what a reader searches an article for. They are handed to Pagefind when the build
 * starts, so that Pagefind indexes the 5,000 articles of a large story on another core
 * while Astro renders the pages (`src/integrations/search-index.ts`).
 */
import { createUrls } from '../lib/urls.ts';
import type { ArticleData } from '../schema/index.ts';
import type { Entry } from '../model/types.ts';

export interface SearchRecord {
	/** The page's URL relative to the site (`/articles/x/`): Pagefind's UI adds the base path. */
	url: string;
	/** The words to index, one block a line. */
	content: string;
	language: 'en';
	meta: { title: string };
}

const siteRelative = createUrls('/');

/** ATX headings (`## …`), the only kind ingest writes. */
const HEADING = /^ {0,3}#{1,6}[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/gm;

/** One article's record: `paragraphs` are its paragraphs as the content check parsed them. */
export function articleSearchRecord(article: Entry<ArticleData>, paragraphs: readonly string[]): SearchRecord {
	const byline = [article.data.outlet, article.data.author && `by ${article.data.author}`].filter(Boolean).join(' · ');
	const headings = [...(article.body ?? '').matchAll(HEADING)].map((match) => match[1] ?? '');
	return {
		url: siteRelative.page('article', article.id),
		content: [article.data.title, byline, article.data.summary, ...paragraphs, ...headings].filter((block) => block && block.trim() !== '').join('\n'),
		language: 'en',
		meta: { title: article.data.title },
	};
}
