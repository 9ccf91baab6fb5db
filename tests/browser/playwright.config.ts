/**
 * Real-browser checks: Debian's Chromium driven by Playwright (no browser download),
 * against the built site served by `astro preview` on 127.0.0.1, which Playwright
 * starts before the tests and stops after them. Run with `npm run test:browser`.
 *
 * The global setup (tour-site.ts) also builds the site under `/tour/` into a temporary
 * folder and serves it with nginx on 127.0.0.1, for the sweeps that check the sub-path
 * deploy; its teardown stops nginx and removes the folder.
 */
import { defineConfig } from '@playwright/test';
import path from 'node:path';

const projectRoot = path.resolve(import.meta.dirname, '../..');
const port = Number(process.env['BROWSER_TEST_PORT'] ?? 4329);
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

export default defineConfig({
	testDir: '.',
	testMatch: '*.spec.ts',
	outputDir: path.join(artifactsDir, 'test-results'),
	globalSetup: './tour-site.ts',
	fullyParallel: true,
	workers: 2,
	forbidOnly: true,
	retries: 0,
	timeout: 120_000,
	reporter: [['list'], ['json', { outputFile: path.join(artifactsDir, 'playwright-report.json') }]],
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		browserName: 'chromium',
		launchOptions: { executablePath: process.env['CHROME_PATH'] ?? '/usr/bin/chromium', args: chromiumArgs },
		trace: 'off',
	},
	projects: [
		{ name: 'checks', testIgnore: /(lighthouse|phone)\.spec\.ts/ },
		// The fact ledger on a phone: a project nothing depends on, so that a layout failure
		// there does not skip Lighthouse (a failed dependency skips its dependents). Having
		// no dependency itself, it runs in the first phase, with the checks, before Lighthouse.
		{ name: 'phone', testMatch: /phone\.spec\.ts/ },
		// Lighthouse measures main-thread time: it runs alone, after the other checks,
		// so that no parallel axe sweep inflates its Total Blocking Time.
		{ name: 'lighthouse', testMatch: /lighthouse\.spec\.ts/, dependencies: ['checks'] },
	],
	webServer: {
		command: `node node_modules/astro/bin/astro.mjs preview --host 127.0.0.1 --port ${port}`,
		cwd: projectRoot,
		url: `http://127.0.0.1:${port}/`,
		reuseExistingServer: false,
		timeout: 60_000,
		env: { ASTRO_TELEMETRY_DISABLED: '1' },
	},
});
