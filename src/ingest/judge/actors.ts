/**
 * Who acts in each clause of a sentence, as a careful editor reads it: the grammatical
 * subject of the clause, resolved to an entity of the story where it names or refers to
 * one. "Nvidia's Jensen Huang met Samsung's Lee Jae-yong in Seoul, a day after the Meta
 * founder left the city" has two clauses: in the first Jensen Huang acts (someone the
 * story does not know), in the second the Meta founder (the story's subject).
 *
 * It reads English as news is written, without a model: a clause's subject is the noun
 * phrase before its verb, after any opening phrase ("In Seoul on Wednesday, …", "After a
 * family ski trip in Japan, …") and around any aside ("Zuckerberg, who has spent the past
 * week in Japan, is expected …"). The head of the phrase is its last name ("Meta CEO Mark
 * Zuckerberg", "Nvidia's Jensen Huang"); a company with a title after it is the person who
 * leads it ("the Meta chief", "Meta's chief executive"); a name before a common noun is no
 * actor ("Samsung shares", "Meta's apps"), but one before an act is ("Zuckerberg's visit").
 * Clauses open at the words that begin them ("after", "where", "that", "who", ", and the
 * two …", ", LG said"), each with its own subject, or its parent's where it has none
 * ("before meeting Samsung's chairman").
 *
 * Pronouns ("he", "the two"), and clauses whose subject is no one ("A meeting with
 * President Yoon is being arranged"), are read as the article's topic: whoever last acted
 * in a sentence of it, its headline first. A name the story does not know counts as someone
 * else where the article writes it as a name: capitalised inside a sentence, and never in
 * lower case ("Huang" after "Jensen Huang"; not "Analysts" or "Industry").
 *
 * Korean and Japanese sentences are not read for their subject here (their particles mark
 * it, in an order of their own): their clauses have no actor, and the subject acts in them
 * where they name him.
 */
import type { NameMatch } from '../../lib/name-matcher.ts';
import type { EntityKind } from '../../model/types.ts';
import type { EntityKey } from './story-index.ts';

/** Who a clause's actor is, for the story: its subject, someone else, or no one it can tell. */
export type ActorRole = 'subject' | 'other' | 'none';

export interface Actor {
	role: ActorRole;
	/** The entities it names or refers to: `person:mark-zuckerberg` for "the Meta chief". */
	keys: EntityKey[];
	/** How it is written: a name, a reference ("the Meta chief"), a pronoun, a name the story does not know, or nothing it can tell. */
	how: 'name' | 'reference' | 'pronoun' | 'unknown name' | 'none';
	/** Its words, for reports: "Nvidia CEO Jensen Huang". */
	text: string;
}

/** A clause of a sentence: where it stands (an aside may cut it in two), and who acts in it. */
export interface Clause {
	spans: { start: number; end: number }[];
	actor: Actor;
	/** Whether it is the sentence's main clause. */
	main: boolean;
	/** Whether it names the story's subject, or refers to him by a title ("the Meta chief"), anywhere in it. */
	subjectNamed: boolean;
}

export interface ActorReading {
	/** The sentence's actor: its main clause's. */
	actor: Actor;
	clauses: Clause[];
	/** The article's topic before this sentence: whom a clause with no actor of its own is about. */
	topic: Actor | undefined;
	/** Whether the sentence is Korean or Japanese, and so was not read for its subject. */
	unread: boolean;
}

/** What reading actors needs to know of the story. */
export interface ActorStory {
	/** The story's subject: `person:mark-zuckerberg`, `company:meta`. */
	subject: ReadonlySet<EntityKey>;
	/** The subject person who leads a subject company: who "the Meta chief" is. */
	leaderOf(company: EntityKey): EntityKey | undefined;
	/** The subject people by their first names, as colleagues call them ("Mark"). */
	firstNames: ReadonlyMap<string, EntityKey>;
}

/** A sentence with the names the story knows in it. */
export interface SentenceNames {
	text: string;
	matches: readonly Pick<NameMatch<EntityKind>, 'start' | 'end' | 'target'>[];
}

const NONE: Actor = { role: 'none', keys: [], how: 'none', text: '' };

const words = (text: string) => new Set(text.split(/\s+/).filter(Boolean));

/** Auxiliaries, modals and negated auxiliaries: a verb wherever they stand. */
const AUXILIARIES = words(`is are was were be been being am has have had having will would shall should can could may might must do does did
	isn't aren't wasn't weren't hasn't haven't hadn't won't wouldn't can't cannot couldn't doesn't don't didn't shouldn't mustn't
	isn’t aren’t wasn’t weren’t hasn’t haven’t hadn’t won’t wouldn’t can’t couldn’t doesn’t don’t didn’t shouldn’t`);
/** Irregular past forms and others the suffixes miss. */
const IRREGULAR_VERBS = words(`met said told held left spent went made took came gave got saw became began brought flew sat ran built bought
	sold won hit set put kept led paid sent drew found rose fell grew knew stood wrote spoke thought felt heard meant lost chose wore
	drove shook struck sought caught taught fought dealt`);
