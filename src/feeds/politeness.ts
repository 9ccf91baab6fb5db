/**
 * How a polite feed reader treats a feed, as Miniflux and FreshRSS do, written as pure
 * functions of what the feed's host answered and of the time:
 * - which feeds are due: none before its interval has passed (unless forced), and never
 *   before a `Retry-After` or while paused, forced or not;
 * - what an answer changes: the validators (`ETag`, `Last-Modified`) only when the feed
 *   changed; the interval from the feed's `<ttl>` or `Cache-Control: max-age`, never under
 *   15 minutes; a wait after a 429 or 503 with `Retry-After`; a pause after a 410 or after
 *   `FAILURES_BEFORE_PAUSE` failures in a row, which a success in between clears, or
 *   after a permanent move onto a feed another entry already follows;
 * - what an answer leaves alone: a poll that learns nothing (a 304, or a 200 that brings
 *   no new article under the same validators and interval), with no failure or wait to
 *   clear, leaves the state as it was, `nextPoll` included. The state is a committed file:
 *   a scheduled run over unchanged feeds must change no file, or every run would propose
 *   a pull request that carries no news. So `nextPoll` is the interval after the last
 *   poll that changed the state; past it, the feed is asked once per run, conditionally,
 *   until it changes, and the schedule spaces the runs. A feed that asks for a longer
 *   interval than the schedule's (`SCHEDULE_MINUTES`) has its next poll recorded after
 *   every poll, so that it is never asked more often than it asks.
 * The network is in poll.ts; the command (scripts/update.ts) wires them.
 */
import type { FeedState } from '../schema/subscriptions.ts';

/** The least time between two polls of one feed, whatever it says. */
export const MIN_INTERVAL_MINUTES = 15;
/** The time between two polls of a feed that says nothing of it. */
export const DEFAULT_INTERVAL_MINUTES = 60;
/** Failures in a row after which a feed is paused, as Miniflux does (its POLLING_PARSING_ERROR_LIMIT). */
export const FAILURES_BEFORE_PAUSE = 3;
/**
 * How often the update workflow runs (`.github/workflows/update.yml`, every two hours).
 * A feed whose interval is no longer than this is asked at most once a run anyway, so a
 * poll of it that learns nothing need not be recorded; a feed that asks for a longer
 * interval (a `<ttl>` of a day) has the time of its next poll recorded after every
 * poll, or the schedule would ask it every run once its interval had passed.
 */
export const SCHEDULE_MINUTES = 120;

/** What one poll of a feed came to, as the command saw it. */
export type PollResult =
	| {
			kind: 'changed';
			/** The answer's headers, lower-case names. */
			headers: Readonly<Record<string, string>>;
			/** The feed's own `<ttl>`, in minutes, where it gives one. */
			ttlMinutes?: number | undefined;
			/** "3 new, 12 skipped". */
			summary: string;
			/** The articles written from it: a poll that wrote one always records itself. */
			added: number;
	  }
	| { kind: 'not-modified'; headers: Readonly<Record<string, string>> }
	| { kind: 'gone'; status: number }
	/** A permanent move onto a feed another entry follows. */
	| { kind: 'moved-onto-followed'; to: string }
	| { kind: 'wait'; status: number; headers: Readonly<Record<string, string>> }
	| { kind: 'failed'; reason: string };

/** Why a feed that moved for good onto a feed another entry follows is paused: the file is left valid, the editor told. */
export function movedOntoFollowed(to: string): string {
	return `moved to ${to}, which is already followed: this entry can be removed`;
}

/** Why a feed is not polled now, or undefined where it is due. */
export function notDue(state: FeedState | undefined, now: Date, force: boolean): string | undefined {
	if (!state) return undefined;
	if (state.paused) return `paused: ${state.paused}`;
	if (state.retryAfter && new Date(state.retryAfter) > now) return `retry after ${state.retryAfter} (as the host asked)`;
	if (!force && new Date(state.nextPoll) > now) return `not due until ${state.nextPoll}`;
	return undefined;
}

/**
 * The time a `Retry-After` names: a number of seconds from `now`, or an HTTP date.
 * Undefined where the header is missing or says neither.
 */
export function retryAfter(value: string | undefined, now: Date): Date | undefined {
	if (!value) return undefined;
	const trimmed = value.trim();
	if (/^\d+$/.test(trimmed)) return new Date(now.getTime() + Number(trimmed) * 1000);
	const date = new Date(trimmed);
	return Number.isNaN(date.getTime()) ? undefined : date;
}

/** The interval a feed asks for: its `<ttl>`, else its `Cache-Control: max-age`, else the default; never under the least. */
export function intervalMinutes(headers: Readonly<Record<string, string>>, ttlMinutes: number | undefined, previous?: number): number {
	const maxAge = /(?:^|,)\s*max-age\s*=\s*(\d+)/i.exec(headers['cache-control'] ?? '')?.[1];
	const asked = ttlMinutes ?? (maxAge !== undefined ? Math.ceil(Number(maxAge) / 60) : (previous ?? DEFAULT_INTERVAL_MINUTES));
	return Math.max(MIN_INTERVAL_MINUTES, asked);
}

