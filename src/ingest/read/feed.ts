/**
 * News feeds (RSS 2.0, Atom 1.0, JSON Feed 1.1, and RSS 1.0/RDF) read into their items,
 * and each item into an article.
 *
 * `@extractus/feed-extractor` checks that the XML is well-formed and tells the formats
 * apart; the fields are read from its raw entries (`getExtraEntryFields`), because its
 * normalised ones lose what we need: it prefers the description to `content:encoded`
 * and `updated` to `published`, converts dates to UTC and truncates descriptions.
 * The XML parser is told to keep values as text (a numeric guid stays exact) and to
 * leave Atom `<content>` unparsed, so that XHTML content reaches us as markup.
 *
 * An item's HTML goes through the same cleaning as a web page's main text
 * (`html-blocks.ts`); no Readability, as the item's content is the article already.
 */
import { extractFromJson, extractFromXml, type FeedData, type ParserOptions } from '@extractus/feed-extractor';
import { collapseWhitespace, printable } from '../../lib/text.ts';
import { htmlFragmentToBlocks, htmlToText, tooLittleText, type BodyText } from './html-blocks.ts';
import { webAddress } from './page-metadata.ts';
import { normalisePublished } from './published-date.ts';
import type { Block, ExtractedArticle, IngestRefusal, Provenance } from '../types.ts';

/** One item of a feed, as the feed gives it. */
export interface FeedItem {
	title?: string | undefined;
	/** The item's address: RSS `link` (or a permalink guid), Atom `link rel=alternate`, JSON Feed `url`. */
	link?: string | undefined;
	/** RSS `guid`, Atom `id`, JSON Feed `id`. */
	guid?: string | undefined;
	/** The publication date in our schema's form, with the offset the feed states. */
	published?: string | undefined;
	/** The publication date exactly as the feed states it. */
	publishedAsStated?: string | undefined;
	authors: string[];
	/** The language the item says it is in: Atom `xml:lang` on the entry or its content, JSON Feed `language`. */
	language?: string | undefined;
	/** The item's HTML: `content:encoded`, Atom `content`, JSON Feed `content_html`, else the description or summary. */
	contentHtml?: string | undefined;
	/** The description or summary, as plain text. */
	summary?: string | undefined;
	/** Where the title, link, authors and date came from: `feed item pubDate`, `feed item dc:creator`, … */
	provenance: Provenance;
}

export interface ParsedFeed {
	format: 'rss' | 'atom' | 'rdf' | 'json';
	/** The channel's (or feed's) title, for the outlet. */
	title?: string | undefined;
	/** The language the feed says it is in: RSS `<language>`, Atom `xml:lang`, JSON Feed `language`. */
	language?: string | undefined;
	items: FeedItem[];
}

export type FeedResult = { ok: true; feed: ParsedFeed } | { ok: false; refusal: IngestRefusal };
export type FeedArticleResult = { ok: true; article: ExtractedArticle } | { ok: false; refusal: IngestRefusal };

/** What is kept of an item in `content/sources/`, as JSON: enough to re-derive its blocks and metadata. */
export interface FeedItemSource {
	feedTitle?: string | undefined;
	title?: string | undefined;
	link?: string | undefined;
	guid?: string | undefined;
	/** As the feed states it. */
	published?: string | undefined;
	authors: string[];
	contentHtml: string;
}

type Raw = Record<string, unknown>;

const PARSER_OPTIONS: ParserOptions = {
	normalization: true,
	useISODateFormat: false,
	descriptionMaxLen: 0,
	xmlParserOptions: {
		parseTagValue: false,
		parseAttributeValue: false,
		htmlEntities: true,
		stopNodes: ['feed.entry.content', 'feed.entry.summary'],
	},
	getExtraFeedFields: (feed) => ({ raw: feed }),
	getExtraEntryFields: (entry) => ({ raw: entry }),
};

/** Reads a feed, or refuses it in one line saying what is wrong with it. */
export function parseFeed(text: string, origin: string): FeedResult {
	const trimmed = text.replace(/^\uFEFF/, '').trim();
	if (trimmed.startsWith('{') || trimmed.startsWith('[')) return parseJsonFeed(trimmed, origin);
	if (!trimmed.startsWith('<')) return refuse(origin, `not a feed: the text is neither XML nor JSON (it starts "${preview(trimmed)}")`);
	return parseXmlFeed(trimmed, origin);
}