/** Verbs of news, in their base form: with an -s they are a verb ("meets", "hosts"), and bare too right after a name ("Yoon, Zuckerberg discuss"). */
const VERB_BASES = words(`meet visit host say plan seek head hold tell arrive discuss talk join travel want leave land unveil launch announce
	open urge call ask take make get see give sign pitch hail wrap spend fly return attend welcome greet receive tour show add expect eye
	mull vow pledge push back bet court woo tap lead grill face deny confirm reveal release report agree hope aim try look begin end
	close rise fall gain drop climb slip jump surge slump post beat miss cut raise buy sell invest build develop design produce supply
	ship deploy use run win lose name appoint hire sue probe investigate fine ban block approve reject accept offer need seem appear
	become remain stay keep turn move shift prepare explore consider strengthen expand boost deepen forge strike seal finalize finalise
	complete pick choose decide set go come bring put stand sit hit share tweet write speak think feel know grow drive break sit
	celebrate perform dine chat review praise like prefer criticise criticize slam warn predict promise commit partner team tie work
	focus rely bring discuss eye top trail lag lift weigh sink soar tumble plunge rally extend smash cap kick wrap pay huddle`);
const PREPOSITIONS = words(`in on at of from with for by about into onto over under between among near across through throughout during
	via per amid against toward towards without within upon alongside ahead including like unlike than despite following behind beyond
	around inside outside off up down`);
/** Words that open a clause of their own. */
const SUBORDINATORS = words('after before when while where whereas since because although though until unless if once as that whether');
const RELATIVES = words('who which whom whose');
const ADVERBS = words(`also then later earlier now still just again already once never not too soon first last reportedly here there today
	yesterday tonight recently previously currently finally briefly jointly personally separately subsequently eventually instead
	meanwhile afterwards afterward together even only almost nearly mostly largely reportedly allegedly apparently`);
const DETERMINERS = words(`the a an this that these those its his her their our my your some several many both all each every another
	other any no such few two three four five six seven eight nine ten dozens hundreds thousands`);
/** Determiners after which a word is a noun, never a verb: "the talks", "his visit" (but "the two discussed"). */
const ARTICLES = words('the a an this that these those its his her their our my your each every another no');
/** Titles of who leads a company: after one, they name that person ("the Meta chief", "Meta's chief executive"). */
const LEADER_TITLES = words(`chief executive officer ceo chairman chairwoman chairperson chair founder co-founder cofounder boss head
	president leader owner billionaire tycoon mogul`);
/** Titles and roles: after a company, its people ("a Meta spokesperson"), who act for it. */
const ROLE_NOUNS = new Set([
	...LEADER_TITLES,
	...words(`executives coo cfo cto heads vice vice-chairman director spokesperson spokesman spokeswoman representative official officials
	premier minister prime secretary operating financial technology`),
]);
/** Capitalised words that are titles, not names: "President Yoon", "Chief Executive Officer Mark Zuckerberg". */
const TITLE_WORDS = words(`president prime minister chairman chairwoman chief executive officer ceo coo cfo cto vice founder co-founder
	director head boss mr mrs ms dr sir prince king queen crown governor senator premier secretary chancellor pop star executive
	operating financial technology chair spokesperson`);
/** Nouns of an act or a stay: after a possessive name, that name acts ("Zuckerberg's visit", "Altman's trip"). */
const ACT_NOUNS = words(`visit visits trip trips tour tours meeting meetings talks talk dinner lunch breakfast arrival departure stay week
	days day schedule itinerary agenda remarks comments plan plans stop leg journey swing appearance presence decision push bid call`);
/** Nationalities and the like, which modify a noun: "South Korean outlets", "Japanese Prime Minister". */
const MODIFIERS = words(`korean japanese indian american chinese british german french saudi taiwanese australian european asian italian
	canadian singaporean vietnamese thai indonesian emirati israeli russian ukrainian western global local state`);
const MONTHS_AND_DAYS = words(`january february march april may june july august september october november december monday tuesday
	wednesday thursday friday saturday sunday`);
/** Words of a time: a phrase of them before a comma opens the sentence ("A day earlier, …"). */
const TIME_WORDS = new Set([...MONTHS_AND_DAYS, ...words('day days week weeks month months year years earlier later ago morning evening night afternoon hours')]);
/** Pronouns that stand for the topic as a subject. */
const PRONOUNS = words('he she they it we');
/** Words with which a sentence opens on a phrase before its subject: "In Seoul, …", "After the meeting, …", "Last week, …". */
const OPENERS = new Set([...PREPOSITIONS, ...SUBORDINATORS, ...ADVERBS, ...words('according last next earlier later this meanwhile separately however but and yet so on by with')]);

/** A word or name of a sentence. */
interface Token {
	kind: 'name' | 'word' | 'punct';
	text: string;
	lower: string;
	start: number;
	end: number;
	/** For a name, what it names. */
	key?: EntityKey | undefined;
	/** Followed by "'s": "Zuckerberg's", "Meta’s". */
	possessive: boolean;
	/** Written with a capital and a small letter after it: a name's look ("Huang", not "AI" or "the"). */
	proper: boolean;
}

