/**
 * Article bodies come from third parties, so nothing in them may run in a reader's
 * browser. Two lines of defence:
 *
 * 1. `remarkRawHtmlAsText`: raw HTML in a body (`<script>`, `<img onerror>`,
 *    `<iframe>`) is never parsed as markup. It becomes plain text, escaped on output,
 *    so a reader sees exactly what the source held, and nothing is silently dropped.
 * 2. `rehype-sanitize` with GitHub's rules then checks every element markdown itself
 *    made: links and images keep only http(s) and mailto URLs, so `[x](javascript:…)`
 *    loses its `href`.
 *
 * Since no third-party markup reaches the HTML tree, every id in it is ours (the
 * paragraph anchors `p-3`), and ids need no clobber prefix.
 */
import type { Html, Paragraph, Parent, Root, RootContent, Text } from 'mdast';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';

/** Turns every raw HTML node into text: inline HTML into a text node, a block of HTML into a paragraph. */
export function remarkRawHtmlAsText() {
	return (tree: Root) => {
		const visit = (parent: Parent, inline: boolean) => {
			parent.children = parent.children.map((child) => {
				if (child.type !== 'html') {
					if ('children' in child) visit(child, child.type === 'paragraph' || child.type === 'heading' || inline);
					return child;
				}
				const text: Text = { type: 'text', value: (child as Html).value };
				return inline ? text : ({ type: 'paragraph', children: [text] } satisfies Paragraph);
			}) as RootContent[];
		};
		visit(tree, false);
	};
}

export const sanitizeSchema: SanitizeSchema = {
	...defaultSchema,
	clobber: [],
	clobberPrefix: '',
	// `mark` holds the cited passages (src/markdown/remark-passage-marks.ts).
	tagNames: [...(defaultSchema.tagNames ?? []), 'mark'],
	attributes: {
		mark: ['id', ['className', 'passage']],
		...defaultSchema.attributes,
		// One rule per attribute: the first rule for a name wins, so ours replaces GitHub's.
		a: [
			...(defaultSchema.attributes?.['a'] ?? []).filter((rule) => !(Array.isArray(rule) && rule[0] === 'className')),
			['className', 'data-footnote-backref', 'entity-link'],
		],
	},
};

export const rehypeSanitizePlugin: [typeof rehypeSanitize, SanitizeSchema] = [rehypeSanitize, sanitizeSchema];
