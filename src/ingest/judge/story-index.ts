/**
 * What judging a candidate needs to know of the story, worked out once per run and
 * shared by every candidate: the names and what each names, who the story is about
 * and whom he meets, where and when, and TF-IDF indexes of the story's own articles'
 * titles and bodies.
 *
 * Nothing here is written for one story. The subject is whoever takes part in most of
 * the story's events (here, Mark Zuckerberg and Meta); the counterparts are the other
 * people and companies of its events; the span is that of its stops.
 */
import { contentWords } from '../../lib/content-words.ts';
import { createNameMatcher, type NameMatcher } from '../../lib/name-matcher.ts';
import { paragraphTexts } from '../../lib/markdown-blocks.ts';
import { indexNames } from '../../model/references.ts';
import type { EntityKind, ModelInput } from '../../model/types.ts';

/** An entity as `kind:id`: `person:mark-zuckerberg`, `stop:seoul`. */
export type EntityKey = `${EntityKind}:${string}`;

/** A document of the index: an article of the story, as a TF-IDF vector. */
interface IndexedDocument {
	id: string;
	/** The length of its weight vector, for the cosine. */
	norm: number;
}

export interface StoryIndex {
	matcher: NameMatcher<EntityKind>;
	/** The entities the story is about: those in more than half of its events (the person who travels, and his company). */
	subject: ReadonlySet<EntityKey>;
	/** The people and companies the subject meets: those of the story's events, the subject aside. */
	counterparts: ReadonlySet<EntityKey>;
	/** The countries of the story's stops (`country:japan`). */
	stopCountries: ReadonlySet<EntityKey>;
	/** The story's span: the first day of its first stop and the last day of its last, `YYYY-MM-DD`. */
	span: { start: string; end: string } | undefined;
	/** The name readers know an entity by. */
	nameOf(key: EntityKey): string;
	/** The subject person who leads a company of the subject: who "the Meta chief" is. */
	leaderOf(company: EntityKey): EntityKey | undefined;
	/** The subject people by their first names, as colleagues call them ("Mark"). */
	firstNames: ReadonlyMap<string, EntityKey>;
	/**
	 * The story's articles most like `text`, by TF-IDF cosine, best first: compared with
	 * their titles, their bodies, or both (`all`, the default).
	 */
	similar(text: string, count?: number, field?: 'all' | 'title' | 'body'): { id: string; score: number }[];
}

/** Events in which an entity must take part, as a share of all, to be the story's subject. */
export const SUBJECT_SHARE = 0.5;

/**
 * Builds the index of a story: once per run, whatever the number of candidates.
 * `paragraphs` are the articles' plain paragraphs, where the caller has them already.
 */
