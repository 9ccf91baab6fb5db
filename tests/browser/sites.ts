/**
 * The sites the browser suite runs against, each served the way a host serves it: by a
 * real nginx on 127.0.0.1 with the README's own nginx example for its path, headers
 * included (the security policy, nosniff, the referrer policy). The global setup
 * (served-sites.ts) makes and serves them before any test, and hands them to the test
 * processes through the environment.
 *
 * - `root`: `dist/`, as `npm run build` left it, at `/`;
 * - `tour`: the same content with the Korean and Japanese fixture articles added
 *   (tests/support/language-fixtures.ts), built under `/tour/`: the site the checks of
 *   Korean and Japanese pages run against, whatever the content holds;
 * - `editor`: the content with news added by the README's steps (a web page, a feed
 *   item, a plain text, a subscribed feed's item and a hand-written article: tests/support/editor-path.ts), at `/`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const SITE_NAMES = ['root', 'tour', 'editor'] as const;
export type SiteName = (typeof SITE_NAMES)[number];

export interface ServedSite {
	name: SiteName;
	/** The build's folder. */
	dir: string;
	/** The content folder it was built from. */
	contentDir: string;
	/** Where nginx serves it: `http://127.0.0.1:<port>`. */
	origin: string;
	/** The path it is served under: `/` or `/tour/`. */
	base: string;
}

/** The environment variable that carries the served sites, as JSON, from the global setup to the tests. */
export const SITES_ENV = 'BROWSER_TEST_SITES';

export const projectRoot = path.resolve(import.meta.dirname, '../..');

/** The root build, which `npm run build` writes before the suite starts. */
export const ROOT_DIST = path.join(projectRoot, 'dist');

/** A site the global setup serves. */
export function servedSite(name: SiteName): ServedSite {
	const sites = JSON.parse(process.env[SITES_ENV] ?? '{}') as Partial<Record<SiteName, ServedSite>>;
	const site = sites[name];
	if (!site) throw new Error(`${SITES_ENV} names no "${name}" site: the sites are made and served by the global setup of tests/browser/playwright.config.ts.`);
	return site;
}

/** Every page path in a site's sitemap: `/`, `/stops/seoul/`, … (under `/tour/`, `/tour/…`). */
export function sitemapPaths(site: Pick<ServedSite, 'dir'>): string[] {
	const sitemap = readFileSync(path.join(site.dir, 'sitemap-0.xml'), 'utf8');
	const paths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1] ?? '').pathname);
	if (paths.length < 10) throw new Error(`The sitemap of ${site.dir} lists only ${paths.length} pages; build the site first (npm run build).`);
	return paths;
}
