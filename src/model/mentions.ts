/**
 * Mentions: for every entity, the sentences of the articles that name it, each with
 * the anchor of its paragraph, so a page can show the exact words and link to them.
 * One pass over every paragraph of every article.
 */
import { paragraphAnchor } from '../lib/markdown-blocks.ts';
import { createNameMatcher, type NameTarget } from '../lib/name-matcher.ts';
import { splitSentences } from '../lib/sentences.ts';
import type { ArticleNode, EntityKind, Mention } from './types.ts';

/** The mentions of each entity, keyed `<kind>:<id>`, articles in the order given. */
export function findMentions(
	articles: readonly ArticleNode[],
	names: ReadonlyMap<string, NameTarget<EntityKind>>,
): Map<string, Mention[]> {
	const matcher = createNameMatcher(names);
	const mentions = new Map<string, Mention[]>();
	for (const article of articles) {
		article.paragraphs.forEach((paragraph, index) => {
			const seen = new Set<string>();
			for (const sentence of splitSentences(paragraph)) {
				for (const match of matcher.find(sentence)) {
					const key = `${match.target.kind}:${match.target.id}`;
					// One mention per entity per sentence, however often the sentence names it.
					if (seen.has(`${key} ${sentence}`)) continue;
					seen.add(`${key} ${sentence}`);
					const list = mentions.get(key) ?? [];
					list.push({ article: article.id, anchor: paragraphAnchor(index), sentence, name: match.name });
					mentions.set(key, list);
				}
			}
		});
	}
	return mentions;
}
