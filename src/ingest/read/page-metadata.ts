/**
 * A web page's own metadata: headline, outlet, authors, publication date and address,
 * each taken from the page's structured data first and each with where it came from.
 *
 *     title      json-ld headline → og:title → <title>   (a " - Outlet" suffix removed)
 *     outlet     json-ld publisher → og:site_name
 *     author     json-ld author → meta author → article:author (names, not addresses)
 *     published  json-ld datePublished → article:published_time → <time datetime> in the article
 *     url        link rel=canonical → og:url → the page address
 *     language   json-ld inLanguage → <html lang> → og:locale → meta content-language
 *
 * JSON-LD is read from every `application/ld+json` script, arrays and `@graph` included,
 * with `@id` references followed. A script that is not valid JSON is skipped.
 */
import { collapseWhitespace } from '../../lib/text.ts';
import { normalisePublished } from './published-date.ts';
import type { Provenance } from '../types.ts';

/** What a page says about itself. */
export interface PageMetadata {
	title?: string | undefined;
	outlet?: string | undefined;
	authors: string[];
	/** `YYYY-MM-DD`, or a date-time with the page's offset. */
	published?: string | undefined;
	url?: string | undefined;
	/** The language the page says it is in, as it says it: `ko-KR`, `ja`. */
	language?: string | undefined;
	/** Where each value came from: `json-ld headline`, `og:site_name`, `page address`, … */
	provenance: Provenance;
}

type JsonObject = Record<string, unknown>;

/** schema.org types of an article, with or without a `schema:` prefix. */
const ARTICLE_TYPES = new Set([
	'Article', 'NewsArticle', 'ReportageNewsArticle', 'AnalysisNewsArticle', 'BackgroundNewsArticle', 'OpinionNewsArticle',
	'ReviewNewsArticle', 'AskPublicNewsArticle', 'BlogPosting', 'LiveBlogPosting', 'Report',
]);

/**
 * The separator of a " - Site name" suffix, at the end of the title before the name: a
 * hyphen, bar, dash, middle dot, `::` or `»` between spaces (ideographic ones too); a
 * full-width bar or colon, spaced or not ("見出し｜かわせみ通信", "見出し：東亜新報"); or an
 * ideographic space alone ("見出し\u3000かわせみ通信").
 */
const SUFFIX_SEPARATOR = /(?:\s(?:[-|—–·・»]|::)\s|\s*[｜：]\s*|\u3000)$/u;

/** Reads the page's metadata. `pageUrl`, where known, is the address the page was read from. */
export function readPageMetadata(document: Document, pageUrl?: string): PageMetadata {
	const nodes = jsonLdNodes(document);
	const byId = new Map<string, JsonObject>();
	for (const node of nodes) {
		// A bare `{ "@id": … }` is a reference, not the node it names.
		if (typeof node['@id'] === 'string' && Object.keys(node).length > 1 && !byId.has(node['@id'])) byId.set(node['@id'], node);
	}
	const article = nodes.find((node) => isArticle(node) && typeof node['headline'] === 'string') ?? nodes.find(isArticle);
	const resolve = (value: unknown): unknown => (isObject(value) && typeof value['@id'] === 'string' && !('name' in value) ? (byId.get(value['@id']) ?? value) : value);

	const provenance: Provenance = {};
	const metadata: PageMetadata = { authors: [], provenance };

	const publisherName = article ? nameOf(resolve(article['publisher'])) : undefined;
	const siteName = meta(document, 'og:site_name');
	const outlet = first([
		[publisherName, 'json-ld publisher'],
		[siteName, 'og:site_name'],
	]);
	if (outlet) {
		metadata.outlet = outlet.value;
		provenance.outlet = outlet.from;
	}

	const title = first([
		[article ? text(article['headline']) : undefined, 'json-ld headline'],
		[meta(document, 'og:title'), 'og:title'],
		[text((document.querySelector('head title') ?? document.querySelector('title'))?.textContent), '<title>'],
	]);
	if (title) {
		metadata.title = stripSiteSuffix(title.value, [publisherName, siteName, meta(document, 'application-name')]);
		provenance.title = title.from;
	}

	const authorSources: [string[], string][] = [
		[article ? toList(article['author']).map(resolve).flatMap((author) => nameOf(author) ?? []) : [], 'json-ld author'],
		[metas(document, 'author'), 'meta author'],
		[metas(document, 'article:author'), 'article:author'],
	];
	for (const [names, from] of authorSources) {
		const authors = unique(names.map(cleanAuthor).filter((name) => name !== '' && !/^(?:https?:\/\/|www\.)/i.test(name)));
		if (authors.length === 0) continue;
		metadata.authors = authors;
		provenance.author = from;
		break;
	}

	const published = readPublished([
		[article ? text(article['datePublished']) : undefined, 'json-ld datePublished'],
		[meta(document, 'article:published_time'), 'article:published_time'],
		[document.querySelector('article time[datetime]')?.getAttribute('datetime') ?? undefined, '<time datetime>'],
	]);
	if (published) {
		metadata.published = published.value;
		provenance.published = published.from;
	}

	const canonical = document.querySelector('link[rel~="canonical"]')?.getAttribute('href') ?? undefined;
	const url = first([
		[webAddress(canonical, pageUrl), 'link rel=canonical'],
		[webAddress(meta(document, 'og:url'), pageUrl), 'og:url'],
		[webAddress(pageUrl), 'page address'],
	]);
	if (url) {
		metadata.url = url.value;
		provenance.url = url.from;
	}

	const language = first([
		[article ? languageOf(article['inLanguage']) : undefined, 'json-ld inLanguage'],
		[document.documentElement?.getAttribute('lang') ?? undefined, '<html lang>'],
		[meta(document, 'og:locale'), 'og:locale'],
		[document.querySelector('meta[http-equiv="content-language" i]')?.getAttribute('content') ?? undefined, 'meta content-language'],
	]);
	if (language) {
		metadata.language = language.value;
		provenance.language = language.from;
	}
	return metadata;
}

