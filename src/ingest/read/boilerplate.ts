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
	{ pattern: /^(?:ⓒ|©|\(c\)\s|copyright\b).{0,200}$|\ball rights reserved\b|\bunauthori[sz]ed reproduction\b/i, reason: 'copyright notice' },
];

/** Why a line is the outlet's boilerplate, or undefined where it may be the article's. */
export function boilerplateReason(line: string): string | undefined {
	const text = line.trim();
	if (text === '' || text.split(/\s+/).length > MOST_WORDS) return undefined;
	return RULES.find(({ pattern }) => pattern.test(text))?.reason;
}
