/**
 * `buildModel`: the one pure function that turns validated content into every view
 * the site shows. It runs once per build (see `src/data.ts`); pages only read its
 * result. Every index is built in a single pass over the input, so the cost grows
 * with the size of the content, never with its square.
 */
import { labelQuotesHeadline, labelSources } from './source-labels.ts';
import { compareText } from '../lib/compare.ts';
import { splitDateTime } from '../lib/calendar.ts';
import { countOf } from '../lib/plural.ts';
import { ContentError } from '../lib/problems.ts';
import type { Problem } from '../lib/problems.ts';
import { passageAnchor } from '../lib/passage-anchor.ts';
import { buildFacts, findFactProblems } from './facts.ts';
import { storyDevelopments } from './history.ts';
import { findMentions, type MentionMemo } from './mentions.ts';
import { articleParagraphs } from './passages.ts';
import { findDuplicateArticles } from './duplicates.ts';
import { findReferenceProblems, indexNames, type HeldBack } from './references.ts';
import { buildTimeline, compareEvents } from './timeline.ts';
import type {
	ArticleNode,
	Backlinks,
	CompanyNode,
	CountryNode,
	Coverage,
	Entry,
	EventNode,
	ModelInput,
	PersonNode,
	StopNode,
	StoryModel,
} from './types.ts';

/**
 * Every problem that only shows across records: dangling references, duplicated ids,
 * ambiguous names, the same article twice, and quoted words that do not stand in
 * their article. The checker reports these; `buildModel` refuses to build while there
 * are any. `notes` holds one line for each held-back record that is referred to.
 */
export function findModelProblems(
	input: ModelInput,
	heldBack: HeldBack = {},
	paragraphs: ReadonlyMap<string, string[]> = articleParagraphs(input),
): { problems: Problem[]; notes: string[] } {
	const references = findReferenceProblems(input, heldBack);
	return {
		problems: [...references.problems, ...findDuplicateArticles(input, paragraphs), ...findFactProblems(input, paragraphs)],
		notes: references.notes,
	};
}

/** What the content check already computed over this same input, for `buildModel` to reuse. */
export interface CheckedInput {
	/** The paragraphs of every article, by id, as `articleParagraphs` gives them. */
	paragraphs: ReadonlyMap<string, string[]>;
	/** Mentions found by an earlier build, by article (`MentionMemo`): found again only for the articles it does not hold. */
	mentions?: MentionMemo | undefined;
}

/**
 * Builds the story model. Throws a `ContentError` listing every problem
 * `findModelProblems` finds, one per line, before building anything; unless `checked`
 * says the content check passed over this very input, whose paragraphs it gives.
 */
