/**
 * A web page as an article: Readability finds the main text, and our own pass turns
 * it into plain-text blocks, taking out what Readability keeps but is not article
 * text (captions, "Also read" lines, newsletter boxes, …). The page's metadata comes
 * from its own data (`page-metadata.ts`).
 *
 * Nothing is dropped silently from the article: every line of the article's element in
 * the page (its `<article>`, or the element holding all the kept paragraphs) that is
 * not in the blocks is in `removed`, with the reason, whether our pass or Readability
 * left it out. The headline, kept as the title, is the one exception.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { collapseWhitespace } from '../../lib/text.ts';
import { MIN_PARAGRAPHS, MIN_WORDS, elementToBlocks, findFurniture, lineClutterReason, tagOf, textLines, tooLittleText } from './html-blocks.ts';
import { readPageMetadata } from './page-metadata.ts';
import type { Block, ExtractedArticle, IngestRefusal, RemovedText } from '../types.ts';

export type WebPageResult = { ok: true; article: ExtractedArticle } | { ok: false; refusal: IngestRefusal };

/** The reason given for a line of the article that Readability left out and no rule names. */
export const LEFT_OUT_BY_READABILITY = 'left out by Readability';

/** The attribute that marks page furniture in the page, with the reason. */
const FURNITURE = 'data-ingest-furniture';

/**
 * Reads a web page into an article, or refuses it in one line where it holds no article.
 * `pageUrl` is the address it was fetched from, for a page that names no canonical one.
 */
export function extractWebPage(html: string, origin: string, pageUrl?: string): WebPageResult {
	const document = parsePage(html);
	const metadata = readPageMetadata(document, pageUrl);
	const body = readBody(document, metadata.title);
	if (!body.ok) return { ok: false, refusal: { origin, reason: body.reason } };
	return {
		ok: true,
		article: {
			origin,
			source: { text: html, extension: 'html' },
			title: metadata.title,
			outlet: metadata.outlet,
			authors: metadata.authors,
			published: metadata.published,
			url: metadata.url,
			language: metadata.language,
			blocks: body.blocks,
			removed: body.removed,
			flagged: [],
			provenance: metadata.provenance,
		},
	};
}

/**
 * Exactly the blocks `extractWebPage` reads from this page (none where it refuses it),
 * for checking an entry against its stored HTML source.
 */
export function htmlSourceBlocks(html: string): Block[] {
	const document = parsePage(html);
	const body = readBody(document, readPageMetadata(document).title);
	return body.ok ? body.blocks : [];
}

/**
 * The page as a document. linkedom builds no `<html>` or `<body>` that the page leaves
 * out (a browser would), so a page without them is given them first.
 */
export function parsePage(html: string): Document {
	if (/<html[\s>]/i.test(html) && /<body[\s>]/i.test(html)) return parseHTML(html).document;
	const inner = html.replace(/<!doctype[^>]*>/i, '').replace(/<\/?html(?:\s[^>]*)?>/gi, '');
	const headEnd = inner.search(/<\/head\s*>/i);
	const head = headEnd >= 0 ? inner.slice(0, headEnd).replace(/<head(?:\s[^>]*)?>/i, '') : '';
	const body = (headEnd >= 0 ? inner.slice(headEnd).replace(/<\/head\s*>/i, '') : inner).replace(/<\/?body(?:\s[^>]*)?>/gi, '');
	return parseHTML(`<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`).document;
}

type Body = { ok: true; blocks: Block[]; removed: RemovedText[] } | { ok: false; reason: string };

