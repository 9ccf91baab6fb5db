/**
 * Following feeds, the pure parts: the subscriptions file (read, checked, a moved feed
 * rewritten in place) and a polite reader's rules (what is due, what an answer changes).
 */
import { describe, expect, test } from 'vitest';
import { afterPoll, DEFAULT_INTERVAL_MINUTES, FAILURES_BEFORE_PAUSE, feedTtl, intervalMinutes, MIN_INTERVAL_MINUTES, notDue, retryAfter, SCHEDULE_MINUTES } from '../../src/feeds/politeness.ts';
import { hostOf, hostTurns } from '../../src/feeds/host-turns.ts';
import { moveSubscription, readState, readSubscriptions, sameFeedKey, stateText } from '../../src/feeds/subscriptions.ts';
import type { FeedState } from '../../src/schema/subscriptions.ts';

const now = new Date('2024-02-28T12:00:00Z');
const state = (more: Partial<FeedState> = {}): FeedState => ({ intervalMinutes: 60, nextPoll: '2024-02-28T13:00:00Z', failures: 0, lastStatus: 'changed: 1 new', ...more });

describe('the subscriptions file', () => {
	test('reads a list of feeds, each with its url and an optional name', () => {
		const { subscriptions, problems } = readSubscriptions('subscriptions.yaml', '# Feeds\n- url: https://a.example/feed.xml\n  name: A\n- url: https://b.example/rss\n');
		expect(problems).toEqual([]);
		expect(subscriptions).toEqual([{ url: 'https://a.example/feed.xml', name: 'A' }, { url: 'https://b.example/rss' }]);
	});

	test('takes an empty list, or a file of comments, for no feeds', () => {
		expect(readSubscriptions('s.yaml', '# None yet\n[]\n')).toEqual({ subscriptions: [], problems: [] });
		expect(readSubscriptions('s.yaml', '# None yet\n')).toEqual({ subscriptions: [], problems: [] });
	});

	test('reports a file that is not a list, in one line', () => {
		expect(readSubscriptions('s.yaml', 'url: https://a.example/feed.xml\n').problems).toEqual([
			{ file: 's.yaml', field: 'file', expected: 'expected a list of feeds ("- url: https://…")', found: 'a mapping ({"url":"https://a.example/feed.xml"})' },
		]);
	});

	test('counts two addresses of one feed as the same feed', () => {
		expect(sameFeedKey('https://A.example/feed/')).toBe(sameFeedKey('https://a.example/feed'));
		expect(sameFeedKey('https://a.example/feed?x=1')).not.toBe(sameFeedKey('https://a.example/feed?x=2'));
	});

	test('rewrites the url of a moved feed and keeps every other byte of the file', () => {
		const text = '# Our feeds\n- url: "https://old.example/feed.xml" # moved once before\n  name: Old\n- url: https://other.example/rss\n';
		expect(moveSubscription(text, 'https://old.example/feed.xml', 'https://new.example/feed.xml')).toBe(
			'# Our feeds\n- url: "https://new.example/feed.xml" # moved once before\n  name: Old\n- url: https://other.example/rss\n',
		);
	});
});

describe('the state file', () => {
	test('is the same text for the same state, whatever order its fields were set in', () => {
		const a = { feeds: { 'https://a.example/': { lastStatus: 'x', failures: 0, nextPoll: '2024-02-28T13:00:00Z', intervalMinutes: 60, etag: '"1"' } } };
		const b = { feeds: { 'https://a.example/': { etag: '"1"', intervalMinutes: 60, nextPoll: '2024-02-28T13:00:00Z', failures: 0, lastStatus: 'x' } } };
		expect(stateText(a)).toBe(stateText(b));
		expect(readState('s.json', stateText(a))).toEqual({ state: b, problems: [] });
	});

	test('reports a state that is not what the command writes', () => {
		expect(readState('s.json', '{"feeds": {"https://a.example/": {"failures": -1}}}').problems.length).toBeGreaterThan(0);
		expect(readState('s.json', '{').problems).toEqual([expect.objectContaining({ file: 's.json', field: 'file' })]);
	});
});

