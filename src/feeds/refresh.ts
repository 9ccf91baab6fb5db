/**
 * One refresh of every subscription, as `npm run update` runs it: the handler that wires
 * the polite reader (politeness.ts), the network (poll.ts), the subscriptions and their
 * state (subscriptions.ts) and ingest (src/ingest/take-in.ts, the same path as
 * `npm run ingest`: relevance, duplicates, metadata, suggestions).
 *
 * It reads its own input first, and polls nothing if that is bad: the subscriptions
 * file, the state file, a `--resume` that names no feed. Then it polls every feed that is
 * due, one request at a time per host and hosts side by side, takes in each new item,
 * writes the entries, applies the suggestions where asked, and writes the state and the
 * subscriptions file only where they changed: a run that finds every feed unchanged
 * changes no file. A feed that fails is reported and recorded, never thrown.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { reportOn } from '../content-files/check-content.ts';
import { loadContent, type ReadFiles } from '../content-files/load-content.ts';
import { suggestionsFor, formatSuggestions } from '../ingest/judge/suggest.ts';
import { extractInput } from '../ingest/pipeline.ts';
import { decodeBytes } from '../ingest/read/decode.ts';
import { describeEntry } from '../ingest/report.ts';
import { startRun, takeIn, type TakeInRun } from '../ingest/take-in.ts';
import { contentIO, writeEntry } from '../ingest/write/entry-files.ts';
import { applyToFiles } from '../ingest/write/suggestion-files.ts';
import { countOf } from '../lib/plural.ts';
import { displayPath, formatProblem } from '../lib/problems.ts';
import type { FeedState, Subscription } from '../schema/subscriptions.ts';
import { afterPoll, feedTtl, notDue, type PollResult } from './politeness.ts';
import { hostOf, hostTurns } from './host-turns.ts';
import { pollFeed } from './poll.ts';
import { moveSubscription, readState, readSubscriptions, STATE_FILE, stateText, SUBSCRIPTIONS_FILE } from './subscriptions.ts';

export interface RefreshOptions {
	contentDir: string;
	/** The time of the run: what is due, and every time the state records, is reckoned from it. */
	now: Date;
	/** Poll feeds before their interval is up (never before a `Retry-After`, nor a paused feed). */
	force: boolean;
	/** Write the suggested events and claims into the stop and fact files. */
	apply: boolean;
	/** Feeds to poll again although they are paused, by their url in the subscriptions file. */
	resume: readonly string[];
	/** How long one feed may take to answer. */
	timeoutMs: number;
	/** The folder paths in the report are relative to. */
	displayRoot: string;
}

/** What a refresh came to: the report's parts, in the order it prints them. */
export interface UpdateReport {
	polledAt: Date;
	/** One line per subscription: "3 new, 12 already in the story, 5 skipped", "not modified", "paused: …". */
	feeds: { subscription: Subscription; line: string }[];
	/** The entries written, each with its report (describeEntry) and its suggestions. */
	written: { id: string; title: string; feed: string; lines: string[] }[];
	/** Items not taken in, each with why: not the story's news, a teaser, a refusal. */
	skipped: string[];
	/** Suggestions that could not be applied, one line each. */
	notApplied: string[];
	/** Files the suggestions were applied to. */
	applied: number;
	/** The content check after the suggestions were applied, where they were. */
	check?: { summary: string; problemLines: string[] } | undefined;
	/** A note on the content as it was before the run, where it had problems. */
	note?: string | undefined;
}

export type RefreshOutcome = { ok: true; report: UpdateReport } | { ok: false; problems: string[] };

