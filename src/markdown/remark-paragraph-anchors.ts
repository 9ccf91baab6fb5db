/**
 * Gives every paragraph an `id` (`p-1`, `p-2`, …), so that a passage can be linked
 * to and highlighted with `:target`, with no JavaScript. In a tight list the id goes
 * on the list item, which is where the paragraph's text ends up in the HTML.
 */
import type { Root } from 'mdast';
// Declares `data.hProperties` on mdast nodes: the properties remark-rehype gives the HTML element.
import type {} from 'mdast-util-to-hast';
import { paragraphAnchor, paragraphNodes } from '../lib/markdown-blocks.ts';

export function remarkParagraphAnchors() {
	return (tree: Root) => {
		paragraphNodes(tree).forEach(({ holder }, index) => {
			holder.data = { ...holder.data, hProperties: { ...holder.data?.hProperties, id: paragraphAnchor(index) } };
		});
	};
}