const iso = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');
const later = (now: Date, minutes: number) => new Date(now.getTime() + minutes * 60_000);

/** The `lastStatus` of a poll that succeeded. */
const SUCCESS = /^(?:changed: |not modified$)/;

/** Whether two states of a feed know the same (validators, interval, waits, failures, pause), whenever and however they were last polled. */
function sameKnowledge(a: FeedState, b: FeedState): boolean {
	const { nextPoll: _a, lastStatus: _aStatus, ...known } = a;
	const { nextPoll: _b, lastStatus: _bStatus, ...other } = b;
	const fields = new Set([...Object.keys(known), ...Object.keys(other)]) as Set<keyof typeof known>;
	return [...fields].every((field) => known[field] === other[field]);
}

/**
 * The state after a feed answered: the validators it sent, where it sent any, over
 * those in `kept`; its next poll in `interval` minutes; no failures and no Retry-After.
 */
function answered(kept: FeedState, headers: Readonly<Record<string, string>>, interval: number, now: Date, lastStatus: string): FeedState {
	const { retryAfter: _retry, ...rest } = kept;
	return {
		...rest,
		...(headers['etag'] ? { etag: headers['etag'] } : {}),
		...(headers['last-modified'] ? { lastModified: headers['last-modified'] } : {}),
		intervalMinutes: interval,
		nextPoll: iso(later(now, interval)),
		failures: 0,
		lastStatus,
	};
}

/**
 * The feed's state after a poll. A poll that learns nothing returns `previous` itself
 * (see above): a run that finds every feed unchanged writes nothing, forced or due.
 */
export function afterPoll(previous: FeedState | undefined, result: PollResult, now: Date): FeedState {
	const base: FeedState = previous ?? { intervalMinutes: DEFAULT_INTERVAL_MINUTES, nextPoll: iso(now), failures: 0, lastStatus: 'never polled' };
	/** A success's state, or `previous` where it learnt nothing: no news, the last poll a success too, and the same knowledge. */
	const unlessNothingLearnt = (next: FeedState, news: boolean) =>
		previous && !news && SUCCESS.test(previous.lastStatus) && sameKnowledge(previous, next) && next.intervalMinutes <= SCHEDULE_MINUTES ? previous : next;
	switch (result.kind) {
		case 'changed': {
			// A new body's validators replace the stored ones; a body without any leaves none.
			const { etag: _etag, lastModified: _lastModified, ...rest } = base;
			const interval = intervalMinutes(result.headers, result.ttlMinutes, base.intervalMinutes);
			return unlessNothingLearnt(answered(rest, result.headers, interval, now, `changed: ${result.summary}`), result.added > 0);
		}
		case 'not-modified': {
			// A 304's validators, where it sends any, replace the stored ones (RFC 9111, 4.3.4), as Miniflux does.
			const interval = intervalMinutes(result.headers, undefined, base.intervalMinutes);
			return unlessNothingLearnt(answered(base, result.headers, interval, now, 'not modified'), false);
		}
		case 'moved-onto-followed':
			return { ...base, paused: movedOntoFollowed(result.to), lastStatus: `moved to ${result.to}, already followed` };
		case 'gone':
			return { ...base, paused: `${result.status} Gone on ${iso(now).slice(0, 10)}: the host says the feed is no more`, lastStatus: `${result.status} Gone` };
		case 'wait': {
			const until = retryAfter(result.headers['retry-after'], now);
			const failures = result.status === 429 ? base.failures : base.failures + 1;
			const next = until && until > later(now, base.intervalMinutes) ? until : later(now, base.intervalMinutes);
			const state: FeedState = {
				...base,
				...(until ? { retryAfter: iso(until) } : {}),
				nextPoll: iso(next),
				failures,
				lastStatus: `${result.status}${until ? `, retry after ${iso(until)}` : ''}`,
			};
			return failures >= FAILURES_BEFORE_PAUSE ? { ...state, paused: `${failures} failures in a row, the last ${result.status}` } : state;
		}
		case 'failed': {
			const failures = base.failures + 1;
			const state: FeedState = { ...base, nextPoll: iso(later(now, base.intervalMinutes)), failures, lastStatus: `failed: ${result.reason}` };
			return failures >= FAILURES_BEFORE_PAUSE ? { ...state, paused: `${failures} failures in a row, the last: ${result.reason}` } : state;
		}
	}
}

/** The feed's `<ttl>` (RSS 2.0), in minutes, where it gives one. */
export function feedTtl(text: string): number | undefined {
	const ttl = /<ttl>\s*(\d+)\s*<\/ttl>/i.exec(text)?.[1];
	return ttl === undefined ? undefined : Number(ttl);
}
