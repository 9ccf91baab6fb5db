/**
 * Reads a plain-text article as scraped (first line the headline, one paragraph a
 * line, "- " for bullets) into its parts: headline, dateline, body blocks, and the
 * lines that look like page furniture rather than article text.
 *
 * Nothing is dropped silently. Lines that are certainly debris ("6 min read") come
 * back in `removed`, each with the reason; lines that only look odd come back in
 * `flagged` and stay in the body for a person to judge.
 */

import { MONTH_NAMES as MONTHS } from '../../lib/calendar.ts';
import { isLabelledTimestampLine } from '../../lib/timestamp-line.ts';
import { boilerplateReason } from './boilerplate.ts';
import type { ExtractedArticle, Provenance } from '../types.ts';

/** A block of the article body. */
export type Block =
	| { type: 'paragraph'; text: string }
	| { type: 'heading'; text: string }
	| { type: 'list'; items: string[] };

export interface ParsedArticle {
	/** The headline, or undefined where the text starts straight into the article. */
	title?: string | undefined;
	/** The byline and dateline lines exactly as printed, one per line. */
	dateline?: string | undefined;
	/** The author, read from a byline such as "By Jane Doe". */
	author?: string | undefined;
	/** The publication date, `YYYY-MM-DD`, read from the dateline. */
	published?: string | undefined;
	/** The outlet, where the dateline names one: "(Bloomberg) --". */
	outlet?: string | undefined;
	blocks: Block[];
	/** Lines taken out as debris, each with the reason. */
	removed: { text: string; reason: string }[];
	/** Lines kept in the body that a person should look at, each with the reason. */
	flagged: { text: string; reason: string }[];
}


/** Lines that are page furniture wherever they appear, with the reason we give for removing them. */
const DEBRIS: { pattern: Pick<RegExp, 'test'>; reason: string }[] = [
	{ pattern: /^\d+\s+min(?:ute)?s?\s+read$/i, reason: 'reading-time label' },
	{ pattern: /^(?:more articles|also read|read more|related(?: articles| stories)?|recommended|advertisement|share this article|sign up for our newsletter)$/i, reason: 'site navigation or advertising label' },
	{ pattern: /^here are some interesting articles\b.*$/i, reason: 'promotional link block' },
	// "Published … Updated …": a labelled timestamp (src/lib/timestamp-line.ts). A bare date
	// line is the dateline's, read before this.
	{ pattern: { test: isLabelledTimestampLine }, reason: 'publication timestamp' },
];

/** "date 2024-02-26 (Bloomberg) -- " at the start of the first paragraph, as wire copy prints it. */
const WIRE_DATELINE = /^\s*(date\s+(\d{4}-\d{2}-\d{2})\s+\(([^)]+)\)\s+--)\s*/;

/** A line that is only a date, optionally with a time and a byline name before it. */
const DATE_LINE = new RegExp(
	`^(?:(?<byline>[A-Z][\\w.'-]*(?: [A-Z][\\w.'-]*){0,2}) )?(?<month>${MONTHS.join('|')}) (?<day>\\d{1,2}), (?<year>\\d{4})(?: \\d{1,2}:\\d{2}(?: ?[AP]M)?)?$`,
);

const BYLINE = /^By ([A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3})$/;

export function parsePlainTextArticle(text: string): ParsedArticle {
	const lines = text
		.replace(/^\uFEFF/, '')
		.split(/\r?\n/)
		.map((line) => line.replace(/\s+$/, ''));
	const result: ParsedArticle = { blocks: [], removed: [], flagged: [] };
	const datelines: string[] = [];

	let first = true;
	for (const rawLine of lines) {
		let line = rawLine.trim();
		if (line === '') continue;

		const wire = WIRE_DATELINE.exec(line);
		if (wire) {
			datelines.push(wire[1] ?? '');
			result.published ??= wire[2];
			result.outlet ??= wire[3]?.trim();
			line = line.slice(wire[0].length);
		}

		if (first) {
			first = false;
			// A headline is short and does not read as a sentence of the article.
			if (!wire && line.length <= 200 && !/[.!]$/.test(line)) {
				result.title = line;
				continue;
			}
		}

		const dateLine = DATE_LINE.exec(line);
		if (dateLine?.groups) {
			datelines.push(line);
			const { byline, month, day, year } = dateLine.groups;
			result.published ??= `${year}-${String((MONTHS as readonly string[]).indexOf(month ?? '') + 1).padStart(2, '0')}-${(day ?? '').padStart(2, '0')}`;
			if (byline) result.author ??= byline;
			continue;
		}
		const byline = BYLINE.exec(line);
		if (byline) {
			datelines.push(line);
			result.author ??= byline[1];
			continue;
		}

		const debris = DEBRIS.find(({ pattern }) => pattern.test(line))?.reason ?? boilerplateReason(line);
		if (debris) {
			result.removed.push({ text: line, reason: debris });
			continue;
		}

		addBlock(result, line);
	}

	if (datelines.length > 0) result.dateline = datelines.join('\n');
	return result;
}

function addBlock(result: ParsedArticle, line: string): void {
	const bullet = /^[-*•]\s+(.*)$/.exec(line);
	if (bullet) {
		const item = bullet[1] ?? '';
		const last = result.blocks.at(-1);
		if (last?.type === 'list') last.items.push(item);
		else result.blocks.push({ type: 'list', items: [item] });
		flagGlued(result, item);
		return;
	}
	if (looksLikeHeading(line)) {
		result.blocks.push({ type: 'heading', text: line });
		if (line.split(/\s+/).length <= 2) {
			result.flagged.push({ text: line, reason: 'a very short line read as a sub-head: is it page furniture?' });
		}
		return;
	}
	result.blocks.push({ type: 'paragraph', text: line });
	flagGlued(result, line);
}

/** A sub-head: short, capitalised, and not ending like a sentence. */
function looksLikeHeading(line: string): boolean {
	const words = line.split(/\s+/).length;
	return words <= 8 && /^[A-Z0-9]/.test(line) && !/[.,;!"”'’]$/.test(line);
}

/** Flags text where a scrape glued two pieces together: "…S23Kim said", "…end.Next". */
function flagGlued(result: ParsedArticle, text: string): void {
	const glued = /\d[A-Z][a-z]{2,}|[a-z][.!?][A-Z][a-z]/.exec(text);
	if (glued) {
		result.flagged.push({
			text,
			reason: `"${glued[0]}" looks like two texts glued together (a photo caption or a link?)`,
		});
	}
}

/** A plain-text article as the other stages take it, with where each value came from. */
export function plainTextArticle(text: string, origin: string): ExtractedArticle {
	const parsed = parsePlainTextArticle(text);
	const provenance: Provenance = {};
	if (parsed.title) provenance.title = 'first line';
	if (parsed.published) provenance.published = 'dateline';
	if (parsed.outlet) provenance.outlet = 'dateline';
	if (parsed.author) provenance.author = 'byline';
	return {
		origin,
		source: { text, extension: 'txt' },
		title: parsed.title,
		outlet: parsed.outlet,
		authors: parsed.author ? [parsed.author] : [],
		published: parsed.published,
		dateline: parsed.dateline,
		blocks: parsed.blocks,
		removed: parsed.removed,
		flagged: parsed.flagged,
		provenance,
	};
}
