/**
 * One request at a time per host, redirects included: every request `npm run update`
 * sends, to a feed's own host or to the host a redirect leads to, waits for its turn at
 * that host. A turn lasts one exchange (the request and its body), never a whole chain
 * of redirects, so two feeds that redirect to each other's hosts cannot wait on each
 * other forever.
 *
 * The host is the URL's hostname, in lower case; the port does not count. Two ports of
 * one name are almost always one server (http and https of one site, or a feed on
 * :8080 beside the site), and a polite reader asks that server one thing at a time.
 */

/** The host of a URL for politeness: its hostname in lower case, without the port. */
export function hostOf(url: string): string {
	return new URL(url).hostname.toLowerCase();
}

/** Runs `work` when it is its turn at the host of `url`, after the work already waiting there. */
export type HostTurns = <T>(url: string, work: () => Promise<T>) => Promise<T>;

/** A fresh set of turns, one queue per host, for one run. */
export function hostTurns(): HostTurns {
	const last = new Map<string, Promise<unknown>>();
	return <T>(url: string, work: () => Promise<T>): Promise<T> => {
		const host = hostOf(url);
		const before = last.get(host) ?? Promise.resolve();
		const mine = before.then(work);
		const settled = mine.then(
			() => undefined,
			() => undefined,
		);
		last.set(host, settled);
		void settled.then(() => {
			if (last.get(host) === settled) last.delete(host);
		});
		return mine;
	};
}
