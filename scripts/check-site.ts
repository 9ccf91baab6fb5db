/**
 * `npm run check:site [-- --only <name>]`: the tool-based quality gates over real builds.
 *
 *   3. HTML validity: the W3C Nu HTML checker (needs Java).
 *   4. Links: nginx serves the site at / and under /tour/; linkinator crawls both.
 *   5. Feeds, sitemap and structured data: xmllint against the Sitemaps XSD, rss-parser,
 *      JSON-LD types.
 *   6. Reproducible builds: two clean builds are byte-identical, and so is a warm build
 *      after an edit (reusing the unchanged pages of the build before it).
 *   7. Budgets: no JavaScript but on /search/, at most 30 KB of HTML + CSS gzipped a page.
 *   8. Headers: nginx with the README's examples sends what `_headers` says, at / and
 *      under /tour/, and caches the hashed files for a year.
 *
 * Each check declares the builds it needs (`needs` in scripts/site-checks/): at the root,
 * at the root again under another time zone and locale, and under /tour/. This script
 * makes only the builds the selected checks need (all three without `--only`, which
 * may be given more than once; root and tour for `--only links`), each into a temporary folder with a fresh cache folder of
 * its own (see scripts/lib/astro-build.ts), so every build is clean and the project's
 * own caches (`.astro/`, `node_modules/.astro`, `node_modules/.vite`) are never deleted.
 * A check is handed only the builds it declared.
 *
 * It runs the checks in the order above, stops at the first that fails, and names the
 * page and the rule each failure broke. It ends with one line: "check:site: N passed, N failed".
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadContent } from '../src/content-files/load-content.ts';
import type { ModelInput } from '../src/model/types.ts';
import { astroBuild } from './lib/astro-build.ts';
import { freePort } from './lib/free-port.ts';
import { budgets } from './site-checks/budgets.ts';
import { feedsAndSitemap } from './site-checks/feeds.ts';
import { headers } from './site-checks/headers.ts';
import { htmlValidity } from './site-checks/html-validity.ts';
import { links } from './site-checks/links.ts';
import { reproducibleBuilds } from './site-checks/reproducible.ts';
import { structuredData } from './site-checks/structured-data.ts';
import { BUILD_NAMES, contextFor, type BuildName, type BuiltSite, type SiteCheck } from './site-checks/types.ts';

const checks: Record<string, SiteCheck> = {
	html: htmlValidity,
	links,
	feeds: feedsAndSitemap,
	'structured-data': structuredData,
	reproducible: reproducibleBuilds,
	budgets,
	headers,
};

const { values } = parseArgs({
	options: { only: { type: 'string', multiple: true }, 'outside-links': { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
});
if (values.help) {
	console.log(`Usage: npm run check:site [-- --only <${Object.keys(checks).join('|')}>] [--outside-links]

  --only <check>     run just this check (repeatable), and make only the builds it needs
  --outside-links    request the links that leave the site too; by default they are listed,
                     not requested, so the checks run offline`);
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

/** How one build is made: its folder, the base path and port it is built for, and any extra environment. */
interface BuildPlan {
	folder: string;
	base: string;
	port: number;
	env?: Record<string, string>;
	/** Built warm: first from a copy of the content with this edit, then from the content itself, with one cache and output folder. */
	warmAfter?: (contentCopy: string) => Promise<void>;
}

/** The builds the checks in `names` need, in the order of BUILD_NAMES. */
function buildsNeeded(names: readonly string[]): BuildName[] {
	const needed = new Set(names.flatMap((name) => checks[name]?.needs ?? []));
	return BUILD_NAMES.filter((build) => needed.has(build));
}

