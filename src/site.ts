/**
 * Site-wide constants for pages and components: the site's name, and the URL
 * builder for the base path this build is deployed under.
 */
import { createUrls } from './lib/urls.ts';

export const SITE_NAME = 'Zuckerberg in Asia, 2024';

/** Every internal URL goes through this. */
export const urls = createUrls(import.meta.env.BASE_URL);