export function buildModel(input: ModelInput, checked?: CheckedInput): StoryModel {
	const paragraphs = checked?.paragraphs ?? articleParagraphs(input);
	if (!checked) {
		const { problems } = findModelProblems(input, {}, paragraphs);
		if (problems.length > 0) {
			throw new ContentError(`The content has ${countOf(problems.length, 'problem')} across records`, problems);
		}
	}

	const articles: ArticleNode[] = input.articles
		.map((entry) => ({
			...entry.data,
			id: entry.id,
			body: entry.body ?? '',
			paragraphs: paragraphs.get(entry.id) ?? [],
			publishedParts: splitDateTime(entry.data.published),
			number: 0,
			label: '',
			labelQuotesHeadline: labelQuotesHeadline(entry.data),
			events: [] as string[],
			claims: [] as ArticleNode['claims'],
		}))
		.sort(
			(a, b) =>
				compareText(a.publishedParts.date, b.publishedParts.date) ||
				compareText(a.publishedParts.time ?? '', b.publishedParts.time ?? '') ||
				compareText(a.id, b.id),
		);
	for (const [index, article] of articles.entries()) article.number = index + 1;
	const labels = labelSources(articles.map((article) => ({ id: article.id, title: article.title, outlet: article.outlet, author: article.author, date: article.publishedParts.date })));
	for (const article of articles) article.label = labels.get(article.id) ?? article.title;
	const articleById = byId(articles, 'article');
	const articleRank = new Map(articles.map((article, index) => [article.id, index]));
	const inPublicationOrder = (ids: Iterable<string>) =>
		[...new Set(ids)].sort((a, b) => (articleRank.get(a) ?? 0) - (articleRank.get(b) ?? 0));

	const backlinks = {
		country: new Map<string, Backlinks>(input.countries.map((entry) => [entry.id, emptyBacklinks()])),
		company: new Map<string, Backlinks>(input.companies.map((entry) => [entry.id, emptyBacklinks()])),
		person: new Map<string, Backlinks>(input.people.map((entry) => [entry.id, emptyBacklinks()])),
	};
	const link = (kind: keyof typeof backlinks, id: string, field: keyof Backlinks, from: string) => {
		const list = backlinks[kind].get(id)?.[field];
		if (list && !list.includes(from)) list.push(from);
	};

	const stops: StopNode[] = [...input.stops]
		.sort((a, b) => a.data.order - b.data.order)
		.map((entry, index, sorted) => {
			const events: EventNode[] = entry.data.events
				.map((event) => ({ ...event, anchor: `${entry.id}-${event.id}`, stop: entry.id, timeZone: entry.data.timeZone }))
				.sort(compareEvents);
			return {
				...entry.data,
				id: entry.id,
				body: entry.body ?? '',
				events,
				quotes: entry.data.quotes.map((quote) => ({ ...quote, anchor: passageAnchor(quote.text) })),
				facts: [] as string[],
				coverage: [] as Coverage[],
				previous: sorted[index - 1]?.id,
				next: sorted[index + 1]?.id,
				articles: [],
				people: unique(events.flatMap((event) => event.people)),
				companies: unique(events.flatMap((event) => event.companies)),
			};
		});
	const stopRank = new Map(stops.map((stop, index) => [stop.id, index]));
	const stopsOf = new Map<string, Set<string>>();
	const addStop = (entityId: string, stopId: string) => {
		const set = stopsOf.get(entityId) ?? new Set<string>();
		set.add(stopId);
		stopsOf.set(entityId, set);
	};

	const articlesOfStop = new Map<string, string[]>(stops.map((stop) => [stop.id, []]));
	for (const article of articles) {
		for (const id of article.stops) articlesOfStop.get(id)?.push(article.id);
		for (const id of article.countries) link('country', id, 'articles', article.id);
		for (const id of article.companies) link('company', id, 'articles', article.id);
		for (const id of article.people) link('person', id, 'articles', article.id);
	}

	for (const stop of stops) {
		link('country', stop.country, 'stops', stop.id);
		for (const event of stop.events) {
			for (const id of event.articles) articleById(id).events.push(event.anchor);
			for (const id of event.companies) {
				link('company', id, 'events', event.anchor);
				addStop(`company:${id}`, stop.id);
			}
			for (const id of event.people) {
				link('person', id, 'events', event.anchor);
				addStop(`person:${id}`, stop.id);
			}
		}
		stop.articles = inPublicationOrder([
			...(articlesOfStop.get(stop.id) ?? []),
			...stop.events.flatMap((event) => event.articles),
		]);
	}

	for (const company of input.companies) link('country', company.data.country, 'companies', company.id);
	for (const person of input.people) {
		link('country', person.data.country, 'people', person.id);
		for (const id of person.data.companies) link('company', id, 'people', person.id);
	}

	const { names } = indexNames(input);
	const mentions = findMentions(articles, names, checked?.mentions);

	const stopArticles = new Map(stops.map((stop) => [stop.id, stop.articles]));
	const facts = buildFacts(input.facts ?? [], articles, paragraphs, (stop) => stopArticles.get(stop) ?? []).sort(
		(a, b) => (a.stop ? (stopRank.get(a.stop) ?? 0) : stops.length) - (b.stop ? (stopRank.get(b.stop) ?? 0) : stops.length) || compareText(a.id, b.id),
	);
	const factById = byId(facts, 'claim');
	const factsAbout = new Map<string, string[]>();
	const about = (key: string, id: string) => factsAbout.set(key, [...(factsAbout.get(key) ?? []), id]);
	for (const fact of facts) {
		if (fact.stop) about(`stop:${fact.stop}`, fact.id);
		for (const id of fact.people) about(`person:${id}`, fact.id);
		for (const id of fact.companies) about(`company:${id}`, fact.id);
		for (const id of fact.countries) about(`country:${id}`, fact.id);
	}
	for (const fact of facts) {
		for (const source of fact.sources) articleById(source.article).claims.push({ fact: fact.id, stance: source.stance, anchor: source.anchor });
	}

	// Coverage, counted in one pass over each stop's events, claims and mentions.
	for (const stop of stops) {
		stop.facts = factsAbout.get(`stop:${stop.id}`) ?? [];
		const cover = new Map<string, Coverage>();
		const cell = (article: string) => {
			const existing = cover.get(article) ?? { article, events: 0, claims: 0, paragraphs: 0 };
			cover.set(article, existing);
			return existing;
		};
		for (const event of stop.events) for (const article of new Set(event.articles)) cell(article).events += 1;
		for (const id of stop.facts) for (const source of factById(id).sources) cell(source.article).claims += 1;
		const paragraphs = new Set<string>();
		for (const mention of mentions.get(`stop:${stop.id}`) ?? []) {
			if (paragraphs.has(`${mention.article}#${mention.anchor}`)) continue;
			paragraphs.add(`${mention.article}#${mention.anchor}`);
			cell(mention.article).paragraphs += 1;
		}
		stop.coverage = [...cover.values()].sort((a, b) => (articleRank.get(a.article) ?? 0) - (articleRank.get(b.article) ?? 0));
	}

	/** A country, company or person with its backlinks and mentions, articles in publication order. */
	const entityNode = <Data extends { name: string }>(kind: keyof typeof backlinks, entry: Entry<Data>) => {
		const links = backlinks[kind].get(entry.id) ?? emptyBacklinks();
		links.articles = inPublicationOrder(links.articles);
		return {
			...entry.data,
			id: entry.id,
			backlinks: links,
			mentions: mentions.get(`${kind}:${entry.id}`) ?? [],
			facts: factsAbout.get(`${kind}:${entry.id}`) ?? [],
		};
	};
	/** The stops where a company or person took part in an event, in route order. */
	const stopsInRouteOrder = (key: string) =>
		[...(stopsOf.get(key) ?? [])].sort((a, b) => (stopRank.get(a) ?? 0) - (stopRank.get(b) ?? 0));

	const countries: CountryNode[] = input.countries.map((entry) => entityNode('country', entry)).sort(byName);
	const companies: CompanyNode[] = input.companies
		.map((entry) => ({ ...entityNode('company', entry), stops: stopsInRouteOrder(`company:${entry.id}`) }))
		.sort(byName);
	const people: PersonNode[] = input.people
		.map((entry) => ({ ...entityNode('person', entry), stops: stopsInRouteOrder(`person:${entry.id}`) }))
		.sort(byName);

	const events = stops.flatMap((stop) => stop.events).sort(compareEvents);

	return {
		articles,
		stops,
		events,
		countries,
		companies,
		people,
		timeline: buildTimeline(events, articles),
		overview: input.overview?.[0]?.data,
		facts,
		disputedFacts: facts.filter((fact) => fact.disputed).map((fact) => fact.id),
		developments: storyDevelopments(facts),
		names,
		article: articleById,
		stop: byId(stops, 'stop'),
		country: byId(countries, 'country'),
		company: byId(companies, 'company'),
		person: byId(people, 'person'),
		event: byKey(events, (event) => event.anchor, 'event'),
		fact: factById,
	};
}

function emptyBacklinks(): Backlinks {
	return { articles: [], events: [], stops: [], companies: [], people: [] };
}

function unique<T>(items: Iterable<T>): T[] {
	return [...new Set(items)];
}

function byName(a: { name: string }, b: { name: string }): number {
	return a.name.localeCompare(b.name, 'en');
}

/** A lookup by id that throws, naming the kind, when the id is unknown. */
function byId<Node extends { id: string }>(nodes: readonly Node[], kind: string): (id: string) => Node {
	return byKey(nodes, (node) => node.id, kind);
}

function byKey<Node>(nodes: readonly Node[], key: (node: Node) => string, kind: string): (id: string) => Node {
	const index = new Map(nodes.map((node) => [key(node), node]));
	return (id) => {
		const node = index.get(id);
		if (!node) throw new RangeError(`No ${kind} has the id "${id}"`);
		return node;
	};
}
