/**
 * Suggestions for a new article: the events of the story it reports (or previews), and
 * the claims of the fact ledger it speaks to, each with the words that do so and a
 * reason a person can check. Nothing here writes: `apply-suggestions.ts` does that,
 * with `--apply`.
 *
 * Precision comes before recall throughout: a wrong suggestion costs the editor more
 * than a missed one, which they will find when they read the article.
 */
import { contentWords } from '../../lib/content-words.ts';
import { daysBetween } from '../../lib/calendar.ts';
import { comparable, findFigures, sameFigure, type Figure } from '../../lib/figures.ts';
import { createNameMatcher, type NameMatcher } from '../../lib/name-matcher.ts';
import { splitSentences } from '../../lib/sentences.ts';
import { indexNames } from '../../model/references.ts';
import type { EntityKind, Entry, ModelInput } from '../../model/types.ts';
import type { FactData, StopEventData } from '../../schema/index.ts';
import { calendarDay } from './place-article.ts';

// ---------------------------------------------------------------------------
// Events

/**
 * How many days after publication an event may begin and still be suggested, as
 * previewed: an article can announce a meeting set for later in the week, but not
 * one a month away.
 */
export const PREVIEW_WINDOW_DAYS = 3;

/**
 * A person or company that takes part in more than this share of the story's events
 * tells none of them apart (Zuckerberg, who is at every one; Meta): sharing only such
 * names suggests nothing.
 */
export const MAX_EVENT_SHARE = 0.5;

/** What event suggestion needs to know about the article: its frontmatter will do. */
export interface ArticleForEvents {
	/** The article's id, where it has one: events that already cite it are not suggested. */
	id?: string | undefined;
	/** `YYYY-MM-DD` or a date-time with offset; without it nothing is suggested. */
	published?: string | undefined;
	/** The stops it names, inferred ones included: only their events are considered. */
	stops: readonly string[];
	people: readonly string[];
	companies: readonly string[];
}

/** Whether the article reports an event that has begun, or previews one to come. */
export type EventTiming = 'reported' | 'previewed';

export interface EventSuggestion {
	stop: string;
	/** The event's id within the stop. */
	event: string;
	timing: EventTiming;
	/** "shares Samsung Electronics, Lee Jae-yong; the day before publication". */
	reason: string;
	/** Higher is surer: the sum, over the shared names, of how rare each is among the events. */
	score: number;
}

/**
 * The events of the article's stops that share a telling person or company with it and
 * that had begun by its publication day, or began at most `PREVIEW_WINDOW_DAYS` after
 * it; surest first.
 */
export function suggestEvents(article: ArticleForEvents, input: ModelInput): EventSuggestion[] {
	const published = calendarDay(article.published);
	if (published === undefined) return [];
	const all = input.stops.flatMap((stop) => stop.data.events);
	const involvement = countInvolvement(all);
	const rarity = (key: string) => Math.log(all.length / (involvement.get(key) ?? all.length));
	const telling = (key: string) => (involvement.get(key) ?? 0) <= all.length * MAX_EVENT_SHARE;
	const name = (kind: 'person' | 'company', id: string) =>
		(kind === 'person' ? input.people : input.companies).find((entry) => entry.id === id)?.data.name ?? id;

	const suggestions: (EventSuggestion & { date: string; order: number })[] = [];
	for (const stop of input.stops) {
		if (!article.stops.includes(stop.id)) continue;
		for (const event of stop.data.events) {
			if (article.id !== undefined && event.articles.includes(article.id)) continue;
			if (daysBetween(published, event.date) > PREVIEW_WINDOW_DAYS) continue;
			const shared = [
				...event.companies.filter((id) => article.companies.includes(id)).map((id) => ({ key: `company:${id}`, name: name('company', id) })),
				...event.people.filter((id) => article.people.includes(id)).map((id) => ({ key: `person:${id}`, name: name('person', id) })),
			].filter(({ key }) => telling(key));
			if (shared.length === 0) continue;
			suggestions.push({
				stop: stop.id,
				event: event.id,
				timing: event.date <= published ? 'reported' : 'previewed',
				reason: `shares ${shared.map((each) => each.name).join(', ')}; ${dateRelation(event, published)}`,
				score: round(shared.reduce((sum, { key }) => sum + rarity(key), 0)),
				date: event.date,
				order: stop.data.order,
			});
		}
	}
	return suggestions
		.sort((a, b) => b.score - a.score || (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) || a.order - b.order)
		.map(({ date: _date, order: _order, ...suggestion }) => suggestion);
}

