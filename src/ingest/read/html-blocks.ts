/**
 * An article's HTML as body blocks: paragraphs, sub-heads and lists, as plain text
 * with white space collapsed. Shared by web pages (over Readability's output) and
 * feed items (over the item's HTML content).
 *
 * What is not article text is taken out here, and recorded with the reason: photo
 * captions, "Also read" lines, newsletter boxes, advertisement slots, share buttons,
 * related-story lists, comments, bylines. Code and embeds (`<script>`, `<style>`,
 * `<iframe>`, `<svg>`, form fields, …) are never text and are left out without a
 * record. Only text comes out, so no markup, handler or address can leak through.
 */
import { parseHTML } from 'linkedom';
import { splitSentences } from '../../lib/sentences.ts';
import { collapseWhitespace } from '../../lib/text.ts';
import { isTimestampLine } from '../../lib/timestamp-line.ts';
import { boilerplateReason } from './boilerplate.ts';
import type { Block, RemovedText } from '../types.ts';

/** The body of an article: its blocks, and what was taken out of it. */
export interface BodyText {
	blocks: Block[];
	removed: RemovedText[];
	/** The paragraphs that are nothing but link text (teasers on a section page): they do not make an article. */
	linkOnly: Set<Block>;
}

/** A line of text as a reader sees it, and the element that holds it. */
export interface TextLine {
	text: string;
	element: Element;
}

/** An article needs at least this many paragraphs… */
export const MIN_PARAGRAPHS = 2;
/** …and this many words, to be one rather than a teaser or a list of links. */
export const MIN_WORDS = 40;
/**
 * A single paragraph is an article where it is a story of its own: this many sentences
 * and words at least (a broadcaster's feed often carries its short reports whole, in one
 * paragraph; a teaser is a sentence or two).
 */
export const SINGLE_PARAGRAPH = { sentences: 3, words: 100 } as const;

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Elements whose content is never article text. They are left out without a record. */
const NOT_TEXT = new Set([
	'applet', 'area', 'audio', 'base', 'canvas', 'datalist', 'embed', 'frame', 'frameset', 'head', 'iframe', 'img',
	'input', 'link', 'map', 'math', 'meta', 'noembed', 'noframes', 'noscript', 'object', 'option', 'optgroup', 'param',
	'picture', 'plaintext', 'script', 'select', 'source', 'style', 'svg', 'template', 'textarea', 'title', 'track',
	'video', 'xmp',
]);

/** Elements that start a block of their own. Every other element is inline and joins the text around it. */
const BLOCK_TAGS = new Set([
	'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl',
	'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup',
	'button', 'hr', 'html', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot',
	'th', 'thead', 'tr', 'ul',
]);

/** Elements that are page furniture by their tag alone. */
const CLUTTER_TAGS: Record<string, string> = {
	figure: 'photo caption',
	figcaption: 'photo caption',
	nav: 'navigation',
	form: 'form or button',
	button: 'form or button',
	dialog: 'pop-up box',
	footer: 'article footer',
};

/**
 * Class, id and role words that mark page furniture, tested on the element's words
 * joined by spaces (`class="newsletter-signup"` → ` newsletter signup `). First match wins.
 */
const CLUTTER_WORDS: { pattern: RegExp; reason: string }[] = [
	{ pattern: / (?:caption\w*|figcaption|cutline|wp caption text|(?:photo|image|img|pic) (?:credit|desc\w*))(?= )/, reason: 'photo caption' },
	{ pattern: / (?:also read|read also|alsoread|readalso|see also)(?= )/, reason: '"Also read" link' },
	{ pattern: / (?:read more|readmore|more on this)(?= )/, reason: '"Read more" link' },
	{ pattern: / (?:newsletter\w*|subscri\w*|signup\w*|sign up)(?= )/, reason: 'newsletter box' },
	{ pattern: / (?:share|sharing|sharebar|sharetools|social|sns)(?= )/, reason: 'share buttons' },
	{ pattern: / (?:related|relation\w*|recommended|recommendations|more stories|outbrain|taboola|recirc\w*|trending|most read|most popular)(?= )/, reason: 'related-stories list' },
	{ pattern: / (?:ad|ads|adv|advert\w*|adslot|adunit|adsense|dfp|sponsor\w*|promo\w*|commercial)(?= )/, reason: 'advertisement' },
	{ pattern: / (?:comment|comments|disqus|discussion|replies)(?= )/, reason: 'comments' },
	{ pattern: / (?:cookie\w*|consent|gdpr|cmp)(?= )/, reason: 'cookie banner' },
	{ pattern: / (?:nav|navbar|navigation|menu|breadcrumbs?|pagination)(?= )/, reason: 'navigation' },
	{ pattern: / (?:reading time|readtime|read time)(?= )/, reason: 'reading-time label' },
	{ pattern: / (?:byline|bylines|author|authors|contributors?|writer)(?= )/, reason: 'byline' },
	{ pattern: / (?:timestamp|date|time|pubdate|published|updated|posted on)(?= )/, reason: 'date line' },
	{ pattern: / (?:kicker|eyebrow|overline|rubric|tags|topics|keywords|category|section name|section label)(?= )/, reason: 'section label or tags' },
	{ pattern: / (?:copyright|copy right|article copy)(?= )/, reason: 'copyright notice' },
	{ pattern: / (?:tweet|twitter tweet|instagram media|tiktok embed|oembed)(?= )/, reason: 'embedded social-media post' },
	{ pattern: / (?:complementary|sidebar)(?= )/, reason: 'side box' },
	{ pattern: / (?:hidden|visually hidden|sr only|screen reader text)(?= )/, reason: 'hidden text' },
];

