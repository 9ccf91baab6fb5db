/**
 * An outlet's words about itself, which are no part of the article: syndication and
 * agency notes ("This story has not been edited by … staff and is auto-generated from
 * a syndicated feed"), prompts to follow, download, subscribe or track ("Track Latest
 * News Live on …"), a feed's "The post … appeared first on …", agency sign-offs
 * ("==Kyodo", "(Reporting by …; Editing by …)") and rights lines ("ⓒ … All rights
 * reserved").
 *
 * Each rule is what such lines share, not one outlet's wording: a note on how the text
 * was published, an imperative addressed to the reader with a channel to follow, a line
 * that is only an agency's name behind dashes. A sentence of the article never matches:
 * the rules ask for the whole line to be of that kind, and a short one.
 */

import { isTimestampLine } from '../../lib/timestamp-line.ts';

/** The most words a line of boilerplate has. */
const MOST_WORDS = 45;

const RULES: { pattern: RegExp; reason: string }[] = [
	{
		// How the text reached the page: edited or not, generated or published from a feed, by an agency.
		pattern:
			/\b(?:(?:story|article|report|content|copy|text)\b[^.]{0,60}\b(?:has|have) not been (?:edited|modified|reworked)|not been (?:edited|reworked) by\b[^.]{0,60}\bstaff|auto[- ]?(?:generated|published)|(?:syndicated|agency|wire|news) feed|published (?:from|via|through) (?:a |an )?(?:syndicated|agency|wire|news agency)|without modifications? to the text|may have been reworked)\b/i,
		reason: 'syndication note',
	},
	{
		// A prompt to the reader: follow, track, download, subscribe, join… somewhere.
		pattern:
			/^(?:\(?\s*)(?:track|follow|download|get|catch|subscribe|sign up|join|click|tap|stay (?:tuned|updated|informed)|read (?:all|more)|watch|listen|like us|install|never miss|for (?:more|the latest)|also follow)\b.{0,200}\b(?:news|updates?|app|newsletters?|channel|alerts?|live|podcast|X|Twitter|Facebook|Instagram|LinkedIn|WhatsApp|Telegram|YouTube|Threads|Google News|inbox|e-?mail|digest|briefing|here)\b.{0,120}$/i,
		reason: 'promotion of the outlet',
	},
	{ pattern: /^the post\b.+\bappeared first on\b.+$/i, reason: 'feed footer' },
	{
		// The outlet pointing to its own rules: "Our Standards: The … Trust Principles.", "Read our editorial guidelines".
		pattern: /^(?:our (?:standards|editorial (?:standards|guidelines|policy|principles)|ethics policy)\b.{0,80}|(?:read|see|learn about) (?:our|the) (?:editorial|ethics|corrections)\b.{0,80}|.{0,60}\btrust principles\.?)$/i,
		reason: 'standards note',
	},
	{
		// "==Kyodo", "-- Nippon Wire", "(Reporting by A; Editing by B)", "With inputs from PTI".
		pattern: /^(?:[=—–-]{1,3}\s*\p{Lu}[\p{L}\p{N} .&'-]{1,40}|\((?:additional )?(?:reporting|writing|editing|compiled) by [^)]{2,200}\)|with inputs? from \p{Lu}[\p{L} .&,-]{1,60})\.?$/iu,
		reason: 'agency sign-off',
	},
	{
		pattern: /^(?:ⓒ|©|\(c\)\s|copyright\b|<?\s*저작권자).{0,200}$|\ball rights reserved\b|\bunauthori[sz]ed reproduction\b|무단\s*전재|재배포\s*금지|無断(?:転載|複製|使用)|転載を禁じ/i,
		reason: 'copyright notice',
	},
	// A broadcast's transcript cues and credits: "[앵커]", "[리포트]", "KBS 뉴스 홍길동입니다.",
	// "홍길동 기자가 보도합니다.", "촬영기자:… / 영상편집:…".
	{ pattern: /^\[(?:앵커|리포트|기자|인터뷰|녹취|앵커\s*멘트|스탠딩|현장음|자막)\]$/u, reason: 'broadcast cue' },
	{ pattern: /^[\p{L}\p{N}]{2,10}\s*뉴스\s*\p{Script=Hangul}{2,4}입니다\.?$|^\p{Script=Hangul}{2,4}\s*기자가\s*보도합니다\.?$/u, reason: 'broadcast sign-off' },
	{ pattern: /^(?:촬영\s*기자|촬영|영상\s*편집|영상\s*취재|그래픽|편집)\s*[:：]\s*\S.{0,120}$/u, reason: 'production credits' },
	// An agency's name in brackets at the end of a Japanese report: "（共同）", "（時事）".
	{ pattern: /^[（(]\s*[\p{Script=Han}\p{Script=Katakana}A-Za-z＝=・ ]{2,15}\s*[）)]$/u, reason: 'agency sign-off' },
	// Prompts to subscribe or follow, in Korean and Japanese: "기자 구독", "카카오톡 제보", "アプリをダウンロード".
	{ pattern: /(?:\+?\s*구독(?:하기)?|구독\s*(?:신청|하세요))$|카카오톡\s*(?:채널|친구|제보)|앱\s*다운로드|フォローする$|アプリ(?:を|の)ダウンロード|友だち追加/u, reason: 'promotion of the outlet' },
];

/** A Korean byline: a reporter's name and title, and an address, after a timestamp or alone: "박서연 기자 (sypark@hbs.example)". */
const KOREAN_BYLINE = /\p{Script=Hangul}{2,4}\s*(?:기자|특파원|통신원|객원기자)(?:\s*[(<]?\s*[\w.+-]+@[\w.-]+\s*[)>]?)?\s*$/u;

/** Why a line is the outlet's boilerplate, or undefined where it may be the article's. */
export function boilerplateReason(line: string): string | undefined {
	const text = line.trim();
	if (text === '' || text.split(/\s+/).length > MOST_WORDS) return undefined;
	const rule = RULES.find(({ pattern }) => pattern.test(text))?.reason;
	if (rule) return rule;
	// "입력 2024.02.29 (19:32) 수정 … 박서연 기자 (…)": a byline, with the page's timestamps before it.
	const byline = KOREAN_BYLINE.exec(text);
	if (byline) {
		const before = text.slice(0, byline.index).trim();
		if (before === '') return 'byline';
		if (isTimestampLine(before)) return 'date line and byline';
	}
	return undefined;
}