/**
 * What parts an outlet from its section in a feed's title:
 * - a colon and a space, or a dash, bar, `»`, `>` or middle dot between spaces (`\s`
 *   includes the ideographic space, U+3000);
 * - a full-width bar, colon or `＞`, spaced or not ("かわせみ通信｜国際", "東亜新報：経済");
 * - an ideographic space alone ("かわせみ通信\u3000国際・経済"), which Japanese and Korean
 *   titles use as an ASCII title uses " - ".
 * A katakana middle dot (・) parts them only between spaces: unspaced, it joins words of
 * one name or section ("国際・経済", "メタ・プラットフォームズ").
 */
const FEED_TITLE_SEPARATOR = /\s*:\s+|\s+[-–—|»>·・•－―]\s+|\s*[｜：＞]\s*|\u3000+/u;

/**
 * The outlet a feed's title names: the title less the section after it ("Han River
 * Wire: Technology", "The Korea Ledger : Business", "BBC News - Asia", "Nikkei Asia |
 * Tech", "かわせみ通信\u3000国際・経済", "한빛일보｜산업" name Han River Wire, The Korea
 * Ledger, BBC News, Nikkei Asia, かわせみ通信 and 한빛일보).
 */
export function outletOfFeedTitle(title: string): string {
	const [outlet = title] = title.trim().split(FEED_TITLE_SEPARATOR);
	return outlet.trim().length >= 2 ? outlet.trim() : title;
}

/**
 * One feed item as an article, or a refusal where the item holds no more than a
 * summary (then its page is the thing to ingest).
 */
export function feedItemToArticle(item: FeedItem, feed: Pick<ParsedFeed, 'title' | 'language'>, origin: string): FeedArticleResult {
	if (!item.contentHtml) return refuse(origin, `the feed item has no text (no content, description or summary)${pageHint(item)}`);
	const body = itemBody(item.contentHtml, item.title);
	const tooLittle = tooLittleText(body.blocks, body.linkOnly);
	if (tooLittle) return refuse(origin, `the feed item's text has ${tooLittle}, too little for an article (a summary?)${pageHint(item)}`);
	const provenance: Provenance = { ...item.provenance };
	const outlet = feed.title === undefined ? undefined : outletOfFeedTitle(feed.title);
	if (feed.title) provenance.outlet = outlet === feed.title ? 'feed channel title' : 'feed channel title, less its section';
	const language = item.language ?? feed.language;
	if (language) provenance.language = item.language ? 'feed item language' : 'feed language';
	const source: FeedItemSource = {
		feedTitle: feed.title,
		title: item.title,
		link: item.link,
		guid: item.guid,
		published: item.publishedAsStated,
		authors: item.authors,
		contentHtml: item.contentHtml,
	};
	return {
		ok: true,
		article: {
			origin,
			source: { text: `${JSON.stringify(source, null, '\t')}\n`, extension: 'json' },
			title: item.title,
			outlet,
			authors: item.authors,
			published: item.published,
			url: item.link,
			language,
			guid: item.guid !== undefined && item.guid !== item.link ? item.guid : undefined,
			blocks: body.blocks,
			removed: body.removed,
			flagged: [],
			provenance,
		},
	};
}

/**
 * Exactly the blocks `feedItemToArticle` read from the item stored as `jsonText` (its
 * `source.text`), for checking an entry against its source. Throws where the text is
 * not such a stored item.
 */
export function feedItemSourceBlocks(jsonText: string): Block[] {
	const source: unknown = JSON.parse(jsonText);
	if (!isRaw(source) || typeof source['contentHtml'] !== 'string') {
		throw new TypeError('expected a stored feed item: a JSON object with "contentHtml" text');
	}
	return itemBody(source['contentHtml'], typeof source['title'] === 'string' ? source['title'] : undefined).blocks;
}

