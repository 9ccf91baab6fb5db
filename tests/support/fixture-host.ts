/**
 * A web host for tests, on 127.0.0.1 only: it answers each path with a fixture, as a
 * news site would (its content type, its status, its headers), and records every
 * request it saw. Tests never fetch from the web; they start one of these, point the
 * real commands at it, and stop it afterwards.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

/** How the host answers one path. */
export interface FixtureRoute {
	/** The body, sent as it is. */
	body: string | Buffer;
	/** `text/html; charset=utf-8`, `application/rss+xml`, … */
	contentType: string;
	status?: number;
	headers?: Record<string, string>;
	/** Sends the body gzipped (with `Content-Encoding: gzip`) where the request accepts it. */
	gzip?: boolean;
	/** Answers after this many milliseconds, as a slow host does. */
	delayMs?: number;
}

/** How the host answers a path: always the same, or as a function of the request; `'no answer'` keeps the client waiting. */
export type FixtureHandler = FixtureRoute | ((request: SeenRequest) => FixtureRoute | 'no answer');

/** A request the host saw. */
export interface SeenRequest {
	method: string;
	path: string;
	headers: IncomingHttpHeaders;
	/** The name the request was addressed to (its `Host` header, without the port): `127.0.0.1`, or `localhost` for `urlAs('localhost', …)`. */
	hostname: string;
	/** What the host answered, once it has: the status and the bytes of the body it sent. */
	answer?: { status: number; bodyBytes: number };
}

export interface FixtureHost {
	/** `http://127.0.0.1:<port>`, with no trailing slash. */
	origin: string;
	/** The address of a path on this host. */
	url(path: string): string;
	/** The address of a path on this host under another name for it (`localhost`): another host, for a client that goes by names. */
	urlAs(hostname: string, path: string): string;
	/** Every request so far, in order. */
	requests: SeenRequest[];
	/** The most requests in flight at once (received, not yet answered) so far, addressed to one name, or to any where none is given. */
	mostInFlight(hostname?: string): number;
	/** The routes, by path: a test may change them between runs. */
	routes: Record<string, FixtureHandler>;
	stop(): Promise<void>;
}

/** Starts a host that answers `routes` by path (query strings included) and 404 otherwise. */
export async function startFixtureHost(initial: Readonly<Record<string, FixtureHandler>>): Promise<FixtureHost> {
	const requests: SeenRequest[] = [];
	const routes: Record<string, FixtureHandler> = { ...initial };
	const inFlight = new Map<string, number>();
	const most = new Map<string, number>();
	/** Counts a request in (+1) or out (-1), under its name and under '*'. */
	const count = (hostname: string, step: 1 | -1) => {
		for (const key of [hostname, '*']) {
			const now = (inFlight.get(key) ?? 0) + step;
			inFlight.set(key, now);
			most.set(key, Math.max(most.get(key) ?? 0, now));
		}
	};
	const server = createServer((request, response) => {
		const path = request.url ?? '/';
		const hostname = new URL(`http://${request.headers.host ?? '127.0.0.1'}`).hostname;
		const seen: SeenRequest = { method: request.method ?? 'GET', path, headers: request.headers, hostname };
		requests.push(seen);
		count(hostname, 1);
		response.once('close', () => count(hostname, -1));
		const handler = routes[path];
		const route = typeof handler === 'function' ? handler(seen) : handler;
		if (route === 'no answer') return;
		if (!route) {
			seen.answer = { status: 404, bodyBytes: 'Not found'.length };
			response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
			return;
		}
		const gzip = route.gzip && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
		const body = gzip ? gzipSync(route.body) : route.body;
		const answer = () => {
			seen.answer = { status: route.status ?? 200, bodyBytes: Buffer.byteLength(body) };
			response.writeHead(route.status ?? 200, { 'content-type': route.contentType, ...(gzip ? { 'content-encoding': 'gzip' } : {}), ...route.headers }).end(body);
		};
		if (route.delayMs) setTimeout(answer, route.delayMs);
		else answer();
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', resolve);
	});
	const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		origin,
		url: (path) => `${origin}${path}`,
		urlAs: (hostname, path) => `http://${hostname}:${(server.address() as AddressInfo).port}${path}`,
		requests,
		mostInFlight: (hostname = '*') => most.get(hostname) ?? 0,
		routes,
		stop: () =>
			new Promise<void>((resolve, reject) => {
				server.closeAllConnections();
				server.close((error) => (error ? reject(error) : resolve()));
			}),
	};
}
