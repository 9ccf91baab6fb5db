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
import { afterPoll, feedTtl, movedOntoFollowed, notDue, type PollResult } from './politeness.ts';
import { hostOf, hostTurns } from './host-turns.ts';
import { pollFeed } from './poll.ts';
import { moveSubscription, readState, readSubscriptions, sameFeedKey, STATE_FILE, stateText, SUBSCRIPTIONS_FILE } from './subscriptions.ts';

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
	/** One line per subscription ("3 new, 12 already in the story, 5 skipped", "not modified", "paused: …"), and whether it was polled (not where it was not due, waiting or paused). */
	feeds: { subscription: Subscription; line: string; polled: boolean }[];
	/** The entries written, each with its file (relative to the display root), its report (describeEntry) and its suggestions. */
	written: { id: string; file: string; title: string; feed: string; lines: string[] }[];
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
	/** The feeds followed, as sameFeedKey gives them: a permanent move onto one of them is reported, not written. */
	const followed = new Set(listed.subscriptions.map((subscription) => sameFeedKey(subscription.url)));
	/** Whether `to` is a feed another entry follows. */
	const followedElsewhere = (subscription: Subscription, to: string) => sameFeedKey(to) !== sameFeedKey(subscription.url) && followed.has(sameFeedKey(to));

	/**
	 * Polls one feed and takes its new items in: what it came to, its report line, and
	 * where it has moved for good, where the move is to be written (the new address
	 * answered as a feed: a 304, or a 200 read as a feed).
	 */
	const poll = async (subscription: Subscription, previous: FeedState | undefined): Promise<{ result: PollResult; line: string; movedTo?: string }> => {
		const exchange = await pollFeed({ url: subscription.url, etag: previous?.etag, lastModified: previous?.lastModified, timeoutMs: options.timeoutMs, turn });
		if (exchange.kind === 'error') return { result: { kind: 'failed', reason: exchange.reason }, line: `failed: ${exchange.reason}` };
		const { status, headers, movedTo } = exchange;
		if (movedTo && (status === 200 || status === 304) && followedElsewhere(subscription, movedTo)) {
			return { result: { kind: 'moved-onto-followed', to: movedTo }, line: `paused: ${movedOntoFollowed(movedTo)}` };
		}
		// A permanent move to an address that does not answer as a feed is not followed: the url is kept.
		const via = movedTo ? ` (from ${movedTo}, where a permanent redirect led; the url is kept)` : '';
		if (status === 304) return { result: { kind: 'not-modified', headers }, line: movedTo ? `moved to ${movedTo}; not modified` : 'not modified', ...(movedTo ? { movedTo } : {}) };
		if (status === 410) return { result: { kind: 'gone', status: 410 }, line: `paused: 410 Gone, the host says the feed is no more${via}` };
		if (status === 429 || status === 503) {
			return { result: { kind: 'wait', status, headers }, line: `${status}${headers['retry-after'] ? `, retry after ${headers['retry-after']}` : ''}${via}` };
		}
		if (status !== 200 || !exchange.bytes) return { result: { kind: 'failed', reason: `HTTP ${status}${via}` }, line: `failed: HTTP ${status}${via}` };
		const taken = await taker(exchange.bytes, headers['content-type'], movedTo ?? subscription.url, subscription.name ?? subscription.url);
		if (!taken.ok) return { result: { kind: 'failed', reason: `${taken.reason}${via}` }, line: `failed: ${taken.reason}${via}` };
		return {
			result: { kind: 'changed', headers, ttlMinutes: taken.ttl, summary: taken.summary, added: taken.added },
			line: `${movedTo ? `moved to ${movedTo}; ` : ''}${taken.summary}`,
			...(movedTo ? { movedTo } : {}),
		};
	};

	/**
	 * One feed's turn: polled where it is due, its state recorded, its move written; returns
	 * its report line and whether it was polled. A failure of any kind (the network, the
	 * feed, ingest, the disk) is this feed's, as "failed: …", counted toward its pause; the
	 * others go on.
	 */
	const update = async (subscription: Subscription): Promise<{ line: string; polled: boolean }> => {
		const previous = feeds[subscription.url];
		const waiting = notDue(previous, now, options.force);
		if (waiting) return { line: waiting, polled: false };
		let polled: { result: PollResult; line: string; movedTo?: string };
		try {
			polled = await poll(subscription, previous);
		} catch (error) {
			const reason = error instanceof Error ? error.message : String(error);
			polled = { result: { kind: 'failed', reason }, line: `failed: ${reason}` };
		}
		let { result, line } = polled;
		let url = subscription.url;
		if (polled.movedTo) {
			// Checked again here, with no wait since: another feed of this run may have moved there meanwhile.
			if (followedElsewhere(subscription, polled.movedTo)) {
				result = { kind: 'moved-onto-followed', to: polled.movedTo };
				line = `${line}; paused: ${movedOntoFollowed(polled.movedTo)}`;
			} else {
				subscriptionsText = moveSubscription(subscriptionsText, subscription.url, polled.movedTo);
				followed.delete(sameFeedKey(subscription.url));
				followed.add(sameFeedKey(polled.movedTo));
				url = polled.movedTo;
			}
		}
		const next = afterPoll(previous, result, now);
		if (url !== subscription.url) delete feeds[subscription.url];
		feeds[url] = next;
		if (next.paused && !previous?.paused && !line.includes('paused: ')) line += `; paused: ${next.paused}`;
		return { line, polled: true };
	};

	// One feed at a time per host, hosts side by side; each request, redirects included, also waits its turn at its host.
	const byHost = new Map<string, Subscription[]>();
	for (const subscription of listed.subscriptions) {
		const host = hostOf(subscription.url);
		byHost.set(host, [...(byHost.get(host) ?? []), subscription]);
	}
	const outcomes = new Map<Subscription, { line: string; polled: boolean }>();
	await Promise.all(
		[...byHost.values()].map(async (subscriptions) => {
			for (const subscription of subscriptions) outcomes.set(subscription, await update(subscription));
		}),
	);
	report.feeds = listed.subscriptions.map((subscription) => ({ subscription, ...(outcomes.get(subscription) ?? { line: '', polled: false }) }));

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
				report.written.push({ id: outcome.decision.id, file: displayPath(files.entryFile, displayRoot), title: outcome.decision.parsed.data.title, feed: label, lines: describeEntry(outcome, files, article, run, displayRoot) });
			}
		}
		const ttl = feedTtl(decoded.text);
		return { ok: true, summary: `${added} new, ${known} already in the story, ${skipped} skipped`, added, ...(ttl !== undefined ? { ttl } : {}) };
	};
}