export function indexStory(content: ModelInput, paragraphs?: ReadonlyMap<string, readonly string[]>): StoryIndex {
	const { names } = indexNames(content);
	const events = content.stops.flatMap((stop) => stop.data.events);
	const involvement = new Map<EntityKey, number>();
	for (const event of events) {
		for (const key of [...event.people.map((id) => `person:${id}` as const), ...event.companies.map((id) => `company:${id}` as const)]) {
			involvement.set(key, (involvement.get(key) ?? 0) + 1);
		}
	}
	const subject = new Set([...involvement].filter(([, count]) => count > events.length * SUBJECT_SHARE).map(([key]) => key));
	const counterparts = new Set([...involvement.keys()].filter((key) => !subject.has(key)));
	const starts = content.stops.map((stop) => stop.data.dates.start).sort();
	const ends = content.stops.map((stop) => stop.data.dates.end).sort();
	const span = starts[0] && ends.at(-1) ? { start: starts[0], end: ends.at(-1) as string } : undefined;

	const records: Record<EntityKind, readonly { id: string; data: { name?: string; city?: string } }[]> = {
		stop: content.stops,
		country: content.countries,
		company: content.companies,
		person: content.people,
	};
	const nameOf = (key: EntityKey) => {
		const [kind, id] = key.split(':') as [EntityKind, string];
		const data = records[kind].find((entry) => entry.id === id)?.data;
		return data?.name ?? data?.city ?? id;
	};

	// Who leads the subject's companies, and the subject people's first names.
	const leaders = new Map<EntityKey, EntityKey>();
	const firstNames = new Map<string, EntityKey>();
	for (const person of content.people) {
		const key = `person:${person.id}` as const;
		if (!subject.has(key)) continue;
		for (const company of person.data.companies) if (subject.has(`company:${company}`)) leaders.set(`company:${company}`, key);
		const [first, ...rest] = person.data.name.split(/\s+/);
		if (first && rest.length > 0 && /^\p{Lu}\p{Ll}+$/u.test(first)) firstNames.set(first, key);
	}

	// The TF-IDF indexes: each article's title, its text, and both, as weights of their content words.
	const texts = content.articles.map((article) => ({
		id: article.id,
		title: article.data.title,
		body: (paragraphs?.get(article.id) ?? paragraphTexts(article.body ?? '')).join('\n'),
	}));
	const indexes = {
		all: tfidfIndex(texts.map((each) => ({ id: each.id, text: `${each.title}\n${each.body}` }))),
		title: tfidfIndex(texts.map((each) => ({ id: each.id, text: each.title }))),
		body: tfidfIndex(texts.map((each) => ({ id: each.id, text: each.body }))),
	};

	return {
		// The press as it comes: a line that has lost its capitals names its people and places all the same.
		matcher: createNameMatcher(names, { lowerCaseLines: true }),
		subject,
		counterparts,
		stopCountries: new Set(content.stops.map((stop) => `country:${stop.data.country}` as const)),
		span,
		nameOf,
		leaderOf: (company) => leaders.get(company),
		firstNames,
		similar: (text, count = 5, field = 'all') => indexes[field](text, count),
	};
}

/**
 * A TF-IDF index of documents (log-scaled term frequency, smoothed IDF), and the cosine
 * of a text with each: the documents most like it, best first.
 */
function tfidfIndex(documents: readonly { id: string; text: string }[]): (text: string, count: number) => { id: string; score: number }[] {
	const counted = documents.map((document) => termCounts(document.text));
	const frequency = new Map<string, number>();
	for (const counts of counted) for (const term of counts.keys()) frequency.set(term, (frequency.get(term) ?? 0) + 1);
	const idf = (term: string) => Math.log((documents.length + 1) / ((frequency.get(term) ?? 0) + 1)) + 1;
	const postings = new Map<string, { document: number; weight: number }[]>();
	const indexed: IndexedDocument[] = counted.map((counts, index) => {
		let squares = 0;
		for (const [term, count] of counts) {
			const weight = (1 + Math.log(count)) * idf(term);
			squares += weight * weight;
			const list = postings.get(term) ?? [];
			list.push({ document: index, weight });
			postings.set(term, list);
		}
		return { id: documents[index]?.id ?? '', norm: Math.sqrt(squares) };
	});
	return (text, count) => {
		const dots = new Map<number, number>();
		let squares = 0;
		for (const [term, tf] of termCounts(text)) {
			const weight = (1 + Math.log(tf)) * idf(term);
			squares += weight * weight;
			for (const { document, weight: other } of postings.get(term) ?? []) dots.set(document, (dots.get(document) ?? 0) + weight * other);
		}
		const norm = Math.sqrt(squares);
		if (norm === 0) return [];
		return [...dots]
			.map(([document, dot]) => ({ id: indexed[document]?.id ?? '', score: dot / (norm * (indexed[document]?.norm || 1)) }))
			.sort((a, b) => b.score - a.score)
			.slice(0, count);
	};
}

/** How often each content word (stemmed) stands in a text. */
function termCounts(text: string): Map<string, number> {
	const counts = new Map<string, number>();
	for (const sentence of text.split(/(?<=[.!?])\s+|\n+/)) {
		// contentWords gives each word of a sentence once: counts are of sentences that use it.
		for (const word of contentWords(sentence)) counts.set(word, (counts.get(word) ?? 0) + 1);
	}
	return counts;
}