/** Polls every due subscription under `options.contentDir` and takes its new items in. */
export async function refreshFeeds(options: RefreshOptions): Promise<RefreshOutcome> {
	const { contentDir, now } = options;
	const here = (file: string) => displayPath(file, options.displayRoot);
	const listFile = path.join(contentDir, SUBSCRIPTIONS_FILE);
	const stateFile = path.join(contentDir, STATE_FILE);

	// Our own input first: a bad subscriptions or state file stops the run before any request.
	const listText = await readFile(listFile, 'utf8').catch(() => undefined);
	if (listText === undefined) return { ok: false, problems: [`${here(listFile)}: expected the list of feeds the story follows, found no such file.`] };
	const listed = readSubscriptions(here(listFile), listText);
	const oldState = await readFile(stateFile, 'utf8').catch(() => undefined);
	const stateRead = oldState === undefined ? { state: { feeds: {} }, problems: [] } : readState(here(stateFile), oldState);
	const problems = [...listed.problems, ...stateRead.problems].map(formatProblem);
	for (const url of options.resume) {
		if (!listed.subscriptions.some((subscription) => subscription.url === url)) problems.push(`--resume: expected the url of a feed in ${here(listFile)}, found ${JSON.stringify(url)}.`);
	}
	if (problems.length > 0) return { ok: false, problems };

	const feeds: Record<string, FeedState> = structuredClone(stateRead.state.feeds);
	for (const url of options.resume) {
		const state = feeds[url];
		if (state) {
			const { paused: _paused, ...rest } = state;
			feeds[url] = { ...rest, failures: 0 };
		}
	}
	// Files read once: the check after --apply parses again only the files it changed.
	const reads: ReadFiles = new Map();
	const loaded = await loadContent(contentDir, options.displayRoot, reads);
	const run = startRun(loaded.input, loaded.paragraphs);
	const report: UpdateReport = {
		polledAt: now,
		feeds: [],
		written: [],
		skipped: [],
		notApplied: [],
		applied: 0,
		note: loaded.problems.length > 0 ? `Note: the existing content has ${countOf(loaded.problems.length, 'problem')}; run npm run check:content. Placing uses the records that are valid.` : undefined,
	};
	const taker = feedTaker(run, contentDir, report, options.displayRoot);
	let subscriptionsText = listText;

	/** Each request waits for its turn at its host, redirects included (host-turns.ts). */
	const turn = hostTurns();

	/** Polls one feed and takes its new items in; returns its report line. */
	const update = async (subscription: Subscription): Promise<string> => {
		const previous = feeds[subscription.url];
		const waiting = notDue(previous, now, options.force);
		if (waiting) return waiting;
		const exchange = await pollFeed({ url: subscription.url, etag: previous?.etag, lastModified: previous?.lastModified, timeoutMs: options.timeoutMs, turn });
		let result: PollResult;
		let line: string;
		let url = subscription.url;
		if (exchange.kind === 'error') {
			result = { kind: 'failed', reason: exchange.reason };
			line = `failed: ${exchange.reason}`;
		} else {
			if (exchange.movedTo) {
				subscriptionsText = moveSubscription(subscriptionsText, subscription.url, exchange.movedTo);
				url = exchange.movedTo;
			}
			const moved = exchange.movedTo ? `moved to ${exchange.movedTo}; ` : '';
			if (exchange.status === 304) {
				result = { kind: 'not-modified', headers: exchange.headers };
				line = `${moved}not modified`;
			} else if (exchange.status === 410) {
				result = { kind: 'gone', status: 410 };
				line = `${moved}paused: 410 Gone, the host says the feed is no more`;
			} else if (exchange.status === 429 || exchange.status === 503) {
				result = { kind: 'wait', status: exchange.status, headers: exchange.headers };
				line = `${moved}${exchange.status}${exchange.headers['retry-after'] ? `, retry after ${exchange.headers['retry-after']}` : ''}`;
			} else if (exchange.status !== 200 || !exchange.bytes) {
				result = { kind: 'failed', reason: `HTTP ${exchange.status}` };
				line = `${moved}failed: HTTP ${exchange.status}`;
			} else {
				const taken = await taker(exchange.bytes, exchange.headers['content-type'], url, subscription.name ?? subscription.url);
				result = taken.ok ? { kind: 'changed', headers: exchange.headers, ttlMinutes: taken.ttl, summary: taken.summary, added: taken.added } : { kind: 'failed', reason: taken.reason };
				line = `${moved}${taken.ok ? taken.summary : `failed: ${taken.reason}`}`;
			}
		}
		const next = afterPoll(previous, result, now);
		if (url !== subscription.url) delete feeds[subscription.url];
		feeds[url] = next;
		if (next.paused && !previous?.paused && !line.startsWith('paused')) line += `; paused: ${next.paused}`;
		return line;
	};

	// One feed at a time per host, hosts side by side; each request, redirects included, also waits its turn at its host.
	const byHost = new Map<string, Subscription[]>();
	for (const subscription of listed.subscriptions) {
		const host = hostOf(subscription.url);
		byHost.set(host, [...(byHost.get(host) ?? []), subscription]);
	}
	const lines = new Map<Subscription, string>();
	await Promise.all(
		[...byHost.values()].map(async (subscriptions) => {
			for (const subscription of subscriptions) lines.set(subscription, await update(subscription));
		}),
	);
	report.feeds = listed.subscriptions.map((subscription) => ({ subscription, line: lines.get(subscription) ?? '' }));

	// The suggestions of what came in, applied with --apply.
	for (const written of report.written) {
		const entry = run.content.articles.find((article) => article.id === written.id);
		if (!entry) continue;
		const suggestions = suggestionsFor(entry, run.content, run.story);
		written.lines.push('', `Suggestions for ${written.id}:`, ...formatSuggestions(suggestions).map((line) => `  ${line}`));
		if (options.apply && suggestions.events.length + suggestions.claims.length > 0) {
			const { changed, problems: notApplied } = await applyToFiles(contentDir, written.id, suggestions);
			report.notApplied.push(...notApplied.map((problem) => `Not applied: ${formatProblem(problem)}`));
			report.applied += changed.length;
		}
	}

	// The state and the list, each written only where it changed.
	const newState = stateText({ feeds });
	if (newState !== oldState && !(oldState === undefined && Object.keys(feeds).length === 0)) await writeFile(stateFile, newState);
	if (subscriptionsText !== listText) await writeFile(listFile, subscriptionsText);
	if (options.apply && report.applied > 0) report.check = reportOn(await loadContent(contentDir, options.displayRoot, reads));
	return { ok: true, report };
}

