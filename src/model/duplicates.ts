/**
 * The same article twice: two entries made from one source, or two whose texts share
 * most of their sentences (the same wire story ingested under two ids). Either would
 * count one report as two sources, so the checker refuses it and names both.
 */
import { compareText } from '../lib/compare.ts';
import { distinctSentences } from './paragraph-sentences.ts';
import type { Problem } from '../lib/problems.ts';
import type { ArticleData } from '../schema/index.ts';
import { locate } from './references.ts';
import type { Entry, ModelInput } from './types.ts';

/** Above this share of the shorter article's sentences, two articles are one. */
export const DUPLICATE_SHARE = 0.5;
/** A sentence found in more articles than this is boilerplate ("Reuters"), not evidence of a copy. */
const BOILERPLATE_SPREAD = 20;
/** The paragraphs of an article with none. */
const NO_PARAGRAPHS: readonly string[] = [];

/** One article that repeats another, and how. */
export interface CopiedArticle {
	/** The copy: the one the rest of the story cites less (a new entry is cited by nothing yet); on a tie, the later id. */
	copy: Entry<ArticleData>;
	/** The article it repeats. */
	original: Entry<ArticleData>;
	/** What they share: `seed`, `url`, `guid`, or `body` for their sentences. */
	field: 'seed' | 'url' | 'guid' | 'body';
	/** What was found, for a person: `"x.txt", the source of both`, `9 of its 10 sentences in "a" too`. */
	found: string;
}

/**
 * Every article that repeats another: the same `seed`, `url` or feed `guid`, or more
 * than half its sentences (counted on the shorter of the two) in common, unless one
 * names the other as its `duplicateOf`. Each copy is listed once. `paragraphs` gives
 * each article's plain text, by id.
 */
export function findCopies(input: ModelInput, paragraphs: ReadonlyMap<string, readonly string[]>): CopiedArticle[] {
	const copies: CopiedArticle[] = [];
	const cited = citationCounts(input);
	const ordered = [...input.articles].sort((a, b) => (cited.get(b.id) ?? 0) - (cited.get(a.id) ?? 0) || compareText(a.id, b.id));
	const reported = new Set<string>();
	const report = (copy: Entry<ArticleData>, original: Entry<ArticleData>, field: CopiedArticle['field'], found: string) => {
		if (reported.has(copy.id)) return;
		reported.add(copy.id);
		copies.push({ copy, original, field, found });
	};

	for (const field of ['seed', 'url', 'guid'] as const) {
		const first = new Map<string, Entry<ArticleData>>();
		for (const article of ordered) {
			const value = article.data[field];
			if (!value) continue;
			const earlier = first.get(value);
			if (earlier) report(article, earlier, field, `${JSON.stringify(value)}, the ${field === 'seed' ? 'source' : field === 'url' ? 'address' : 'feed guid'} of both`);
			else first.set(value, article);
		}
	}

	// Which articles hold each sentence; then, for each article, how many of its
	// sentences each article before it shares. Linear in the number of sentences.
	const sentencesOf = new Map<string, ReadonlySet<string>>();
	const holders = new Map<string, Entry<ArticleData>[]>();
	for (const article of ordered) {
		const sentences = distinctSentences(paragraphs.get(article.id) ?? NO_PARAGRAPHS);
		sentencesOf.set(article.id, sentences);
		for (const sentence of sentences) {
			const list = holders.get(sentence) ?? [];
			list.push(article);
			holders.set(sentence, list);
		}
	}
	for (const article of ordered) {
		const own = sentencesOf.get(article.id) as ReadonlySet<string>;
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
			// A copy the editor kept on purpose names the article it repeats.
			if (article.data.duplicateOf === earlier.id || earlier.data.duplicateOf === article.id) continue;
			const shorter = Math.min(own.size, (sentencesOf.get(earlier.id) as ReadonlySet<string>).size);
			if (count > 1 && count > shorter * DUPLICATE_SHARE) {
				report(article, earlier, 'body', `${count} of its ${own.size} sentences in "${earlier.id}" too`);
				break;
			}
		}
	}
	return copies;
}

/** Every copy as a problem of the content, standing on the copy and naming the article it repeats. */
export function findDuplicateArticles(input: ModelInput, paragraphs: ReadonlyMap<string, readonly string[]>): Problem[] {
	return findCopies(input, paragraphs).map(({ copy, original, field, found }) => ({
		file: locate('articles', copy),
		field,
		expected: `expected an article that is not already in the story as "${original.id}" (${locate('articles', original)})`,
		found,
	}));
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

/** The article of an index whose text a new one repeats, and how many sentences they share. */
export interface CopyMatch {
	id: string;
	shared: number;
}

/**
 * The sentences of a story's articles, indexed once, for telling whether a new article
 * repeats one of them by the rule of `findCopies` (more than half the sentences of the
 * shorter of the two): each candidate costs its own sentences, not the whole story.
 * Articles added to the index are compared with later ones too.
 */
export interface CopyIndex {
	/** The article the text of `paragraphs` repeats, if any. */
	copyOf(paragraphs: readonly string[]): CopyMatch | undefined;
	/** Adds an article, so that later candidates are compared with it. */
	add(id: string, paragraphs: readonly string[]): void;
}

export function createCopyIndex(articles: Iterable<{ id: string; paragraphs: readonly string[] }>): CopyIndex {
	const sizes = new Map<string, number>();
	const holders = new Map<string, string[]>();
	const sentencesOf = distinctSentences;
	const add = (id: string, paragraphs: readonly string[]) => {
		const sentences = sentencesOf(paragraphs);
		sizes.set(id, sentences.size);
		for (const sentence of sentences) {
			const list = holders.get(sentence) ?? [];
			list.push(id);
			holders.set(sentence, list);
		}
	};
	for (const article of articles) add(article.id, article.paragraphs);
	return {
		add,
		copyOf(paragraphs) {
			const own = sentencesOf(paragraphs);
			const shared = new Map<string, number>();
			for (const sentence of own) {
				const list = holders.get(sentence);
				if (!list || list.length > BOILERPLATE_SPREAD) continue;
				for (const id of list) shared.set(id, (shared.get(id) ?? 0) + 1);
			}
			let best: CopyMatch | undefined;
			for (const [id, count] of shared) {
				const shorter = Math.min(own.size, sizes.get(id) ?? 0);
				if (count > 1 && count > shorter * DUPLICATE_SHARE && (!best || count > best.shared)) best = { id, shared: count };
			}
			return best;
		},
	};
}