/** The item's HTML as blocks; a heading that repeats the item's title is the title, not a sub-head. */
function itemBody(html: string, title: string | undefined): BodyText {
	const body = htmlFragmentToBlocks(html);
	const key = title ? collapseWhitespace(title).toLowerCase() : undefined;
	return { ...body, blocks: body.blocks.filter((block) => !(block.type === 'heading' && block.text.toLowerCase() === key)) };
}

function parseXmlFeed(text: string, origin: string): FeedResult {
	const root = /<([A-Za-z_][\w:.-]*)/.exec(text.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/gi, ''))?.[1] ?? '';
	let data: FeedData;
	try {
		data = extractFromXml(text, PARSER_OPTIONS);
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		if (/not well-formed/i.test(message)) {
			const truncated = root !== '' && !new RegExp(`</${root.replace(/[.]/g, '\\.')}\\s*>\\s*$`).test(text);
			return refuse(origin, truncated ? `not well-formed XML: the text ends before <${root}> is closed (truncated?)` : 'not well-formed XML');
		}
		if (root === 'feed') return refuse(origin, 'the Atom feed has no entries');
		return refuse(origin, `not a feed: the XML's root element is <${root}>, not <rss>, <feed> (Atom) or <rdf:RDF>`);
	}
	const format = root === 'feed' ? 'atom' : root === 'rdf:RDF' ? 'rdf' : 'rss';
	const rawFeed = isRaw(data['raw']) ? data['raw'] : {};
	const base = data.link || undefined;
	const items = (data.entries ?? []).map((entry) => {
		const raw = isRaw(entry['raw']) ? entry['raw'] : {};
		return format === 'atom' ? atomItem(raw, rawFeed, base) : rssItem(raw, base);
	});
	const language = stringOf(textOf(rawFeed['language'])) ?? stringOf(textOf(rawFeed['dc:language'])) ?? attributeOf(rawFeed, 'xml:lang');
	return { ok: true, feed: { format, title: channelTitle(data.title), language: language?.trim(), items } };
}

