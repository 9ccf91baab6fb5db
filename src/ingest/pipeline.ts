/**
 * Ingest as a row of pure stages, from an input's text to the files to write:
 *
 *     classify → extract (plain text, web page, feed items) → dateline
 *     → already ingested? → relevance → same text? → compose → validate
 *
 * `scripts/ingest.ts` does the I/O at the two ends: it reads files and fetches URLs,
 * hands their text here, and writes what comes back. Nothing here touches the disk
 * or the network, so each stage is tested on fixtures.
 */
import { validateContentFile } from '../content-files/load-content.ts';
import { parseContentFile } from '../content-files/read-content-file.ts';
import { formatProblem } from '../lib/problems.ts';
import { paragraphTexts } from '../lib/markdown-blocks.ts';
import { findCopies, type CopyIndex } from '../model/duplicates.ts';
import { articleParagraphs } from '../model/passages.ts';
import type { Entry, ModelInput } from '../model/types.ts';
import type { ArticleData } from '../schema/index.ts';
import { relevanceLine, type Relevance } from './judge/relevance.ts';
import { composeEntry, idFromTitle, type ComposedEntry, type ComposeOptions } from './write/compose-entry.ts';
import { takeDateline } from './read/dateline.ts';
import { feedItemToArticle, parseFeed } from './read/feed.ts';
import { plainTextArticle } from './read/plain-text.ts';
import { classifyInput } from './read/read-input.ts';
import type { ExtractedArticle, IngestRefusal } from './types.ts';
import { extractWebPage } from './read/web-page.ts';

/** An input's text, as read from a file or fetched from a URL. */
export interface InputText {
	/** The file path or URL, for messages. */
	origin: string;
	text: string;
	/** The HTTP content type, or the file's extension (`.html`), to tell pages, feeds and text apart. */
	kind: string;
	/** The address it was fetched from, after redirects, for a page without a canonical URL. */
	url?: string | undefined;
}

/** What one input holds: its articles, and what was refused or skipped along the way. */
export interface ExtractedInput {
	/** `text`, `html` or `feed`. */
	format: 'text' | 'html' | 'feed';
	articles: ExtractedArticle[];
	/** The input itself could not be read as an article or a feed. */
	refusals: IngestRefusal[];
	/**
	 * Feed items that hold no article of their own (a teaser of a few words): the feed is
	 * sound, so they are skipped, each with a pointer to its page, which can be ingested.
	 */
	skipped: IngestRefusal[];
}

/** Reads the articles out of one input: one for a text or a page, one per item for a feed. */
export function extractInput(input: InputText): ExtractedInput {
	const format = classifyInput(input.text, input.kind);
	if (format === 'text') return { format, articles: [takeDateline(plainTextArticle(input.text, input.origin))], refusals: [], skipped: [] };
	if (format === 'html') {
		const page = extractWebPage(input.text, input.origin, input.url);
		return page.ok
			? { format, articles: [takeDateline(page.article)], refusals: [], skipped: [] }
			: { format, articles: [], refusals: [page.refusal], skipped: [] };
	}
	const feed = parseFeed(input.text, input.origin);
	if (!feed.ok) return { format, articles: [], refusals: [feed.refusal], skipped: [] };
	const articles: ExtractedArticle[] = [];
	const skipped: IngestRefusal[] = [];
	feed.feed.items.forEach((item, index) => {
		const article = feedItemToArticle(item, feed.feed, `${input.origin} item ${index + 1}`);
		if (article.ok) articles.push(takeDateline(article.article));
		else skipped.push(article.refusal);
	});
	return { format, articles, refusals: [], skipped };
}

/** What to do with one extracted article. */
export type Decision =
	| {
			action: 'write';
			id: string;
			/** The file name for `content/sources/`. */
			sourceName: string;
			entry: ComposedEntry;
			/** The entry as the checker reads it, for the suggestions. */
			parsed: Entry<ArticleData>;
	  }
	| {
			action: 'skip';
			reason: string;
			/** Where the article is in the story already: the id of its entry. */
			existing?: string;
	  }
	| { action: 'refuse'; reason: string };

export interface DecideOptions extends Omit<ComposeOptions, 'seed' | 'duplicateOf'> {
	/** The id to give the entry, instead of one made from the headline. */
	id?: string | undefined;
	/** The source's own file name, kept for a file input; otherwise `<id>.<extension>`. */
	sourceName?: string | undefined;
	/**
	 * The candidate's relevance to the story (`judge/relevance.ts`): below the threshold it
	 * is skipped, with the evidence. Undefined where the editor takes it in by hand
	 * (`--include`).
	 */
	relevance?: Relevance | undefined;
	/** Writes a copy of an article already in the story anyway, naming it as `duplicateOf`. */
	allowDuplicate: boolean;
	/** Ids taken, by the content and by this run so far. */
	takenIds: ReadonlySet<string>;
	/** File names in `content/sources/` taken by this run so far. */
	takenSources: ReadonlySet<string>;
	/** The text of the file already in `content/sources/` under `sourceName`, if there is one. */
	existingSourceText?: string | undefined;
	/** The run's index of the story's sentences (`createCopyIndex`): without it, each candidate is compared with every article. */
	copies?: CopyIndex | undefined;
}

