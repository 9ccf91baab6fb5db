/**
 * A sentence of a candidate, read for what it says of the story: the entities it names
 * (by id, whatever the spelling), its words (stemmed, with the verbs of meeting and of
 * travelling each read as one), and its figures, less the days on which something was
 * *said* ("the company said on Wednesday"), which date the saying, not the event.
 * Photo credits and captions that survive extraction are marked, and never passages.
 */
import { contentWords, stem } from '../../lib/content-words.ts';
import { findFigures, type Figure } from '../../lib/figures.ts';
import { splitSentences } from '../../lib/sentences.ts';
import { actorIn, clauseHolding, readActors, type ActorReading, type ActorStory, type Clause } from './actors.ts';
import type { Span } from './stance.ts';
import type { EntityKey, StoryIndex } from './story-index.ts';

/**
 * Verbs and nouns that say the same act in other words, each read as the first of its
 * group: "held talks with", "hosted for dinner", "sat down with", "huddled with" all say he met someone;
 * "arrived in", "flew to", "landed in" all say he travelled.
 */
const SAME_ACT: readonly (readonly string[])[] = [
	['meet', 'meeting', 'talk', 'host', 'dinner', 'lunch', 'breakfast', 'greet', 'join', 'attend', 'sat', 'sit', 'discuss', 'summit', 'huddle'],
	['travel', 'arrive', 'arrival', 'fly', 'flew', 'land', 'leave', 'left', 'visit', 'trip', 'depart'],
];
/** The acts a claim or an event may be about, each as the word its group is read as: `meet`, `travel`. */
export const ACTS: ReadonlySet<string> = new Set(SAME_ACT.map((group) => stem(group[0] as string)));

/** Each word of a group, in the stems its inflections take ("arrived" → `arriv`), mapped to the group's first. */
const ACT_OF = new Map(
	SAME_ACT.flatMap((group) =>
		group.flatMap((word) => [word, `${word}s`, `${word}ed`, `${word}d`, `${word}ing`, `${word}ings`].map((form) => [stem(form), stem(group[0] as string)] as const)),
	),
);

/**
 * Words of newsrooms and job titles, which any report uses and no claim is told apart
 * by: "chief executive", "officials said", "local media".
 */
const NEWSROOM_WORDS = new Set(
	'chief executive officer ceo coo head source report media local official statement spokesperson company firm business group leader day week time year people familiar matter detail plan including'
		.split(' ')
		.flatMap((word) => [word, contentWords(word)[0] ?? word]),
);

/**
 * The same acts in Korean and Japanese: the stems the press uses for meeting someone
 * (만나다, 회동, 회담, 면담, 접견, 만찬; 会談, 面会, 会食, 懇談) and for travelling (방한,
 * 방문, 도착; 訪問, 来日, 訪韓, 到着). They are found inside a word: Korean joins endings
 * to them (회동했다), and Japanese runs its words together (会談した).
 */
