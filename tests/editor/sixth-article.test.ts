/**
 * The editor's path, end to end: a new article is added to a copy of the content by
 * the README's steps (ingest, fill in the summary, add it to an event and to a claim),
 * and then every test suite that reads the real content runs again over that copy.
 * They must all pass: adding a valid article may never break the tests, or the Pages
 * workflow, which runs them before it deploys, would never publish it.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { childEnvironment } from '../../scripts/lib/astro-build.ts';
import { checkContent } from '../../src/content-files/check-content.ts';
import { copyContent, editFile, projectRoot, removeDir } from '../support/content-fixtures.ts';

const run = promisify(execFile);
const fixture = path.join(projectRoot, 'tests', 'fixtures', 'jamnagar-arrival.txt');
const id = 'zuckerberg-arrives-in-jamnagar-for-ambani-pre-wedding';

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

let contentDir: string;
beforeAll(async () => {
	contentDir = await copyContent();
});
afterAll(async () => removeDir(contentDir));

describe('an article added by the README steps', () => {
	test('passes the content check once its summary is filled in, and is in an event and a claim', async () => {
		// Step 2: ingest.
		const { stdout } = await run(process.execPath, [path.join(projectRoot, 'scripts', 'ingest.ts'), fixture, '--content', contentDir]);
		expect(stdout).toContain(`articles/${id}.md`);
		const entry = path.join(contentDir, 'articles', `${id}.md`);

		// Step 3: the summary. Steps 4 and 5: the event it reports, and a claim it speaks to.
		await editFile(entry, '\n# To fill in', '\nsummary: Zuckerberg reaches Jamnagar for the Ambani celebrations, after Seoul.\n# To fill in');
		await editFile(path.join(contentDir, 'stops', 'jamnagar.md'), /(id: pre-wedding-celebrations[\s\S]*?articles: \[)/, `$1${id}, `);
		await editFile(
			path.join(contentDir, 'facts', 'jamnagar-attendance.md'),
			'sources:\n',
			`sources:\n  - article: ${id}\n    passage: "Meta Platforms CEO Mark Zuckerberg arrived in Jamnagar on Friday"\n    stance: states\n`,
		);

		// Step 6: the check.
		const report = await checkContent(contentDir);
		expect(report.problemLines).toEqual([]);
		expect(report.warningLines).toEqual([]);
	});

	test('leaves every suite that reads the content green', { timeout: 600_000 }, async () => {
		const files = await contentReadingTests();
		expect(files.length).toBeGreaterThan(3);
		const reportDir = await mkdtemp(path.join(tmpdir(), 'story-editor-path-'));
		const reportFile = path.join(reportDir, 'report.json');
		try {
			const vitest = path.join(projectRoot, 'node_modules', 'vitest', 'vitest.mjs');
			const args = [vitest, 'run', '--project', 'unit', '--project', 'build', '--reporter=json', `--outputFile=${reportFile}`, ...files];
			const outcome = await run(process.execPath, args, { cwd: projectRoot, env: childEnvironment({ CONTENT_DIR: contentDir }), maxBuffer: 64 * 1024 * 1024 }).then(
				() => ({ code: 0, output: '' }),
				(error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, output: `${error.stdout}\n${error.stderr}` }),
			);
			const results = JSON.parse(await readFile(reportFile, 'utf8')) as {
				numPassedTests: number;
				numFailedTests: number;
				testResults: { name: string; assertionResults: { fullName: string; status: string; failureMessages: string[] }[] }[];
			};
			const failures = results.testResults.flatMap((file) =>
				file.assertionResults
					.filter((assertion) => assertion.status === 'failed')
					.map((assertion) => `${path.relative(projectRoot, file.name)} > ${assertion.fullName}: ${assertion.failureMessages[0]?.split('\n')[0]}`),
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
});
