/**
 * `npm run check:site [-- --only <name>]`: the tool-based quality gates over real builds.
 *
 *   3. HTML validity: the W3C Nu HTML checker (needs Java).
 *   4. Links: nginx serves the site at / and under /tour/; linkinator crawls both.
 *   5. Feeds, sitemap and structured data: xmllint against the Sitemaps XSD, rss-parser,
 *      JSON-LD types.
 *   6. Reproducible builds: two clean builds are byte-identical.
 *   7. Budgets: no JavaScript but on /search/, at most 30 KB of HTML + CSS gzipped a page.
 *
 * It makes three clean builds in temporary folders, runs the checks in that order,
 * stops at the first that fails, and names the page and the rule each failure broke.
 * It ends with one line: "check:site: N passed, N failed".
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadContent } from '../src/content-files/load-content.ts';
import { astroBuild } from './lib/astro-build.ts';
import { freePort } from './lib/nginx.ts';
import { budgets } from './site-checks/budgets.ts';
import { feedsAndSitemap } from './site-checks/feeds.ts';
import { htmlValidity } from './site-checks/html-validity.ts';
import { links } from './site-checks/links.ts';
import { reproducibleBuilds } from './site-checks/reproducible.ts';
import { structuredData } from './site-checks/structured-data.ts';
import type { BuiltSite, SiteCheck } from './site-checks/types.ts';

const checks: Record<string, SiteCheck> = {
	html: htmlValidity,
	links,
	feeds: feedsAndSitemap,
	'structured-data': structuredData,
	reproducible: reproducibleBuilds,
	budgets,
};

const { values } = parseArgs({ options: { only: { type: 'string', multiple: true }, help: { type: 'boolean', short: 'h' } } });
if (values.help) {
	console.log(`Usage: npm run check:site [-- --only <${Object.keys(checks).join('|')}>]`);
	process.exit(0);
}
const selected = values.only ?? Object.keys(checks);
for (const name of selected) {
	if (!checks[name]) {
		console.error(`Unknown check "${name}"; the checks are: ${Object.keys(checks).join(', ')}.`);
		process.exit(2);
	}
}

const projectRoot = path.resolve(import.meta.dirname, '..');
const contentDir = path.resolve(process.env['CONTENT_DIR'] ?? path.join(projectRoot, 'content'));
const work = await mkdtemp(path.join(tmpdir(), 'story-check-site-'));
const started = Date.now();

/** A clean build: Astro's caches are removed first, so nothing carries over from a previous build. */
async function cleanBuild(name: string, base: string, port: number, extraEnv: Record<string, string> = {}): Promise<BuiltSite> {
	for (const cache of ['.astro', 'node_modules/.astro', 'node_modules/.vite']) {
		await rm(path.join(projectRoot, cache), { recursive: true, force: true });
	}
	const dir = path.join(work, name);
	const origin = `http://127.0.0.1:${port}`;
	const build = await astroBuild(dir, { SITE: origin, BASE_PATH: base, CONTENT_DIR: contentDir, ...extraEnv });
	if (!build.ok) throw new Error(`The ${name} build failed:\n${build.output}`);
	console.log(`  built ${name} (${base}) in ${((Date.now() - started) / 1000).toFixed(1)} s since start`);
	return { dir, origin, base, port };
}

let passed = 0;
let failed = 0;
try {
	console.log('Building the site three times (clean each time)…');
	const rootPort = await freePort();
	const tourPort = await freePort();
	const root = await cleanBuild('root', '/', rootPort);
	// The same commit again, under another time zone and locale: nothing of the machine may leak in.
	const rootAgain = await cleanBuild('root-again', '/', rootPort, { TZ: 'Pacific/Kiritimati', LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8' });
	const tour = await cleanBuild('tour', '/tour/', tourPort);
	const { input: content } = await loadContent(contentDir);

	for (const name of selected) {
		const check = checks[name] as SiteCheck;
		const checkStarted = Date.now();
		const failures = await check.run({ root, rootAgain, tour, content, projectRoot }).catch((error: Error) => [
			`the check could not run: ${error.message}`,
		]);
		const seconds = ((Date.now() - checkStarted) / 1000).toFixed(1);
		if (failures.length === 0) {
			passed += 1;
			console.log(`PASS ${check.name} (${seconds} s)`);
			continue;
		}
		failed += 1;
		console.error(`FAIL ${check.name} (${seconds} s): ${failures.length} problem${failures.length === 1 ? '' : 's'}`);
		for (const failure of failures.slice(0, 50)) console.error(`  - ${failure}`);
		if (failures.length > 50) console.error(`  … and ${failures.length - 50} more`);
		console.error('Stopping at the first failed check.');
		break;
	}
} catch (error) {
	failed += 1;
	console.error(`FAIL ${(error as Error).message}`);
} finally {
	await rm(work, { recursive: true, force: true });
}
console.log(`check:site took ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`check:site: ${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
