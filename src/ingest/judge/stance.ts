/**
 * The explicit cues of a sentence's stance towards a claim, as the FNC-1 baseline and
 * its best systems read them: words that refute it, words that report it as expected
 * rather than done. The value check (another figure, day or counterpart: `differs`) is
 * in claims.ts, which knows the claim's own values.
 *
 * Each cue is looked for in the clause that speaks to the claim, not the whole sentence:
 * "who has been in Japan on a ski trip" is not hedged by the clause after it, "will
 * meet his developers".
 */

/** Words that report something as expected, planned or arranged rather than done. */
export const HEDGES =
	/\b(?:will|would|plans? to|planned to|planning to|expects?|expected|tentatively|reportedly|(?:is|are|was|were) set to|(?:is|are|was|were) to|(?:is|are) due to|poised|slated|scheduled(?: to| for)?|likely|may|might|could|intends?|aims? to|lined up|(?:being |been )?arranged(?: for)?|being arranged|upcoming|to be held)\b|(?<=\p{L})['’]ll\b/giu;

/**
 * Words of a journey under way, in the present: "heads to Jamnagar", "is heading for
 * India", "on his way to Seoul", "leaves for India". Written before the act at the
 * destination, they report it as still to come (claims.ts reads them so only then); after
 * it, a headline's present may narrate what was done.
 */
export const ON_THE_WAY =
	/\b(?:(?<!\b(?:the|of|two|department|business|division|unit|team) )heads? (?:to|for)|heading (?:to|for|off to)|(?:is|are|was|were) headed (?:to|for)|on (?:his|her|their|its) way to|bound for|leaves for|(?:is|are) leaving for|sets off for|jets off to)\b/giu;

/**
 * Words that say it did not, or will not, happen: a denial, "no … took place", a
 * cancellation. Refutation is read before hedging: "has no plans to meet" refutes.
 */
export const REFUTATIONS =
	/\b(?:den(?:y|ies|ied|ying)|refut(?:e|es|ed|ing)|ruled out|dismiss(?:ed|es)|rejected|no plans? to|not (?:meet|visit|attend|hold|take place|happen)|no (?:meeting|talks|visit|such)|cancell?ed|called off)\b/giu;

/**
 * A negated verb: "did not meet", "will not be visiting". It refutes only the act it
 * stands right before, with at most an auxiliary or an adverb between
 * (`NEGATION_GAP`): "did not say what they discussed" denies the saying, not the talks.
 */
export const NEGATIONS = /\b(?:did not|didn['’]t|does not|doesn['’]t|has not|hasn['’]t|have not|haven['’]t|had not|hadn['’]t|will not|won['’]t|never)\b/giu;

/** What may stand between a negation and the verb it negates: "did not *actually* meet", "will not *be* meeting". */
export const NEGATION_GAP = /^\s*(?:(?:be|been|being|have|yet|ever|actually|even|really|formally|officially|personally|directly|now|also)\s+)*$/iu;

/**
 * The same cues in Korean and Japanese, read over the whole sentence: their verbs come
 * last, with the cue in the ending (회동할 예정이다, 会談する予定だ), so nearness to the
 * act's word says little. Hedges: 예정 (scheduled), 전망 (expected), 계획 (plan), 방침
 * (policy to), 것으로 알려졌다 / 보인다 (reportedly, seemingly); 予定, 見通し, 方針, 見込み,
 * 計画, とみられる. A Japanese sentence that ends its verb in the non-past (話し合う。,
 * 会談する。) speaks of what is to come.
 */
export const CJK_HEDGES = /예정|전망|계획|방침|예상|관측|것으로\s*(?:알려졌|보인|예상|전해졌)|할\s*것|하겠|予定|見通し|方針|見込み|計画|予想|とみられ|とされ|見られ|する考え/u;
/** Denials and negations in Korean and Japanese: 부인 (deny), 않았다 (did not), 없다 (there is no), 취소 (cancelled); 否定, しなかった, ない, 見送り, 中止. */
export const CJK_REFUTATIONS = /부인|않았|않는다|않을|없다|없었|취소|무산|否定|しなかった|しない|ていない|なかった|見送|中止|取りやめ/u;
/** A Japanese verb in the non-past at a sentence's end, but for the progressive and the copula. */
const JAPANESE_NON_PAST = /(?<!てい|であ|てお|とす)(?:する|う|く|ぐ|す|つ|ぬ|ぶ|む|れる|える|める|ける|せる|てる)[」』）)]*[。！]?$/u;
const CJK_TEXT = /[\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** Whether a sentence is Korean or Japanese, whose cues are read over the whole of it. */
export function isCjkSentence(sentence: string): boolean {
	return CJK_TEXT.test(sentence);
}

/** The hedge or refutation of a Korean or Japanese sentence, if it has one. */
export function cjkCue(sentence: string): { kind: 'hedge' | 'refutation'; cue: string } | undefined {
	const refuted = CJK_REFUTATIONS.exec(sentence)?.[0];
	if (refuted) return { kind: 'refutation', cue: refuted };
	const hedged = CJK_HEDGES.exec(sentence)?.[0] ?? (/\p{Script=Hiragana}/u.test(sentence) ? JAPANESE_NON_PAST.exec(sentence.trim())?.[0] : undefined);
	return hedged ? { kind: 'hedge', cue: hedged } : undefined;
}

/** The clauses of a sentence: the parts between commas, colons, semicolons, brackets and dashes. */
export function clausesOf(sentence: string): string[] {
	return sentence.split(/[,;:()]\s+|\s+[-–—]\s+/).filter((clause) => clause.trim() !== '');
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

/** The refuting words of `text`, if any: "no plans to", "denied". */
export function refutationIn(text: string): string | undefined {
	return (text.match(new RegExp(REFUTATIONS.source, 'iu')) ?? text.match(new RegExp(NEGATIONS.source, 'iu')) ?? text.match(CJK_REFUTATIONS))?.[0];
}

/** Words of a cue's reach: a cue bears on a word at most this many words after it… */
export const REACH_BEFORE = 6;
/** …or this many before it ("a meeting … is being arranged"). */
export const REACH_AFTER = 5;

/** A stretch of a sentence: where it starts and ends. */
export interface Span {
	start: number;
	end: number;
}

/**
 * A verb joined to the one a cue governs: "is expected to arrive in Seoul on Wednesday
 * *and to* meet Samsung's chairman" hedges the meeting too. The cue's reach counts
 * again from the join, but not past a clause of its own ("could win orders for the
 * chips Meta is developing" does not hedge the developing).
 */
const JOINED_VERB = /\b(?:and|or|then)\s+(?:then\s+)?to\b/giu;

/** The quotations of a sentence: from an opening quotation mark to its closing one. */
export function quotationsOf(sentence: string): Span[] {
	const spans: Span[] = [];
	for (const match of sentence.matchAll(/"[^"]*"|“[^”]*”|«[^»]*»|(?<!\p{L})['‘][^'’]*['’](?!\p{L})/gu)) spans.push({ start: match.index, end: match.index + match[0].length });
	return spans;
}

/** Words that join two acts: a cue after one of them bears not on the act before it ("met Lee and will visit India"). */
export const JOINING = /\b(?:and|but|while|before|after|then|when|where)\b/i;

/**
 * The first cue of `pattern` in `sentence` that bears on one of `targets` (the words
 * that say the claim's act, or name its counterpart): in the same clause, at most
 * `REACH_BEFORE` words before it or `REACH_AFTER` words after it, and never back across
 * a word that joins two acts. A cue that `statedText` (the claim's own words, lower-case)
 * uses too is no cue: "will include" states a plan the claim itself states.
 */
export function cueNear(sentence: string, pattern: RegExp, targets: readonly Span[], statedText = ''): string | undefined {
	const quotations = quotationsOf(sentence);
	const quotationHolding = (at: number) => quotations.find((quotation) => at >= quotation.start && at < quotation.end);
	for (const match of sentence.matchAll(new RegExp(pattern.source, 'giu'))) {
		const word = match[0].toLowerCase().replace('’', "'");
		if (statedText && (word.startsWith("'") ? /\p{L}['’]ll\b/u.test(statedText) : new RegExp(`\\b${word}\\b`).test(statedText))) continue;
		const cue = { start: match.index, end: match.index + match[0].length };
		// A cue inside a quotation speaks of what the quotation says, not of an act outside it.
		const quoted = quotationHolding(cue.start);
		for (const target of targets) {
			if (quoted !== quotationHolding(target.start)) continue;
			const forward = cue.start <= target.start;
			const [first, second] = forward ? [cue, target] : [target, cue];
			const between = sentence.slice(first.end, second.start);
			if (/[,;:()]|\s[-–—]\s/.test(between)) continue;
			if (!forward && JOINING.test(between)) continue;
			// Forward, the reach counts from the last verb joined to the cue's own.
			const joined = forward ? [...between.matchAll(JOINED_VERB)].at(-1) : undefined;
			const counted = joined ? between.slice((joined.index ?? 0) + joined[0].length) : between;
			const words = (counted.match(/[\p{L}\p{N}]+/gu) ?? []).length;
			if (forward ? words < REACH_BEFORE : words < REACH_AFTER) return match[0];
		}
	}
	return undefined;
}

/** The first refuting cue that bears on one of `targets`: a denial near it, or a negation right before it. */
export function refutationNear(sentence: string, targets: readonly Span[]): string | undefined {
	const denial = cueNear(sentence, REFUTATIONS, targets);
	if (denial) return denial;
	for (const match of sentence.matchAll(new RegExp(NEGATIONS.source, 'giu'))) {
		const end = match.index + match[0].length;
		if (targets.some((target) => target.start >= end && NEGATION_GAP.test(sentence.slice(end, target.start)))) return match[0];
	}
	return undefined;
}