function readBody(document: Document, title: string | undefined): Body {
	// Page furniture is marked in the page and taken out of the copy Readability reads
	// (which changes the document it is given): Readability would keep some of it, and
	// drop the class and id that tell what it is.
	for (const { element, reason } of findFurniture(document.body)) element.setAttribute(FURNITURE, reason);
	let article: ReturnType<Readability<Element>['parse']>;
	try {
		const copy = document.cloneNode(true) as Document;
		for (const element of Array.from(copy.querySelectorAll(`[${FURNITURE}]`))) element.remove();
		// Readability takes out the first element that looks like a byline (by a class or
		// id such as "byline", "author" or "dateline", or rel=author) unless the page names
		// its author. That would cut an agency dateline out of the first paragraph, so the
		// copy names one, and bylines are left to our rules.
		const author = copy.createElement('meta');
		author.setAttribute('name', 'author');
		author.setAttribute('content', 'bylines are read by ingest');
		copy.head.append(author);
		article = new Readability<Element>(copy, { keepClasses: true, serializer: (node) => node as Element }).parse();
	} catch (error) {
		return { ok: false, reason: `no article found in the page (Readability failed: ${error instanceof Error ? error.message : String(error)})` };
	}
	if (!article?.content) return { ok: false, reason: 'no article found in the page (Readability found no main text)' };

	const titles = new Set([title, article.title ?? undefined].flatMap((value) => (value ? [key(value)] : [])));
	const extracted = elementToBlocks(article.content);
	// The headline is the entry's title, not a sub-head of its body.
	const blocks = extracted.blocks.filter((block) => !(block.type === 'heading' && titles.has(key(block.text))));
	const tooLittle = tooLittleText(blocks, extracted.linkOnly);
	if (tooLittle) {
		return {
			ok: false,
			reason: `no article found in the page (its main text has ${tooLittle}; an article has at least ${MIN_WORDS} words in ${MIN_PARAGRAPHS} paragraphs)`,
		};
	}
	return { ok: true, blocks, removed: withLeftOut(document, blocks, extracted.removed, titles) };
}

/**
 * The removals in page order, with every line of the article's element that is neither
 * kept nor already removed added, and the reason its place in the page gives.
 */
function withLeftOut(document: Document, blocks: Block[], removed: RemovedText[], titles: Set<string>): RemovedText[] {
	const container = articleElement(document, blocks);
	if (!container) return removed;
	const kept = blocks.flatMap((block) => (block.type === 'list' ? block.items : [block.text]));
	const pending = [...removed];
	const result: RemovedText[] = [];
	for (const line of textLines(container)) {
		if (titles.has(key(line.text))) continue;
		const at = pending.findIndex((removal) => covers(removal.text, line.text));
		if (at >= 0) {
			result.push(...pending.splice(at, 1));
			continue;
		}
		if (covers(kept, line.text) || covers(result.map((removal) => removal.text), line.text)) continue;
		result.push({ text: line.text, reason: reasonInPage(line.element, line.text, container) });
	}
	return [...result, ...pending];
}

/**
 * The page's element for the article: the `<article>` around the kept text, or else
 * the innermost element holding it all. Undefined where that is the whole page (whose
 * navigation and footer are no part of the article).
 */
function articleElement(document: Document, blocks: Block[]): Element | undefined {
	const textOf = (element: Element) => textLines(element).map((line) => line.text).join(' ');
	const pageText = textOf(document.body);
	const kept = blocks.flatMap((block) => (block.type === 'list' ? block.items : [block.text])).filter((text) => pageText.includes(text));
	if (kept.length === 0) return undefined;
	let container: Element = document.body;
	for (;;) {
		const inner = Array.from(container.children).find((child) => {
			const text = textOf(child);
			return kept.every((block) => text.includes(block));
		});
		if (!inner) break;
		container = inner;
	}
	container = container.closest('article') ?? container;
	return ['body', 'html'].includes(tagOf(container)) ? undefined : container;
}

/** Why a line of the page was left out: the furniture it stands in, the line itself, or Readability's judgement. */
function reasonInPage(element: Element, text: string, container: Element): string {
	const furniture = element.closest(`[${FURNITURE}]`);
	const reason = furniture && container.contains(furniture) ? furniture.getAttribute(FURNITURE) : undefined;
	return reason ?? furnitureWithin(element, text) ?? lineClutterReason(text) ?? LEFT_OUT_BY_READABILITY;
}

/** The reasons of the furniture a line is made of, where it is made of nothing else: `date line and byline`. */
function furnitureWithin(element: Element, text: string): string | undefined {
	const parts = Array.from(element.querySelectorAll(`[${FURNITURE}]`));
	const partsText = collapseWhitespace(parts.flatMap((part) => textLines(part).map((line) => line.text)).join(' '));
	if (parts.length === 0 || partsText !== text) return undefined;
	return [...new Set(parts.map((part) => part.getAttribute(FURNITURE)))].join(' and ');
}

/**
 * True where `line` is one of `texts` or, for a line of more than three words, part of
 * one: a short line such as "Japan" would otherwise be found in any paragraph.
 */
function covers(texts: string | string[], line: string): boolean {
	const list = typeof texts === 'string' ? [texts] : texts;
	if (line.split(' ').length <= 3) return list.includes(line);
	return list.some((text) => text.includes(line));
}

function key(text: string): string {
	return collapseWhitespace(text).toLowerCase();
}