const CJK_ACTS: readonly (readonly [readonly string[], string])[] = [
	[['만나', '만났', '만남', '회동', '회담', '면담', '접견', '만찬', '오찬', '조찬', '환담', '논의', '협의', '会談', '面会', '会食', '会合', '懇談', '協議', '意見交換', '面談', '会っ', '会う', '会い'], 'meet'],
	[['방한', '방문', '도착', '방일', '입국', '출국', '訪問', '来日', '訪韓', '訪日', '到着', '歴訪', '出発'], 'travel'],
];
const CJK = /[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** The acts a Korean or Japanese text says, as the words their English groups are read as. */
function cjkActs(text: string): string[] {
	if (!CJK.test(text)) return [];
	return CJK_ACTS.filter(([stems]) => stems.some((stem) => text.includes(stem))).map(([, act]) => stem(act));
}

/** The words of a text that carry its meaning: stemmed, acts read as one (in English, Korean and Japanese), newsroom words left out. */
export function meaningWords(text: string): string[] {
	return [...new Set([...contentWords(text).map((word) => ACT_OF.get(word) ?? word), ...cjkActs(text)].filter((word) => !NEWSROOM_WORDS.has(word)))];
}

const WEEKDAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
/** A day on which something was said, reported or announced: it dates the saying. */
const SAYING_DAY = new RegExp(
	`\\b(?:said|says|told \\w+|announced|reported|added|confirmed|stated|denied|denying)(?:\\s+in\\s+a\\s+[\\w\\s]{1,20}?)?\\s+(?:on\\s+)?(${WEEKDAY})\\b|\\b(${WEEKDAY}),?\\s+(?:according to|the \\w+ said)`,
	'g',
);

/** A photo credit or caption: "(Yonhap)" or "[YONHAP]" at the end, "Photo:" at the start. */
const CREDIT = /(?:\((?:[A-Z][\w.&'-]*\s?){1,3}\)|\[[A-Z][A-Z .&'-]{1,30}\])\s*$|^(?:photo|file photo|image|picture)\b/i;

export interface SentenceEvidence {
	text: string;
	/** The entities it names, each with the name as written. */
	entities: Map<EntityKey, string>;
	/** Where it names each entity. */
	entitySpans: Map<EntityKey, Span[]>;
	words: Set<string>;
	/** Where each of its meaning words stands: the cues of its stance are read near them. */
	wordSpans: (Span & { word: string })[];
	/** Its figures, but the days of saying. */
	figures: Figure[];
	/** A photo credit or caption, which is never a passage. */
	credit: boolean;
	/** Who acts in each of its clauses (actors.ts), read in the order of the article. */
	reading: ActorReading;
}

/** The figures of a text, but the days on which something was said. */
export function figuresOf(text: string): Figure[] {
	const sayingDays = new Set([...text.matchAll(SAYING_DAY)].map((match) => (match[1] ?? match[2] ?? '').toLowerCase()));
	return findFigures(text).filter((figure) => !(figure.kind === 'weekday' && sayingDays.has(figure.value)));
}

/** What reading a sentence needs of the story: its names, and who its subject is. */
export type SentenceStory = Pick<StoryIndex, 'matcher'> & ActorStory;

/** Reads one sentence, alone: its actors with no article around it. */
export function readSentence(text: string, story: SentenceStory): SentenceEvidence {
	return readInOrder([text], story)[0] as SentenceEvidence;
}

/** Reads sentences in the order of their article, so that a pronoun finds whom it stands for; the headline first, where there is one. */
function readInOrder(texts: readonly string[], story: SentenceStory, title?: string): SentenceEvidence[] {
	const read = texts.map((text) => {
		const matches = story.matcher.find(text);
		const entities = new Map<EntityKey, string>();
		const entitySpans = new Map<EntityKey, Span[]>();
		for (const match of matches) {
			const key = `${match.target.kind}:${match.target.id}` as EntityKey;
			if (!entities.has(key)) entities.set(key, match.name);
			entitySpans.set(key, [...(entitySpans.get(key) ?? []), { start: match.start, end: match.end }]);
		}
		const wordSpans = [...text.matchAll(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu)].flatMap((match) =>
			meaningWords(match[0]).map((word) => ({ word, start: match.index, end: match.index + match[0].length })),
		);
		return { text, matches, entities, entitySpans, words: new Set(meaningWords(text)), wordSpans, figures: figuresOf(text), credit: CREDIT.test(text.trim()) };
	});
	const headline = title ? [{ text: title, matches: story.matcher.find(title) }] : [];
	const readings = readActors([...headline, ...read], story).slice(headline.length);
	return read.map(({ matches: _matches, ...sentence }, index) => ({ ...sentence, reading: readings[index] as ActorReading }));
}

/** Texts read in order as the sentences of one article (a headline first, where the caller puts one there). */
export function readTexts(texts: readonly string[], story: SentenceStory): SentenceEvidence[] {
	return readInOrder(texts, story);
}

/** The sentences of paragraphs, each word for word as its paragraph has it, read in order, after the headline where there is one. */
export function readSentences(paragraphs: readonly string[], story: SentenceStory, title?: string): SentenceEvidence[] {
	const texts = paragraphs.flatMap((paragraph) => splitSentences(paragraph).filter((sentence) => paragraph.includes(sentence)));
	return readInOrder(texts, story, title);
}

/**
 * Whether a sentence speaks of an act as one of the people or companies `own` (a claim's,
 * an event's) would do it, at the words that say it (`at`): never where someone else
 * acts in the sentence (its main clause names neither the subject nor one of `own`, and
 * its actor is another: "Huang met Lee", "Altman's visit comes weeks after …"). Where
 * `ofSubject`, the act's clause must also be the subject's: he acts in it (by name, as
 * "he", or as "the Meta chief"), or is named in it ("Yoon met Zuckerberg"), or no one
 * acts in it and the article's topic is he ("A meeting with President Yoon is being
 * arranged"). A Korean or Japanese sentence is not read for its actor: it speaks.
 */
export function actedBy(sentence: SentenceEvidence, at: readonly Span[], own: ReadonlySet<EntityKey>, ofSubject: boolean): boolean {
	const { reading } = sentence;
	if (reading.unread) return true;
	const foreign = (actor: ActorReading['actor']) => actor.role === 'other' && !actor.keys.some((key) => own.has(key));
	if (foreign(reading.actor) && isOthersSentence(sentence)) return false;
	const places = at.length > 0 ? at : [{ start: 0, end: sentence.text.length }];
	return places.some((span) => {
		const clause = clauseHolding(reading, span.start);
		const actor = actorIn(reading, clause);
		if (ofSubject) return actor.role === 'subject' || !!clause?.subjectNamed;
		return !foreign(actor);
	});
}

/** Verbs by which one person addresses another: "Yoon asked Zuckerberg to …", "urged Meta to …". */
const ADDRESSING = /\b(?:ask(?:s|ed)?|urg(?:e|es|ed)|tell|tells|told|invit(?:e|es|ed)|thank(?:s|ed)?|welcom(?:e|es|ed)|receiv(?:e|es|ed)|brief(?:s|ed)?|press(?:es|ed)?|court(?:s|ed)?|woo(?:s|ed)?|prais(?:e|es|ed)|call(?:s|ed)? on|pitch(?:es|ed)?|appeal(?:s|ed)? to)\b/giu;

/**
 * Whether the subject takes part in a clause's act: it names him (or calls him "the Meta
 * chief") and says a meeting, a journey, or that someone addressed him. "Yoon met
 * Zuckerberg", "Lee hosted Meta CEO Mark Zuckerberg" and "Yoon asked Zuckerberg to …" do;
 * "SK Telecom launched an app built on Meta's Llama" does not.
 */
export function takesPart(sentence: SentenceEvidence, clause: Clause): boolean {
	if (!clause.subjectNamed) return false;
	const inClause = (start: number, end: number) => clause.spans.some((each) => start >= each.start && end <= each.end);
	return (
		sentence.wordSpans.some((span) => ACTS.has(span.word) && inClause(span.start, span.end)) ||
		[...sentence.text.matchAll(ADDRESSING)].some((match) => inClause(match.index, match.index + match[0].length))
	);
}

/**
 * Whether someone else acts in a sentence: its actor is another person or company, and
 * the subject takes no part in what that actor does ("Huang met Lee, a day after the Meta
 * founder left the city"). Such a sentence is no evidence of the subject.
 */
export function isOthersSentence(sentence: SentenceEvidence): boolean {
	const { reading } = sentence;
	if (reading.unread || reading.actor.role !== 'other') return false;
	// Unless the actor deals with the subject, in the main clause or one of its own ("Kishida sought
	// Meta's help when he met Zuckerberg"): not where the subject acts in a clause of his own ("Huang
	// met Lee, a day after the Meta founder left the city").
	const same = (actor: ActorReading['actor']) => actor.text === reading.actor.text || (actor.keys.length > 0 && actor.keys.every((key) => reading.actor.keys.includes(key)));
	return !reading.clauses.some((clause) => (clause.main || same(clause.actor)) && takesPart(sentence, clause));
}
