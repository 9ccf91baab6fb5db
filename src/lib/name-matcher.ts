/**
 * Finds the names of known entities in running text, in all the spellings the press
 * uses for them.
 *
 * A name matches whole words, longest first, ignoring case, hyphens and spacing
 * between its words: "Yoon Suk-yeol", "YOON SUK YEOL" and "Yoon Suk Yeol" are one
 * name, and so are "Jae-yong" and "Jaeyong". In "Samsung Electronics Co. Chairman
 * Jay Y. Lee" the matches are "Samsung Electronics Co." and "Jay Y. Lee", not
 * "Samsung". Possessives match too ("Zuckerberg's"), because the apostrophe ends the
 * word, and a word never matches inside a longer one ("Metaverse", "LGBT").
 *
 * Case is ignored in full for a name of two or more words: "met president yoon
 * suk-yeol" names Yoon Suk Yeol, since no run of common words spells a person's or a
 * company's full name. A name of one word is matched one way only: written with a
 * capital, it matches text that begins with a capital (or in a script without case),
 * never a lower-case word, so the common word "meta" is not Meta, nor "lee" Lee.
 *
 * But a sentence, or a line, written wholly in lower case has lost its capitals: "meta's
 * zuckerberg huddles with lg's william cho as seoul visit kicks off". A capital is no
 * evidence either way there, and a matcher made with `lowerCaseLines` (ingest's, which
 * reads the press as it comes) matches every name in it whatever its case. Elsewhere the
 * rule holds.
 *
 * Korean and Japanese are read as their writers write them. Korean attaches particles to
 * a name ("이재용은", "삼성전자와", "서울에서"): a Korean word matches a name where it is
 * the name and a particle (`KOREAN_PARTICLES`), never where it goes on otherwise
 * ("메타버스" is no Meta). Japanese puts no spaces between words: its runs of kanji and
 * kana are split into words by `Intl.Segmenter`, and a name matches whole words there
 * ("岸田首相" names 岸田, "メタバース" no メタ).
 */
import { compareText } from './compare.ts';

/** What a name refers to. */
export interface NameTarget<Kind extends string = string> {
	kind: Kind;
	id: string;
}

/** One occurrence of a known name in a text. */
export interface NameMatch<Kind extends string = string> {
	/** The name exactly as it stands in the text. */
	name: string;
	/** The offset of its first character. */
	start: number;
	/** The offset just past its last character. */
	end: number;
	target: NameTarget<Kind>;
}

export interface NameMatcher<Kind extends string = string> {
	/** Every occurrence of a known name in `text`, left to right, never overlapping. */
	find(text: string): NameMatch<Kind>[];
}

/** How a matcher reads case. */
export interface NameMatcherOptions {
	/**
	 * Whether a name of one word matches in any case within a sentence or line written
	 * wholly in lower case (`lowerCaseStretches`), where capitals say nothing. Off by
	 * default: a lone lower-case word is then never a name of one word.
	 */
	lowerCaseLines?: boolean;
}

/** A word of a text: a run of letters, marks and digits. */
interface Token {
	/** Lower-case, in Unicode's compatibility form. */
	folded: string;
	start: number;
	end: number;
	/** Whether it begins with a capital, or in a script without case. */
	capital: boolean;
	/** For a Korean word, its folded form less each particle it may end with, longest first: "이재용은" → `이재용`. */
	stems: string[];
}

/** A name as the matcher compares it. */
interface IndexedName<Kind extends string> {
	target: NameTarget<Kind>;
	/** Its words, folded and joined with nothing between them: "Lee Jae-yong" → `leejaeyong`. */
	key: string;
	/**
	 * Whether only a capitalised word can begin a match: a name of one word that begins
	 * with a capital ("Meta", "Lee"), whose lower case may be a common word.
	 */
	caseSensitive: boolean;
	/** A full stop that ends the name ("Samsung Electronics Co."), taken with the match where the text has it. */
	stop: boolean;
}

