/**
 * The fact ledger: every claim, with each source's exact words and stance, the
 * sources that say nothing, and how far the sources agree.
 */
import { passageAnchor } from '../lib/passage-anchor.ts';
import { collapseWhitespace } from '../lib/text.ts';
import { paragraphAnchor } from '../lib/markdown-blocks.ts';
import type { Problem } from '../lib/problems.ts';
import type { FactData, Stance } from '../schema/index.ts';
import { claimHistory, type ClaimStep } from './history.ts';
import { locate } from './references.ts';
import type { Entry, ModelInput } from './types.ts';

/**
 * How far the sources agree on a claim:
 * - `agreed`: two or more sources state it, none differs;
 * - `single-source`: one source states it, the rest are silent;
 * - `confirmed-later`: some sources state it, others only expected it;
 * - `unconfirmed`: the sources only expect, plan or hedge it;
 * - `disputed`: at least one source differs or contradicts.
 */
export type Agreement = 'agreed' | 'single-source' | 'confirmed-later' | 'unconfirmed' | 'disputed';

export const AGREEMENT_LABELS: Record<Agreement, string> = {
	agreed: 'Sources agree',
	'single-source': 'One source only',
	'confirmed-later': 'Reported, after others expected it',
	unconfirmed: 'Expected; no source confirms it',
	disputed: 'Sources differ',
};

/** The words each stance shows. A link around a stance begins its name with them (WCAG 2.5.3). */
export const STANCE_LABELS: Record<Stance | 'silent', string> = {
	states: 'States',
	hedges: 'Hedges',
	differs: 'Differs',
	contradicts: 'Contradicts',
	silent: 'Silent',
};

export interface FactSourceNode {
	article: string;
	passage: string;
	stance: Stance;
	/** What the source gives, in short and in its own terms, where the content says. */
	says?: string | undefined;
	/** Our English rendering of the passage, where its article is in another language. */
	gloss?: string | undefined;
	note?: string | undefined;
	/** The anchor of the marked words on the article page. */
	anchor: string;
	/** The anchor of the paragraph that holds them. */
	paragraph: string;
}

export interface FactNode extends Omit<FactData, 'sources'> {
	id: string;
	/** Our note on the claim, in markdown, where there is one. */
	body: string;
	/** The sources that speak to it, in publication order. */
	sources: FactSourceNode[];
	/**
	 * How many of the articles it concerns say nothing about it: those on its stop, or, for
	 * a claim of no one stop, every article of the story; less its sources
	 * (`silentArticles`).
	 */
	silentCount: number;
	agreement: Agreement;
	disputed: boolean;
	/** The claim's story by publication day: when it was first expected, reported and disputed. */
	history: ClaimStep[];
}

/**
 * The articles a claim concerns that say nothing about it: `concerned` (the articles on
 * its stop, or every article for a claim of no one stop, in publication order) less its
 * sources. A claim about Seoul is not silenced by a report from Jamnagar alone.
 */
export function silentArticles(concerned: readonly string[], sources: readonly { article: string }[]): string[] {
	const cited = new Set(sources.map((source) => source.article));
	return concerned.filter((id) => !cited.has(id));
}

/** The agreement of a set of stances. */
export function agreementOf(stances: readonly Stance[]): Agreement {
	if (stances.some((stance) => stance === 'differs' || stance === 'contradicts')) return 'disputed';
	const states = stances.filter((stance) => stance === 'states').length;
	if (states === 0) return 'unconfirmed';
	if (states < stances.length) return 'confirmed-later';
	return states === 1 ? 'single-source' : 'agreed';
}

/** Where a passage stands in an article: the paragraph and the offsets in its text. */
interface PassagePlace {
	paragraph: number;
	start: number;
	end: number;
}

/**
 * Where each passage was found in an article's paragraphs, kept for as long as the list
 * lives: the check and the model look up the same passages, and the dev server's next
 * read keeps the list of every file that did not change.
 */
const places = new WeakMap<readonly string[], Map<string, PassagePlace | null>>();

/** Where `passage` stands in an article: the paragraph and the offsets in its text. */
function locatePassage(paragraphs: readonly string[], passage: string): PassagePlace | undefined {
	let found = places.get(paragraphs);
	if (!found) places.set(paragraphs, (found = new Map()));
	const known = found.get(passage);
	if (known !== undefined) return known ?? undefined;
	const words = collapseWhitespace(passage);
	let place: PassagePlace | null = null;
	for (const [index, text] of paragraphs.entries()) {
		const start = text.indexOf(words);
		if (start !== -1) {
			place = { paragraph: index, start, end: start + words.length };
			break;
		}
	}
	found.set(passage, place);
	return place ?? undefined;
}

/**
 * Every cited passage, by article: the words of the fact ledger and of the stops'
 * quotes. The markdown plugin marks each, once, where it first stands.
 */