/** How each build is made. Both root builds share a port, so that they are built for the same origin. */
async function buildPlans(): Promise<Record<BuildName, BuildPlan>> {
	const rootPort = await freePort();
	const tourPort = await freePort();
	return {
		root: { folder: 'root', base: '/', port: rootPort },
		// The same commit again, under another time zone and locale: nothing of the machine may leak in.
		rootAgain: {
			folder: 'root-again',
			base: '/',
			port: rootPort,
			env: { TZ: 'Pacific/Kiritimati', LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8' },
		},
		tour: { folder: 'tour', base: '/tour/', port: tourPort },
		rootWarm: { folder: 'root-warm', base: '/', port: rootPort, warmAfter: editFirstSummary },
	};
}

/** An editor's edit: the first article's summary, with a sentence added (a new article's page, and the lists of it, change). */
async function editFirstSummary(contentCopy: string): Promise<void> {
	const articles = (await readdir(path.join(contentCopy, 'articles'))).filter((name) => name.endsWith('.md')).sort();
	const file = path.join(contentCopy, 'articles', articles[0] ?? '');
	const text = await readFile(file, 'utf8');
	const edited = /^summary: .*$/m.test(text) ? text.replace(/^summary: (.*)$/m, 'summary: $1 (An earlier summary.)') : text.replace(/^---\n/, '---\nsummary: An earlier summary.\n');
	await writeFile(file, edited);
}

/**
 * A build into the work folder: clean (astroBuild gives it a fresh cache folder of its
 * own), or, where the plan says, warm: after a build of an edited copy of the content
 * with the same cache and output folder.
 */
async function cleanBuild({ folder, base, port, env = {}, warmAfter }: BuildPlan): Promise<BuiltSite> {
	const dir = path.join(work, folder);
	const origin = `http://127.0.0.1:${port}`;
	const settings = { SITE: origin, BASE_PATH: base, ...env };
	if (warmAfter) {
		const cacheDir = path.join(work, `${folder}-cache`);
		const edited = path.join(work, `${folder}-content`);
		await cp(contentDir, edited, { recursive: true });
		await warmAfter(edited);
		const before = await astroBuild(dir, { ...settings, CONTENT_DIR: edited }, { cacheDir });
		if (!before.ok) throw new Error(`The ${folder} build before the edit failed:\n${before.output}`);
		const warm = await astroBuild(dir, { ...settings, CONTENT_DIR: contentDir }, { cacheDir });
		if (!warm.ok) throw new Error(`The ${folder} build failed:\n${warm.output}`);
		const reused = Number(/reused (\d+) from the last build/.exec(warm.output)?.[1] ?? 0);
		console.log(`  built ${folder} (${base}) in ${((Date.now() - started) / 1000).toFixed(1)} s since start, ${reused} pages reused`);
		return { dir, origin, base, port, reused };
	}
	const build = await astroBuild(dir, { ...settings, CONTENT_DIR: contentDir });
	if (!build.ok) throw new Error(`The ${folder} build failed:\n${build.output}`);
	console.log(`  built ${folder} (${base}) in ${((Date.now() - started) / 1000).toFixed(1)} s since start`);
	return { dir, origin, base, port };
}

/** Runs one check on the builds it declared; an error that stops it is its one failure. */
async function runCheck(check: SiteCheck, builds: Partial<Record<BuildName, BuiltSite>>, content: ModelInput): Promise<string[]> {
	try {
		const options = { outsideLinks: values['outside-links'] };
		return await check.run(contextFor(check, builds, { content, projectRoot, options, note: (line) => console.log(`    ${line}`) }));
	} catch (error) {
		return [`the check could not run: ${(error as Error).message}`];
	}
}

let passed = 0;
let failed = 0;
try {
	const needed = buildsNeeded(selected);
	const plans = await buildPlans();
	console.log(`Building the site ${needed.length} time${needed.length === 1 ? '' : 's'} (${needed.map((name) => plans[name].folder).join(', ')}), each clean but the warm one…`);
	const builds: Partial<Record<BuildName, BuiltSite>> = {};
	for (const name of needed) builds[name] = await cleanBuild(plans[name]);
	const { input: content } = await loadContent(contentDir);

	for (const name of selected) {
		const check = checks[name] as SiteCheck;
		const checkStarted = Date.now();
		const failures = await runCheck(check, builds, content);
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
