/**
 * The paragraphs of a markdown body, in document order, and their permalink anchors.
 *
 * The remark plugin that gives each paragraph its `id` (`src/markdown/`) and the model
 * that links a passage to its place in an article (`src/model/`) both number
 * paragraphs through this one function, so an anchor always lands on its words.
 */
import type { List, ListItem, Paragraph, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { remark } from 'remark';
import { collapseWhitespace } from './text.ts';

/** A paragraph, and the node whose HTML element carries its anchor. */
export interface AnchoredParagraph {
	paragraph: Paragraph;
	/**
	 * The paragraph itself, or, in a tight list, its list item: there the HTML has no
	 * `<p>` (remark-rehype unwraps it), so the `<li>` must carry the id.
	 */
	holder: Paragraph | ListItem;
}

/** Every paragraph, list items' paragraphs included, in document order. */
export function paragraphNodes(tree: Root): AnchoredParagraph[] {
	const found: AnchoredParagraph[] = [];
	const visit = (node: Root | RootContent, tightItem?: ListItem) => {
		if (node.type === 'paragraph') {
			found.push({ paragraph: node, holder: tightItem ?? node });
			return;
		}
		if (node.type === 'list') {
			for (const item of node.children) {
				for (const child of item.children) visit(child, isLoose(node) ? undefined : item);
			}
			return;
		}
		if ('children' in node) for (const child of node.children) visit(child);
	};
	visit(tree);
	return found;
}

/** As remark-rehype decides it: a list is loose if it, or any of its items, is spread. */
function isLoose(list: List): boolean {
	return Boolean(list.spread) || list.children.some((item) => Boolean(item.spread));
}

/** The anchor id of the paragraph at `index` (from 0): `p-1`, `p-2`, … */
export function paragraphAnchor(index: number): string {
	return `p-${index + 1}`;
}

/** The plain text of each paragraph of a markdown body, white space collapsed. */
export function paragraphTexts(markdown: string): string[] {
	return plainParagraphTexts(markdown) ?? remarkParagraphTexts(markdown);
}

/** The plain text of each paragraph, through remark: the reference. */
export function remarkParagraphTexts(markdown: string): string[] {
	return paragraphNodes(remark().parse(markdown)).map(({ paragraph }) => collapseWhitespace(toString(paragraph)));
}

/** A line that begins a markdown block other than a paragraph: a heading, a quote, a list, a fence, a table, HTML, code. */
const BLOCK_START = /^(?: {4}|\t| {0,3}(?:[#>+*=|<`~-]|\d{1,9}[.)](?:\s|$)))/;
/** Characters that make inline markdown: emphasis, links, images, code, HTML, escapes and entities. */
const INLINE_MARK = /[*_[\]<>\\&`]/;

/**
 * The paragraphs of a body of plain prose, the fast way: blocks between blank lines,
 * where no line begins another kind of block and no character makes inline markdown,
 * each with its white space collapsed. Exactly what remark gives for such a body (a
 * test holds the two to each other); undefined for any other body, which remark reads.
 * Thousands of bodies are read at every build and every update: most are plain prose.
 */
export function plainParagraphTexts(markdown: string): string[] | undefined {
	const paragraphs: string[] = [];
	for (const block of markdown.split(/\n[ \t]*\n/)) {
		const lines = block.split('\n').filter((line) => line.trim() !== '');
		if (lines.length === 0) continue;
		// A heading of its own block ("## What it means") is no paragraph; anything else odd is remark's to read.
		if (lines.length === 1 && /^ {0,3}#{1,6}[ \t]+\S/.test(lines[0] as string) && !INLINE_MARK.test(lines[0] as string)) continue;
		if (lines.some((line) => BLOCK_START.test(line)) || INLINE_MARK.test(block)) return undefined;
		paragraphs.push(collapseWhitespace(lines.join(' ')));
	}
	return paragraphs;
}
