/**
 * How a polite feed reader treats a feed, as Miniflux and FreshRSS do, written as pure
 * functions of what the feed's host answered and of the time:
 * - which feeds are due: none before its interval has passed (unless forced), and never
 *   before a `Retry-After` or while paused, forced or not;
 * - what an answer changes: the validators (`ETag`, `Last-Modified`) only when the feed
 *   changed; the interval from the feed's `<ttl>` or `Cache-Control: max-age`, never under
 *   15 minutes; a wait after a 429 or 503 with `Retry-After`; a pause after a 410 or after
 *   `FAILURES_BEFORE_PAUSE` failures in a row, which a success in between clears.
 * The network is in poll.ts; the command (scripts/update.ts) wires them.
 */
import type { FeedState } from '../schema/subscriptions.ts';

/** The least time between two polls of one feed, whatever it says. */
export const MIN_INTERVAL_MINUTES = 15;
/** The time between two polls of a feed that says nothing of it. */
export const DEFAULT_INTERVAL_MINUTES = 60;
/** Failures in a row after which a feed is paused, as Miniflux does (its POLLING_PARSING_ERROR_LIMIT). */
export const FAILURES_BEFORE_PAUSE = 3;

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
	  }
	| { kind: 'not-modified'; headers: Readonly<Record<string, string>> }
	| { kind: 'gone'; status: number }
	| { kind: 'wait'; status: number; headers: Readonly<Record<string, string>> }
	| { kind: 'failed'; reason: string };

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

/**
 * The feed's state after a poll. `forced` polls (with `--force`, before the interval)
 * that find the feed unchanged change nothing: a run that transfers nothing writes
 * nothing.
 */
export function afterPoll(previous: FeedState | undefined, result: PollResult, now: Date, forced: boolean): FeedState {
	const base: FeedState = previous ?? { intervalMinutes: DEFAULT_INTERVAL_MINUTES, nextPoll: iso(now), failures: 0, lastStatus: 'never polled' };
	switch (result.kind) {
		case 'changed': {
			const interval = intervalMinutes(result.headers, result.ttlMinutes, base.intervalMinutes);
			const { etag: _etag, lastModified: _lastModified, retryAfter: _retry, ...rest } = base;
			return {
				...rest,
				...(result.headers['etag'] ? { etag: result.headers['etag'] } : {}),
				...(result.headers['last-modified'] ? { lastModified: result.headers['last-modified'] } : {}),
				intervalMinutes: interval,
				nextPoll: iso(later(now, interval)),
				failures: 0,
				lastStatus: `changed: ${result.summary}`,
			};
		}
		case 'not-modified': {
			if (forced && base.failures === 0) return base;
			const interval = intervalMinutes(result.headers, undefined, base.intervalMinutes);
			const { retryAfter: _retry, ...rest } = base;
			return { ...rest, intervalMinutes: interval, nextPoll: iso(later(now, interval)), failures: 0, lastStatus: 'not modified' };
		}
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
