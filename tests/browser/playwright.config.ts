/**
 * Real-browser checks: Debian's Chromium driven by Playwright (no browser download),
 * against the built sites as a host serves them: a real nginx on 127.0.0.1, configured
 * with the README's own nginx examples, headers included. Run with `npm run test:browser`
 * (which builds `dist/` first).
 *
 * The global setup (served-sites.ts) serves three sites and stops them after the tests:
 * `dist/` at `/`; the same content with the Korean and Japanese fixture articles, built
 * under `/tour/`; and the content with news added
 * by the README's steps (a web page, a feed item, a plain text, a subscribed feed's item, a hand-written article),
 * built at `/`. Each project runs its specs against one of them (`siteName`, fixtures.ts).
 */
import { defineConfig } from '@playwright/test';
import path from 'node:path';
import type { SiteName } from './sites.ts';

const projectRoot = path.resolve(import.meta.dirname, '../..');
export const artifactsDir = path.join(projectRoot, 'tests', 'artifacts');

export const chromiumArgs = [
	'--headless=new',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

/** The specs that read the content: they run again over the editor's content. */
const CONTENT_READING = /(reader|security|pages|accessibility|languages)\.spec\.ts/;

export default defineConfig<{ siteName: SiteName }>({
	testDir: '.',
	testMatch: '*.spec.ts',
	outputDir: path.join(artifactsDir, 'test-results'),
	globalSetup: './served-sites.ts',
	fullyParallel: true,
	workers: 2,
	forbidOnly: true,
	retries: 0,
	timeout: 120_000,
	reporter: [['list'], ['json', { outputFile: path.join(artifactsDir, 'playwright-report.json') }]],
	use: {
		browserName: 'chromium',
		launchOptions: { executablePath: process.env['CHROME_PATH'] ?? '/usr/bin/chromium', args: chromiumArgs },
		trace: 'off',
	},
	projects: [
		// The content as it is: it need have no article in Korean or Japanese, so the checks of
		// those (languages.spec.ts) run on the two sites that have them.
		{ name: 'root', use: { siteName: 'root' }, testIgnore: /(lighthouse|phone|languages)\.spec\.ts/ },
		// The sub-path deploy, with the Korean and Japanese fixture articles: every page swept,
		// its policy and search checked, under /tour/, and Korean and Japanese searched and drawn.
		{ name: 'tour', use: { siteName: 'tour' }, testMatch: /(accessibility|security|languages)\.spec\.ts/ },
		// The content with news added by the README's steps: every spec that reads the content, again.
		{ name: 'editor', use: { siteName: 'editor' }, testMatch: CONTENT_READING },
		// The fact ledger on a phone: a project nothing depends on, so that a layout failure
		// there does not skip Lighthouse (a failed dependency skips its dependents). Having
		// no dependency itself, it runs in the first phase, with the checks, before Lighthouse.
		{ name: 'phone', use: { siteName: 'root' }, testMatch: /phone\.spec\.ts/ },
		// Lighthouse measures main-thread time: it runs alone, after the other checks,
		// so that no parallel axe sweep inflates its Total Blocking Time.
		{ name: 'lighthouse', use: { siteName: 'root' }, testMatch: /lighthouse\.spec\.ts/, dependencies: ['root', 'tour', 'editor'] },
	],
});
