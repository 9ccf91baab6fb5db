/**
 * The claims of the fact ledger a candidate speaks to, each with the one sentence that
 * does so, word for word, its stance and the reason: suggestions an editor can trust.
 *
 * A sentence speaks to a claim only where it carries the claim's own counterpart and
 * act together: for "Zuckerberg met Samsung's chairman", Lee Jae-yong or Samsung in
 * the same sentence as the meeting. The counterpart is a person or company of the
 * claim other than the story's subject (Zuckerberg, Meta); a claim that has none is
 * anchored by its place (Seoul, or Japan for the ski trip) and by its figures. The act
 * is the claim's own words ("met", "developers", "ski trip"), its verbs read in all
 * their forms; the words any report uses ("chief executive", "officials said") count
 * for nothing.
 *
 * Then the stance, from explicit cues in the clause that speaks to the claim
 * (stance.ts): a refutation contradicts; another figure, day or counterpart of the same
 * kind as the claim's statement gives differs (with what it gives as `says`; a spelling of the claim's
 * own person is never another); a hedge ("expected", "scheduled", "plans to") hedges;
 * else it states. Precision comes before recall: a wrong suggestion costs the editor
 * more than a missed one, which they will find when they read the article.
 */
import { comparable, findFigures, sameFigure, type Figure } from '../../lib/figures.ts';
import type { EntityKind, Entry, ModelInput } from '../../model/types.ts';
import type { FactData } from '../../schema/index.ts';
import { actedBy, ACTS, figuresOf, meaningWords, readSentences, type SentenceEvidence } from './sentence-evidence.ts';
import { calendarDay } from './place-article.ts';
import { cjkCue, clausesOf, cueNear, HEDGES, isCjkSentence, JOINING, ON_THE_WAY, refutationNear, type Span } from './stance.ts';
import { indexStory, type EntityKey, type StoryIndex } from './story-index.ts';