describe('a polite reader', () => {
	test('reads Retry-After as seconds or as an HTTP date', () => {
		expect(retryAfter('120', now)?.toISOString()).toBe('2024-02-28T12:02:00.000Z');
		expect(retryAfter('Wed, 28 Feb 2024 14:00:00 GMT', now)?.toISOString()).toBe('2024-02-28T14:00:00.000Z');
		expect(retryAfter('soon', now)).toBeUndefined();
		expect(retryAfter(undefined, now)).toBeUndefined();
	});

	test('polls a feed at the interval it asks for (its ttl, else its max-age), never under the least', () => {
		expect(intervalMinutes({}, 120)).toBe(120);
		expect(intervalMinutes({ 'cache-control': 'public, max-age=3600' }, undefined)).toBe(60);
		expect(intervalMinutes({ 'cache-control': 'max-age=60' }, undefined)).toBe(MIN_INTERVAL_MINUTES);
		expect(intervalMinutes({}, 5)).toBe(MIN_INTERVAL_MINUTES);
		expect(intervalMinutes({}, undefined)).toBe(DEFAULT_INTERVAL_MINUTES);
		expect(feedTtl('<rss><channel><ttl> 90 </ttl></channel></rss>')).toBe(90);
	});

	test('polls nothing before its time, nor before a Retry-After or while paused, whatever --force says', () => {
		expect(notDue(undefined, now, false)).toBeUndefined();
		expect(notDue(state(), now, false)).toBe('not due until 2024-02-28T13:00:00Z');
		expect(notDue(state(), now, true)).toBeUndefined();
		expect(notDue(state({ retryAfter: '2024-02-28T14:00:00Z' }), now, true)).toMatch(/^retry after 2024-02-28T14:00:00Z/);
		expect(notDue(state({ paused: '410 Gone' }), now, true)).toBe('paused: 410 Gone');
	});

	test('keeps the validators of a feed that changed, and sets its next poll', () => {
		const next = afterPoll(state({ etag: '"old"' }), { kind: 'changed', headers: { etag: '"new"', 'cache-control': 'max-age=1800' }, summary: '2 new', added: 2 }, now);
		expect(next).toMatchObject({ etag: '"new"', intervalMinutes: 30, nextPoll: '2024-02-28T12:30:00Z', failures: 0, lastStatus: 'changed: 2 new' });
		expect(next.lastModified).toBeUndefined();
	});

	test('changes nothing for a poll that finds the feed unchanged (a 304), forced or due', () => {
		const before = state({ etag: '"1"' });
		// Forced: before its next poll.
		expect(afterPoll(before, { kind: 'not-modified', headers: { etag: '"1"' } }, now)).toBe(before);
		// Due: hours after its next poll, as at a scheduled run; its next poll stays where the last change put it.
		expect(afterPoll(before, { kind: 'not-modified', headers: {} }, new Date('2024-02-28T18:00:00Z'))).toBe(before);
	});

	test('records the next poll of a feed that asks for a longer interval than the schedule’s, so that it is never asked more often than it asks', () => {
		const daily = state({ etag: '"1"', intervalMinutes: 24 * 60, nextPoll: '2024-02-28T12:00:00Z' });
		const polled = afterPoll(daily, { kind: 'not-modified', headers: { etag: '"1"' } }, now);
		expect(polled).toMatchObject({ nextPoll: '2024-02-29T12:00:00Z', lastStatus: 'not modified' });
		// The next scheduled run finds it not due.
		expect(notDue(polled, new Date(now.getTime() + SCHEDULE_MINUTES * 60_000), false)).toBe('not due until 2024-02-29T12:00:00Z');
	});

	test('changes nothing for a 200 that brings no new article under the same validators, and records one that brings an article or new validators', () => {
		const before = state({ etag: '"1"' });
		const later = new Date('2024-02-28T18:00:00Z');
		expect(afterPoll(before, { kind: 'changed', headers: { etag: '"1"' }, summary: '0 new, 3 already in the story', added: 0 }, later)).toBe(before);
		expect(afterPoll(before, { kind: 'changed', headers: { etag: '"1"' }, summary: '1 new', added: 1 }, later)).toMatchObject({ nextPoll: '2024-02-28T19:00:00Z', lastStatus: 'changed: 1 new' });
		expect(afterPoll(before, { kind: 'changed', headers: { etag: '"2"' }, summary: '0 new', added: 0 }, later)).toMatchObject({ etag: '"2"', nextPoll: '2024-02-28T19:00:00Z' });
	});

	test('records a 304 that ends a run of failures, a wait, or a new interval, once', () => {
		const mended = afterPoll(state({ failures: 2, lastStatus: 'failed: timed out' }), { kind: 'not-modified', headers: {} }, now);
		expect(mended).toMatchObject({ failures: 0, nextPoll: '2024-02-28T13:00:00Z', lastStatus: 'not modified' });
		expect(afterPoll(mended, { kind: 'not-modified', headers: {} }, new Date('2024-02-28T15:00:00Z'))).toBe(mended);
		const waited = afterPoll(state({ retryAfter: '2024-02-28T11:00:00Z', lastStatus: '429, retry after 2024-02-28T11:00:00Z' }), { kind: 'not-modified', headers: {} }, now);
		expect(waited.retryAfter).toBeUndefined();
		expect(waited.lastStatus).toBe('not modified');
		expect(afterPoll(state(), { kind: 'not-modified', headers: { 'cache-control': 'max-age=7200' } }, now)).toMatchObject({ intervalMinutes: 120, nextPoll: '2024-02-28T14:00:00Z' });
		// A 429 without Retry-After, then a success: the success is recorded, since the last status was not one.
		expect(afterPoll(state({ lastStatus: '429' }), { kind: 'not-modified', headers: {} }, now).lastStatus).toBe('not modified');
	});

	test('waits as a 429 or 503 asks, counting a 503 as a failure', () => {
		const told = afterPoll(state(), { kind: 'wait', status: 429, headers: { 'retry-after': '7200' } }, now);
		expect(told).toMatchObject({ retryAfter: '2024-02-28T14:00:00Z', nextPoll: '2024-02-28T14:00:00Z', failures: 0 });
		expect(afterPoll(state(), { kind: 'wait', status: 503, headers: {} }, now)).toMatchObject({ failures: 1, nextPoll: '2024-02-28T13:00:00Z' });
	});

	test(`pauses a feed that is gone, or that failed ${FAILURES_BEFORE_PAUSE} times in a row; a success in between clears the count`, () => {
		expect(afterPoll(state(), { kind: 'gone', status: 410 }, now).paused).toMatch(/^410 Gone on 2024-02-28/);
		let feed = state();
		for (let time = 1; time < FAILURES_BEFORE_PAUSE; time++) feed = afterPoll(feed, { kind: 'failed', reason: 'timed out' }, now);
		expect(feed.paused).toBeUndefined();
		expect(afterPoll(feed, { kind: 'changed', headers: {}, summary: '0 new', added: 0 }, now).failures).toBe(0);
		feed = afterPoll(feed, { kind: 'failed', reason: 'timed out' }, now);
		expect(feed.paused).toBe(`${FAILURES_BEFORE_PAUSE} failures in a row, the last: timed out`);
	});

	test('pauses a feed moved for good onto a feed another entry follows, saying the entry can be removed', () => {
		expect(afterPoll(state(), { kind: 'moved-onto-followed', to: 'https://b.example/rss' }, now)).toMatchObject({
			paused: 'moved to https://b.example/rss, which is already followed: this entry can be removed',
			failures: 0,
		});
	});
});

