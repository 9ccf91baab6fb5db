/**
 * Where a build is deployed, read from the environment: `SITE`, the origin
 * (`https://example.org`), and `BASE_PATH`, the path the site is served under
 * (`/tour/`). A bad value is refused with a message that names the variable, shows
 * what was found and gives an example, before Astro starts.
 */
import { normaliseBase } from './urls.ts';

export interface DeployTarget {
	/** The origin, as Astro's `site`: `https://example.org`. */
	site: string;
	/** The base path, with leading and trailing slashes: `/` or `/tour/`. */
	base: string;
}

export const DEFAULT_SITE = 'https://example.org';

/** Thrown for a bad `SITE` or `BASE_PATH`; its message is one line per variable. */
export class DeployTargetError extends Error {
	constructor(lines: readonly string[]) {
		super(lines.join('\n'));
		this.name = 'DeployTargetError';
	}
}

/** Reads `SITE` and `BASE_PATH` from `env` (pass `process.env`); throws a `DeployTargetError` naming each bad one. */
export function readDeployTarget(env: Readonly<Record<string, string | undefined>>): DeployTarget {
	const problems: string[] = [];
	const site = env['SITE'] ?? DEFAULT_SITE;
	let url: URL | undefined;
	try {
		url = new URL(site);
	} catch {
		url = undefined;
	}
	if (!url || !['http:', 'https:'].includes(url.protocol) || !url.hostname) {
		problems.push(`SITE: expected an absolute http(s) origin such as SITE=https://example.org, found ${JSON.stringify(site)}`);
	} else if (url.pathname !== '/' || url.search || url.hash) {
		problems.push(
			`SITE: expected an origin with no path (put the path in BASE_PATH, as in SITE=${url.origin} BASE_PATH=${url.pathname}), found ${JSON.stringify(site)}`,
		);
	}
	const basePath = env['BASE_PATH'] ?? '/';
	if (!/^\/?(?:[A-Za-z0-9._~-]+\/)*[A-Za-z0-9._~-]*\/?$/.test(basePath) || /(?:^|\/)\.\.?(?:\/|$)/.test(basePath)) {
		problems.push(`BASE_PATH: expected a path of plain segments such as BASE_PATH=/tour/ (or / for the root), found ${JSON.stringify(basePath)}`);
	}
	if (problems.length > 0) throw new DeployTargetError(problems);
	return { site: (url as URL).origin, base: normaliseBase(basePath) };
}
