/** The pages of the built sites, as their sitemaps list them, for sweeps over every page. */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const projectRoot = path.resolve(import.meta.dirname, '../..');

/** The root build, which `npm run build` writes and `astro preview` serves. */
export const ROOT_DIST = path.join(projectRoot, 'dist');

/**
 * Where the /tour/ build is, and where it is served: set by the global setup
 * (tour-site.ts) before any worker starts, so every test process sees them.
 */
export const TOUR_ENV = {
	/** The build's folder, a temporary one. */
	dir: 'BROWSER_TEST_TOUR_DIR',
	/** The origin nginx serves it on, `http://127.0.0.1:<port>`; the site is under `/tour/` there. */
	origin: 'BROWSER_TEST_TOUR_ORIGIN',
} as const;

/** The base path of the sub-path build. */
export const TOUR_BASE = '/tour/';

/** Every page path in the sitemap of a build (by default `dist/`): `/`, `/stops/seoul/`, … */
export function sitemapPaths(distDir: string = ROOT_DIST): string[] {
	const sitemap = readFileSync(path.join(distDir, 'sitemap-0.xml'), 'utf8');
	const paths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1] ?? '').pathname);
	if (paths.length < 10) throw new Error(`The sitemap of ${distDir} lists only ${paths.length} pages; build the site first (npm run build).`);
	return paths;
}

/** The /tour/ build as the global setup left it: its folder and the origin it is served on. */
export function tourSite(): { dir: string; origin: string } {
	const dir = process.env[TOUR_ENV.dir];
	const origin = process.env[TOUR_ENV.origin];
	if (!dir || !origin) {
		throw new Error(`${TOUR_ENV.dir} and ${TOUR_ENV.origin} are unset: the /tour/ build is made and served by the global setup of tests/browser/playwright.config.ts.`);
	}
	return { dir, origin };
}
