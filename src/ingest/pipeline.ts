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
import { createHash } from 'node:crypto';
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
import { decodeBytes } from './read/decode.ts';
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
	/** The bytes as they arrived, and the encoding they were decoded from (`EUC-KR`), where it was read as bytes. */
	bytes?: Uint8Array | undefined;
	encoding?: string | undefined;
}

/** The bytes a source is kept as: those that arrived, else its text in UTF-8. */
export function sourceBytes(source: ExtractedArticle['source']): Uint8Array {
	return source.bytes ?? Buffer.from(source.text);
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

/**
 * The encoding an entry must record for its kept source: the one it was decoded from,
 * where the bytes alone would not tell it (a host that named it only in its header), or
 * would tell another. Undefined where the bytes say it themselves.
 */
function encodingToRecord(input: InputText, format: 'text' | 'html'): string | undefined {
	if (!input.bytes || !input.encoding) return undefined;
	const alone = decodeBytes(input.bytes, undefined, format);
	return alone.ok && alone.encoding === input.encoding ? undefined : input.encoding;
}

/** Reads the articles out of one input: one for a text or a page, one per item for a feed. */
export function extractInput(input: InputText): ExtractedInput {
	const format = classifyInput(input.text, input.kind);
	// A text or a page is kept as it arrived; a feed item is kept as the JSON ingest writes.
	const asArrived = (article: ExtractedArticle, kind: 'text' | 'html'): ExtractedArticle => ({ ...article, source: { ...article.source, bytes: input.bytes, encoding: encodingToRecord(input, kind) } });
	if (format === 'text') return { format, articles: [takeDateline(asArrived(plainTextArticle(input.text, input.origin), format))], refusals: [], skipped: [] };
	if (format === 'html') {
		const page = extractWebPage(input.text, input.origin, input.url);
		return page.ok
			? { format, articles: [takeDateline(asArrived(page.article, format))], refusals: [], skipped: [] }
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
	/** The bytes of the file already in `content/sources/` under `sourceName`, if there is one. */
	existingSource?: Uint8Array | undefined;
	/** The run's index of the story's sentences (`createCopyIndex`): without it, each candidate is compared with every article. */
	copies?: CopyIndex | undefined;
	/** The headline in Latin letters, where it is in another script (`write/romanise.ts`): an id is made of it. */
	latinTitle?: string | undefined;
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
	if (options.sourceName && options.existingSource !== undefined) {
		if (Buffer.compare(options.existingSource, sourceBytes(article.source)) !== 0) {
			return { action: 'refuse', reason: `content/sources/${options.sourceName} already exists with other text; rename the source file` };
		}
		const seeded = content.articles.find((existing) => existing.data.seed === options.sourceName);
		if (seeded) return { action: 'skip', reason: `already ingested as ${seeded.id}`, existing: seeded.id };
	}

	const made = options.id ?? idFor(article, options.latinTitle);
	if (!made) return { action: 'refuse', reason: 'it has no headline or address to make an id from: pass --id <kebab-case-id>' };
	// A made id is unique: another article with the same headline gets a short hash of its address.
	const id = !options.id && options.takenIds.has(made) ? `${made}-${shortHash(article)}` : made;
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

/**
 * An entry's id, kebab-case ASCII, in the first of these ways that reads:
 * 1. a headline in Latin letters;
 * 2. the address's slug, where it is words (`zuckerberg-meets-lee-jae-yong`), not a code
 *    (`AKR20240228123400003`, `view.php?ud=2024…`);
 * 3. the headline romanised (`latinTitle`: Revised Romanization, Hepburn);
 * 4. the outlet and the day, with a short hash of the address or headline, which no
 *    other article of that outlet and day shares.
 */
export function idFor(article: Pick<ExtractedArticle, 'title' | 'url' | 'guid' | 'outlet' | 'published'>, latinTitle?: string): string | undefined {
	if (article.title && isLatin(article.title)) return idFromTitle(article.title) || undefined;
	const slug = readableSlug(article.url);
	if (slug) return slug;
	const romanised = latinTitle ? idFromTitle(latinTitle) : '';
	if (romanised.split('-').length >= 2) return romanised;
	if (!article.title && !article.url && !article.guid) return undefined;
	return [idFromTitle(article.outlet ?? '') || 'article', article.published?.slice(0, 10) ?? '', shortHash(article)].filter(Boolean).join('-');
}

/** Eight hex digits of a hash of the article's address (or guid, or headline): the same article, the same digits. */
function shortHash(article: Pick<ExtractedArticle, 'title' | 'url' | 'guid'>): string {
	return createHash('sha256').update(article.url ?? article.guid ?? article.title ?? '').digest('hex').slice(0, 8);
}

/** Whether most of a text's letters are Latin: "Zuckerberg meets Lee" is, "저커버그, 서울서 이재용 회장과 회동" is not. */
export function isLatin(text: string): boolean {
	const letters = text.match(/\p{L}/gu)?.length ?? 0;
	return letters > 0 && (text.match(/\p{Script=Latin}/gu)?.length ?? 0) / letters >= 0.5;
}

/**
 * The address's last path segment as an id, where it reads as words: at least two of
 * them, of letters mostly, and not one long code. Undefined for a query, a number or a
 * code, and for any slug not in Latin letters.
 */
export function readableSlug(url: string | undefined): string | undefined {
	if (!url) return undefined;
	let segment: string;
	try {
		// In its compatibility form: full-width letters ("ＡＩ") are letters like any other.
		segment = decodeURIComponent(new URL(url).pathname.split('/').filter(Boolean).at(-1) ?? '').normalize('NFKC');
	} catch {
		return undefined;
	}
	const words = segment.replace(/\.[a-z]{2,5}$/i, '').split(/[-_+.\s]+/).filter(Boolean);
	const wordy = words.filter((word) => /^[A-Za-z]{2,}$/.test(word));
	if (wordy.length < 2 || wordy.length < words.length / 2) return undefined;
	const id = idFromTitle(words.join(' '));
	return id.split('-').length >= 2 ? id : undefined;
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
