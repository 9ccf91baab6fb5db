/**
 * Marks every link of a body that leaves the site: `rel="noopener noreferrer"`, so the
 * page it opens cannot script ours nor learn our address. In an article, the words are
 * a third party's, and we do not vouch for their links: those also get `nofollow ugc`.
 * The site's own links are relative (`/stops/seoul/`, `#p-3`), so a link is outbound
 * when its URL is absolute: `https:`, `http:` or `mailto:`, all the sanitiser keeps.
 */
import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { articleIdOf } from './remark-passage-marks.ts';

/** The `rel` of a link to another site: in our own words, and in a third party's. */
export const OUTBOUND_REL = ['noopener', 'noreferrer'] as const;
export const THIRD_PARTY_OUTBOUND_REL = ['nofollow', 'ugc', ...OUTBOUND_REL] as const;

/** True for a URL that leads off the site: one with a scheme. */
export function isOutbound(href: string): boolean {
	return /^[a-z][a-z0-9+.-]*:/i.test(href.trim());
}

export function rehypeOutboundLinks() {
	return (tree: Root, file: VFile) => {
		const rel = articleIdOf(file.path) ? THIRD_PARTY_OUTBOUND_REL : OUTBOUND_REL;
		visit(tree, 'element', (node: Element) => {
			const href = node.properties['href'];
			if (node.tagName === 'a' && typeof href === 'string' && isOutbound(href)) node.properties['rel'] = [...rel];
		});
	};
}