/**
 * Decides what to do with one article: skip it (already ingested, or not the story's
 * news), refuse it (the same text as an article in the story, or an entry that would
 * not be valid), or write it, composed and checked.
 */
export function decide(article: ExtractedArticle, content: ModelInput, options: DecideOptions): Decision {
	const url = options.url ?? article.url;
	const known = content.articles.find(
		(existing) => (url !== undefined && existing.data.url === url) || (article.guid !== undefined && (existing.data.guid === article.guid || existing.data.url === article.guid)),
	);
	if (known) return { action: 'skip', reason: `already ingested as ${known.id}`, existing: known.id };
	if (options.sourceName && options.existingSourceText !== undefined) {
		if (options.existingSourceText !== article.source.text) {
			return { action: 'refuse', reason: `content/sources/${options.sourceName} already exists with other text; rename the source file` };
		}
		const seeded = content.articles.find((existing) => existing.data.seed === options.sourceName);
		if (seeded) return { action: 'skip', reason: `already ingested as ${seeded.id}`, existing: seeded.id };
	}

	const id = options.id ?? idFor(article);
	if (!id) return { action: 'refuse', reason: 'it has no headline or address to make an id from: pass --id <kebab-case-id>' };
	const sourceName = options.sourceName ?? `${id}.${article.source.extension}`;

	if (options.relevance && !options.relevance.relevant) {
		return { action: 'skip', reason: `not the story's news: ${relevanceLine(options.relevance)}; pass --include <its URL or guid> to take it in anyway` };
	}
	let entry = composeEntry(article, content, { ...options, seed: sourceName });
	const parsed = parseEntry(id, entry.text);
	if (!parsed.ok) return { action: 'refuse', reason: parsed.reason };

	// The same text comes first: it is the root cause of a clash of ids, too.
	const twin = options.copies ? options.copies.copyOf(paragraphTexts(parsed.entry.body ?? '')) : sameTextAs(parsed.entry, content);
	if (twin && !options.allowDuplicate) {
		return {
			action: 'refuse',
			reason: `it has the same text as the article ${twin.id} (${twin.shared} sentences in common; syndicated copy?): pass --allow-duplicate to keep both`,
		};
	}
	if (options.takenIds.has(id)) return { action: 'refuse', reason: `content/articles/${id}.md already exists; ingest never overwrites (pass --id to choose another id)` };
	if (options.takenSources.has(sourceName)) return { action: 'refuse', reason: `content/sources/${sourceName} is taken by another input of this run; rename the source file` };
	if (twin) {
		entry = composeEntry(article, content, { ...options, seed: sourceName, duplicateOf: twin.id });
		const again = parseEntry(id, entry.text);
		if (!again.ok) return { action: 'refuse', reason: again.reason };
		return { action: 'write', id, sourceName, entry, parsed: again.entry };
	}
	return { action: 'write', id, sourceName, entry, parsed: parsed.entry };
}

/** An id from the headline, or else from the last segment of the address. */
function idFor(article: ExtractedArticle): string | undefined {
	if (article.title) return idFromTitle(article.title) || undefined;
	const slug = article.url ? new URL(article.url).pathname.split('/').filter(Boolean).at(-1) : undefined;
	return slug ? idFromTitle(slug.replace(/\.[a-z]+$/i, '').replace(/[-_]+/g, ' ')) || undefined : undefined;
}

/** The composed entry as the checker reads it: parsed, and valid against the article schema (a summary may still be missing). */
function parseEntry(id: string, text: string): { ok: true; entry: Entry<ArticleData> } | { ok: false; reason: string } {
	const file = `content/articles/${id}.md`;
	const raw = parseContentFile(file, text);
	if (!raw.ok) return { ok: false, reason: raw.problems.map(formatProblem).join('; ') };
	const valid = validateContentFile('articles', raw.entry);
	// What is merely missing (a date the source does not give) is for the editor to fill in.
	const real = valid.ok ? [] : valid.problems.filter((problem) => !problem.found.startsWith('nothing (the field is missing)'));
	if (real.length > 0) return { ok: false, reason: real.map(formatProblem).join('; ') };
	// An entry that lacks only what the editor fills in is read with the lists' defaults.
	const data = valid.ok ? (valid.entry.data as ArticleData) : ({ stops: [], countries: [], companies: [], people: [], removed: [], ...raw.entry.data } as unknown as ArticleData);
	return { ok: true, entry: { id, file, data, body: raw.entry.body } };
}

/** The article in the story that shares most of this one's sentences, if any, and how many they share. */
function sameTextAs(entry: Entry<ArticleData>, content: ModelInput): { id: string; shared: number } | undefined {
	// Under an id and a source name of its own: a copy often has the same headline as its
	// original, and so the same id and the same name for its kept source.
	const candidate = { ...entry, id: `${entry.id}\u0000candidate`, data: { ...entry.data, seed: undefined } };
	const input: ModelInput = { ...content, articles: [...content.articles, candidate] };
	const pair = findCopies(input, articleParagraphs(input)).find(
		(each) => each.field === 'body' && (each.copy.id === candidate.id || each.original.id === candidate.id),
	);
	if (!pair) return undefined;
	return { id: (pair.copy.id === candidate.id ? pair.original : pair.copy).id, shared: Number(/^\d+/.exec(pair.found)?.[0] ?? 0) };
}