/** How many events each person (`person:<id>`) and company (`company:<id>`) takes part in. */
function countInvolvement(events: readonly StopEventData[]): Map<string, number> {
	const counts = new Map<string, number>();
	for (const event of events) {
		for (const key of [...event.people.map((id) => `person:${id}`), ...event.companies.map((id) => `company:${id}`)]) {
			counts.set(key, (counts.get(key) ?? 0) + 1);
		}
	}
	return counts;
}

/**
 * When the event stands from the publication day, for readers: "the day before
 * publication", "under way at publication", "2 days after publication".
 */
export function dateRelation(event: Pick<StopEventData, 'date' | 'endDate'>, published: string): string {
	const end = event.endDate ?? event.date;
	const days = (count: number) => (count === 1 ? 'the day' : `${count} days`);
	if (published < event.date) return `${days(daysBetween(published, event.date))} after publication`;
	if (published > end) {
		return `${event.endDate && event.endDate !== event.date ? 'ended ' : ''}${days(daysBetween(end, published))} before publication`;
	}
	if (event.date === end) return 'the day of publication';
	return published === event.date ? 'began the day of publication' : 'under way at publication';
}

// ---------------------------------------------------------------------------
// Claims

/**
 * The least share of the claim's statement a sentence must cover: of its names, its
 * content words and its figures, each weighed by how rare it is among the claims. A
 * sentence that names the same people but says something else covers too little.
 */
export const MIN_COVERAGE = 0.3;

/**
 * The least score a sentence needs: the weights of the names, words and figures it
 * shares with the claim (statement and passages). A name or word that only this claim
 * uses weighs 1, one that every claim uses nearly 0; so a sentence needs the worth of
 * two names or words that belong to this claim alone.
 */
export const MIN_CLAIM_SCORE = 2;

/** The least number of content words a sentence must share with a claim: names alone say too little. */
export const MIN_SHARED_WORDS = 2;

/** The weight of a figure the sentence shares with the claim: that of a word no other claim uses. */
export const FIGURE_WEIGHT = 1;

/**
 * Words that report something as expected rather than done. A sentence hedges when
 * the clause that speaks to the claim has one that the claim's own statement and
 * stating sources do not use ("will include 350,000 H100 chips" states a plan).
 */
