/**
 * One poll of one feed: the network edge of `npm run update`. A conditional GET
 * (`If-None-Match`, `If-Modified-Since`) with the honest User-Agent that ingest sends and
 * `Accept-Encoding: gzip` (the body is decoded), redirects followed by hand so that a
 * permanent move (301, 308) can be told from a passing one (302, 307), a time limit and
 * a size cap. Each request, redirects included, waits for its turn at its host
 * (host-turns.ts). What it answers is data for politeness.ts; it never throws.
 */
import type { HostTurns } from './host-turns.ts';
import { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS, formatBytes, formatDuration, readCapped, USER_AGENT } from '../ingest/read/read-input.ts';

/** Hops followed before a chain of redirects counts as a failure. */
export const MOST_REDIRECTS = 5;

export interface PollRequest {
	url: string;
	etag?: string | undefined;
	lastModified?: string | undefined;
	/** How long the feed may take to answer, redirects included, not counting the time spent waiting for a turn at a host. */
	timeoutMs?: number;
	maxBytes?: number;
	/** Where each request waits for its turn at its host (host-turns.ts); without it, none waits. */
	turn?: HostTurns;
}

export type Exchange =
	| {
			kind: 'answer';
			status: number;
			/** Lower-case names. */
			headers: Record<string, string>;
			/** The body, for a 200: decompressed, not yet decoded. */
			bytes?: Uint8Array;
			/** Where the answer came from, after redirects. */
			finalUrl: string;
			/** Where the feed now lives, where every redirect on the way was permanent (301, 308). */
			movedTo?: string;
	  }
	| { kind: 'error'; reason: string };

/** What one request came to: a redirect to follow, an answer, or why there was none. */
type Hop = { kind: 'redirect'; status: number; location: string } | { kind: 'answer'; status: number; headers: Record<string, string>; bytes?: Uint8Array } | { kind: 'error'; reason: string };

const noWait: HostTurns = (_url, work) => work();

/** Polls a feed; resolves with what the host answered, or why there was no answer. */
export async function pollFeed(request: PollRequest): Promise<Exchange> {
	const { timeoutMs = DEFAULT_TIMEOUT_MS, turn = noWait } = request;
	let url = request.url;
	let permanent = true;
	// The time the feed's own requests took so far: the time limit is for answering, not for waiting a turn.
	let spent = 0;
	for (let hop = 0; hop <= MOST_REDIRECTS; hop++) {
		const at = url;
		const step = await turn(at, async () => {
			const started = performance.now();
			try {
				return await ask(at, request, timeoutMs - spent);
			} finally {
				spent += performance.now() - started;
			}
		});
		if (step.kind === 'error') return step;
		if (step.kind === 'redirect') {
			permanent &&= step.status === 301 || step.status === 308;
			const next = URL.parse(step.location, url);
			if (!next || !/^https?:$/.test(next.protocol)) return { kind: 'error', reason: `a ${step.status} to ${JSON.stringify(step.location)}, not an http(s) address` };
			url = next.href;
			continue;
		}
		const movedTo = permanent && url !== request.url ? { movedTo: url } : {};
		return { ...step, finalUrl: url, ...movedTo };
	}
	return { kind: 'error', reason: `more than ${MOST_REDIRECTS} redirects` };
}

/** One request to `url`, with what is left of the time limit: the conditional GET, and the body of a 200. */
async function ask(url: string, request: PollRequest, budgetMs: number): Promise<Hop> {
	const { timeoutMs = DEFAULT_TIMEOUT_MS, maxBytes = DEFAULT_MAX_BYTES } = request;
	if (budgetMs <= 0) return { kind: 'error', reason: `timed out after ${formatDuration(timeoutMs)}` };
	const signal = AbortSignal.timeout(Math.ceil(budgetMs));
	try {
		const response = await fetch(url, {
			redirect: 'manual',
			signal,
			headers: {
				'user-agent': USER_AGENT,
				accept: 'application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,application/json;q=0.9,text/xml;q=0.8,*/*;q=0.5',
				'accept-encoding': 'gzip',
				...(request.etag ? { 'if-none-match': request.etag } : {}),
				...(request.lastModified ? { 'if-modified-since': request.lastModified } : {}),
			},
		});
		const headers = Object.fromEntries([...response.headers].map(([name, value]) => [name.toLowerCase(), value]));
		const location = headers['location'];
		if ([301, 302, 303, 307, 308].includes(response.status) && location) {
			await response.body?.cancel();
			return { kind: 'redirect', status: response.status, location };
		}
		if (response.status !== 200) {
			await response.body?.cancel();
			return { kind: 'answer', status: response.status, headers };
		}
		if (Number(headers['content-length']) > maxBytes) {
			await response.body?.cancel();
			return { kind: 'error', reason: `larger than the ${formatBytes(maxBytes)} cap` };
		}
		const bytes = await readCapped(response, maxBytes);
		if (!bytes) return { kind: 'error', reason: `larger than the ${formatBytes(maxBytes)} cap` };
		return { kind: 'answer', status: 200, headers, bytes };
	} catch (error) {
		if (signal.aborted) return { kind: 'error', reason: `timed out after ${formatDuration(timeoutMs)}` };
		const cause = error instanceof Error && error.cause instanceof Error ? error.cause : undefined;
		const code = cause && 'code' in cause ? String(cause.code) : undefined;
		return { kind: 'error', reason: `could not fetch it (${code ?? cause?.message ?? (error instanceof Error ? error.message : String(error))})` };
	}
}
