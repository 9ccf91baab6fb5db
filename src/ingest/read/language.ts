/**
 * The language an article is written in, as a BCP 47 primary tag (`en`, `ko`, `ja`),
 * told first by its script and then by a kept detector, with what the page or feed
 * declares as evidence:
 * - Hangul makes Korean, and kana make Japanese: a script is surer than any statement,
 *   since feeds often declare their site's language for every item;
 * - text in other scripts goes to eld, a fast n-gram detector whose data ships with it
 *   (nothing is downloaded); where it is unsure, the page's or feed's own statement
 *   (JSON-LD `inLanguage`, `<html lang>`, the feed's `<language>`) stands, else English.
 * The editor's `--language` wins over all of them.
 */
import type { ExtractedArticle } from '../types.ts';

/** A judged language, and what told it, for the report. */
export interface LanguageJudgement {
	tag: string;
	from: string;
}

/** The share of a text's letters that must be of a script for it to tell the language. */
export const SCRIPT_SHARE = 0.3;

/** A language tag's primary subtag, lower-case: `ko-KR` → `ko`, `en_US` → `en`. */
export function primaryTag(tag: string): string | undefined {
	const primary = /^\s*([A-Za-z]{2,3})(?:[-_]|$)/.exec(tag)?.[1];
	return primary?.toLowerCase();
}

/** How many of a text's letters are in each script that tells a language. */
export function scriptCounts(text: string): { letters: number; hangul: number; kana: number; han: number } {
	const count = (pattern: RegExp) => text.match(pattern)?.length ?? 0;
	return {
		letters: count(/\p{L}/gu),
		hangul: count(/\p{Script=Hangul}/gu),
		kana: count(/[\p{Script=Hiragana}\p{Script=Katakana}]/gu),
		han: count(/\p{Script=Han}/gu),
	};
}

/** The language a text's script tells, if any: Korean for Hangul, Japanese for kana (with kanji). */
export function languageOfScript(text: string): LanguageJudgement | undefined {
	const { letters, hangul, kana, han } = scriptCounts(text);
	if (letters === 0) return undefined;
	if (hangul / letters >= SCRIPT_SHARE) return { tag: 'ko', from: 'the text (Hangul)' };
	if (kana > 0 && (kana + han) / letters >= SCRIPT_SHARE) return { tag: 'ja', from: 'the text (kana and kanji)' };
	return undefined;
}

type Detector = { detect(text: string): { language: string; isReliable(): boolean } };
let detector: Promise<Detector> | undefined;

/** eld's detector, with its extra-small database (60 languages): loaded once, on first use (about 0.45 s). */
async function loadDetector(): Promise<Detector> {
	detector ??= import('eld/extrasmall').then((module) => (module as unknown as { eld: Detector }).eld);
	return detector;
}

/** Judges the language of an article. */
export async function judgeLanguage(article: Pick<ExtractedArticle, 'title' | 'blocks' | 'language' | 'provenance'>, override?: string): Promise<LanguageJudgement> {
	if (override) return { tag: override, from: '--language' };
	const text = [article.title ?? '', ...article.blocks.flatMap((block) => (block.type === 'list' ? block.items : [block.text]))].join('\n');
	const declared = article.language ? primaryTag(article.language) : undefined;
	const stated = declared ? `${article.provenance.language ?? 'the source'} says ${article.language}` : undefined;
	const byScript = languageOfScript(text);
	if (byScript) return { tag: byScript.tag, from: [byScript.from, ...(stated ? [declared === byScript.tag ? `as ${stated}` : `though ${stated}`] : [])].join(', ') };
	const guess = (await loadDetector()).detect(text);
	const detected = guess.language && guess.language !== 'und' && guess.isReliable() ? guess.language : undefined;
	if (detected) return { tag: detected, from: [`the text (eld)`, ...(stated ? [declared === detected ? `as ${stated}` : `though ${stated}`] : [])].join(', ') };
	if (declared) return { tag: declared, from: stated ?? 'the source' };
	return { tag: 'en', from: 'the default: neither the text nor the source tells it' };
}
