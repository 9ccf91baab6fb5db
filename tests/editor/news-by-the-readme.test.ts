/**
 * The editor's path, end to end: news of every kind (a web page fetched by URL, a feed
 * item, a plain text, an item of a subscribed feed taken in by `npm run update`, and a
 * hand-written article with no kept source) is added to a copy
 * of the content by the README's steps, through the real commands
 * (tests/support/editor-path.ts). Then every suite that reads the content runs again
 * over that copy: the content-reading unit and build tests, and `npm run check:site`.
 * (The browser suite runs its content-reading specs over the same content: see
 * tests/browser/served-sites.ts.) They must all pass: adding real news may never break
 * the tests, or the Pages workflow, which runs them before it deploys, would never
 * publish it.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { childEnvironment } from '../../scripts/lib/astro-build.ts';
import { loadContent } from '../../src/content-files/load-content.ts';
import { copyContent, projectRoot, removeDir } from '../support/content-fixtures.ts';
import { addNewsByTheReadmeSteps, type AddedArticle } from '../support/editor-path.ts';

const run = promisify(execFile);

/** The test files that read the content under test: those that take it from `tests/support/content-fixtures.ts`. */
async function contentReadingTests(): Promise<string[]> {
	const files: string[] = [];
	for (const folder of ['tests/unit', 'tests/build']) {
		for (const name of (await readdir(path.join(projectRoot, folder))).sort()) {
			if (!name.endsWith('.test.ts')) continue;
			const text = await readFile(path.join(projectRoot, folder, name), 'utf8');
			if (text.includes('/support/content-fixtures.ts')) files.push(`${folder}/${name}`);
		}
	}
	return files;
}

/** Runs a command on the pinned Node over the edited content; resolves with its exit code and output. */
async function runOver(contentDir: string, args: readonly string[]): Promise<{ code: number; output: string }> {
	return run(process.execPath, args, { cwd: projectRoot, env: childEnvironment({ CONTENT_DIR: contentDir }), maxBuffer: 64 * 1024 * 1024 }).then(
		({ stdout, stderr }) => ({ code: 0, output: `${stdout}\n${stderr}` }),
		(error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, output: `${error.stdout}\n${error.stderr}` }),
	);
}

let contentDir: string;
let added: AddedArticle[];
beforeAll(async () => {
	contentDir = await copyContent();
	added = await addNewsByTheReadmeSteps(contentDir);
}, 180_000);
afterAll(async () => removeDir(contentDir));

describe('news added by the README steps', () => {
	test('is in the story: a web page and a feed item with their kept sources and original URLs, a plain text, a subscribed feed item and a hand-written article', async () => {
		expect(added.map((each) => each.kind)).toEqual(['web page', 'feed item', 'plain text', 'subscribed feed item', 'Korean web page', 'Japanese feed item', 'hand-written']);
		const { input, problems } = await loadContent(contentDir);
		expect(problems).toEqual([]);
		const entry = (id: string) => input.articles.find((article) => article.id === id);
		for (const { id, kind } of added) {
			const data = entry(id)?.data;
			expect(data, id).toBeDefined();
			expect(data?.summary, id).toBeTruthy();
			if (kind === 'hand-written') expect(data?.seed, id).toBeUndefined();
			else expect(data?.seed, id).toMatch(/web page/.test(kind) ? /\.html$/ : kind === 'plain text' ? /\.txt$/ : /\.json$/);
			if (kind !== 'plain text' && kind !== 'hand-written') expect(data?.url, id).toMatch(/^https:\/\/[a-z.-]+\.example\//);
			expect(data?.language, id).toBe(kind === 'Korean web page' ? 'ko' : kind === 'Japanese feed item' ? 'ja' : 'en');
		}
		// The suggestions taken with `npm run suggest -- --apply` are in the ledger.
		const web = added[0]?.id ?? '';
		const cited = (input.facts ?? []).filter((fact) => fact.data.sources.some((source) => source.article === web));
		expect(cited.length).toBeGreaterThan(0);
		// The update's suggestions, applied by `npm run update -- --apply`, are in the stop file, and its off-topic item is not.
		const update = added.find((each) => each.kind === 'subscribed feed item')?.id ?? '';
		const lgMeeting = input.stops.find((stop) => stop.id === 'seoul')?.data.events.find((event) => event.id === 'lg-meeting');
		expect(lgMeeting?.articles).toContain(update);
		expect(input.articles.some((article) => /Kospi/.test(article.data.title))).toBe(false);
		// The Korean page's suggestions put a Korean passage in the ledger, with the editor's gloss; the Nikkei report is not in the story.
		const korean = added.find((each) => each.kind === 'Korean web page')?.id ?? '';
		const glossed = (input.facts ?? []).flatMap((fact) => fact.data.sources).filter((source) => source.article === korean);
		expect(glossed.length).toBeGreaterThan(0);
		for (const source of glossed) expect(source.gloss, source.passage).toMatch(/^[A-Z][a-z].+\.$/);
		expect(input.articles.some((article) => article.data.title.includes('日経平均'))).toBe(false);
	});

	test('leaves every suite that reads the content green', { timeout: 600_000 }, async () => {
		const files = await contentReadingTests();
		expect(files.length).toBeGreaterThan(3);
		const reportDir = await mkdtemp(path.join(tmpdir(), 'story-editor-path-'));
		const reportFile = path.join(reportDir, 'report.json');
		try {
			const vitest = path.join(projectRoot, 'node_modules', 'vitest', 'vitest.mjs');
			const outcome = await runOver(contentDir, [vitest, 'run', '--project', 'unit', '--project', 'build', '--reporter=json', `--outputFile=${reportFile}`, ...files]);
			const results = JSON.parse(await readFile(reportFile, 'utf8')) as {
				numPassedTests: number;
				testResults: { name: string; assertionResults: { fullName: string; status: string; failureMessages: string[] }[] }[];
			};
			const failures = results.testResults.flatMap((file) =>
				file.assertionResults
					.filter((assertion) => assertion.status === 'failed')
					.map((assertion) => `${path.relative(projectRoot, file.name)} > ${assertion.fullName}: ${assertion.failureMessages[0]?.split('\n').slice(0, 3).join(' ')}`),
			);
			expect(failures).toEqual([]);
			expect(outcome, outcome.output.slice(-4000)).toMatchObject({ code: 0 });
			// Every content-reading file ran, not an empty selection.
			expect(new Set(results.testResults.map((file) => path.relative(projectRoot, file.name)))).toEqual(new Set(files));
			expect(results.numPassedTests).toBeGreaterThan(50);
		} finally {
			await removeDir(reportDir);
		}
	});

	test('leaves npm run check:site green: valid HTML, no broken link or fragment, the feeds, the budgets and the headers', { timeout: 600_000 }, async () => {
		const outcome = await runOver(contentDir, [path.join(projectRoot, 'scripts', 'check-site.ts')]);
		expect(outcome.output).toMatch(/^check:site: \d+ passed, 0 failed$/m);
		expect(outcome, outcome.output.slice(-4000)).toMatchObject({ code: 0 });
	});
});
