/**
 * `npm run suggest`, and `npm run ingest -- --apply` on a source already in the story: the
 * editor takes the suggestions once the entry is filled in (the README's step 3), and a
 * second run changes nothing. Each test runs the real commands on a copy of the content.
 */
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { checkContent } from '../../src/content-files/check-content.ts';
import { copyContent, editFile, projectContentDir, projectRoot, removeDir } from '../support/content-fixtures.ts';

const run = promisify(execFile);
const fixture = path.join(projectRoot, 'tests', 'fixtures', 'jamnagar-arrival.txt');
const id = 'zuckerberg-arrives-in-jamnagar-for-ambani-pre-wedding';

/** Runs `scripts/<name>.ts` on the pinned Node; resolves with its exit code and output, whatever the code. */
async function command(name: string, args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
	return run(process.execPath, [path.join(projectRoot, 'scripts', `${name}.ts`), ...args], { cwd: projectRoot }).then(
		({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
		(error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
	);
}

/** The text of every stop and fact file, by path: what applying suggestions may change. */
async function ledgerFiles(contentDir: string): Promise<Map<string, string>> {
	const files = new Map<string, string>();
	for (const folder of ['stops', 'facts']) {
		for (const name of await readdir(path.join(contentDir, folder))) files.set(`${folder}/${name}`, await readFile(path.join(contentDir, folder, name), 'utf8'));
	}
	return files;
}

/** The files whose text differs between two readings. */
function changedBetween(before: Map<string, string>, after: Map<string, string>): string[] {
	return [...after].filter(([file, text]) => before.get(file) !== text).map(([file]) => file);
}

let contentDir: string;
beforeEach(async () => {
	// The project's own content: the content under test may hold this fixture already.
	contentDir = await copyContent(projectContentDir);
	const ingested = await command('ingest', [fixture, '--content', contentDir]);
	expect(ingested.code, ingested.stderr).toBe(0);
	await editFile(path.join(contentDir, 'articles', `${id}.md`), '\n# To fill in', '\nsummary: Zuckerberg reaches Jamnagar.\n# To fill in');
}, 60_000);
afterEach(async () => removeDir(contentDir));

describe('npm run suggest', { timeout: 60_000 }, () => {
	test('applies the suggestions for a filled-in entry, after which the content check passes', async () => {
		const before = await ledgerFiles(contentDir);
		const { code, stdout } = await command('suggest', [id, '--apply', '--content', contentDir]);
		expect(code).toBe(0);
		expect(stdout).toContain(`Suggestions for ${id}:`);
		expect(stdout).toMatch(/jamnagar#pre-wedding-celebrations: names .*Anant Ambani/);
		expect(stdout).toMatch(/Content is valid: /);
		const after = await ledgerFiles(contentDir);
		expect(changedBetween(before, after)).toEqual(expect.arrayContaining(['stops/jamnagar.md', 'facts/jamnagar-attendance.md']));
		expect(after.get('stops/jamnagar.md')).toMatch(new RegExp(`id: pre-wedding-celebrations[\\s\\S]*?articles:[^\\n]*${id}`));
		expect(after.get('facts/jamnagar-attendance.md')).toContain(`article: ${id}`);
		expect((await checkContent(contentDir)).problemLines).toEqual([]);
	});

	test('changes nothing the second time: what an article stands in is not suggested again', async () => {
		await command('suggest', [id, '--apply', '--content', contentDir]);
		const before = await ledgerFiles(contentDir);
		const { code, stdout } = await command('suggest', [id, '--apply', '--content', contentDir]);
		expect(code).toBe(0);
		expect(stdout).toContain('No events or claims to suggest.');
		expect(changedBetween(before, await ledgerFiles(contentDir))).toEqual([]);
	});

	test('without --apply, only lists them', async () => {
		const before = await ledgerFiles(contentDir);
		const { stdout } = await command('suggest', [id, '--content', contentDir]);
		expect(stdout).toContain('Suggested claims (add with --apply):');
		expect(changedBetween(before, await ledgerFiles(contentDir))).toEqual([]);
	});

	test('refuses an id that names no article, with one line and the nearest id, and writes nothing', async () => {
		const before = await ledgerFiles(contentDir);
		const { code, stderr } = await command('suggest', [id, 'zuckerberg-arrives-in-jamnagr-for-ambani-pre-wedding', '--apply', '--content', contentDir]);
		expect(code).toBe(1);
		expect(stderr.trim().split('\n')).toEqual([
			expect.stringMatching(/^zuckerberg-arrives-in-jamnagr-for-ambani-pre-wedding: expected the id of an article in .*\/articles\/ \(did you mean "zuckerberg-arrives-in-jamnagar-for-ambani-pre-wedding"\?\), found none\. Nothing was written\.$/),
		]);
		expect(changedBetween(before, await ledgerFiles(contentDir))).toEqual([]);
	});
});

describe('npm run ingest -- --apply on a source already in the story', { timeout: 60_000 }, () => {
	test('says it is already ingested, and applies the suggestions for the entry that is there', async () => {
		const before = await ledgerFiles(contentDir);
		const { code, stdout } = await command('ingest', [fixture, '--apply', '--content', contentDir]);
		expect(code).toBe(0);
		expect(stdout).toContain(`already ingested as ${id}`);
		expect(stdout).toContain(`Suggestions for ${id} (already in the story):`);
		expect(changedBetween(before, await ledgerFiles(contentDir))).toEqual(expect.arrayContaining(['stops/jamnagar.md', 'facts/jamnagar-attendance.md']));

		// Once more: nothing new to apply.
		const again = await ledgerFiles(contentDir);
		await command('ingest', [fixture, '--apply', '--content', contentDir]);
		expect(changedBetween(again, await ledgerFiles(contentDir))).toEqual([]);
	});
});
