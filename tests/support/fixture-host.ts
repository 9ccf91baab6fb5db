/**
 * A web host for tests, on 127.0.0.1 only: it answers each path with a fixture, as a
 * news site would (its content type, its status, its headers), and records every
 * request it saw. Tests never fetch from the web; they start one of these, point the
 * real commands at it, and stop it afterwards.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the host answers one path. */
export interface FixtureRoute {
	/** The body, sent as it is. */
	body: string | Buffer;
	/** `text/html; charset=utf-8`, `application/rss+xml`, … */
	contentType: string;
	status?: number;
	headers?: Record<string, string>;
}

/** A request the host saw. */
export interface SeenRequest {
	method: string;
	path: string;
	headers: IncomingHttpHeaders;
}

export interface FixtureHost {
	/** `http://127.0.0.1:<port>`, with no trailing slash. */
	origin: string;
	/** The address of a path on this host. */
	url(path: string): string;
	/** Every request so far, in order. */
	requests: SeenRequest[];
	stop(): Promise<void>;
}

/** Starts a host that answers `routes` by path (query strings included) and 404 otherwise. */
export async function startFixtureHost(routes: Readonly<Record<string, FixtureRoute>>): Promise<FixtureHost> {
	const requests: SeenRequest[] = [];
	const server = createServer((request, response) => {
		const path = request.url ?? '/';
		requests.push({ method: request.method ?? 'GET', path, headers: request.headers });
		const route = routes[path];
		if (!route) {
			response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
			return;
		}
		response.writeHead(route.status ?? 200, { 'content-type': route.contentType, ...route.headers }).end(route.body);
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', resolve);
	});
	const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		origin,
		url: (path) => `${origin}${path}`,
		requests,
		stop: () =>
			new Promise<void>((resolve, reject) => {
				server.closeAllConnections();
				server.close((error) => (error ? reject(error) : resolve()));
			}),
	};
}
