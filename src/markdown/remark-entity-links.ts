/**
 * Links the known entities in a text to their pages: the first mention of each
 * entity in each section (a section starts at each heading), not every one. Text
 * inside headings, links and code is left alone.
 */
import type { Link, Parent, PhrasingContent, Root, RootContent, Text } from 'mdast';
import { createNameMatcher, type NameTarget } from '../lib/name-matcher.ts';

export interface EntityLinkOptions<Kind extends string> {
	/** Every name and alias, each resolving to one entity: read for each text, so it may change between texts. */
	names: () => ReadonlyMap<string, NameTarget<Kind>>;
	/** The page of an entity. */
	href: (target: NameTarget<Kind>) => string;
}

const SKIPPED = new Set(['heading', 'link', 'linkReference', 'code', 'inlineCode', 'html', 'definition']);

export function remarkEntityLinks<Kind extends string>(options: EntityLinkOptions<Kind>) {
	// One matcher per set of names: built again only when the names change.
	let matcherOf: { names: ReadonlyMap<string, NameTarget<Kind>>; matcher: ReturnType<typeof createNameMatcher<Kind>> } | undefined;
	return (tree: Root) => {
		const names = options.names();
		if (matcherOf?.names !== names) matcherOf = { names, matcher: createNameMatcher(names) };
		const { matcher } = matcherOf;
		let linked = new Set<string>();
		const visit = (parent: Parent) => {
			for (let index = 0; index < parent.children.length; index++) {
				const child = parent.children[index] as RootContent;
				if (child.type === 'heading') linked = new Set();
				if (SKIPPED.has(child.type)) continue;
				if (child.type === 'text') {
					const replacement = linkNames(child, matcher.find(child.value), linked, options.href);
					if (replacement) {
						parent.children.splice(index, 1, ...(replacement as RootContent[]));
						index += replacement.length - 1;
					}
				} else if ('children' in child) {
					visit(child);
				}
			}
		};
		visit(tree);
	};
}

/** The text split around the first mentions not yet linked in this section, or undefined if none. */
function linkNames<Kind extends string>(
	node: Text,
	matches: ReturnType<ReturnType<typeof createNameMatcher<Kind>>['find']>,
	linked: Set<string>,
	href: (target: NameTarget<Kind>) => string,
): PhrasingContent[] | undefined {
	const parts: PhrasingContent[] = [];
	let cursor = 0;
	for (const match of matches) {
		const key = `${match.target.kind}:${match.target.id}`;
		if (linked.has(key)) continue;
		linked.add(key);
		if (match.start > cursor) parts.push({ type: 'text', value: node.value.slice(cursor, match.start) });
		const link: Link = {
			type: 'link',
			url: href(match.target),
			children: [{ type: 'text', value: match.name }],
			data: { hProperties: { className: ['entity-link'] } },
		};
		parts.push(link);
		cursor = match.end;
	}
	if (parts.length === 0) return undefined;
	if (cursor < node.value.length) parts.push({ type: 'text', value: node.value.slice(cursor) });
	return parts;
}