function parseJsonFeed(text: string, origin: string): FeedResult {
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (error) {
		return refuse(origin, `not a feed: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
	}
	const version = isRaw(json) ? json['version'] : undefined;
	if (!isRaw(json) || typeof version !== 'string' || !/jsonfeed\.org\/version\/1(?:\.\d+)?\/?$/.test(version)) {
		return refuse(origin, `not a feed: JSON, but not a JSON Feed (its "version" is ${JSON.stringify(version) ?? 'missing'}, not "https://jsonfeed.org/version/1.1")`);
	}
	if (!Array.isArray(json['items'])) return refuse(origin, 'the JSON Feed has no "items" list');
	const data = extractFromJson(json, PARSER_OPTIONS);
	const base = stringOf(json['home_page_url']);
	const feedAuthors = jsonAuthors(json);
	const items = (data.entries ?? []).map((entry) => jsonItem(isRaw(entry['raw']) ? entry['raw'] : {}, feedAuthors, base));
	return { ok: true, feed: { format: 'json', title: channelTitle(stringOf(json['title'])), language: stringOf(json['language']), items } };
}

function rssItem(raw: Raw, base: string | undefined): FeedItem {
	const provenance: Provenance = {};
	const item: FeedItem = { authors: [], provenance };
	item.title = htmlTitle(textOf(raw['title']));
	if (item.title) provenance.title = 'feed item title';

	const guid = textOf(raw['guid']);
	item.guid = guid;
	// A guid is a permalink unless it says otherwise (RSS 2.0).
	const permalink = attributeOf(raw['guid'], 'isPermaLink') !== 'false';
	const link = webAddress(textOf(raw['link']), base);
	if (link) {
		item.link = link;
		provenance.url = 'feed item link';
	} else if (permalink && webAddress(guid)) {
		item.link = webAddress(guid);
		provenance.url = 'feed item guid';
	}

	setPublished(item, [
		[textOf(raw['pubDate']), 'feed item pubDate'],
		[textOf(raw['dc:date']), 'feed item dc:date'],
	]);
	setAuthors(item, [
		[listOf(raw['dc:creator']).flatMap((name) => textOf(name) ?? []), 'feed item dc:creator'],
		[listOf(raw['author']).flatMap((author) => rssAuthorName(textOf(author)) ?? []), 'feed item author'],
	]);

	const description = textOf(raw['description']);
	item.contentHtml = textOf(raw['content:encoded']) ?? description;
	if (description) item.summary = htmlToText(description) || undefined;
	return item;
}

function atomItem(raw: Raw, rawFeed: Raw, base: string | undefined): FeedItem {
	const provenance: Provenance = {};
	const item: FeedItem = { authors: [], provenance };
	const type = attributeOf(raw['title'], 'type');
	const title = textOf(raw['title']);
	item.title = type === 'html' || type === 'xhtml' ? htmlTitle(title) : plainTitle(title);
	if (item.title) provenance.title = 'feed item title';

	item.guid = textOf(raw['id']);
	const links = listOf(raw['link']).filter(isRaw);
	const alternate = links.find((link) => (attributeOf(link, 'rel') ?? 'alternate') === 'alternate') ?? links[0];
	item.link = webAddress(attributeOf(alternate, 'href'), base);
	item.language = attributeOf(raw, 'xml:lang') ?? attributeOf(raw['content'], 'xml:lang');
	if (item.link) provenance.url = 'feed item link';

	setPublished(item, [
		[textOf(raw['published']), 'feed item published'],
		[textOf(raw['updated']), 'feed item updated'],
	]);
	const names = (value: unknown) => listOf(value).flatMap((author) => (isRaw(author) ? (textOf(author['name']) ?? []) : []));
	setAuthors(item, [
		[names(raw['author']), 'feed item author'],
		[names(rawFeed['author']), 'feed author'],
	]);

	const summary = atomContent(raw['summary']);
	item.contentHtml = atomContent(raw['content']) ?? summary;
	if (summary) item.summary = htmlToText(summary) || undefined;
	return item;
}

function jsonItem(raw: Raw, feedAuthors: string[], base: string | undefined): FeedItem {
	const provenance: Provenance = {};
	const item: FeedItem = { authors: [], provenance };
	item.title = plainTitle(stringOf(raw['title']));
	if (item.title) provenance.title = 'feed item title';
	const id = raw['id'];
	item.guid = typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
	item.link = webAddress(stringOf(raw['url']), base) ?? webAddress(stringOf(raw['external_url']), base);
	item.language = stringOf(raw['language']);
	if (item.link) provenance.url = raw['url'] ? 'feed item url' : 'feed item external_url';

	setPublished(item, [
		[stringOf(raw['date_published']), 'feed item date_published'],
		[stringOf(raw['date_modified']), 'feed item date_modified'],
	]);
	setAuthors(item, [
		[jsonAuthors(raw), 'feed item authors'],
		[feedAuthors, 'feed authors'],
	]);

	const summary = stringOf(raw['summary']);
	const contentText = stringOf(raw['content_text']);
	item.contentHtml = stringOf(raw['content_html']) ?? (contentText ? textToHtml(contentText) : undefined) ?? (summary ? textToHtml(summary) : undefined);
	if (summary) item.summary = collapseWhitespace(summary);
	return item;
}

/** The first date that reads as one, in our schema's form; the note of a date cut back goes into the provenance. */
function setPublished(item: FeedItem, candidates: [string | undefined, string][]): void {
	for (const [stated, from] of candidates) {
		const date = stated ? normalisePublished(stated) : undefined;
		if (!date || !stated) continue;
		item.published = date.value;
		item.publishedAsStated = stated;
		item.provenance.published = date.note ? `${from} (${date.note})` : from;
		return;
	}
}

function setAuthors(item: FeedItem, candidates: [string[], string][]): void {
	for (const [names, from] of candidates) {
		const authors = [...new Set(names.map(collapseWhitespace).filter((name) => name !== ''))];
		if (authors.length === 0) continue;
		item.authors = authors;
		item.provenance.author = from;
		return;
	}
}

/** The name in an RSS `author`: `news@example.com (Jane Roe)` → `Jane Roe`; a bare e-mail address is no name. */
function rssAuthorName(value: string | undefined): string | undefined {
	if (!value) return undefined;
	const inBrackets = /\(([^()]+)\)\s*$/.exec(value)?.[1];
	if (inBrackets) return inBrackets.trim();
	return /^\S+@\S+$/.test(value.trim()) ? undefined : value.trim();
}

function jsonAuthors(raw: Raw): string[] {
	const authors = Array.isArray(raw['authors']) ? raw['authors'] : raw['author'] ? [raw['author']] : [];
	return authors.flatMap((author) => (isRaw(author) ? (stringOf(author['name']) ?? []) : []));
}

/**
 * An Atom text construct as HTML. It reaches us unparsed (a stop node): `html` is
 * escaped markup, `xhtml` is markup, `text` is text. Out-of-line content (`src`) has none.
 */
function atomContent(value: unknown): string | undefined {
	if (value === undefined || attributeOf(value, 'src')) return undefined;
	const raw = typeof value === 'string' ? value : (textOf(value) ?? '');
	const type = (attributeOf(value, 'type') ?? 'text').toLowerCase();
	if (raw.trim() === '') return undefined;
	if (type === 'xhtml' || type.endsWith('xml')) return raw;
	if (type === 'html' || type.endsWith('/html')) return decodeXml(raw);
	if (type === 'text' || type.startsWith('text/')) return textToHtml(decodeXml(raw));
	return undefined;
}

/** The text of raw XML: CDATA sections as they are, entity and character references decoded. */
function decodeXml(raw: string): string {
	return raw
		.split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
		.map((part) =>
			part.startsWith('<![CDATA[')
				? part.slice(9, -3)
				: part.replace(/&(?:#(\d+)|#x([0-9a-f]+)|(lt|gt|amp|quot|apos));/gi, (whole, decimal: string | undefined, hex: string | undefined, name: string | undefined) => {
						if (decimal) return String.fromCodePoint(Number(decimal));
						if (hex) return String.fromCodePoint(Number.parseInt(hex, 16));
						return { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[(name ?? '').toLowerCase()] ?? whole;
					}),
		)
		.join('');
}

/** Plain text as HTML paragraphs, one per blank-line-separated part. */
function textToHtml(text: string): string {
	const escape = (part: string) => part.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
	return text
		.split(/\n\s*\n/)
		.map((part) => part.trim())
		.filter((part) => part !== '')
		.map((part) => `<p>${escape(part)}</p>`)
		.join('\n');
}

/** A value of the XML parser as text: a string, the `#text` of an element with attributes, the first of a list. */
function textOf(value: unknown): string | undefined {
	if (Array.isArray(value)) return textOf(value[0]);
	if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
	if (typeof value === 'number') return String(value);
	if (isRaw(value)) return textOf(value['#text']);
	return undefined;
}

function attributeOf(value: unknown, name: string): string | undefined {
	return isRaw(value) && typeof value[`@_${name}`] === 'string' ? (value[`@_${name}`] as string) : undefined;
}

function stringOf(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function listOf(value: unknown): unknown[] {
	if (value === undefined || value === null) return [];
	return Array.isArray(value) ? value : [value];
}

function isRaw(value: unknown): value is Raw {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A title that may hold markup or entities (RSS, Atom `type="html"`), as text. */
function htmlTitle(value: string | undefined): string | undefined {
	return value ? htmlToText(value) || undefined : undefined;
}

function plainTitle(value: string | undefined): string | undefined {
	return value ? collapseWhitespace(value) || undefined : undefined;
}

/** A feed's own title, its spaces collapsed but for an ideographic space, which may part the outlet from its section (`outletOfFeedTitle`). */
function channelTitle(value: string | undefined): string | undefined {
	return value ? value.replace(/\s+/g, (run) => (run.includes('\u3000') ? '\u3000' : ' ')).trim() || undefined : undefined;
}

function pageHint(item: FeedItem): string {
	return item.link ? `: ingest its page instead, ${item.link}` : '';
}

function preview(text: string): string {
	const start = printable(collapseWhitespace(text.slice(0, 40)));
	return text.length > 40 ? `${start}…` : start;
}

function refuse(origin: string, reason: string): { ok: false; refusal: IngestRefusal } {
	return { ok: false, refusal: { origin, reason } };
}
