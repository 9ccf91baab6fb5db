/**
 * The paragraphs of a markdown body, in document order, and their permalink anchors.
 *
 * The remark plugin that gives each paragraph its `id` (`src/markdown/`) and the model
 * that links a passage to its place in an article (`src/model/`) both number
 * paragraphs through this one function, so an anchor always lands on its words.
 */
import type { Paragraph, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { remark } from 'remark';

/** Every paragraph node, list items' paragraphs included, in document order. */
export function paragraphNodes(tree: Root): Paragraph[] {
	const found: Paragraph[] = [];
	const visit = (node: Root | RootContent) => {
		if (node.type === 'paragraph') {
			found.push(node);
			return;
		}
		if ('children' in node) for (const child of node.children) visit(child);
	};
	visit(tree);
	return found;
}

/** The anchor id of the paragraph at `index` (from 0): `p-1`, `p-2`, … */
export function paragraphAnchor(index: number): string {
	return `p-${index + 1}`;
}

/** The plain text of each paragraph of a markdown body, white space collapsed. */
export function paragraphTexts(markdown: string): string[] {
	return paragraphNodes(remark().parse(markdown)).map((node) => toString(node).replace(/\s+/g, ' ').trim());
}