/**
 * What takes a feed's body in: decoded as a browser would, read as a feed, each item
 * through the same path as `npm run ingest`, each new entry written and reported.
 */
function feedTaker(run: TakeInRun, contentDir: string, report: UpdateReport, displayRoot: string) {
	const io = contentIO(contentDir);
	return async (bytes: Uint8Array, contentType: string | undefined, url: string, label: string): Promise<{ ok: true; summary: string; added: number; ttl?: number } | { ok: false; reason: string }> => {
		const decoded = decodeBytes(bytes, contentType, 'xml');
		if (!decoded.ok) return { ok: false, reason: decoded.reason };
		const extracted = extractInput({ origin: url, text: decoded.text, kind: contentType ?? '.xml', url });
		if (extracted.refusals.length > 0) return { ok: false, reason: extracted.refusals.map((each) => each.reason).join('; ') };
		if (extracted.format !== 'feed') return { ok: false, reason: 'not a feed (RSS, Atom or JSON Feed)' };
		let added = 0;
		let known = 0;
		let skipped = extracted.skipped.length;
		for (const each of extracted.skipped) report.skipped.push(`${each.origin}: ${each.reason}`);
		for (const article of extracted.articles) {
			const outcome = await takeIn({ article }, run, { allowDuplicate: false, include: new Set() }, io);
			if (outcome.action === 'skip' && outcome.existing) known++;
			else if (outcome.action === 'refuse' && /same text as the article/.test(outcome.reason)) known++;
			else if (outcome.action !== 'write') {
				skipped++;
				report.skipped.push(`${article.title ?? article.origin} (${article.url ?? article.guid ?? label}): ${outcome.reason}`);
			} else {
				const files = await writeEntry(contentDir, outcome, article, displayRoot);
				if (!files.ok) {
					skipped++;
					report.skipped.push(`${article.title ?? article.origin}: ${files.reason}`);
					continue;
				}
				added++;
				report.written.push({ id: outcome.decision.id, title: outcome.decision.parsed.data.title, feed: label, lines: describeEntry(outcome, files, article, run, displayRoot) });
			}
		}
		const ttl = feedTtl(decoded.text);
		return { ok: true, summary: `${added} new, ${known} already in the story, ${skipped} skipped`, added, ...(ttl !== undefined ? { ttl } : {}) };
	};
}