export function collectPassages(input: ModelInput): Map<string, string[]> {
	const passages = new Map<string, Set<string>>();
	const add = (article: string, words: string) => {
		const set = passages.get(article) ?? new Set<string>();
		set.add(collapseWhitespace(words));
		passages.set(article, set);
	};
	for (const fact of input.facts ?? []) for (const source of fact.data.sources) add(source.article, source.passage);
	for (const stop of input.stops) for (const quote of stop.data.quotes) add(quote.article, quote.text);
	return new Map([...passages].map(([article, set]) => [article, [...set]]));
}

/**
 * Every cited passage that is not verbatim in its article, naming the claim (or the
 * stop), the article and the words; and every pair of passages of one article that
 * overlap without one holding the other, which could not both be marked.
 */
export function findFactProblems(input: ModelInput, paragraphs: ReadonlyMap<string, string[]>): Problem[] {
	const problems: Problem[] = [];
	/** The distinct passages of each article, each with every place that cites it. */
	const placed = new Map<string, Map<string, PlacedPassage>>();
	const place = (file: string, field: string, article: string, words: string, claim: string) => {
		const text = paragraphs.get(article);
		if (!text) return; // A missing article is reported as a dangling reference.
		const where = locatePassage(text, words);
		if (!where) {
			problems.push({
				file,
				field,
				expected: `expected words that stand verbatim in the article "${article}" (cited for ${claim})`,
				found: JSON.stringify(words.length > 100 ? `${words.slice(0, 99)}…` : words),
			});
			return;
		}
		const passages = placed.get(article) ?? new Map<string, PlacedPassage>();
		const key = collapseWhitespace(words);
		const passage = passages.get(key) ?? { words: key, citedBy: [], ...where };
		passage.citedBy.push({ file, field });
		passages.set(key, passage);
		placed.set(article, passages);
	};
	for (const fact of input.facts ?? []) {
		fact.data.sources.forEach((source, index) =>
			place(locate('facts', fact), `sources[${index}].passage`, source.article, source.passage, `the claim "${fact.id}"`),
		);
	}
	for (const stop of input.stops) {
		stop.data.quotes.forEach((quote, index) =>
			place(locate('stops', stop), `quotes[${index}].text`, quote.article, quote.text, `a quote on the stop "${stop.id}"`),
		);
	}
	for (const [article, passages] of placed) {
		const list = [...passages.values()];
		for (const [index, a] of list.entries()) {
			for (const b of list.slice(index + 1)) {
				const overlap = a.paragraph === b.paragraph && a.start < b.end && b.start < a.end;
				const nested = (a.start <= b.start && b.end <= a.end) || (b.start <= a.start && a.end <= b.end);
				if (!overlap || nested) continue;
				// Reported once, against the odd one out: the passage fewer places cite
				// (on a tie, the one cited last), naming the other and where it stands.
				const [odd, other] = b.citedBy.length <= a.citedBy.length ? [b, a] : [a, b];
				const citation = odd.citedBy.at(-1) as Citation;
				problems.push({
					file: citation.file,
					field: citation.field,
					expected: `expected a passage that holds, or lies within, every other passage it overlaps in "${article}" (cite whole phrases)`,
					found: `"${odd.words}", which partly overlaps "${other.words}" (${other.citedBy.map((place) => place.file).join(', ')})`,
				});
			}
		}
	}
	return problems;
}

/** Where a passage is cited: the file and the field. */
interface Citation {
	file: string;
	field: string;
}

/** One distinct passage of an article, where it stands and every place that cites it. */
interface PlacedPassage {
	words: string;
	paragraph: number;
	start: number;
	end: number;
	citedBy: Citation[];
}

/**
 * The fact nodes, in the order given, with their sources in publication order and their
 * history. `articles` are in publication order, each with its publication day;
 * `articlesOnStop` gives the articles on a stop, in publication order.
 */
export function buildFacts(
	facts: readonly Entry<FactData>[],
	articles: readonly { id: string; publishedParts: { date: string } }[],
	paragraphs: ReadonlyMap<string, string[]>,
	articlesOnStop: (stop: string) => readonly string[] = () => articles.map((article) => article.id),
): FactNode[] {
	const allArticles = articles.map((article) => article.id);
	const rank = new Map(articles.map((article, index) => [article.id, index]));
	const publishedOn = new Map(articles.map((article) => [article.id, article.publishedParts.date]));
	return facts
		.map((entry): FactNode => {
			const sources = entry.data.sources
				.map((source) => ({
					...source,
					anchor: passageAnchor(source.passage),
					paragraph: paragraphAnchor(locatePassage(paragraphs.get(source.article) ?? [], source.passage)?.paragraph ?? 0),
				}))
				.sort((a, b) => (rank.get(a.article) ?? 0) - (rank.get(b.article) ?? 0));
			const agreement = agreementOf(sources.map((source) => source.stance));
			return {
				...entry.data,
				id: entry.id,
				body: entry.body ?? '',
				sources,
				silentCount: silentArticles(entry.data.stop ? articlesOnStop(entry.data.stop) : allArticles, sources).length,
				agreement,
				disputed: agreement === 'disputed',
				history: claimHistory(sources, (article) => publishedOn.get(article) ?? ''),
			};
		});
}
