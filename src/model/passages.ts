/**
 * The paragraphs of every article, as plain text: where cited passages are looked up
 * (`facts.ts`) and where mentions are found (`mentions.ts`).
 */
import { paragraphTexts } from '../lib/markdown-blocks.ts';
import type { ModelInput } from './types.ts';

/** The paragraphs of every article, by id, computed once. */
export function articleParagraphs(input: ModelInput): Map<string, string[]> {
	return new Map(input.articles.map((article) => [article.id, paragraphTexts(article.body ?? '')]));
}