/** Quotation marks, and the verbs that report speech: a quote is only suggested where a sentence quotes or reports someone. */
const REPORTED_SPEECH = /["“”«»]|(?<!\p{L})['‘]|['’](?!\p{L})|\b(?:said|says|told|tells|according to|wrote|writes|posted)\b/u;

/** The least share of a quote's words a sentence must give to be the same remark. */
export const QUOTE_OVERLAP = 0.6;

/** What claim suggestion needs to know about the article. */
export interface ArticleForClaims {
	/** The article's id, where it has one: claims that already cite it are not suggested. */
	id?: string | undefined;
	/** The plain text of each paragraph (`paragraphTexts(body)`), where passages are looked up. */
	paragraphs: readonly string[];
	/** Its headline, where it has one: whoever acts in it is the topic its first sentences' pronouns stand for. */
	title?: string | undefined;
	/** When it was published (`YYYY-MM-DD`, or a date-time), where known: a journey under way before the act ("heads to Jamnagar") previews it. */
	published?: string | undefined;
}

/** The stances a suggestion can take. */
export type SuggestedStance = 'states' | 'hedges' | 'differs' | 'contradicts';

export interface ClaimSuggestion {
	/** The claim's id (`content/facts/<id>.md`). */
	claim: string;
	/** One sentence of the article, word for word as its paragraph's plain text has it. */
	passage: string;
	stance: SuggestedStance;
	/** Where it differs or contradicts: what it gives instead ("600,000", "Tuesday", "no plans to meet"), the claim source's `says`. */
	says?: string;
	/** "gives 600,000 where the sources say 350,000; names Nvidia; says "chip", "end"". */
	reason: string;
	/** Higher is surer. */
	score: number;
}

/** A claim, ready to compare. */
interface AnalysedClaim {
	id: string;
	kind: FactData['kind'];
	/** Its people and companies other than the story's subject. */
	actors: EntityKey[];
	/** Its people and companies, the subject's included: a sentence in which one of them acts is not someone else's. */
	own: Set<EntityKey>;
	/** Whether it is about the subject's own act (he or his company is one of its people or companies): then he must act in the sentence. */
	ofSubject: boolean;
	/** Its stop, and the countries it names: its anchors where it has no actor. */
	places: EntityKey[];
	people: readonly string[];
	/** The people its statement names ("William Cho" in "met LG Electronics' chief executive, William Cho"): only they can be named in another's place. */
	statementPeople: readonly string[];
	/** The words of its statement that say its act. */
	keys: string[];
	/** For a quote: the words of each way the sources give it. */
	quoteWords: string[][];
	/** The figures of the statement. */
	statementFigures: Figure[];
	/** The figures the claim stands for: those of its stating passages of a kind its statement gives, then those of its statement. */
	figures: Figure[];
	/** Kinds of figure of which a sentence must give one: those of the statement every supporting source gives too. */
	requiredKinds: Set<Figure['kind']>;
	/** Lower-case text of the statement and of the stating passages, where hedge words are looked for. */
	statedText: string;
	/** The first day of its stop (`YYYY-MM-DD`), where it has one: before it, a journey there is still under way. */
	startsOn: string | undefined;
}

/** What every claim is compared through, worked out once for every article of a run. */
interface ClaimContext {
	story: StoryIndex;
	claims: AnalysedClaim[];
	/** The company groups of a person: the first word of the names of their companies ("LG"). */
	groupsOf: (person: string) => Set<string>;
	/** Whether a word tells a claim from the others: few claims' statements use it ("hour", not "meet"). */
	telling: (word: string) => boolean;
	/** The claims each entity anchors (as a counterpart or a place), by their place in the ledger. */
	byEntity: Map<EntityKey, number[]>;
	/** The claims no entity anchors (quotes): compared with every sentence. */
	unanchored: number[];
}

/** A word that at most this share of the claims use (or two, in a small ledger) tells a claim from the others. */
export const TELLING_SHARE = 0.1;

const analysed = new WeakMap<readonly Entry<FactData>[], ClaimContext>();

function contextOf(input: ModelInput, story: StoryIndex | undefined): ClaimContext {
	const facts = input.facts ?? [];
	const cached = analysed.get(facts);
	if (cached && (!story || cached.story === story)) return cached;
	const index = story ?? indexStory(input);
	const companyName = new Map(input.companies.map((entry) => [entry.id, entry.data.name]));
	const companiesOf = new Map(input.people.map((entry) => [entry.id, entry.data.companies]));
	const groupsOf = (person: string) => new Set((companiesOf.get(person) ?? []).map((id) => (companyName.get(id) ?? id).split(/\s+/)[0] ?? id));
	const stopStarts = new Map(input.stops.map((stop) => [stop.id, stop.data.dates.start]));
	const claims = facts.map((fact) => analyseClaim(fact, index, stopStarts));
	const usage = new Map<string, number>();
	for (const claim of claims) for (const word of new Set(claim.keys)) usage.set(word, (usage.get(word) ?? 0) + 1);
	const most = Math.max(2, Math.floor(claims.length * TELLING_SHARE));
	const byEntity = new Map<EntityKey, number[]>();
	const unanchored: number[] = [];
	claims.forEach((claim, position) => {
		const anchors = claim.kind === 'quote' ? [] : [...claim.actors, ...claim.places];
		if (anchors.length === 0) unanchored.push(position);
		for (const key of anchors) byEntity.set(key, [...(byEntity.get(key) ?? []), position]);
	});
	// The acts (meeting, travelling) are every claim's, however few claims use them: a claim needs its act besides (matchSentence).
	const telling = (word: string) => (usage.get(word) ?? 0) <= most && !ACTS.has(word);
	const context: ClaimContext = { story: index, claims, groupsOf, telling, byEntity, unanchored };
	analysed.set(facts, context);
	return context;
}

function analyseClaim(fact: Entry<FactData>, story: StoryIndex, stopStarts: ReadonlyMap<string, string>): AnalysedClaim {
	const data = fact.data;
	const stating = data.sources.filter((source) => source.stance === 'states').map((source) => source.passage);
	const supporting = data.sources.filter((source) => source.stance === 'states' || source.stance === 'hedges');
	const statementFigures = findFigures(data.statement);
	const requiredKinds = new Set(
		statementFigures.map((figure) => figure.kind).filter((kind) => supporting.every((source) => findFigures(source.passage).some((figure) => figure.kind === kind))),
	);
	const named = new Set(story.matcher.find(data.statement).map((match) => `${match.target.kind}:${match.target.id}` as EntityKey));
	const entities = [...data.people.map((id) => `person:${id}` as const), ...data.companies.map((id) => `company:${id}` as const)];
	const actors = entities.filter((key) => !story.subject.has(key));
	const places = [...(data.stop ? [`stop:${data.stop}` as const] : []), ...data.countries.map((id) => `country:${id}` as const), ...[...named].filter((key) => key.startsWith('country:'))];
	const nameWords = new Set(story.matcher.find(data.statement).flatMap((match) => meaningWords(match.name)));
	return {
		id: fact.id,
		kind: data.kind,
		actors,
		own: new Set(entities),
		ofSubject: entities.some((key) => story.subject.has(key)),
		places: [...new Set(places)],
		people: data.people,
		statementPeople: data.people.filter((id) => named.has(`person:${id}`)),
		keys: meaningWords(data.statement.replace(/\b\d[\d,.]*\b/g, ' ')).filter((word) => !nameWords.has(word)),
		quoteWords: data.sources.map((source) => meaningWords(source.passage)),
		statementFigures,
		// The sources' own words first, so that a difference is told in them: "350,000", not "about 350,000";
		// but only figures of a kind the statement gives. A passage that says the LG meeting lasted two
		// hours states the claim of whom he met there, which says nothing of how long.
		figures: [...stating.flatMap(findFigures).filter((figure) => statementFigures.some((own) => comparable(figure, own))), ...statementFigures],
		requiredKinds,
		statedText: [data.statement, ...stating].join(' \n ').toLowerCase(),
		startsOn: data.stop ? stopStarts.get(data.stop) : undefined,
	};
}

/**
 * For each claim the article does not yet speak to, its best sentence, if one carries
 * the claim's counterpart and act. Surest first; at most one sentence per claim.
 * `story` is the run's index, where the caller has one.
 */
export function suggestClaims(article: ArticleForClaims, input: ModelInput, story?: StoryIndex): ClaimSuggestion[] {
	const facts = input.facts ?? [];
	if (facts.length === 0) return [];
	const context = contextOf(input, story);
	const sentences = readSentences(article.paragraphs, context.story, article.title).filter((sentence) => !sentence.credit);
	const suggestions: ClaimSuggestion[] = [];
	// Only the claims that something the article names anchors: the ledger may be long.
	const candidates = new Set(context.unanchored);
	for (const sentence of sentences) for (const key of sentence.entities.keys()) for (const position of context.byEntity.get(key) ?? []) candidates.add(position);
	const published = calendarDay(article.published);
	for (const index of [...candidates].sort((a, b) => a - b)) {
		const fact = facts[index];
		const claim = context.claims[index];
		if (!fact || !claim) continue;
		if (article.id !== undefined && fact.data.sources.some((source) => source.article === article.id)) continue;
		// Before the claim's stop begins (or where either day is unknown), a journey there is still under way.
		const onTheWay = !(published && claim.startsOn && published >= claim.startsOn);
		let best: ClaimSuggestion | undefined;
		for (const sentence of sentences) {
			const suggestion = matchSentence(claim, sentence, context, onTheWay);
			if (suggestion && (!best || outranks(suggestion, best))) best = suggestion;
		}
		if (best) suggestions.push(best);
	}
	return suggestions.sort((a, b) => b.score - a.score || (a.claim < b.claim ? -1 : 1));
}

/** The suggestion of `sentence` for `claim`, or `undefined` where it does not carry the claim. */
function matchSentence(claim: AnalysedClaim, sentence: SentenceEvidence, context: ClaimContext, onTheWay: boolean): ClaimSuggestion | undefined {
	const actors = claim.actors.filter((key) => sentence.entities.has(key));
	const places = claim.places.filter((key) => sentence.entities.has(key));
	const keys = claim.keys.filter((word) => sentence.words.has(word));

	// The words that tell the claim from the others ("hours", not "meet"): a sentence must give
	// one of them, where it has such words. A Korean or Japanese sentence shares no words with the ledger's English statements but
	// its acts: it must name every person and company of the claim instead, and say the act.
	const cjk = isCjkSentence(sentence.text);
	if (cjk && (claim.kind !== 'fact' || claim.actors.length === 0 || actors.length < claim.actors.length || !keys.some((word) => ACTS.has(word)))) return undefined;
	const telling = claim.keys.filter((word) => context.telling(word));
	if (!cjk && telling.length > 0 && !keys.some((word) => context.telling(word))) return undefined;
	if (claim.kind === 'quote') {
		if (!REPORTED_SPEECH.test(sentence.text)) return undefined;
		const words = new Set(meaningWords(sentence.text));
		const overlap = Math.max(0, ...claim.quoteWords.map((quote) => (quote.length === 0 ? 0 : quote.filter((word) => words.has(word)).length / quote.length)));
		if (overlap < QUOTE_OVERLAP) return undefined;
	} else {
		// The act: a third of the claim's words (at least one).
		const needed = Math.max(1, Math.ceil(claim.keys.length / (claim.kind === 'name' ? 4 : 3)));
		// A claim of an act (a meeting, a journey) needs the act itself, not only its actors' titles.
		if (claim.kind === 'fact' && claim.keys.some((word) => ACTS.has(word)) && !keys.some((word) => ACTS.has(word))) return undefined;
		// The counterpart: a person or company of the claim; where it has none but the
		// subject, its place (and, with no words of its own, its figures).
		// The place stands in for the counterpart only where the sentence names no one else's:
		// "lunch with Samsung's chairman in Seoul" is no report of the LG meeting in Seoul.
		const othersNamed = [...sentence.entities.keys()].some((key) => context.story.counterparts.has(key) && !claim.actors.includes(key));
		const anchored =
			claim.actors.length > 0
				? (actors.length > 0 && keys.length >= needed) || (!othersNamed && places.length > 0 && keys.length >= Math.max(2, needed))
				: places.length > 0 && keys.length >= (claim.keys.length === 0 ? 0 : needed);
		if (!anchored) return undefined;
		// A claim about a name is carried by the person named, in whatever spelling.
		if (claim.kind === 'name' && !actors.some((key) => key.startsWith('person:'))) return undefined;
	}

	// Whose act it is: the claim's subject must act in the clause that says it ("Zuckerberg met Lee",
	// "he met", "the Meta chief met", "Yoon met Zuckerberg"), and a sentence in which someone else
	// acts never speaks to the claim ("Huang met Lee", "Altman plans to visit Seoul to meet SK Telecom").
	const keySpans = sentence.wordSpans.filter((span) => claim.keys.includes(span.word));
	const actWords = keySpans.filter((span) => ACTS.has(span.word));
	const actAt = actWords.length > 0 ? actWords : keySpans.length > 0 ? keySpans : [...claim.actors, ...claim.places].flatMap((key) => sentence.entitySpans.get(key) ?? []);
	if (!actedBy(sentence, actAt, claim.own, claim.ofSubject && claim.kind === 'fact')) return undefined;

	// What speaks to the claim: the clauses that name its counterpart or say its act.
	// Its place speaks for it only where no person or company of it is named.
	const targets: Span[] = [
		...sentence.wordSpans.filter((span) => claim.keys.includes(span.word)),
		...(actors.length > 0 ? actors : places).flatMap((key) => sentence.entitySpans.get(key) ?? []),
	];
	const speaking = clausesOf(sentence.text).filter((clause) => {
		const at = sentence.text.indexOf(clause);
		return targets.some((target) => target.start >= at && target.end <= at + clause.length);
	});
	// A day belongs to the act it modifies: "arrived in Seoul on Wednesday for a visit during which he
	// is to meet President Yoon" dates the arrival, not the meeting.
	const figuresHere = daysOfTheAct(claim, sentence, speaking.length > 0 ? speaking.flatMap(figuresOf) : sentence.figures, actors);
	const answers = (figure: Figure) => figuresHere.some((mine) => comparable(mine, figure));
	const required = [...claim.requiredKinds];
	if (required.length > 0 && !required.some((kind) => claim.statementFigures.some((figure) => figure.kind === kind && answers(figure)))) return undefined;
	const figures = figuresHere.filter((figure) => claim.figures.some((other) => sameFigure(figure, other)));
	// A claim with no words of its own but its figures ("in Seoul from Wednesday") is only
	// carried by the same figure: another day there may be another act.
	const figuresOnly = claim.kind === 'fact' && claim.actors.length === 0 && claim.keys.length === 0;
	if (figuresOnly && figures.length === 0) return undefined;

	const evidence = [
		...(actors.length + places.length > 0 ? [`names ${[...actors, ...places].map((key) => sentence.entities.get(key)).join(', ')}`] : []),
		...(figures.length > 0 ? [`gives ${figures.map((figure) => figure.text).join(', ')}`] : []),
		...(keys.length > 0 ? [`says ${keys.map((word) => `"${word}"`).join(', ')}`] : []),
	];
	// A cue bears on the act where the sentence says it, else on the counterpart or place.
	const actSpans = sentence.wordSpans.filter((span) => claim.keys.includes(span.word));
	const cueTargets = actSpans.length > 0 ? actSpans : targets;
	// A hedge also bears on a verb of meeting or travel that leads to the claim's words:
	// "is expected to fly into Jamnagar for the celebrations" expects the celebrations too.
	// But not across a word that joins another act: "will meet Yoon on Thursday, before he heads to
	// Jamnagar for the celebrations" does not plan the celebrations by its "will".
	const between = (a: Span, b: Span) => sentence.text.slice(Math.min(a.end, b.end), Math.max(a.start, b.start));
	const firstKey = cueTargets.reduce<Span | undefined>((first, span) => (!first || span.start < first.start ? span : first), undefined);
	const leadingActs = sentence.wordSpans.filter((span) => ACTS.has(span.word) && firstKey && span.end <= firstKey.start && !JOINING.test(between(span, firstKey)));
	const sameClause = (a: Span, b: Span) => !/[,;:()]|\s[-–—]\s/.test(between(a, b));
	// …and on the place of the act, in the clause that says the act: "will spend the weekend in
	// Jamnagar at the festivities" plans to be there; "…on a ski trip, and will meet developers in
	// Tokyo" does not plan the trip.
	const placeSpans = places.flatMap((key) => sentence.entitySpans.get(key) ?? []).filter((place) => actSpans.some((act) => sameClause(place, act)));
	const hedgeTargets = [...leadingActs, ...cueTargets, ...placeSpans];
	// Korean and Japanese carry their cues in the sentence's ending, not next to the act.
	const cue = cjk ? cjkCue(sentence.text) : undefined;
	const refuted = claim.kind !== 'fact' ? undefined : cjk ? (cue?.kind === 'refutation' ? cue.cue : undefined) : refutationNear(sentence.text, cueTargets);
	const difference = refuted || figuresOnly ? undefined : differenceFrom(claim, sentence, figuresHere, context);
	// A quote or a name is stated by whoever prints it, however the sentence is hedged.
	const hedge =
		refuted || difference || claim.kind !== 'fact'
			? undefined
			: cjk
				? cue?.kind === 'hedge'
					? cue.cue
					: undefined
				: (cueNear(sentence.text, HEDGES, hedgeTargets, claim.statedText) ?? (onTheWay ? cueNear(sentence.text, ON_THE_WAY, hedgeTargets) : undefined));
	const stance: SuggestedStance = refuted ? 'contradicts' : difference ? 'differs' : hedge ? 'hedges' : 'states';
	const says = refuted ? shortClause(speaking.join(', ') || sentence.text) : difference?.says;
	const lead = refuted ? `refuted ("${refuted}")` : (difference?.reason ?? (hedge ? `hedged ("${hedge}")` : undefined));
	return {
		claim: claim.id,
		passage: sentence.text,
		stance,
		...(says ? { says } : {}),
		reason: [...(lead ? [lead] : []), ...evidence].join('; '),
		score: actors.length * 2 + places.length + keys.length + figures.length,
	};
}

/**
 * Which of an article's sentences speaks for it on a claim: a denial above all (a report
 * that repeats the rumour it denies still denies it), then what it states or gives
 * instead, then what it only expects; the surest within each.
 */
const STANCE_RANK: Record<SuggestedStance, number> = { contradicts: 3, states: 2, differs: 2, hedges: 1 };

function outranks(suggestion: ClaimSuggestion, other: ClaimSuggestion): boolean {
	const rank = STANCE_RANK[suggestion.stance] - STANCE_RANK[other.stance];
	return rank !== 0 ? rank > 0 : suggestion.score > other.score;
}

/** A clause as a short `says`: its words, cut at about 60 characters. */
function shortClause(clause: string): string {
	const text = clause.replace(/\s+/g, ' ').trim();
	return text.length <= 60 ? text : `${text.slice(0, 59).replace(/\s+\S*$/, '')}…`;
}

/**
 * Where a clause of a sentence begins: its punctuation, a relative or a subordinating word
 * ("during which he is scheduled to meet", "where the two discussed", "after he met"), or
 * "and" or "but" before a new verb or subject ("and will meet Yoon on Thursday").
 */
const CLAUSE_OPENING =
	/[,;:()]|\s[-–—]\s|\b(?:(?:during|in|at|on|after|before|by) which|which|who|whom|whose|where|when|while|whereas|after|before|until|since|because|although|though|once)\b|\b(?:and|but)\s+(?=(?:he|she|they|it|then|later|also|will|would|is|are|was|were|has|have|had|did)\b)/giu;

/** The clauses of a sentence, as stretches cut where `CLAUSE_OPENING` opens one. */
function clauseStretches(text: string): Span[] {
	const stretches: Span[] = [];
	let start = 0;
	for (const match of text.matchAll(CLAUSE_OPENING)) {
		if (match.index > start) stretches.push({ start, end: match.index });
		start = match.index;
	}
	stretches.push({ start, end: text.length });
	return stretches;
}

/**
 * The figures of a sentence less the days (weekdays and dates) of another act than the
 * claim's: a day belongs to the clause it stands in, or, in a clause that says no act ("On
 * Wednesday, he met …"), to the next clause that does. Where the claim says an act (a
 * meeting, a journey) and the sentence says it, only the days of the clauses that say it
 * (with the claim's counterpart, where the sentence names one) stay: "arrived in Seoul on
 * Wednesday for a visit during which he is to meet President Yoon" dates the arrival, and
 * "wrapped up his trip on Thursday with a meeting with President Yoon" the meeting.
 */
function daysOfTheAct(claim: AnalysedClaim, sentence: SentenceEvidence, figures: readonly Figure[], actors: readonly EntityKey[]): Figure[] {
	const acts = sentence.wordSpans.filter((span) => ACTS.has(span.word));
	const own = acts.filter((span) => claim.keys.includes(span.word));
	if (own.length === 0) return [...figures];
	const clauses = clauseStretches(sentence.text);
	const within = (clause: Span, span: Span) => span.start >= clause.start && span.start < clause.end;
	const saysAct = (clause: Span) => acts.some((span) => within(clause, span));
	const named = actors.flatMap((key) => sentence.entitySpans.get(key) ?? []);
	const withOwn = clauses.filter((clause) => own.some((span) => within(clause, span)));
	const withCounterpart = withOwn.filter((clause) => named.some((span) => within(clause, span)));
	const claimClauses = withCounterpart.length > 0 ? withCounterpart : withOwn;
	let from = 0;
	return figures.filter((figure) => {
		if (figure.kind !== 'weekday' && figure.kind !== 'date') return true;
		const start = sentence.text.indexOf(figure.text, from);
		if (start < 0) return true;
		from = start + figure.text.length;
		const at = clauses.findIndex((clause) => within(clause, { start, end: start }));
		const clause = clauses[at];
		if (!clause) return true;
		const actClause = saysAct(clause) ? clause : (clauses.slice(at + 1).find(saysAct) ?? clauses.slice(0, at).reverse().find(saysAct));
		return !actClause || claimClauses.includes(actClause);
	});
}

/** Words that name someone in addition to others, not in their place: "also attended by", "joined by", "along with". */
const BESIDES = /\b(?:also|too|as well as|along with|alongside|together with|joined by|accompanied by|in addition to|besides|among others|including)\b/iu;

/**
 * Whether the name at `start` is named besides someone else: a word of accompaniment
 * ("also", "joined by", "along with") between it and the start of its clause.
 */
function namedBesides(text: string, start: number): boolean {
	const before = text.slice(0, start);
	const clauseStart = Math.max(...[...before.matchAll(/[,;:()]|\s[-–—]\s/g)].map((match) => match.index + match[0].length), 0);
	return BESIDES.test(before.slice(clauseStart));
}

/**
 * How the sentence differs from what the claim's sources state, if it does: another
 * figure of the same kind and none of theirs ("gives 600,000 where the sources say
 * 350,000"), or another person of the same company group in place of one its statement
 * names ("names Kwon Bong-seok where the sources name William Cho"): in place of, not
 * besides ("also attended by Kwon Bong-seok" is no other counterpart), and never for a
 * statement that names no one. A spelling of the claim's own
 * person is the same person: names resolve to ids before they are compared.
 */
function differenceFrom(claim: AnalysedClaim, sentence: SentenceEvidence, figures: readonly Figure[], context: ClaimContext): { says: string; reason: string } | undefined {
	for (const figure of figures) {
		const theirs = claim.figures.filter((other) => comparable(figure, other));
		if (theirs.length === 0 || figures.some((mine) => theirs.some((other) => sameFigure(mine, other)))) continue;
		const said = [...new Map(theirs.map((other) => [other.value, other.text])).values()];
		return { says: figure.text, reason: `gives ${figure.text} where the sources say ${said.join(' or ')}` };
	}
	// Another person in a Korean or Japanese sentence is no sign of another counterpart: its words are not compared.
	if (claim.kind === 'name' || isCjkSentence(sentence.text)) return undefined;
	// Only a person the statement names can be named in another's place: "the LG meeting lasted two
	// hours" names no one, so no one named beside it differs from it.
	for (const person of claim.statementPeople) {
		if (sentence.entities.has(`person:${person}`)) continue;
		const groups = context.groupsOf(person);
		for (const [key, written] of sentence.entities) {
			const [kind, other] = key.split(':') as [EntityKind, string];
			if (kind !== 'person' || claim.people.includes(other)) continue;
			// Named besides, not instead: "also attended by LG Corp. COO Kwon Bong-seok", "joined by …", "along with …".
			if ((sentence.entitySpans.get(key) ?? []).every((span) => namedBesides(sentence.text, span.start))) continue;
			if ([...context.groupsOf(other)].some((group) => groups.has(group))) {
				return { says: written, reason: `names ${written} where the sources name ${context.story.nameOf(`person:${person}`)}` };
			}
		}
	}
	return undefined;
}
