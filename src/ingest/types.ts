/**
 * The shapes that pass between the stages of ingest:
 *
 *     read (file, URL, feed) → extract (text, or Readability over a DOM) → metadata
 *     → place (stops, entities, inferred) → suggest (events, claims) → compose → write
 *
 * Every stage is a pure function over these, with the network and the disk only at
 * the two ends (`scripts/ingest.ts`). A stage that can refuse returns an `IngestRefusal`
 * instead of throwing half-way.
 */
import type { Block } from './read/plain-text.ts';

export type { Block };

/** The metadata fields ingest fills in, and reports the provenance of. */
export type MetadataField = 'title' | 'outlet' | 'author' | 'published' | 'url' | 'language';

/**
 * Where a metadata value came from, for the report: `json-ld headline`, `og:title`,
 * `<title>`, `article:published_time`, `link rel=canonical`, `feed channel title`,
 * `feed item pubDate`, `dateline`, `--published`, …
 */
export type Provenance = Partial<Record<MetadataField, string>>;

/** Text taken out of the body, kept on record with the reason ("photo caption", "reading-time label"). */
export interface RemovedText {
	text: string;
	reason: string;
}

/**
 * One article as read from its input, before it is placed in the story: what every
 * reader (plain text, web page, feed item) produces.
 */
export interface ExtractedArticle {
	/** The input it came from, for the report: a file path, a URL, or `<feed> item 3`. */
	origin: string;
	/**
	 * The raw source, kept in `content/sources/`: its text, its bytes as they arrived where
	 * it was read as bytes (a page in EUC-KR is kept in EUC-KR), the encoding they were
	 * decoded from where the bytes alone do not tell it (the entry records it), and the
	 * extension to store it under.
	 */
	source: { text: string; bytes?: Uint8Array | undefined; encoding?: string | undefined; extension: 'txt' | 'html' | 'json' };
	/** The headline, without a " - Site name" suffix. */
	title?: string | undefined;
	/** The publisher's name. */
	outlet?: string | undefined;
	/** The authors, as the page names them; joined with " and " for the entry. */
	authors: string[];
	/**
	 * The publication date: `YYYY-MM-DD`, or a date-time with its offset
	 * (`2024-02-27T10:05:00+09:00`), as precise as the source gives it.
	 */
	published?: string | undefined;
	/** The canonical address of the article. */
	url?: string | undefined;
	/** The language the page or feed says the article is in (`ko-KR`), as it says it: evidence for `read/language.ts`. */
	language?: string | undefined;
	/** A feed item's guid (or JSON Feed id), where it is not simply the URL. */
	guid?: string | undefined;
	/** A dateline or byline moved out of the body, exactly as printed, one per line. */
	dateline?: string | undefined;
	/**
	 * What an agency dateline ("TOKYO, Feb 27 (Reuters) -") says: the place as printed,
	 * and the month and day, whose year the placing stage supplies. Set by `takeDateline`.
	 */
	datelinePlace?: { place: string; month?: number | undefined; day?: number | undefined } | undefined;
	/** The article's body: paragraphs, sub-heads and lists, as plain text. */
	blocks: Block[];
	/** What was taken out of the body (photo captions, "Also read" lines, …), each with the reason. */
	removed: RemovedText[];
	/** Lines kept in the body that a person should look at, each with the reason. */
	flagged: RemovedText[];
	/** Where each metadata value came from. */
	provenance: Provenance;
}

/** One input that could not be ingested: the input, and what is wrong with it, in one line. */
export interface IngestRefusal {
	origin: string;
	reason: string;
}