describe('turns at a host', () => {
	test('counts a host by its name, in any case, whatever the port or the scheme', () => {
		expect(hostOf('https://News.example/feed.xml')).toBe('news.example');
		expect(hostOf('http://news.example:8080/rss')).toBe(hostOf('https://news.example/atom'));
		expect(hostOf('http://127.0.0.1:4000/a')).not.toBe(hostOf('http://localhost:4000/a'));
	});

	test('runs one piece of work at a time per host, in the order asked, and hosts side by side', async () => {
		const turn = hostTurns();
		const running = new Map<string, number>();
		const most = new Map<string, number>();
		const order: string[] = [];
		const work = (url: string, name: string, ms: number) =>
			turn(url, async () => {
				const host = hostOf(url);
				running.set(host, (running.get(host) ?? 0) + 1);
				most.set(host, Math.max(most.get(host) ?? 0, running.get(host) ?? 0));
				await new Promise((resolve) => setTimeout(resolve, ms));
				running.set(host, (running.get(host) ?? 0) - 1);
				order.push(name);
				if (name === 'a2') throw new Error('a failure is its own');
				return name;
			});
		const results = await Promise.allSettled([
			work('https://a.example/1', 'a1', 30),
			work('http://a.example:8080/2', 'a2', 10),
			work('https://a.example/3', 'a3', 1),
			work('https://b.example/1', 'b1', 5),
		]);
		expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
		expect(most.get('a.example')).toBe(1);
		expect(order.filter((name) => name.startsWith('a'))).toEqual(['a1', 'a2', 'a3']);
		// b.example did not wait for a.example.
		expect(order.indexOf('b1')).toBeLessThan(order.indexOf('a1'));
	});
});
