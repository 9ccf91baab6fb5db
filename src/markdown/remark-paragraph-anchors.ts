/**
 * Gives every paragraph an `id` (`p-1`, `p-2`, …), so that a passage can be linked
 * to and highlighted with `:target`, with no JavaScript.
 */
import type { Root } from 'mdast';
import { paragraphAnchor, paragraphNodes } from '../lib/markdown-blocks.ts';

export function remarkParagraphAnchors() {
	return (tree: Root) => {
		paragraphNodes(tree).forEach((paragraph, index) => {
			paragraph.data = { ...paragraph.data, hProperties: { ...paragraph.data?.hProperties, id: paragraphAnchor(index) } };
		});
	};
}
