/**
 * The same article twice: two entries made from one source, or two whose texts share
 * most of their sentences (the same wire story ingested under two ids). Either would
 * count one report as two sources, so the checker refuses it and names both.
 */
import { compareText } from '../lib/compare.ts';
import { splitSentences } from '../lib/sentences.ts';
import type { Problem } from '../lib/problems.ts';
import type { ArticleData } from '../schema/index.ts';
import { locate } from './references.ts';
import type { Entry, ModelInput } from './types.ts';

/** Above this share of the shorter article's sentences, two articles are one. */
export const DUPLICATE_SHARE = 0.5;
/** A sentence found in more articles than this is boilerplate ("Reuters"), not evidence of a copy. */
const BOILERPLATE_SPREAD = 20;

/**
 * Every article that repeats another: the same `seed`, the same `url`, or more than
 * half its sentences (counted on the shorter of the two) in common. The problem
 * stands on the copy, and names the article it repeats. The copy is the one the rest
 * of the story cites less (a new entry is cited by nothing yet); on a tie, the later
 * id. `paragraphs` gives each article's plain text, by id.
 */
export function findDuplicateArticles(input: ModelInput, paragraphs: ReadonlyMap<string, readonly string[]>): Problem[] {
	const problems: Problem[] = [];
	const cited = citationCounts(input);
	const ordered = [...input.articles].sort((a, b) => (cited.get(b.id) ?? 0) - (cited.get(a.id) ?? 0) || compareText(a.id, b.id));
	const reported = new Set<string>();
	const report = (later: Entry<ArticleData>, earlier: Entry<ArticleData>, field: string, found: string) => {
		if (reported.has(later.id)) return;
		reported.add(later.id);
		problems.push({
			file: locate('articles', later),
			field,
			expected: `expected an article that is not already in the story as "${earlier.id}" (${locate('articles', earlier)})`,
			found,
		});
	};

	for (const field of ['seed', 'url'] as const) {
		const first = new Map<string, Entry<ArticleData>>();
		for (const article of ordered) {
			const value = article.data[field];
			if (!value) continue;
			const earlier = first.get(value);
			if (earlier) report(article, earlier, field, `${JSON.stringify(value)}, the ${field === 'seed' ? 'source' : 'address'} of both`);
			else first.set(value, article);
		}
	}

	// Which articles hold each sentence; then, for each article, how many of its
	// sentences each earlier article shares. Linear in the number of sentences.
	const sentencesOf = new Map<string, Set<string>>();
	const holders = new Map<string, Entry<ArticleData>[]>();
	for (const article of ordered) {
		const sentences = new Set((paragraphs.get(article.id) ?? []).flatMap((text) => splitSentences(text)));
		sentencesOf.set(article.id, sentences);
		for (const sentence of sentences) {
			const list = holders.get(sentence) ?? [];
			list.push(article);
			holders.set(sentence, list);
		}
	}
	for (const article of ordered) {
		const own = sentencesOf.get(article.id) as Set<string>;
		const shared = new Map<Entry<ArticleData>, number>();
		for (const sentence of own) {
			const list = holders.get(sentence) as Entry<ArticleData>[];
			if (list.length > BOILERPLATE_SPREAD) continue;
			for (const other of list) {
				if (other === article) break; // Only the articles before it: each list is in that order.
				shared.set(other, (shared.get(other) ?? 0) + 1);
			}
		}
		for (const [earlier, count] of shared) {
			const shorter = Math.min(own.size, (sentencesOf.get(earlier.id) as Set<string>).size);
			if (count > 1 && count > shorter * DUPLICATE_SHARE) {
				report(article, earlier, 'body', `${count} of its ${own.size} sentences in "${earlier.id}" too`);
				break;
			}
		}
	}
	return problems;
}

/** How often the rest of the story cites each article: events, quotes, claims and the overview. */
function citationCounts(input: ModelInput): Map<string, number> {
	const counts = new Map<string, number>();
	const cite = (id: string) => counts.set(id, (counts.get(id) ?? 0) + 1);
	for (const stop of input.stops) {
		for (const event of stop.data.events) event.articles.forEach(cite);
		for (const quote of stop.data.quotes) cite(quote.article);
	}
	for (const fact of input.facts ?? []) for (const source of fact.data.sources) cite(source.article);
	for (const overview of input.overview ?? []) for (const sentence of overview.data.sentences) sentence.articles.forEach(cite);
	return counts;
}
