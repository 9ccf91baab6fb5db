/**
 * The markdown pipeline of the site, in order:
 * 1. paragraph anchors (`p-1`, …), numbered before anything else changes the tree;
 * 2. raw HTML turned into text (untrusted bodies never become markup);
 * 3. links from the first mention of each entity in a section to its page;
 * 4. rehype-sanitize over the resulting HTML tree.
 */
import type { RehypePlugins, RemarkPlugins } from '@astrojs/markdown-remark';
import type { NameTarget } from '../lib/name-matcher.ts';
import type { SiteUrls } from '../lib/urls.ts';
import type { EntityKind } from '../model/types.ts';
import { remarkEntityLinks } from './remark-entity-links.ts';
import { remarkParagraphAnchors } from './remark-paragraph-anchors.ts';
import { rehypeSanitizePlugin, remarkRawHtmlAsText } from './sanitize.ts';

export function markdownPlugins(options: {
	names: ReadonlyMap<string, NameTarget<EntityKind>>;
	urls: SiteUrls;
}): { remarkPlugins: RemarkPlugins; rehypePlugins: RehypePlugins } {
	return {
		remarkPlugins: [
			remarkParagraphAnchors,
			remarkRawHtmlAsText,
			[remarkEntityLinks, { names: options.names, href: (target: NameTarget<EntityKind>) => options.urls.page(target.kind, target.id) }],
		],
		rehypePlugins: [rehypeSanitizePlugin],
	};
}
