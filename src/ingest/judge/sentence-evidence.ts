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
import type { Span } from './stance.ts';
import type { EntityKey, StoryIndex } from './story-index.ts';

/**
 * Verbs and nouns that say the same act in other words, each read as the first of its
 * group: "held talks with", "hosted for dinner", "sat down with" all say he met someone;
 * "arrived in", "flew to", "landed in" all say he travelled.
 */
const SAME_ACT: readonly (readonly string[])[] = [
	['meet', 'meeting', 'talk', 'host', 'dinner', 'lunch', 'breakfast', 'greet', 'join', 'attend', 'sat', 'sit', 'discuss', 'summit'],
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
}

/** The figures of a text, but the days on which something was said. */
export function figuresOf(text: string): Figure[] {
	const sayingDays = new Set([...text.matchAll(SAYING_DAY)].map((match) => (match[1] ?? match[2] ?? '').toLowerCase()));
	return findFigures(text).filter((figure) => !(figure.kind === 'weekday' && sayingDays.has(figure.value)));
}

/** Reads one sentence. */
export function readSentence(text: string, story: Pick<StoryIndex, 'matcher'>): SentenceEvidence {
	const entities = new Map<EntityKey, string>();
	const entitySpans = new Map<EntityKey, Span[]>();
	for (const match of story.matcher.find(text)) {
		const key = `${match.target.kind}:${match.target.id}` as EntityKey;
		if (!entities.has(key)) entities.set(key, match.name);
		entitySpans.set(key, [...(entitySpans.get(key) ?? []), { start: match.start, end: match.end }]);
	}
	const wordSpans = [...text.matchAll(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu)].flatMap((match) =>
		meaningWords(match[0]).map((word) => ({ word, start: match.index, end: match.index + match[0].length })),
	);
	const figures = figuresOf(text);
	return { text, entities, entitySpans, words: new Set(meaningWords(text)), wordSpans, figures, credit: CREDIT.test(text.trim()) };
}

/** The sentences of paragraphs, each word for word as its paragraph has it, read. */
export function readSentences(paragraphs: readonly string[], story: Pick<StoryIndex, 'matcher'>): SentenceEvidence[] {
	return paragraphs.flatMap((paragraph) =>
		splitSentences(paragraph)
			.filter((sentence) => paragraph.includes(sentence))
			.map((sentence) => readSentence(sentence, story)),
	);
}
