/**
 * An outlet's words about itself, which are no part of the article: syndication and
 * agency notes ("This story has not been edited by … staff and is auto-generated from
 * a syndicated feed"), prompts to follow, download, subscribe or track ("Track Latest
 * News Live on …", "Want more tech news? Add us as a preferred source on Google."), a
 * feed's "The post … appeared first on …", agency sign-offs ("==Kyodo", "(Reporting by
 * …; Editing by …)"), rights lines ("ⓒ … All rights reserved") and a reporter's lone
 * byline and e-mail address.
 *
 * Each rule is what such lines share, not one outlet's wording:
 * - a syndication note speaks of the text itself ("this story", "this content", "the
 *   headline") and of how it was published (edited, generated, distributed …) by a feed,
 *   wire, agency, service or staff;
 * - a prompt addresses the reader (an imperative, a question, "you", or the outlet as
 *   "us" and "our") and names a channel of the outlet (a newsletter, an app, alerts, a
 *   feed to follow, a preferred source);
 * - a digest's intro presents the outlet's own digest to the reader ("Here are today's
 *   top technology stories.", "In today's newsletter: …", "This is Tech Wrap, our daily
 *   briefing"): a presenting opener, then an issue's time ("today's", "daily") and a
 *   digest's noun (stories, headlines, newsletter, briefing, round-up), and nothing else;
 * - a byline line is a name, perhaps a title or a label ("Reporter:"), and an e-mail
 *   address, and nothing else;
 * - an update note speaks of the text having been updated or corrected ("This article was
 *   updated at 7:55 a.m. ET with …", "(Adds comment from …)"), at the start of its line;
 * - a media line is the title of a video, a recording or a gallery the page embeds, after
 *   its label ("Watch: …", "VIDEO | …", "Photos: …"): the article goes on without it;
 * - a sign-off is only an agency's name behind dashes, or the credits in brackets.
 * A sentence of the article never matches: the rules ask for the whole line to be of that
 * kind, and a short one, and a line that reports speech ("…, Zuckerberg said") or quotes
 * someone is the article's, whatever its words ("Meta's news feed", "download the app").
 */

import { isTimestampLine } from '../../lib/timestamp-line.ts';

/** The most words a line of boilerplate has. */
const MOST_WORDS = 45;
/** The most words a prompt to the reader has, worded as it may be. */
const MOST_PROMPT_WORDS = 30;