/** The letters, marks and digits of a word. */
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
/**
 * What may stand between the words of one name: spaces, hyphens, full stops of initials,
 * apostrophes, a middle dot (Japanese writes foreign names with ・), or nothing, between
 * the words of a Japanese run ("サムスン" "電子").
 */
const JOINER = /^[\s\u00a0\-\u2010\u2011.'\u2019\u00b7\u30fb]{0,3}$/u;
/** Kanji and kana, which Japanese writes without spaces between words. */
const JAPANESE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
/** Hangul. */
const HANGUL = /\p{Script=Hangul}/u;
/**
 * The particles and suffixes Korean attaches to a noun, longest first: case particles
 * (은 는 이 가 을 를 의 에 에서 에게 으로 로), conjunctions (와 과 이나), delimiters (도 만
 * 까지 부터), their common compounds (에서는, 와의), and the honorifics 씨, 님, 측.
 */
export const KOREAN_PARTICLES = [
	'에서는', '에서도', '에서의', '으로는', '으로도', '으로의', '에게서', '이라고', '이라는', '이라며', '께서는',
	'께서', '에서', '에게', '한테', '으로', '까지', '부터', '보다', '처럼', '마저', '조차', '이나', '이며', '이고', '이다',
	'이란', '와의', '과의', '에는', '에도', '로는', '로도', '로의', '와는', '과는', '와도', '과도', '측은', '측이', '측의',
	'은', '는', '이', '가', '을', '를', '의', '와', '과', '에', '로', '도', '만', '나', '며', '랑', '측', '씨', '님', '께',
];
/** Japanese words, for runs of kanji and kana. */
const japaneseWords = new Intl.Segmenter('ja', { granularity: 'word' });
/** The most words of text one name may span ("Samsung Electronics Co. Ltd", "J. Y. Lee"). */
const MOST_WORDS = 8;

/**
 * Words that end in a full stop without ending a sentence: a company's or a person's
 * title, and any single letter (an initial, "j.y. lee").
 */
const NOT_AN_END = /(?:^|[^\p{L}])(?:\p{L}|co|corp|inc|ltd|mr|mrs|ms|dr|jr|sr|st|no|vs|etc)$/iu;
/** Where a sentence or a line may end: a full stop, "!" or "?" (and closing quotes or brackets) before a space, or a line break. */
const SENTENCE_END = /[.!?]+["”’')\]]*\s+|\s*\n\s*/gu;
/** The fewest words of lower-case letters a stretch of text needs to be a sentence that has lost its capitals, not a lone word or tag. */
export const LOWER_CASE_LEAST_WORDS = 4;

/**
 * The sentences and lines of a text written wholly in lower case, where a capital is no
 * evidence: at least `LOWER_CASE_LEAST_WORDS` words with lower-case letters and not one
 * capital ("meta's zuckerberg huddles with lg's william cho, samsung's j.y. lee as seoul
 * visit kicks off"). A Korean or Japanese sentence has no case and is none.
 */
export function lowerCaseStretches(text: string): { start: number; end: number }[] {
	const stretches: { start: number; end: number }[] = [];
	let start = 0;
	const close = (end: number) => {
		const part = text.slice(start, end);
		const words = part.match(/[\p{L}\p{M}\p{N}]*\p{Ll}[\p{L}\p{M}\p{N}]*/gu) ?? [];
		if (words.length >= LOWER_CASE_LEAST_WORDS && !/\p{Lu}|\p{Lt}/u.test(part)) stretches.push({ start, end });
	};
	for (const match of text.matchAll(SENTENCE_END)) {
		if (!match[0].includes('\n') && NOT_AN_END.test(text.slice(start, match.index))) continue;
		close(match.index + match[0].length);
		start = match.index + match[0].length;
	}
	close(text.length);
	return stretches;
}

/** A text's words, with where each stands: Japanese runs split into their words. With `lowerCaseLines`, every word of a lower-case sentence counts as capitalised. */
function tokenize(text: string, options: NameMatcherOptions = {}): Token[] {
	const tokens: Token[] = [];
	const caseless = options.lowerCaseLines ? lowerCaseStretches(text) : [];
	const inCaseless = (start: number) => caseless.some((stretch) => start >= stretch.start && start < stretch.end);
	const push = (word: string, start: number) => {
		const folded = fold(word);
		tokens.push({ folded, start, end: start + word.length, capital: startsWithCapital(word) || inCaseless(start), stems: HANGUL.test(word) ? koreanStems(folded) : [] });
	};
	for (const match of text.matchAll(WORD)) {
		if (!JAPANESE.test(match[0])) {
			push(match[0], match.index);
			continue;
		}
		for (const segment of japaneseWords.segment(match[0])) if (segment.isWordLike) push(segment.segment, match.index + segment.index);
	}
	return tokens;
}

/** A Korean word less each particle it may end with, longest first, never the whole word. */
function koreanStems(folded: string): string[] {
	return KOREAN_PARTICLES.filter((particle) => folded.length > particle.length && folded.endsWith(particle)).map((particle) => folded.slice(0, -particle.length));
}

/** The forms the last word of a match may take: itself, or a Korean word less its particle. */
function lastForms(token: Token): string[] {
	return [token.folded, ...token.stems];
}

/** Plain ASCII, which compatibility form leaves as it is. */
const ASCII = /^[\x00-\x7f]*$/;

/** Lower case, in Unicode's compatibility form: "Ｍｅｔａ" and "META" are `meta`. */
function fold(text: string): string {
	return ASCII.test(text) ? text.toLowerCase() : text.normalize('NFKC').toLowerCase();
}

/** A capital letter, or a letter of a script that has no case (Hangul, kana, Han), or a digit. */
function startsWithCapital(word: string): boolean {
	const first = word.codePointAt(0);
	if (first === undefined) return false;
	if (first < 0x80) return (first >= 0x41 && first <= 0x5a) || (first >= 0x30 && first <= 0x39);
	const char = String.fromCodePoint(first);
	return /\p{N}/u.test(char) || char !== char.toLowerCase() || char === char.toUpperCase();
}

/** The names as the matcher compares them, longest first: a longer name wins where two start at one place. */
function indexed<Kind extends string>(names: ReadonlyMap<string, NameTarget<Kind>>): Map<string, IndexedName<Kind>> {
	const byKey = new Map<string, IndexedName<Kind>>();
	for (const [name, target] of [...names].sort(([a], [b]) => b.length - a.length || compareText(a, b))) {
		const key = nameKey(name);
		if (key === '' || byKey.has(key)) continue;
		byKey.set(key, { target, key, caseSensitive: isCaseSensitive(name), stop: name.endsWith('.') });
	}
	return byKey;
}

/** Whether a name matches only text that begins with a capital: a name of one word, written with one. */
export function isCaseSensitive(name: string): boolean {
	return startsWithCapital(name) && [...name.matchAll(WORD)].length < 2;
}

/**
 * A name as the matcher compares it: its words folded and joined with nothing between
 * them. Two names with one key are the same name: `nameKey('Yoon Suk-yeol') ===
 * nameKey('YOON SUK YEOL')`. The model refuses two entities that share one.
 */
export function nameKey(name: string): string {
	return [...name.matchAll(WORD)].map((match) => fold(match[0])).join('');
}

/** The names' keys, and every beginning of one: where a run of words is no such beginning, no longer run can be a name. */
interface KeyIndex<Kind extends string> {
	byKey: ReadonlyMap<string, IndexedName<Kind>>;
	prefixes: ReadonlySet<string>;
}

function keyIndex<Kind extends string>(byKey: ReadonlyMap<string, IndexedName<Kind>>): KeyIndex<Kind> {
	const prefixes = new Set<string>();
	for (const key of byKey.keys()) for (let length = 1; length < key.length; length++) prefixes.add(key.slice(0, length));
	return { byKey, prefixes };
}

/**
 * The longest match of a known name starting at word `i`: walks the run of words from
 * there, joined only by spaces, hyphens and the like, while the words so far begin some
 * name, and keeps the match that ends furthest. Each word's own form is tried before its
 * stems, so "이재용" wins over a shorter stem where both are names.
 */
function matchAt<Kind extends string>(text: string, tokens: readonly Token[], i: number, index: KeyIndex<Kind>): NameMatch<Kind> | undefined {
	const first = tokens[i];
	if (!first) return undefined;
	let best: NameMatch<Kind> | undefined;
	let head = '';
	for (let j = i; j < tokens.length && j - i < MOST_WORDS; j++) {
		const token = tokens[j]!;
		if (j > i && !JOINER.test(text.slice(tokens[j - 1]!.end, token.start))) break;
		for (const form of lastForms(token)) {
			const name = index.byKey.get(head + form);
			if (!name || (name.caseSensitive && !first.capital)) continue;
			const end = endOf(text, token.end - (token.folded.length - form.length), name);
			best = { name: text.slice(first.start, end), start: first.start, end, target: name.target };
			break;
		}
		head += token.folded;
		if (!index.prefixes.has(head)) break;
	}
	return best;
}

/** Where a match of `name` whose last word ends at `end` ends: after the name's own full stop, where the text has one. */
function endOf(text: string, end: number, name: Pick<IndexedName<string>, 'stop'>): number {
	return name.stop && text[end] === '.' ? end + 1 : end;
}

/**
 * Compiles a matcher from a map of name → target: the model's name index, where each
 * name already resolves to exactly one entity.
 *
 * It looks up the runs of words from each word of the text among the names' keys, so
 * its cost grows with the text, not with the number of names.
 */
export function createNameMatcher<Kind extends string>(names: ReadonlyMap<string, NameTarget<Kind>>, options: NameMatcherOptions = {}): NameMatcher<Kind> {
	const byKey = indexed(names);
	if (byKey.size === 0) return { find: () => [] };
	const index = keyIndex(byKey);
	return {
		find(text) {
			const tokens = tokenize(text, options);
			const matches: NameMatch<Kind>[] = [];
			for (let i = 0; i < tokens.length; i++) {
				const match = matchAt(text, tokens, i, index);
				if (!match) continue;
				matches.push(match);
				while (i + 1 < tokens.length && tokens[i + 1]!.start < match.end) i++;
			}
			return matches;
		},
	};
}

/**
 * The same matcher, the slow and plain way: at each word, every name is compared with
 * every run of words there. Its cost grows with the text times the names; it is the
 * reference `createNameMatcher` is tested against (tests/unit/name-matcher.test.ts).
 */
export function createPatternMatcher<Kind extends string>(names: ReadonlyMap<string, NameTarget<Kind>>, options: NameMatcherOptions = {}): NameMatcher<Kind> {
	const candidates = [...indexed(names).values()];
	return {
		find(text) {
			const tokens = tokenize(text, options);
			const matches: NameMatch<Kind>[] = [];
			let free = 0;
			for (let i = 0; i < tokens.length; i++) {
				const first = tokens[i]!;
				if (first.start < free) continue;
				let best: NameMatch<Kind> | undefined;
				for (const candidate of candidates) {
					if (candidate.caseSensitive && !first.capital) continue;
					let key = '';
					for (let j = i; j < tokens.length && j - i < MOST_WORDS; j++) {
						if (j > i && !JOINER.test(text.slice(tokens[j - 1]!.end, tokens[j]!.start))) break;
						const token = tokens[j]!;
						const form = lastForms(token).find((each) => key + each === candidate.key);
						if (form !== undefined) {
							const end = endOf(text, token.end - (token.folded.length - form.length), candidate);
							if (!best || end > best.end) best = { name: text.slice(first.start, end), start: first.start, end, target: candidate.target };
						}
						key += token.folded;
						if (key.length > candidate.key.length) break;
					}
				}
				if (best) {
					matches.push(best);
					free = best.end;
				}
			}
			return matches;
		},
	};
}
