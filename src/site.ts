/**
 * Site-wide constants for pages and components: the site's name, and the URL
 * builder for the base path this build is deployed under.
 */
import { absoluteUrl, createUrls } from './lib/urls.ts';

export const SITE_NAME = 'Zuckerberg in Asia, 2024';

/** Every internal URL goes through this. */
export const urls = createUrls(import.meta.env.BASE_URL);

/**
 * Absolute URLs on this build's origin. `Astro.site` always has a value: astro.config.mjs
 * sets `site` from $SITE, with a default.
 */
export function absoluteOn(site: URL | undefined): (path: string) => string {
	if (!site) throw new Error('Astro.site is not set: astro.config.mjs must set `site`.');
	return (path) => absoluteUrl(path, site);
}
