/**
 * The browser suite's `test`: Playwright's, with the site each project runs against
 * (`siteName`, set per project in playwright.config.ts). `site` is that site as the
 * global setup serves it, and `baseURL` is its origin, so `page.goto('/stops/seoul/')`
 * opens the site's own page. Specs that may run against a site under a sub-path build
 * their URLs from `site.base`.
 */
import { test as base } from '@playwright/test';
import { servedSite, type ServedSite, type SiteName } from './sites.ts';

export { expect } from '@playwright/test';

export const test = base.extend<{ site: ServedSite }, { siteName: SiteName }>({
	siteName: ['root', { option: true, scope: 'worker' }],
	site: async ({ siteName }, use) => use(servedSite(siteName)),
	baseURL: async ({ site }, use) => use(site.origin),
});