/**
 * The title without a trailing " - Site name", " | Site name" or " — Site name", where
 * the name is one of `siteNames` (compared without case). Other suffixes stay: "Seoul |
 * Business" may be part of the headline.
 */
export function stripSiteSuffix(title: string, siteNames: (string | undefined)[]): string {
	for (const name of siteNames) {
		if (!name || !title.toLowerCase().endsWith(name.toLowerCase())) continue;
		const before = title.slice(0, -name.length);
		const separator = SUFFIX_SEPARATOR.exec(before);
		const headline = separator ? before.slice(0, separator.index).trim() : '';
		if (headline !== '') return headline;
	}
	return title;
}

/** Every object in the page's JSON-LD: top-level values, array members, `@graph` and `mainEntity` members, and what they nest. */
export function jsonLdNodes(document: Document): JsonObject[] {
	const nodes: JsonObject[] = [];
	const visit = (value: unknown, depth: number) => {
		if (depth > 8) return;
		if (Array.isArray(value)) {
			for (const member of value) visit(member, depth + 1);
			return;
		}
		if (!isObject(value)) return;
		nodes.push(value);
		for (const [key, member] of Object.entries(value)) {
			if (key !== '@context' && (isObject(member) || Array.isArray(member))) visit(member, depth + 1);
		}
	};
	for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json" i]'))) {
		const source = (script.textContent ?? '').trim().replace(/^(?:<!--|\/\/\s*<!\[CDATA\[)|(?:-->|\/\/\s*\]\]>)$/g, '');
		try {
			visit(JSON.parse(source), 0);
		} catch {
			// Malformed JSON-LD says nothing reliable: skip it and read the rest of the page.
		}
	}
	return nodes;
}

/** The first candidate that has a value, with where it came from. */
function first(candidates: [string | undefined, string][]): { value: string; from: string } | undefined {
	for (const [value, from] of candidates) if (value) return { value, from };
	return undefined;
}

/**
 * The first publication date that reads as a date. A date cut back from a time without
 * an offset gives way to a later source that gives the same day with its offset.
 */
function readPublished(candidates: [string | undefined, string][]): { value: string; from: string } | undefined {
	let fallback: { value: string; from: string } | undefined;
	for (const [stated, from] of candidates) {
		const date = stated ? normalisePublished(stated) : undefined;
		if (!date) continue;
		if (fallback && !date.value.startsWith(fallback.value)) continue;
		if (!date.note) return { value: date.value, from };
		fallback ??= { value: date.value, from: `${from} (${date.note})` };
	}
	return fallback;
}

function isObject(value: unknown): value is JsonObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isArticle(node: JsonObject): boolean {
	return toList(node['@type']).some((type) => typeof type === 'string' && ARTICLE_TYPES.has(type.replace(/^(?:schema:|https?:\/\/schema\.org\/)/, '')));
}

function toList(value: unknown): unknown[] {
	if (value === undefined || value === null) return [];
	return Array.isArray(value) ? value : [value];
}

/** A string value, collapsed, or undefined where it is not a non-empty string. */
function text(value: unknown): string | undefined {
	if (typeof value !== 'string') return undefined;
	return collapseWhitespace(value) || undefined;
}

/** The name of a JSON-LD person or organisation, given as a string or an object. */
function nameOf(value: unknown): string | undefined {
	if (typeof value === 'string') return text(value);
	if (!isObject(value)) return undefined;
	const name = text(value['name']);
	if (name) return name;
	const given = text(value['givenName']);
	const family = text(value['familyName']);
	return given && family ? `${given} ${family}` : undefined;
}

/** A `<meta property>` or `<meta name>` value. */
function meta(document: Document, key: string): string | undefined {
	return metas(document, key)[0];
}

function metas(document: Document, key: string): string[] {
	return Array.from(document.querySelectorAll(`meta[property="${key}"], meta[name="${key}"]`)).flatMap((element) => text(element.getAttribute('content')) ?? []);
}

function cleanAuthor(name: string): string {
	return collapseWhitespace(name.replace(/^by\s+/i, ''));
}

function unique(values: string[]): string[] {
	return [...new Set(values)];
}

/** An absolute http(s) address, resolved against `base` where it is relative; undefined otherwise. */
export function webAddress(href: string | undefined, base?: string): string | undefined {
	if (!href) return undefined;
	try {
		const url = new URL(href.trim(), base);
		return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
	} catch {
		return undefined;
	}
}

/** A JSON-LD `inLanguage`: a tag (`"ko"`), or a Language with its `alternateName` or `name`. */
function languageOf(value: unknown): string | undefined {
	if (typeof value === 'string') return value.trim() || undefined;
	if (isObject(value)) return text(value['alternateName']) ?? text(value['name']);
	return undefined;
}
