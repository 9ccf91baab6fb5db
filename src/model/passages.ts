/**
 * Passages: words the content quotes from an article. Each must stand in the article
 * verbatim, or the build fails naming the record, the article and the words.
 */
import { paragraphAnchor, paragraphTexts } from '../lib/markdown-blocks.ts';
import type { Problem } from '../lib/problems.ts';
import { locate } from './references.ts';
import type { ModelInput } from './types.ts';

/** The paragraphs of every article, by id, computed once. */
export function articleParagraphs(input: ModelInput): Map<string, string[]> {
	return new Map(input.articles.map((article) => [article.id, paragraphTexts(article.body ?? '')]));
}

/** The anchor of the paragraph holding `words`, or undefined if no paragraph holds them. */
export function findPassage(paragraphs: readonly string[], words: string): string | undefined {
	const wanted = words.replace(/\s+/g, ' ').trim();
	const index = paragraphs.findIndex((paragraph) => paragraph.includes(wanted));
	return index === -1 ? undefined : paragraphAnchor(index);
}

/** Every quote whose words do not stand verbatim in the article it cites. */
export function findPassageProblems(input: ModelInput, paragraphs: ReadonlyMap<string, string[]>): Problem[] {
	const problems: Problem[] = [];
	for (const stop of input.stops) {
		stop.data.quotes.forEach((quote, index) => {
			const text = paragraphs.get(quote.article);
			if (!text || findPassage(text, quote.text)) return;
			problems.push({
				file: locate('stops', stop),
				field: `quotes[${index}].text`,
				expected: `expected words that stand verbatim in the article "${quote.article}"`,
				found: JSON.stringify(quote.text.length > 80 ? `${quote.text.slice(0, 79)}…` : quote.text),
			});
		});
	}
	return problems;
}