const NAME = "\\p{Lu}[\\p{L}.'’-]*(?: \\p{Lu}[\\p{L}.'’-]*){0,3}";

/** Lines that are page furniture wherever they stand, tested on the collapsed text. First match wins. */
const CLUTTER_LINES: { pattern: Pick<RegExp, 'test'>; reason: string }[] = [
	{ pattern: /^(?:also read|read also|also see|see also|must read|don't miss|don’t miss)\s*(?:[:|\-–—»›>]|$)/i, reason: '"Also read" link' },
	{ pattern: /^(?:read more|more on this|read the full story|continue reading)\s*(?:[:|\-–—»›>.…]|$)/i, reason: '"Read more" link' },
	{
		pattern: /^(?:advertisement|advertising|sponsored(?: content)?|ad|(?:story|article) continues below(?: this)? advertisement|scroll to continue(?: with content)?)$/i,
		reason: 'advertisement',
	},
	{ pattern: /^(?:share(?: this)?(?: article| story)?|share on \w+|tweet|email|print|copy link)$/i, reason: 'share buttons' },
	{ pattern: /^(?:related(?: articles| stories| news| coverage)?|more (?:articles|stories)|recommended(?: for you)?|most read|trending(?: now)?)$/i, reason: 'related-stories list' },
	// "Related: <another article's headline>", "More on this: …", "See related | …".
	{ pattern: /^(?:related|see related|more on this|more from \S+|recommended)(?: articles?| stories| story| news| coverage| links?)?\s*[:|»›>–—]/i, reason: 'related-stories list' },
	{ pattern: /^comments?(?: \(\d+\))?$/i, reason: 'comments' },
	{ pattern: /^(?:copyright\b|©|ⓒ|\(c\) )/i, reason: 'copyright notice' },
	{ pattern: /^(?:sign up|subscribe)\b.{0,80}\bnewsletters?\b/i, reason: 'newsletter box' },
	{ pattern: /^\d+\s+min(?:ute)?s?\s+read$/i, reason: 'reading-time label' },
	{ pattern: /^(?:photo|image|picture|file photo|photograph)(?: credit)?\s*:/i, reason: 'photo caption' },
	{ pattern: new RegExp(`^By ${NAME}(?:(?:,| and| &) ${NAME})*$`, 'u'), reason: 'byline' },
	// Published and updated timestamps, one or several, and nothing else (src/lib/timestamp-line.ts).
	{ pattern: { test: isTimestampLine }, reason: 'date line' },
];

/**
 * The body blocks of an article element, and what was taken out. The root itself is
 * never furniture; each element under it may be.
 */
export function elementToBlocks(root: Element): BodyText {
	const walk: Walk = { ...newWalk(countWords(root.textContent ?? '')), removed: [], linkOnly: new Set() };
	walkChildren(root, walk);
	flush(walk);
	return { blocks: walk.blocks, removed: walk.removed, linkOnly: walk.linkOnly };
}

/** The body blocks of an HTML fragment, such as a feed item's content. */
export function htmlFragmentToBlocks(html: string): BodyText {
	return elementToBlocks(parseFragment(html));
}

/** The text of an HTML fragment (a feed item's title), with entities decoded and tags dropped. */
export function htmlToText(html: string): string {
	return collapseWhitespace(
		textLines(parseFragment(html))
			.map((line) => line.text)
			.join(' '),
	);
}

/**
 * Why an element is page furniture rather than article text, or undefined where it is
 * not: by its tag (`figure`, `nav`, `aside`, `form`, …), by the words of its class, id
 * or role on a block (`class="newsletter-signup"`), or because it is hidden. Only a
 * photo caption is furniture at any size; anything else must hold at most half of the
 * article's words (`rootWords`), so that an article container with an odd class
 * ("story share-enabled") or a page wrapped whole in a `<form>` is never thrown away.
 */
export function clutterReason(element: Element, rootWords: number): string | undefined {
	const tag = tagOf(element);
	if (tag === 'figcaption') return 'photo caption';
	const reason = furnitureReason(element, tag);
	if (!reason) return undefined;
	return countWords(element.textContent ?? '') * 2 <= rootWords ? reason : undefined;
}

/**
 * The outermost furniture under `root`, in page order, each with the reason: what to
 * take out of a page before Readability reads it.
 */
export function findFurniture(root: Element): { element: Element; reason: string }[] {
	const rootWords = countWords(root.textContent ?? '');
	const found: { element: Element; reason: string }[] = [];
	const visit = (parent: Element) => {
		for (const element of Array.from(parent.children)) {
			if (NOT_TEXT.has(tagOf(element))) continue;
			const reason = clutterReason(element, rootWords);
			if (reason) found.push({ element, reason });
			else visit(element);
		}
	};
	visit(root);
	return found;
}

/** Why a line of text is page furniture wherever it stands ("Also read: …", "Advertisement"), or undefined. */
export function lineClutterReason(text: string): string | undefined {
	return CLUTTER_LINES.find(({ pattern }) => pattern.test(text))?.reason ?? boilerplateReason(text);
}

/**
 * The lines of text under an element, as a reader sees them: a new line at each block
 * and at each `<br>`, white space collapsed, code and embeds left out.
 */
export function textLines(root: Element): TextLine[] {
	const lines: TextLine[] = [];
	let buffer = '';
	let holder = root;
	const endLine = () => {
		const text = collapseWhitespace(buffer);
		if (text) lines.push({ text, element: holder });
		buffer = '';
	};
	const visit = (parent: Element) => {
		for (const node of Array.from(parent.childNodes)) {
			if (node.nodeType === TEXT_NODE) buffer += node.textContent ?? '';
			if (node.nodeType !== ELEMENT_NODE) continue;
			const element = node as Element;
			const tag = tagOf(element);
			if (NOT_TEXT.has(tag)) continue;
			if (tag === 'br') {
				endLine();
				continue;
			}
			if (!BLOCK_TAGS.has(tag)) {
				visit(element);
				continue;
			}
			endLine();
			const outer = holder;
			holder = element;
			visit(element);
			endLine();
			holder = outer;
		}
	};
	visit(root);
	endLine();
	return lines;
}

/** Words in a text; each Chinese or Japanese character counts as one, as those scripts put no spaces between words. */
export function countWords(text: string): number {
	return text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[^\s\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+/gu)?.length ?? 0;
}

/**
 * Why the blocks are too little to be an article (`only 12 words in 1 paragraph`, `no
 * paragraphs`), or undefined where they are enough. Paragraphs in `linkOnly` do not count.
 */
export function tooLittleText(blocks: Block[], linkOnly: ReadonlySet<Block> = new Set()): string | undefined {
	const counted = blocks.filter((block) => !linkOnly.has(block));
	const paragraphs = counted.filter((block) => block.type === 'paragraph');
	const words = counted.reduce((sum, block) => sum + (block.type === 'list' ? countWords(block.items.join(' ')) : countWords(block.text)), 0);
	if (paragraphs.length >= MIN_PARAGRAPHS && words >= MIN_WORDS) return undefined;
	if (paragraphs.length === 0) return 'no paragraphs';
	const only = paragraphs.length === 1 ? (paragraphs[0] as Extract<Block, { type: 'paragraph' }>) : undefined;
	if (only && words >= SINGLE_PARAGRAPH.words && splitSentences(only.text).length >= SINGLE_PARAGRAPH.sentences) return undefined;
	return `only ${words} ${words === 1 ? 'word' : 'words'} in ${paragraphs.length} ${paragraphs.length === 1 ? 'paragraph' : 'paragraphs'}`;
}

/** The element's tag name in lower case (linkedom upper-cases some). */
export function tagOf(element: Element): string {
	return (element.localName || element.tagName).toLowerCase();
}

interface Walk extends BodyText {
	/** The text of the block being read. */
	inline: string[];
	/** The part of `inline` inside links. */
	linkText: string[];
	linkDepth: number;
	inlineType: 'paragraph' | 'heading';
	rootWords: number;
}

function newWalk(rootWords: number): Omit<Walk, 'removed' | 'linkOnly'> {
	return { blocks: [], inline: [], linkText: [], linkDepth: 0, inlineType: 'paragraph', rootWords };
}

function walkChildren(parent: Element, walk: Walk): void {
	for (const node of Array.from(parent.childNodes)) {
		if (node.nodeType === TEXT_NODE) {
			walk.inline.push(node.textContent ?? '');
			if (walk.linkDepth > 0) walk.linkText.push(node.textContent ?? '');
		}
		if (node.nodeType !== ELEMENT_NODE) continue;
		const element = node as Element;
		const tag = tagOf(element);
		if (NOT_TEXT.has(tag)) continue;
		if (tag === 'br') {
			walk.inline.push(' ');
			continue;
		}
		const block = BLOCK_TAGS.has(tag);
		const reason = clutterReason(element, walk.rootWords);
		if (reason) {
			if (block) flush(walk);
			record(walk, element, reason);
			continue;
		}
		if (!block) {
			if (tag === 'a') walk.linkDepth++;
			walkChildren(element, walk);
			if (tag === 'a') walk.linkDepth--;
			continue;
		}
		flush(walk);
		if (tag === 'ul' || tag === 'ol') readList(element, walk);
		else if (/^h[1-6]$/.test(tag)) {
			walk.inlineType = 'heading';
			walkChildren(element, walk);
			flush(walk);
			walk.inlineType = 'paragraph';
		} else {
			walkChildren(element, walk);
			flush(walk);
		}
	}
}

/** Ends the block being read: a paragraph or heading, or a removal where the line is furniture. */
function flush(walk: Walk): void {
	const text = collapseWhitespace(walk.inline.join(''));
	const linkText = collapseWhitespace(walk.linkText.join(''));
	walk.inline = [];
	walk.linkText = [];
	if (!text) return;
	const reason = lineClutterReason(text);
	if (reason) {
		walk.removed.push({ text, reason });
		return;
	}
	const block: Block = { type: walk.inlineType, text };
	walk.blocks.push(block);
	if (linkText === text) walk.linkOnly.add(block);
}

/** A list, one item per `<li>`; a list nested in an item adds its items after it. */
function readList(list: Element, walk: Walk): void {
	const items: string[] = [];
	for (const child of Array.from(list.children)) {
		if (NOT_TEXT.has(tagOf(child))) continue;
		const reason = clutterReason(child, walk.rootWords);
		if (reason) {
			record(walk, child, reason);
			continue;
		}
		const inner: Walk = { ...newWalk(walk.rootWords), removed: walk.removed, linkOnly: new Set() };
		walkChildren(child, inner);
		flush(inner);
		const ownText = inner.blocks.flatMap((block) => (block.type === 'list' ? [] : [block.text])).join(' ');
		if (ownText) items.push(ownText);
		for (const block of inner.blocks) if (block.type === 'list') items.push(...block.items);
	}
	if (items.length > 0) walk.blocks.push({ type: 'list', items });
}

/** Puts each line of a furniture element on record, with the reason. */
function record(walk: Walk, element: Element, reason: string): void {
	for (const line of textLines(element)) walk.removed.push({ text: line.text, reason });
}

function furnitureReason(element: Element, tag: string): string | undefined {
	if (isHidden(element)) return 'hidden text';
	// Class words count on blocks, custom elements (`<amp-ad>`) and inline elements that
	// stand alone, never inside running text: `<time class="date">` may be part of a
	// sentence, or of a dateline.
	const custom = tag.includes('-');
	const byWords = BLOCK_TAGS.has(tag) || custom || standsAlone(element) ? wordReason(element, custom ? tag : undefined) : undefined;
	if (tag === 'aside') return byWords ?? 'side box';
	return byWords ?? CLUTTER_TAGS[tag];
}

function wordReason(element: Element, tag: string | undefined): string | undefined {
	const words = ` ${[tag, element.getAttribute('class'), element.getAttribute('id'), element.getAttribute('role')]
		.filter((value) => value)
		.join(' ')
		.replace(/([a-z])([A-Z])/g, '$1 $2')
		.toLowerCase()
		.split(/[^a-z0-9]+/)
		.filter((word) => word)
		.join(' ')} `;
	if (words.trim() === '') return undefined;
	return CLUTTER_WORDS.find(({ pattern }) => pattern.test(words))?.reason;
}

/** Blocks whose inline content is running text. */
const TEXT_BLOCKS = new Set(['p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'td', 'th', 'dd', 'dt', 'blockquote', 'pre', 'caption', 'figcaption']);

/**
 * True for an inline element that is not part of running text: its block is not a
 * paragraph, item or heading, and holds no text of its own beside its elements.
 */
function standsAlone(element: Element): boolean {
	let block = element.parentElement;
	while (block && !BLOCK_TAGS.has(tagOf(block))) block = block.parentElement;
	if (!block || TEXT_BLOCKS.has(tagOf(block))) return false;
	return Array.from(block.childNodes).every((node) => node.nodeType !== TEXT_NODE || (node.textContent ?? '').trim() === '');
}

function isHidden(element: Element): boolean {
	if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
	return /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(element.getAttribute('style') ?? '');
}

function parseFragment(html: string): Element {
	const { document } = parseHTML(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`);
	return document.body;
}