const HEDGES =
	/\b(?:will|would|plans? to|planned to|planning to|expects?|expected|tentatively|reportedly|(?:is|are) set to|poised|slated|scheduled to|likely|may|might|intends?|aims? to|lined up)\b|(?<=\p{L})['’]ll\b/giu;

/** Quotation marks, and the verbs that report speech: a quote is only suggested where a sentence quotes or reports someone. */
const REPORTED_SPEECH = /["“”«»]|(?<!\p{L})['‘]|['’](?!\p{L})|\b(?:said|says|told|tells|according to|wrote|writes|posted)\b/u;

/** What claim suggestion needs to know about the article. */
export interface ArticleForClaims {
	/** The article's id, where it has one: claims that already cite it are not suggested. */
	id?: string | undefined;
	/** The plain text of each paragraph (`paragraphTexts(body)`), where passages are looked up. */
	paragraphs: readonly string[];
}

/** The stances a suggestion can take; `contradicts` needs a person's reading. */
export type SuggestedStance = 'states' | 'hedges' | 'differs';

export interface ClaimSuggestion {
	/** The claim's id (`content/facts/<id>.md`). */
	claim: string;
	/** One sentence of the article, word for word as its paragraph's plain text has it. */
	passage: string;
	stance: SuggestedStance;
	/** Where it differs: what the sentence gives instead ("600,000", "Kwon Bong-seok"), the claim source's `says`. */
	says?: string;
	/** "gives 600,000 where the sources say 350,000; names Zuckerberg, Meta; shares "h100", "chip"". */
	reason: string;
	/** Higher is surer: the share of the statement covered, times the weight of what is shared. */
	score: number;
}

/**
 * For each claim the article does not yet speak to, its best-matching sentence: one
 * that names something the claim is about, shares `MIN_SHARED_WORDS` content words with
 * it, covers `MIN_COVERAGE` of its statement and scores `MIN_CLAIM_SCORE`; and, where
 * the statement and every source that states or hedges it give a figure of some kind
 * (a year, an amount, a date, a weekday), gives one of such a kind too, the same or
 * another. Surest first; at most one sentence per claim.
 */
export function suggestClaims(article: ArticleForClaims, input: ModelInput): ClaimSuggestion[] {
	const facts = input.facts ?? [];
	if (facts.length === 0) return [];
	const context = claimContext(input, facts);
	const sentences = article.paragraphs.flatMap((paragraph) =>
		splitSentences(paragraph)
			.filter((sentence) => paragraph.includes(sentence))
			.map((sentence) => analyseSentence(sentence, context)),
	);
	const suggestions: ClaimSuggestion[] = [];
	for (const fact of facts) {
		if (article.id !== undefined && fact.data.sources.some((source) => source.article === article.id)) continue;
		const claim = analyseClaim(fact, context);
		let best: ClaimSuggestion | undefined;
		for (const sentence of sentences) {
			const suggestion = matchSentence(claim, sentence, context);
			if (suggestion && (!best || suggestion.score > best.score)) best = suggestion;
		}
		if (best) suggestions.push(best);
	}
	return suggestions.sort((a, b) => b.score - a.score || (a.claim < b.claim ? -1 : 1));
}

/** What every claim is compared through: the names, and how rare each word and name is among the claims. */
interface ClaimContext {
	matcher: NameMatcher<EntityKind>;
	/** Lower-case words of every name and alias, which count as names, not as words. */
	nameWords: Set<string>;
	/**
	 * The weight of a word (`word`) or an entity (`person:<id>`), from how rare it is
	 * among the claims: 1 for one claim only, nearly 0 for every claim.
	 */
	weight: (key: string) => number;
	/** The name readers know an entity (`kind:id`) by. */
	nameOf: (key: string) => string;
	/** The company groups of a person: the first word of the names of their companies ("LG"). */
	groupsOf: (person: string) => Set<string>;
}

function claimContext(input: ModelInput, facts: readonly Entry<FactData>[]): ClaimContext {
	const { names } = indexNames(input);
	const nameWords = new Set([...names.keys()].flatMap((name) => name.toLowerCase().split(/[^\p{L}\p{N}]+/u)).filter(Boolean));
	const frequency = new Map<string, number>();
	for (const fact of facts) {
		const keys = new Set([...entityKeys(fact.data), ...claimWords(fact.data, nameWords)]);
		for (const key of keys) frequency.set(key, (frequency.get(key) ?? 0) + 1);
	}
	const weight = (key: string) => Math.log((facts.length + 1) / (frequency.get(key) ?? 1)) / Math.log(facts.length + 1);
	const entries: Record<EntityKind, readonly Entry<{ name?: string; city?: string }>[]> = {
		stop: input.stops,
		country: input.countries,
		company: input.companies,
		person: input.people,
	};
	const nameOf = (key: string) => {
		const [kind, id] = key.split(':') as [EntityKind, string];
		const data = entries[kind].find((entry) => entry.id === id)?.data;
		return data?.name ?? data?.city ?? id;
	};
	const groupsOf = (person: string) => {
		const companies = input.people.find((entry) => entry.id === person)?.data.companies ?? [];
		return new Set(companies.map((id) => nameOf(`company:${id}`).split(/\s+/)[0] ?? id));
	};
	return { matcher: createNameMatcher(names), nameWords, weight, nameOf, groupsOf };
}

/** The entities a claim is about, as `kind:id` keys. */
function entityKeys(fact: FactData): string[] {
	return [
		...(fact.stop ? [`stop:${fact.stop}`] : []),
		...fact.people.map((id) => `person:${id}`),
		...fact.companies.map((id) => `company:${id}`),
		...fact.countries.map((id) => `country:${id}`),
	];
}

/** The content words of a claim's statement and of all its passages, names left out. */
function claimWords(fact: FactData, nameWords: ReadonlySet<string>): string[] {
	return wordsOf([fact.statement, ...fact.sources.map((source) => source.passage)].join(' \n '), nameWords);
}

/** The content words of a text that are not part of a name. */
function wordsOf(text: string, nameWords: ReadonlySet<string>): string[] {
	return contentWords(text).filter((word) => !nameWords.has(word));
}

/** A claim, ready to compare. */
interface AnalysedClaim {
	id: string;
	kind: FactData['kind'];
	entities: string[];
	people: readonly string[];
	/** The content words of the statement and of every passage. */
	words: Set<string>;
	/** The content words of the statement alone. */
	statementWords: string[];
	/** The figures of the statement alone. */
	statementFigures: Figure[];
	/** The figures the claim stands for: those of the stating passages, then those of the statement. */
	figures: Figure[];
	/** Kinds of figure of which a sentence must give one: those of the statement that every supporting source gives too. */
	requiredKinds: Set<Figure['kind']>;
	/** Lower-case text of the statement and of the stating passages, where hedge words are looked for. */
	statedText: string;
}

function analyseClaim(fact: Entry<FactData>, context: ClaimContext): AnalysedClaim {
	const stating = fact.data.sources.filter((source) => source.stance === 'states').map((source) => source.passage);
	const supporting = fact.data.sources.filter((source) => source.stance === 'states' || source.stance === 'hedges');
	const statementFigures = findFigures(fact.data.statement);
	const requiredKinds = new Set(
		statementFigures
			.map((figure) => figure.kind)
			.filter((kind) => supporting.every((source) => findFigures(source.passage).some((figure) => figure.kind === kind))),
	);
	return {
		id: fact.id,
		kind: fact.data.kind,
		entities: entityKeys(fact.data),
		people: fact.data.people,
		words: new Set(claimWords(fact.data, context.nameWords)),
		statementWords: wordsOf(fact.data.statement, context.nameWords),
		statementFigures,
		// The sources' own words first, so that a difference is told in them: "350,000", not "about 350,000".
		figures: [...stating.flatMap(findFigures), ...statementFigures],
		requiredKinds,
		statedText: [fact.data.statement, ...stating].join(' \n ').toLowerCase(),
	};
}

/** A sentence of the article, ready to compare. */
interface AnalysedSentence {
	text: string;
	/** The entities it names (`kind:id`), each with the name as written. */
	entities: Map<string, string>;
	words: Set<string>;
	figures: Figure[];
}

function analyseSentence(text: string, context: ClaimContext): AnalysedSentence {
	const entities = new Map<string, string>();
	for (const match of context.matcher.find(text)) {
		const key = `${match.target.kind}:${match.target.id}`;
		if (!entities.has(key)) entities.set(key, match.name);
	}
	return { text, entities, words: new Set(wordsOf(text, context.nameWords)), figures: findFigures(text) };
}

/** The suggestion of `sentence` for `claim`, or `undefined` where it falls short of any threshold. */
function matchSentence(claim: AnalysedClaim, sentence: AnalysedSentence, context: ClaimContext): ClaimSuggestion | undefined {
	const names = claim.entities.filter((key) => sentence.entities.has(key));
	const words = [...claim.words].filter((word) => sentence.words.has(word));
	if (names.length === 0 || words.length < MIN_SHARED_WORDS) return undefined;
	if (claim.kind === 'quote' && !REPORTED_SPEECH.test(sentence.text)) return undefined;
	const answers = (figure: Figure) => sentence.figures.some((mine) => comparable(mine, figure));
	const required = [...claim.requiredKinds];
	if (required.length > 0 && !required.some((kind) => claim.statementFigures.some((figure) => figure.kind === kind && answers(figure)))) return undefined;

	const sum = (keys: readonly string[]) => keys.reduce((total, key) => total + context.weight(key), 0);
	// A place alone is no anchor: without a person or company in common, the words must carry the match.
	if (!names.some(isActor) && sum(words) < MIN_CLAIM_SCORE) return undefined;
	const figures = sentence.figures.filter((figure) => claim.figures.some((other) => sameFigure(figure, other)));
	const shared = sum(names) + sum(words) + FIGURE_WEIGHT * figures.length;
	const covered = sum(names) + sum(claim.statementWords.filter((word) => sentence.words.has(word))) + FIGURE_WEIGHT * claim.statementFigures.filter(answers).length;
	const whole = sum(claim.entities) + sum(claim.statementWords) + FIGURE_WEIGHT * claim.statementFigures.length;
	const coverage = whole > 0 ? covered / whole : 0;
	if (shared < MIN_CLAIM_SCORE || coverage < MIN_COVERAGE) return undefined;

	const evidence = [
		`names ${names.map((key) => sentence.entities.get(key)).join(', ')}`,
		...(figures.length > 0 ? [`gives ${figures.map((figure) => figure.text).join(', ')}`] : []),
		`shares ${words.map((word) => `"${word}"`).join(', ')}`,
	];
	const difference = differenceFrom(claim, sentence, context);
	// A quote or a name is stated by whoever prints it, however the sentence is hedged.
	const hedge = difference || claim.kind !== 'fact' ? undefined : hedgeFor(claim, sentence.text, context);
	const stance: SuggestedStance = difference ? 'differs' : hedge ? 'hedges' : 'states';
	const lead = difference?.reason ?? (hedge ? `hedged ("${hedge}")` : undefined);
	return {
		claim: claim.id,
		passage: sentence.text,
		stance,
		...(difference ? { says: difference.says } : {}),
		reason: [...(lead ? [lead] : []), ...evidence].join('; '),
		score: round(coverage * shared),
	};
}

/**
 * How the sentence differs from what the claim's sources state, if it does: another
 * figure of the same kind and none of theirs ("gives 600,000 where the sources say
 * 350,000"), or another person of the same company group in place of theirs ("names
 * Kwon Bong-seok where the sources name William Cho"). `says` is what it gives instead
 * ("600,000", "Kwon Bong-seok").
 */
function differenceFrom(claim: AnalysedClaim, sentence: AnalysedSentence, context: ClaimContext): { says: string; reason: string } | undefined {
	for (const figure of sentence.figures) {
		const theirs = claim.figures.filter((other) => comparable(figure, other));
		if (theirs.length === 0 || sentence.figures.some((mine) => theirs.some((other) => sameFigure(mine, other)))) continue;
		const said = [...new Map(theirs.map((other) => [other.value, other.text])).values()];
		return { says: figure.text, reason: `gives ${figure.text} where the sources say ${said.join(' or ')}` };
	}
	if (claim.kind === 'name') return undefined;
	for (const person of claim.people) {
		if (sentence.entities.has(`person:${person}`)) continue;
		const groups = context.groupsOf(person);
		for (const [key, written] of sentence.entities) {
			const [kind, other] = key.split(':') as [EntityKind, string];
			if (kind !== 'person' || claim.people.includes(other)) continue;
			if ([...context.groupsOf(other)].some((group) => groups.has(group))) {
				return { says: written, reason: `names ${written} where the sources name ${context.nameOf(`person:${person}`)}` };
			}
		}
	}
	return undefined;
}

/** True for a person or a company (`person:<id>`, `company:<id>`), as against a place. */
function isActor(key: string): boolean {
	return key.startsWith('person:') || key.startsWith('company:');
}

/**
 * The hedge word of the sentence that bears on the claim, if any: one in a clause (the
 * parts between commas, colons, semicolons and dashes) that shares a word with the
 * claim or names a person or company of it, and that the claim's own statement and
 * stating sources do not use. "who's been in Japan the past week to accompany his
 * family on a ski trip" is not hedged by the clause after it, "will meet with his
 * company's developers".
 */
function hedgeFor(claim: AnalysedClaim, sentence: string, context: ClaimContext): string | undefined {
	const actors = claim.entities.filter(isActor);
	for (const clause of sentence.split(/[,;:(]\s+|\s+[-–—]\s+/)) {
		const named = context.matcher.find(clause).some((match) => actors.includes(`${match.target.kind}:${match.target.id}`));
		if (!named && !wordsOf(clause, context.nameWords).some((word) => claim.words.has(word))) continue;
		const hedge = hedgeIn(clause, claim.statedText);
		if (hedge) return hedge;
	}
	return undefined;
}

/** The first hedge word of `text` that `statedText` (lower-case) does not use too, if any. */
export function hedgeIn(text: string, statedText: string): string | undefined {
	for (const match of text.matchAll(HEDGES)) {
		const word = match[0].toLowerCase().replace('’', "'");
		const used = word.startsWith("'") ? /\p{L}['’]ll\b/u.test(statedText) : new RegExp(`\\b${word}\\b`).test(statedText);
		if (!used) return match[0];
	}
	return undefined;
}

// ---------------------------------------------------------------------------
// The report

/**
 * The suggestions as report lines, one section each for what there is:
 *
 *     Suggested events (add with --apply):
 *       seoul#samsung-meeting: shares Samsung Electronics, Lee Jae-yong; the day before publication
 *     Suggested claims (add with --apply):
 *       meta-compute-h100 (differs): "…" — gives 600,000 where the sources say 350,000; …
 *     Inferred stops:
 *       seoul: named South Korea, where Seoul is the story's only stop, …
 *
 * Where there is nothing to suggest, one line says so.
 */
export function formatSuggestions(suggestions: {
	events: readonly Pick<EventSuggestion, 'stop' | 'event' | 'timing' | 'reason'>[];
	claims: readonly Pick<ClaimSuggestion, 'claim' | 'passage' | 'stance' | 'reason'>[];
	stops?: readonly { stop: string; reason: string }[] | undefined;
}): string[] {
	const { events, claims, stops = [] } = suggestions;
	const lines: string[] = [];
	if (events.length > 0) {
		lines.push('Suggested events (add with --apply):');
		for (const each of events) lines.push(`  ${each.stop}#${each.event}${each.timing === 'previewed' ? ' (previewed)' : ''}: ${each.reason}`);
	}
	if (claims.length > 0) {
		lines.push('Suggested claims (add with --apply):');
		for (const each of claims) lines.push(`  ${each.claim} (${each.stance}): "${each.passage}" — ${each.reason}`);
	}
	if (stops.length > 0) {
		lines.push('Inferred stops:');
		for (const each of stops) lines.push(`  ${each.stop}: ${each.reason}`);
	}
	return lines.length > 0 ? lines : ['No events or claims to suggest.'];
}

/** Two decimals, so that scores print and compare steadily. */
function round(value: number): number {
	return Math.round(value * 100) / 100;
}