/** The words of a syndication note: the text speaking of itself… */
const ABOUT_THE_TEXT =
	/\b(?:this|the rest of (?:the|this)) (?:story|article|report|content|copy|text|piece|item|post|feed item|news item)\b|^\(?\s*(?:except for the headline|only the headline)\b/i;
/** …of how it was published… */
const PUBLISHED = /\b(?:edited|generated|published|distributed|syndicated|reworked|modified|produced|sourced|supplied|provided|carried|written|created|translated)\b/i;
/** …and by whom or what: a feed, a wire, an agency, a service, staff. */
const PUBLISHER = /\b(?:feeds?|wires?|agency|agencies|services?|staff|automated|syndicat\w*|newsroom|desk)\b/i;
/** Published by a machine from a feed: "auto-generated from a syndicated feed", "auto-published via an agency feed". */
const AUTO_PUBLISHED = /\bauto[- ]?(?:generated|published)\b.{0,40}\b(?:feeds?|wires?|agency|services?)\b|\b(?:published|generated|distributed) (?:from|via|through|by) (?:an? |the )?(?:automated |syndicated |third-party )*(?:syndicated|agency|wire|news agency) (?:feed|service|copy)\b/i;

/** A line that reports speech or quotes someone: the article's, whatever its words. */
const REPORTED_SPEECH = /["“”«»]|\b(?:said|says|told|tells|according to|added|announced|wrote|writes)\b/i;

/**
 * The reader addressed: a verb of the outlet's prompts at the start of the line or of a
 * sentence of it ("Get …", "Don't miss out", "Add us …"), a short question ("Want more
 * tech news?"), or the outlet speaking of itself as "us" and "our" (in lower case: "US"
 * is a country).
 */
const PROMPT_VERBS =
	"add|bookmark|catch|check out|click|don['’]t miss(?: out)?|do not miss|download|enable|follow|get|install|join|like|listen|never miss|read|register|save|sign up|stay|subscribe|support|tap|track|try|turn on|watch|want|become|discover";
const ADDRESSED = [
	new RegExp(`(?:^|[.!?:]\\s+)[(\\[]?\\s*(?:${PROMPT_VERBS})\\b`, 'i'),
	/(?:^|[.!:]\s+)(?:\S+\s+){0,7}\S+\?/,
	/\b(?:us|our)\b/,
];
/**
 * A channel of the outlet: a newsletter, a subscription, alerts, a podcast, a preferred
 * source, its app or its accounts ("our app", "follow us on X"). A social network named
 * alone is not one: the article may be about it.
 */
const CHANNEL =
	/\b(?:newsletters?|subscri(?:be|bed|ption|ptions|bers?)|sign up|alerts|notifications|podcasts?|inbox|preferred sources?|google news|google discover|rss|our (?:[\w-]+ ){0,3}(?:app|apps|channel|channels|feed|page|account|accounts|site|website|edition)|(?:follow|join|add|find) us\b|us on (?:x|twitter|facebook|instagram|linkedin|whatsapp|telegram|youtube|threads)\b|(?:download|install|get) (?:the|our) (?:[\w-]+ ){0,3}app)\b/i;

/** The time of an issue of a digest: "today's", "this week's", "the day's", "daily", "weekday". */
const ISSUE_TIME = String.raw`(?:(?:today|tonight|this (?:morning|afternoon|evening|week|weekend)|the (?:day|week|weekend|morning|evening))['’]s|daily|weekly|weekday|morning|evening|nightly|midday)`;
/** What a digest is, or holds. */
const DIGEST = String.raw`(?:briefing|newsletter|digest|round-?up|wrap|bulletin|podcast)`;
/**
 * A digest's intro, addressed to the reader: "Here are today's top technology stories",
 * "Here's your daily briefing", "In today's newsletter: …", "This is Tech Wrap, our daily
 * briefing on technology", "Welcome to the Morning Bulletin, our weekday newsletter".
 * Each asks for an issue's time and a digest's noun after the opener, so that "Here are
 * the key takeaways from the visit" and "In this issue, the two firms differ" stay.
 */
const DIGEST_INTRO = [
	new RegExp(String.raw`^here(?:['’]s| is| are)\s+(?:[\p{L}'’]+\s+){0,2}?${ISSUE_TIME}\s+(?:[\p{L}&'’-]+\s+){0,4}?(?:stories|headlines|news|updates|reads|${DIGEST})\b`, 'iu'),
	new RegExp(String.raw`^in (?:${ISSUE_TIME}|this) (?:[\p{L}-]+ ){0,2}?(?:${DIGEST}|edition)\b`, 'iu'),
	new RegExp(String.raw`^(?:this is|welcome to)\b.{0,60}?\b(?:our|your|[\p{L}.&-]+['’]s?)\s+(?:free\s+)?${ISSUE_TIME}\s+(?:[\p{L}&-]+\s+){0,3}?${DIGEST}\b`, 'iu'),
];

/**
 * An update note: the text having been updated, corrected or amended, said of itself at
 * the start of the line ("This article was updated at 7:55 a.m. ET with comments from …",
 * "This story has been corrected to …", "Updated at 10:05 p.m. ET to add …"), or an
 * agency's note of what a new version adds, in brackets ("(Adds comment from Samsung in
 * paragraph 5)", "(Updates with Yoon's remarks)").
 */
const UPDATE_NOTE =
	/^(?:editor['’]s note\s*:\s*)?(?:this (?:article|story|report|post|piece|item|version) (?:was|has been|had been|is) (?:updated|corrected|amended|revised|changed)\b|(?:updated|corrected|amended) (?:at|on) \d|\((?:adds?|updates?|recasts?|corrects?|changes?|rewrites?|refiles?|fixes?)\b[^)]{0,160}\)\.?$)/i;

/** A media line: the label of a video, a recording or a gallery the page embeds, then its title. */
const MEDIA_LINE = /^(?:(?:also )?watch|video|videos|listen|audio|podcast|photos?|gallery|in pictures|in photos|slideshow)\s*(?:[:|｜]|\s[–—-])\s*\S/i;

const RULES: { pattern: Pick<RegExp, 'test'>; reason: string }[] = [
	{
		// The text speaking of its own versions: an update or a correction.
		pattern: { test: (line) => line.split(/\s+/).length <= MOST_PROMPT_WORDS + 10 && UPDATE_NOTE.test(line) },
		reason: 'update note',
	},
	{
		// The title of a video or gallery the page embeds, after its label.
		pattern: { test: (line) => line.split(/\s+/).length <= MOST_PROMPT_WORDS && MEDIA_LINE.test(line) && !/[.!?]\s+\S/.test(line) },
		reason: 'embedded media',
	},
	{
		// How the text reached the page: the text itself, published by a feed, wire, agency or staff.
		pattern: {
			test: (line) =>
				!REPORTED_SPEECH.test(line) &&
				((ABOUT_THE_TEXT.test(line) && PUBLISHED.test(line) && PUBLISHER.test(line)) ||
					AUTO_PUBLISHED.test(line) ||
					/\bwithout modifications? to the text\b/i.test(line)),
		},
		reason: 'syndication note',
	},
	{
		// A prompt to the reader: follow, track, download, subscribe, join… somewhere.
		pattern: {
			test: (line) =>
				!REPORTED_SPEECH.test(line) &&
				/^(?:\(?\s*)(?:track|follow|download|get|catch|subscribe|sign up|join|click|tap|stay (?:tuned|updated|informed)|read (?:all|more)|watch|listen|like us|install|never miss|for (?:more|the latest)|also follow)\b.{0,200}\b(?:news|updates?|app|newsletters?|channel|alerts?|live|podcast|X|Twitter|Facebook|Instagram|LinkedIn|WhatsApp|Telegram|YouTube|Threads|Google News|inbox|e-?mail|digest|briefing|here)\b.{0,120}$/i.test(
					line,
				),
		},
		reason: 'promotion of the outlet',
	},
	{
		// The same, however it is worded: the reader addressed, and a channel of the outlet named.
		pattern: {
			test: (line) => line.split(/\s+/).length <= MOST_PROMPT_WORDS && !REPORTED_SPEECH.test(line) && ADDRESSED.some((pattern) => pattern.test(line)) && CHANNEL.test(line),
		},
		reason: 'promotion of the outlet',
	},
	{
		// A digest's intro: the outlet presenting today's issue to the reader, and nothing of the news itself.
		pattern: {
			test: (line) => line.split(/\s+/).length <= MOST_PROMPT_WORDS && !REPORTED_SPEECH.test(line) && DIGEST_INTRO.some((pattern) => pattern.test(line)),
		},
		reason: 'digest intro',
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

/** An e-mail address. */
const EMAIL = String.raw`[\w.+-]+@[\w-]+(?:\.[\w-]+)+`;
/**
 * A reporter's lone byline line: an e-mail address, perhaps after a name (of up to four
 * words, in any script) and a title, perhaps in brackets: "jhpark@hangang.example",
 * "Park Ji-hoon jhpark@…", "박지훈 기자 jhpark@…", "By Jane Doe (jane@…)", "Email: jane@…",
 * "Write to Jane Doe at jane@…", "Reporter: Park Seo-yeon (sypark@…)".
 */
const BYLINE_EMAIL = new RegExp(
	String.raw`^(?:(?:by|reported by|written by|reporter|reporters|correspondent|author|write to|contact|reach|e-?mail(?: the (?:writer|author|reporter))?)\s*:?\s*)?(?:[\p{Lu}\p{Script=Hangul}\p{Script=Han}][\p{L}.'’-]*(?:\s+[\p{L}.'’-]+){0,3}\s*)?(?:,?\s*(?:기자|특파원|reporter|correspondent|staff writer|writer|editor)\s*)?(?:at\s+|[,:|·/]\s*)?[(<\[]?\s*(?:mailto:)?${EMAIL}\s*[)>\]]?\.?$`,
	'iu',
);

/**
 * The reasons a line is removed as the outlet's boilerplate, by these rules or by the
 * page's own markup (a byline or newsletter box): what the evaluation counts as removed
 * text, which must be the outlet's and never the article's.
 */
export const BOILERPLATE_REASONS: ReadonlySet<string> = new Set([
	'syndication note',
	'promotion of the outlet',
	'digest intro',
	'feed footer',
	'standards note',
	'agency sign-off',
	'copyright notice',
	'byline',
	'date line and byline',
	'broadcast cue',
	'broadcast sign-off',
	'production credits',
	'newsletter box',
	'update note',
	'embedded media',
]);

/** Why a line is the outlet's boilerplate, or undefined where it may be the article's. */
export function boilerplateReason(line: string): string | undefined {
	const text = line.trim();
	if (text === '' || text.split(/\s+/).length > MOST_WORDS) return undefined;
	const rule = RULES.find(({ pattern }) => pattern.test(text))?.reason;
	if (rule) return rule;
	if (BYLINE_EMAIL.test(text) && text.split(/\s+/).length <= 8) return 'byline';
	// "입력 2024.02.29 (19:32) 수정 … 박서연 기자 (…)": a byline, with the page's timestamps before it.
	const byline = KOREAN_BYLINE.exec(text);
	if (byline) {
		const before = text.slice(0, byline.index).trim();
		if (before === '') return 'byline';
		if (isTimestampLine(before)) return 'date line and byline';
	}
	return undefined;
}