const CJK = /[\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;

/** The words, names and punctuation of a sentence, in order. */
function tokenize(sentence: SentenceNames): Token[] {
	const { text } = sentence;
	const tokens: Token[] = [];
	const names = [...sentence.matches].sort((a, b) => a.start - b.start);
	let at = 0;
	let next = 0;
	const possessiveAt = (end: number) => /^['’]s?(?![\p{L}\p{N}])/u.exec(text.slice(end))?.[0].length ?? 0;
	while (at < text.length) {
		const name = names[next];
		if (name && name.start <= at) {
			next++;
			if (name.start < at) continue;
			const tail = possessiveAt(name.end);
			const written = text.slice(name.start, name.end);
			tokens.push({ kind: 'name', text: written, lower: written.toLowerCase(), start: name.start, end: name.end, key: `${name.target.kind}:${name.target.id}` as EntityKey, possessive: tail > 0, proper: true });
			at = name.end + tail;
			continue;
		}
		const rest = text.slice(at);
		const space = /^\s+/u.exec(rest);
		if (space) {
			at += space[0].length;
			continue;
		}
		const word = /^[\p{L}\p{N}]+(?:[-.'’][\p{L}\p{N}]+)*/u.exec(rest);
		const limit = name ? name.start : text.length;
		if (word && at + word[0].length <= limit) {
			let written = word[0];
			let possessive = false;
			const split = /^(.+?)['’](s|ll|d|re|ve)$/iu.exec(written);
			if (split && split[2]?.toLowerCase() === 's' && !PRONOUNS.has((split[1] ?? '').toLowerCase()) && (split[1] ?? '').toLowerCase() !== 'it') {
				written = split[1] ?? written;
				possessive = true;
			} else if (split && PRONOUNS.has((split[1] ?? '').toLowerCase())) {
				// "he’ll", "they’d": the pronoun, then an auxiliary.
				const pronoun = split[1] ?? '';
				tokens.push(wordToken(pronoun, at, false));
				tokens.push(wordToken('will', at + pronoun.length, false));
				at += word[0].length;
				continue;
			}
			tokens.push(wordToken(written, at, possessive));
			at += word[0].length;
			continue;
		}
		tokens.push({ kind: 'punct', text: rest[0] ?? '', lower: rest[0] ?? '', start: at, end: at + 1, possessive: false, proper: false });
		at += 1;
	}
	return tokens;
}

function wordToken(text: string, start: number, possessive: boolean): Token {
	return { kind: 'word', text, lower: text.toLowerCase(), start, end: start + text.length, possessive, proper: /^\p{Lu}.*\p{Ll}/u.test(text) };
}

/** A noun phrase as read: its parts, each a conjunct ("Yoon, Zuckerberg", "Zuckerberg and his wife Priscilla Chan"). */
interface Phrase {
	conjuncts: Token[][];
	/** The index of the token after it. */
	end: number;
}

/** What the parser needs while it reads one article. */
interface ReadingState {
	story: ActorStory;
	/** The sentence being read, whose words an actor's text is cut from. */
	sentence: string;
	/** Names the story does not know, written as names in the article and never in lower case. */
	foreign: ReadonlySet<string>;
}

/** A clause as parsed, before its pronouns are resolved. */
interface RawClause {
	spans: { start: number; end: number }[];
	phrase: Token[][] | 'inherit' | 'antecedent';
	antecedent?: Token | undefined;
	parent?: RawClause | undefined;
	main: boolean;
}

function isWord(token: Token | undefined, set: ReadonlySet<string>): boolean {
	return token?.kind === 'word' && set.has(token.lower);
}

/** Whether a word is a verb where it stands: after the subject, before its object. */
function isVerb(token: Token | undefined, previous: Token | undefined): boolean {
	if (!token || token.kind !== 'word') return false;
	const word = token.lower;
	if (AUXILIARIES.has(word)) return true;
	if (previous && previous.kind === 'word' && (ARTICLES.has(previous.lower) || previous.possessive)) return false;
	if (previous?.possessive) return false;
	if (IRREGULAR_VERBS.has(word) || word === 'to') return true;
	if (ROLE_NOUNS.has(word) && !(previous && (previous.kind === 'name' ? !previous.key?.startsWith('company:') : previous.proper))) return false;
	if (word.length > 4 && word.endsWith('ed')) return true;
	const base = word.endsWith('ies') ? `${word.slice(0, -3)}y` : word.endsWith('es') && VERB_BASES.has(word.slice(0, -2)) ? word.slice(0, -2) : word.endsWith('s') ? word.slice(0, -1) : '';
	if (base && VERB_BASES.has(base)) return true;
	// A bare verb only right after a name or a pronoun: a headline's present tense.
	return VERB_BASES.has(word) && !!previous && (previous.kind === 'name' || previous.proper || PRONOUNS.has(previous.lower));
}

/** An auxiliary or a verb in the past: a verb whatever stands before it. */
function isPastOrAuxiliary(token: Token | undefined): boolean {
	if (!token || token.kind !== 'word') return false;
	return AUXILIARIES.has(token.lower) || IRREGULAR_VERBS.has(token.lower) || (token.lower.length > 4 && token.lower.endsWith('ed'));
}

function isAdverb(token: Token | undefined, previous?: Token): boolean {
	if (previous?.kind === 'word' && (ARTICLES.has(previous.lower) || previous.possessive)) return false;
	return token?.kind === 'word' && !token.proper && (ADVERBS.has(token.lower) || (token.lower.length > 4 && token.lower.endsWith('ly') && !ROLE_NOUNS.has(token.lower)));
}

/** Whether a token may begin or continue a noun phrase's names: a name, or a word written as one. */
function isNameLike(token: Token | undefined): boolean {
	return !!token && (token.kind === 'name' || (token.kind === 'word' && /^\p{Lu}/u.test(token.text)));
}

/** Reads the noun phrase from token `i`, to `limit`. */
function readPhrase(tokens: readonly Token[], i: number, limit: number): Phrase {
	const conjuncts: Token[][] = [[]];
	let j = i;
	const current = () => conjuncts[conjuncts.length - 1] as Token[];
	while (j < limit) {
		const token = tokens[j] as Token;
		const previous = j > i ? tokens[j - 1] : undefined;
		if (token.kind === 'punct') {
			// A list of names as a subject ("Yoon, Zuckerberg discuss AI"), or the parts of a name.
			if ((token.text === ',' || token.text === '&') && current().length > 0 && isNameLike(tokens[j + 1]) && !isWord(tokens[j + 1], RELATIVES)) {
				conjuncts.push([]);
				j++;
				continue;
			}
			break;
		}
		if (token.kind === 'name') {
			current().push(token);
			j++;
			continue;
		}
		const word = token.lower;
		if ((word === 'and' || word === 'or') && current().length > 0) {
			const after = tokens[j + 1];
			// "… and pop star Rihanna were": a conjunct that reaches a name before its verb.
			const reachesName = () => readPhrase(tokens, j + 1, limit).conjuncts.some((part) => part.some((each) => each.kind === 'name' || each.proper));
			if (after && (isNameLike(after) || isWord(after, DETERMINERS) || isWord(after, PRONOUNS) || (after.kind === 'word' && reachesName()))) {
				conjuncts.push([]);
				j++;
				continue;
			}
			break;
		}
		if (current().length === 0 && PRONOUNS.has(word)) {
			current().push(token);
			j++;
			continue;
		}
		if (DETERMINERS.has(word) || /^\d/.test(word)) {
			current().push(token);
			j++;
			continue;
		}
		// "of" inside a title: "the chief executive of Meta", "the head of the Facebook and Instagram owner".
		if (word === 'of' && current().some((each) => each.kind === 'word' && ROLE_NOUNS.has(each.lower)) && (isNameLike(tokens[j + 1]) || isWord(tokens[j + 1], DETERMINERS))) {
			current().push(token);
			j++;
			continue;
		}
		// "Samsung shares rose": a plural noun, not a verb, where a verb follows it.
		const nounBeforeVerb = word.endsWith('s') && !AUXILIARIES.has(word) && isPastOrAuxiliary(tokens[j + 1]);
		// "Zuckerberg's Asia tour", "Meta's Seoul visit": an act owned by a name before, not a verb.
		const ownedAct = ACT_NOUNS.has(word) && !word.endsWith('s') && isNameLike(previous) && !previous?.possessive && current().some((each) => each.possessive);
		if ((isVerb(token, previous) && !nounBeforeVerb && !ownedAct) || PREPOSITIONS.has(word) || SUBORDINATORS.has(word) || RELATIVES.has(word) || isAdverb(token, previous)) break;
		current().push(token);
		j++;
	}
	return { conjuncts: conjuncts.filter((each) => each.length > 0), end: j };
}

/** The first token after `i` that is not an adverb. */
function skipAdverbs(tokens: readonly Token[], i: number): number {
	let j = i;
	while (j < tokens.length && isAdverb(tokens[j])) j++;
	return j;
}

/** Whether a clause begins at `i`: a noun phrase, then a verb. */
function clauseAt(tokens: readonly Token[], i: number, limit: number): Phrase | undefined {
	const phrase = readPhrase(tokens, i, limit);
	if (phrase.conjuncts.length === 0) return undefined;
	const verb = skipAdverbs(tokens, phrase.end);
	return isVerb(tokens[verb], tokens[verb - 1]) ? phrase : undefined;
}

/** The index of the next top-level comma (or semicolon, or dash) from `i`, or `limit`. */
function nextBreak(tokens: readonly Token[], i: number, limit: number): number {
	let depth = 0;
	for (let j = i; j < limit; j++) {
		const text = tokens[j]?.text;
		if (tokens[j]?.kind !== 'punct') continue;
		if (text === '(' || text === '[') depth++;
		else if ((text === ')' || text === ']') && depth > 0) depth--;
		else if (depth === 0 && (text === ',' || text === ';' || text === '—' || text === '–')) return j;
	}
	return limit;
}

/** How far an opening phrase may run to its comma, in tokens ("In Seoul on Wednesday, …")… */
const OPENING_PHRASE_TOKENS = 16;
/** …and an opening clause with a subject and verb of its own ("When Zuckerberg sat down for dinner with …, …"). */
const OPENING_CLAUSE_TOKENS = 48;

const OPEN_QUOTES = new Set(['"', '“', '‘', '«', '「', '『']);
const CLOSE_QUOTES = new Set(['"', '”', '’', '»', '」', '』']);

/** Parses the clauses of tokens `from` to `to`; `main` says whether its first clause is the sentence's main one. */
function parseClauses(tokens: readonly Token[], from: number, to: number, main: boolean, parent?: RawClause): RawClause[] {
	const clauses: RawClause[] = [];
	let pos = from;
	const offset = (index: number) => (index < tokens.length ? (tokens[index] as Token).start : ((tokens[tokens.length - 1] as Token | undefined)?.end ?? 0));
	const span = (a: number, b: number) => ({ start: offset(a), end: b > a ? (tokens[b - 1] as Token).end : offset(a) });

	// A quotation that opens the sentence is a clause of its own: '"There is no meeting …," a Meta spokesperson said'.
	if (OPEN_QUOTES.has(tokens[pos]?.text ?? '') && tokens[pos]?.kind === 'punct') {
		let close = pos + 1;
		while (close < to && !(tokens[close]?.kind === 'punct' && CLOSE_QUOTES.has(tokens[close]?.text ?? '') && !(tokens[close]?.text === '’' && tokens[close + 1]?.kind === 'word'))) close++;
		if (close < to) {
			clauses.push(...parseClauses(tokens, pos + 1, close, false, parent));
			pos = close + 1;
			while (pos < to && tokens[pos]?.kind === 'punct') pos++;
		}
	}
	// A kicker in brackets before a headline: "[News Analysis] Meta chief's Seoul stop puts …", "(LEAD) Yoon meets …".
	if (main && tokens[pos]?.kind === 'punct' && (tokens[pos]?.text === '[' || tokens[pos]?.text === '(')) {
		const closing = tokens[pos]?.text === '[' ? ']' : ')';
		const close = tokens.slice(pos + 1, Math.min(pos + 6, to)).findIndex((token) => token.kind === 'punct' && token.text === closing);
		if (close >= 0) pos += close + 2;
	}
	// A heading before a colon: "Jamnagar: Meta chief executive …", "Next up: India, where …".
	const colon = tokens.slice(pos, Math.min(pos + 5, to)).findIndex((token) => token.kind === 'punct' && token.text === ':');
	if (colon >= 0) pos += colon + 1;

	// Opening phrases: "In Seoul on Wednesday, …", "After meeting Kishida, …", "When Zuckerberg met Lee, …".
	const root: RawClause = { spans: [], phrase: [], main, parent };
	while (pos < to && tokens[pos]?.kind === 'word' && OPENERS.has((tokens[pos] as Token).lower) && !PRONOUNS.has((tokens[pos] as Token).lower)) {
		const opener = (tokens[pos] as Token).lower;
		// A clause of its own ("When Zuckerberg sat down for dinner with … on Wednesday, …") runs to its comma however long; a phrase, a few words.
		const reach = Math.min(to, pos + (SUBORDINATORS.has(opener) && clauseAt(tokens, pos + 1, to) ? OPENING_CLAUSE_TOKENS : OPENING_PHRASE_TOKENS));
		const comma = nextBreak(tokens, pos, reach);
		if (comma < reach && tokens[comma]?.text === ',') {
			const inner = SUBORDINATORS.has(opener) ? clauseAt(tokens, pos + 1, comma) : undefined;
			clauses.push({ spans: [span(pos, comma)], phrase: inner ? inner.conjuncts : 'inherit', parent: root, main: false });
			pos = comma + 1;
			continue;
		}
		// No comma: the preposition and its object ("On Thursday he met Yoon").
		let j = pos + 1;
		while (j < to && j < pos + 5 && (isNameLike(tokens[j]) || isWord(tokens[j], DETERMINERS) || /^\d/.test(tokens[j]?.lower ?? '')) && !isWord(tokens[j], PRONOUNS)) j++;
		if (j === pos + 1) break;
		pos = j;
	}

	// A time before the subject: "A day earlier, Zuckerberg held talks …", "Two days later, he …".
	const time = readPhrase(tokens, pos, to);
	const timeEnd = skipAdverbs(tokens, time.end);
	if (tokens[timeEnd]?.text === ',' && tokens.slice(pos, timeEnd).some((token) => TIME_WORDS.has(token.lower)) && clauseAt(tokens, timeEnd + 1, to)) {
		clauses.push({ spans: [span(pos, timeEnd)], phrase: 'inherit', parent: root, main: false });
		pos = timeEnd + 1;
	}

	// The subject, then the rest of the clause, cut where other clauses begin.
	const subject = readPhrase(tokens, pos, to);
	root.phrase = subject.conjuncts;
	clauses.push(root);
	let current: RawClause = root;
	let segmentStart = pos;
	const close = (at: number) => {
		if (at > segmentStart) current.spans.push(span(segmentStart, at));
		segmentStart = at;
	};
	const open = (clause: RawClause, at: number) => {
		close(at);
		clauses.push(clause);
		current = clause;
	};
	const lastName = (a: number, b: number) => tokens.slice(a, b).filter((token) => token.kind === 'name' || token.proper).at(-1);
	for (let j = subject.end; j < to; j++) {
		const token = tokens[j] as Token;
		const next = tokens[j + 1];
		if (token.kind === 'punct' && (token.text === ',' || token.text === ';' || token.text === '—' || token.text === '–')) {
			const after = j + 1;
			// ", who …": an aside about the name before it.
			if (isWord(next, RELATIVES)) {
				open({ spans: [], phrase: 'antecedent', antecedent: lastName(segmentStart, j), parent: current.main ? current : current.parent, main: false }, after);
				continue;
			}
			// ", and the two discussed …", "; he then …", ", LG said": a clause of its own.
			const conjunction = isWord(next, words('and but yet so while whereas')) ? after + 1 : after;
			const coordinate = clauseAt(tokens, conjunction, to);
			if (coordinate && (token.text !== ',' || conjunction > after || coordinate.conjuncts.some((part) => part.some((each) => each.kind === 'name' || each.proper || PRONOUNS.has(each.lower))))) {
				open({ spans: [], phrase: coordinate.conjuncts, parent: root, main: false }, after);
				j = coordinate.end - 1;
				continue;
			}
			// ", a day after the Meta founder left", ", where he met": a subordinate clause.
			const subordinator = tokens.slice(after, Math.min(after + 4, to)).findIndex((each) => isWord(each, SUBORDINATORS));
			if (subordinator >= 0 && isWord(tokens[after + subordinator], SUBORDINATORS)) {
				const at = after + subordinator + 1;
				const inner = clauseAt(tokens, at, to);
				if (inner || isVerb(tokens[at], undefined) || /ing$/.test(tokens[at]?.lower ?? '')) {
					open({ spans: [], phrase: inner ? inner.conjuncts : 'inherit', parent: root, main: false }, after);
					if (inner) j = inner.end - 1;
					continue;
				}
			}
			// Any other comma ends an aside or a subordinate clause, unless a list of names goes on.
			if (current !== root && !isNameLike(next)) {
				close(after);
				current = current.parent && current.parent !== root && !current.parent.main ? current.parent : root;
			}
			continue;
		}
		// "a day after he met", "said that Chief Executive Mark Zuckerberg had", "chips that Meta is developing".
		if (isWord(token, SUBORDINATORS)) {
			const inner = clauseAt(tokens, j + 1, to);
			const bare = !inner && (isVerb(next, undefined) || /ing$/.test(next?.lower ?? '')) && token.lower !== 'as' && token.lower !== 'that';
			if (inner || bare) {
				open({ spans: [], phrase: inner ? inner.conjuncts : 'inherit', parent: current, main: false }, j);
				if (inner) j = inner.end - 1;
			}
			continue;
		}
		// "and the two discussed", "but he did not say": another clause without a comma.
		if (isWord(token, words('and but'))) {
			const coordinate = clauseAt(tokens, j + 1, to);
			if (coordinate && coordinate.conjuncts.some((part) => part.some((each) => each.kind === 'name' || each.proper || PRONOUNS.has(each.lower) || DETERMINERS.has(each.lower)))) {
				open({ spans: [], phrase: coordinate.conjuncts, parent: root, main: false }, j);
				j = coordinate.end - 1;
			}
		}
	}
	close(to);
	return clauses;
}

/** Whether a word at a sentence's start is one the article also writes as a name elsewhere. */
function collectForeign(sentences: readonly Token[][], story: ActorStory): Set<string> {
	const proper = new Set<string>();
	const lower = new Set<string>();
	for (const tokens of sentences) {
		tokens.forEach((token, index) => {
			if (token.kind !== 'word') return;
			if (/^\p{Ll}/u.test(token.text)) lower.add(token.lower);
			else if (token.proper && index > 0 && !TITLE_WORDS.has(token.lower) && !MODIFIERS.has(token.lower) && !MONTHS_AND_DAYS.has(token.lower)) proper.add(token.lower);
		});
	}
	for (const name of story.firstNames.keys()) proper.delete(name.toLowerCase());
	return new Set([...proper].filter((word) => !lower.has(word)));
}

/** The actor a conjunct of a subject names, before pronouns are resolved. */
function actorOf(parts: readonly Token[], state: ReadingState, first: boolean): Actor {
	const text = state.sentence.slice(parts[0]?.start ?? 0, parts.at(-1)?.end ?? 0);
	const lead = parts[0];
	if (lead && lead.kind === 'word' && PRONOUNS.has(lead.lower)) return { ...NONE, how: 'pronoun', text };
	if (lead?.lower === 'both' || (lead?.lower === 'the' && /^(?:two|pair|couple|men)$/.test(parts[1]?.lower ?? ''))) return { ...NONE, how: 'pronoun', text };
	// An act with its possessor before other words: "Zuckerberg's Asia tour", "the Meta chief's
	// two-day Seoul stop". Whoever the possessor is acts, as in "Zuckerberg's visit".
	const possessor = parts.findIndex((token) => token.possessive);
	const last = parts.at(-1);
	if (possessor >= 0 && possessor < parts.length - 2 && last?.kind === 'word' && ACT_NOUNS.has(last.lower)) {
		const owner = actorOf(parts.slice(0, possessor + 1), state, first);
		if (owner.role !== 'none') return { ...owner, text };
	}
	// The head: the last name, or word written as a name, that is not a title.
	let head = -1;
	for (let i = parts.length - 1; i >= 0; i--) {
		const token = parts[i] as Token;
		if (token.kind === 'name') {
			head = i;
			break;
		}
		if (token.proper && !TITLE_WORDS.has(token.lower) && !MODIFIERS.has(token.lower) && !MONTHS_AND_DAYS.has(token.lower) && !DETERMINERS.has(token.lower)) {
			head = i;
			break;
		}
	}
	const after = parts.slice(head + 1).filter((token) => token.kind === 'word' && !TITLE_WORDS.has(token.lower) && token.lower !== 'of');
	const roles = parts.slice(head + 1).filter((token) => token.kind === 'word' && ROLE_NOUNS.has(token.lower));
	if (head < 0) {
		// "the billionaire", "the chief executive": the topic, by a title.
		if (parts.some((token) => token.kind === 'word' && ROLE_NOUNS.has(token.lower)) && parts.every((token) => token.kind === 'word' && (DETERMINERS.has(token.lower) || ROLE_NOUNS.has(token.lower)))) {
			return { ...NONE, how: 'pronoun', text };
		}
		return { ...NONE, text };
	}
	// "the chief executive of Meta": the title before, the company after.
	const ofAt = parts.findIndex((token) => token.lower === 'of');
	const token = parts[head] as Token;
	const titled = roles.length > 0 || (ofAt >= 0 && ofAt < head && parts.slice(0, ofAt).some((each) => ROLE_NOUNS.has(each.lower)));
	const common = after.filter((each) => !ROLE_NOUNS.has(each.lower));
	if (common.length > 0 && !(ofAt >= 0 && ofAt < head)) {
		// "Zuckerberg's visit" is his act; "Samsung shares" and "Meta's apps" are no one's.
		if (token.possessive && common.every((each) => ACT_NOUNS.has(each.lower) || /^\d/.test(each.lower) || DETERMINERS.has(each.lower))) return resolveName(token, state, text, first);
		return { ...NONE, text };
	}
	if (titled && token.key?.startsWith('company:')) {
		const leads = roles.some((each) => LEADER_TITLES.has(each.lower)) && !roles.some((each) => !LEADER_TITLES.has(each.lower) && !/^(?:executive|officer)$/.test(each.lower));
		const leader = leads ? state.story.leaderOf(token.key) : undefined;
		if (leader) return { role: 'subject', keys: [leader], how: 'reference', text };
		return { role: state.story.subject.has(token.key) ? 'subject' : 'other', keys: [token.key], how: 'reference', text };
	}
	return resolveName(token, state, text, first && head === 0);
}

/** The actor a name is: the subject, someone else, or a place (no actor). */
function resolveName(token: Token, state: ReadingState, text: string, first: boolean): Actor {
	if (token.kind === 'name' && token.key) {
		const key = token.key;
		if (key.startsWith('stop:') || key.startsWith('country:')) return { ...NONE, text };
		return { role: state.story.subject.has(key) ? 'subject' : 'other', keys: [key], how: 'name', text };
	}
	const firstName = state.story.firstNames.get(token.text);
	if (firstName && !first) return { role: 'subject', keys: [firstName], how: 'reference', text };
	// A word at the sentence's start is a name only where the article writes it as one elsewhere.
	if (!token.proper || (first && !state.foreign.has(token.lower))) return { ...NONE, text };
	return { role: 'other', keys: [], how: 'unknown name', text };
}

/** The actor of a subject phrase of several conjuncts: the subject where one of them is he, else someone else, else no one. */
function actorOfPhrase(conjuncts: readonly Token[][], state: ReadingState, firstToken: number): Actor {
	const actors = conjuncts.map((parts) => actorOf(parts, state, (parts[0] as Token | undefined)?.start === firstToken));
	return (
		actors.find((actor) => actor.role === 'subject') ??
		actors.find((actor) => actor.role === 'other') ??
		actors.find((actor) => actor.how === 'pronoun') ??
		actors[0] ??
		NONE
	);
}

/** Whether the tokens of a clause name the story's subject, or a title of his ("the Meta chief"). */
function namesSubject(tokens: readonly Token[], clause: RawClause, story: ActorStory): boolean {
	return tokens.some((token) => token.kind === 'name' && token.key && story.subject.has(token.key) && clause.spans.some((each) => token.start >= each.start && token.end <= each.end));
}

/**
 * Reads the actors of an article's sentences, in order: the headline first, where the
 * caller has it, so that the topic begins with whoever acts in it.
 */
export function readActors(sentences: readonly SentenceNames[], story: ActorStory): ActorReading[] {
	const tokenized = sentences.map(tokenize);
	const state: ReadingState = { story, sentence: '', foreign: collectForeign(tokenized, story) };
	let topic: Actor | undefined;
	let topicPerson: Actor | undefined;
	let topicCompany: Actor | undefined;
	/** Whether the subject took part in the last sentence: "the two" then include him. */
	let subjectWasThere = false;
	const subjectActor = (text: string): Actor => {
		const key = [...story.subject].find((each) => each.startsWith('person:')) ?? [...story.subject][0];
		return { role: 'subject', keys: key ? [key] : [], how: 'pronoun', text };
	};
	return sentences.map((sentence, index) => {
		const tokens = tokenized[index] as Token[];
		const before = topic;
		state.sentence = sentence.text;
		if (CJK.test(sentence.text) && /[\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(sentence.text)) {
			const clause: Clause = { spans: [{ start: 0, end: sentence.text.length }], actor: NONE, main: true, subjectNamed: tokens.some((token) => token.key !== undefined && story.subject.has(token.key)) };
			subjectWasThere = clause.subjectNamed;
			return { actor: NONE, clauses: [clause], topic: before, unread: true };
		}
		const raw = parseClauses(tokens, 0, tokens.length, true);
		const firstWord = tokens.find((token) => token.kind !== 'punct')?.start ?? 0;
		const resolved = new Map<RawClause, Actor>();
		const resolve = (clause: RawClause): Actor => {
			const known = resolved.get(clause);
			if (known) return known;
			let actor: Actor;
			if (clause.phrase === 'inherit') actor = clause.parent ? resolve(clause.parent) : NONE;
			else if (clause.phrase === 'antecedent') actor = clause.antecedent ? actorOf([clause.antecedent], state, false) : clause.parent ? resolve(clause.parent) : NONE;
			else actor = actorOfPhrase(clause.phrase, state, firstWord);
			if (actor.how === 'pronoun' && actor.role === 'none') {
				// A pronoun stands for whoever acted last: earlier in the sentence, else in the sentences before.
				// "he" and "she" stand for a person, "it" for a company, "they" and "the two" for whoever took part.
				const wanted = /^(?:he|she)$/i.test(actor.text) ? 'person' : /^it$/i.test(actor.text) ? 'company' : 'any';
				const fits = (each: Actor | undefined) => !!each && each.role !== 'none' && (wanted === 'any' || kindOf(each) === wanted);
				const earlier = [...resolved.values()].reverse().find(fits);
				const plural = wanted === 'any';
				const withSubject = plural && (subjectWasThere || raw.some((each) => resolved.has(each) && namesSubject(tokens, each, story)));
				const antecedent = earlier ?? (wanted === 'person' ? topicPerson : wanted === 'company' ? topicCompany : topic);
				actor = withSubject ? subjectActor(actor.text) : antecedent ? { ...antecedent, how: 'pronoun', text: actor.text } : actor;
			}
			resolved.set(clause, actor);
			return actor;
		};
		const clauses = raw
			.filter((clause) => clause.spans.length > 0)
			.map((clause) => ({ spans: clause.spans, actor: resolve(clause), main: clause.main, subjectNamed: namesSubject(tokens, clause, story) || resolve(clause).role === 'subject' }));
		const main = clauses.find((clause) => clause.main) ?? clauses[0];
		const actor = main?.actor ?? NONE;
		if (actor.role !== 'none') {
			topic = actor;
			if (kindOf(actor) === 'person') topicPerson = actor;
			if (kindOf(actor) === 'company') topicCompany = actor;
		}
		subjectWasThere = clauses.some((clause) => clause.subjectNamed && (clause.main || clause.actor.role === 'subject'));
		return { actor, clauses, topic: before, unread: false };
	});
}

/** Whether an actor is a person (a person's name, a name the story does not know) or a company. */
function kindOf(actor: Actor): 'person' | 'company' | undefined {
	const key = actor.keys[0];
	if (key?.startsWith('person:') || actor.how === 'unknown name') return 'person';
	return key?.startsWith('company:') ? 'company' : undefined;
}

/** The clause of a reading that holds the text at `offset` (the main clause where none does). */
export function clauseHolding(reading: ActorReading, offset: number): Clause | undefined {
	return reading.clauses.find((clause) => clause.spans.some((each) => offset >= each.start && offset < each.end)) ?? reading.clauses.find((clause) => clause.main);
}

/** Who acts in a clause, a clause with no actor of its own read as the article's topic. */
export function actorIn(reading: ActorReading, clause: Clause | undefined): Actor {
	const actor = clause?.actor ?? reading.actor;
	return actor.role === 'none' && actor.how !== 'pronoun' && reading.topic ? { ...reading.topic, how: 'pronoun' } : actor;
}
