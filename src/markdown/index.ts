/**
 * The markdown pipeline of the site, in order:
 * 1. paragraph anchors (`p-1`, …), numbered before anything else changes the tree;
 * 2. marks on the passages the fact ledger and the quotes cite (`q-…`);
 * 3. raw HTML turned into text (untrusted bodies never become markup);
 * 4. links from the first mention of each entity in a section to its page;
 * 5. rehype-sanitize over the resulting HTML tree;
 * 6. `rel` on every link that leaves the site (`nofollow ugc` too in an article).
 */
import { unified, type RehypePlugins, type RemarkPlugins } from '@astrojs/markdown-remark';
import type { NameTarget } from '../lib/name-matcher.ts';
import type { SiteUrls } from '../lib/urls.ts';
import type { EntityKind } from '../model/types.ts';
import { rehypeOutboundLinks } from './rehype-outbound-links.ts';
import { remarkEntityLinks } from './remark-entity-links.ts';
import { remarkParagraphAnchors } from './remark-paragraph-anchors.ts';
import { remarkPassageMarks } from './remark-passage-marks.ts';
import { rehypeSanitizePlugin, remarkRawHtmlAsText } from './sanitize.ts';

/** What the plugins need from the whole story, read again for every body. */
export interface StoryNames {
	/** Every name and alias, each resolving to one entity. */
	names: ReadonlyMap<string, NameTarget<EntityKind>>;
	/** The cited passages of each article, by id. */
	passages: ReadonlyMap<string, readonly string[]>;
}

/**
 * `story` gives the names and passages current when a body is rendered: in the dev
 * server they change while the processor lives (see `src/content-files/content-snapshot.ts`).
 */
export function markdownPlugins(options: { story: () => StoryNames; urls: SiteUrls }): {
	remarkPlugins: RemarkPlugins;
	rehypePlugins: RehypePlugins;
} {
	return {
		remarkPlugins: [
			remarkParagraphAnchors,
			[remarkPassageMarks, { passages: () => options.story().passages }],
			remarkRawHtmlAsText,
			[remarkEntityLinks, { names: () => options.story().names, href: (target: NameTarget<EntityKind>) => options.urls.page(target.kind, target.id) }],
		],
		rehypePlugins: [rehypeSanitizePlugin, rehypeOutboundLinks],
	};
}

/**
 * The site's markdown processor, for `markdown.processor` in `astro.config.mjs` and for
 * the render workers (`src/content-files/render-bodies.ts`), which must render exactly
 * as Astro would. SmartyPants stays off: quotes must stay as the sources print them, or
 * passages would no longer match their articles. GFM stays off: a body is CommonMark, as
 * `remark()` reads it where paragraphs are numbered (`src/lib/markdown-blocks.ts`) and
 * where fidelity to the source is proved, so the rendered paragraphs are those numbered.
 */
export function storyMarkdownProcessor(options: { story: () => StoryNames; urls: SiteUrls }) {
	return unified({ smartypants: false, gfm: false, ...markdownPlugins(options) });
}
