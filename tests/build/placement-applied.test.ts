/**
 * The labelled corpus taken in for real: `npm run ingest -- <feed>… --apply` over the
 * three feeds of tests/fixtures/placement/, into a copy of the content. Only the story's
 * news is written, the suggestions are applied to the stops and the ledger, and then
 * the content check passes and the site builds.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import yaml from 'js-yaml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { astroBuild } from '../../scripts/lib/astro-build.ts';
import { checkContent } from '../../src/content-files/check-content.ts';
import { loadContent } from '../../src/content-files/load-content.ts';
import { copyContent, projectContentDir, projectRoot, removeDir } from '../support/content-fixtures.ts';

const run = promisify(execFile);
const corpus = path.join(projectRoot, 'tests', 'fixtures', 'placement');
const feeds = ['korea-ledger.rss', 'nippon-wire.atom', 'bharat-business.rss'].map((name) => path.join(corpus, name));

let contentDir: string;
let outDir: string;
let report: string;
beforeAll(async () => {
	// The project's own content: the labels name its claims and events.
	contentDir = await copyContent(projectContentDir);
	outDir = await mkdtemp(path.join(tmpdir(), 'story-placement-dist-'));
	const result = await run(process.execPath, [path.join(projectRoot, 'scripts', 'ingest.ts'), ...feeds, '--apply', '--content', contentDir], { maxBuffer: 16 * 1024 * 1024 }).catch(
		(error: { stdout: string; stderr: string }) => ({ stdout: error.stdout, stderr: error.stderr }),
	);
	report = `${result.stdout}\n${result.stderr}`;
}, 120_000);
afterAll(async () => {
	await removeDir(contentDir);
	await rm(outDir, { recursive: true, force: true });
});

describe('the placement corpus, taken in with --apply', () => {
	test('writes the story’s news only, and applies its suggestions to the stops and the ledger', async () => {
		const before = (await loadContent(projectContentDir)).input;
		const after = (await loadContent(contentDir)).input;
		const added = after.articles.filter((article) => !before.articles.some((each) => each.id === article.id));
		expect(added.length).toBeGreaterThanOrEqual(12);
		// Each written entry is an item the labels call the story's news.
		const labels = yaml.load(await readFile(path.join(corpus, 'labels.yaml'), 'utf8')) as { items: { guid: string; relevant: boolean }[] };
		const relevant = new Set(labels.items.filter((item) => item.relevant).map((item) => item.guid));
		for (const article of added) expect(relevant.has(article.data.guid ?? article.data.url ?? ''), article.id).toBe(true);
		const cited = (after.facts ?? []).flatMap((fact) => fact.data.sources.map((source) => source.article));
		expect(added.filter((article) => cited.includes(article.id)).length).toBeGreaterThan(added.length / 2);
		expect(report).toMatch(/Applied the suggestions\. Content is valid: /);
	});

	test('leaves content that passes the check, but for the summaries the editor writes', async () => {
		const check = await checkContent(contentDir);
		expect(check.problemLines).toEqual([]);
		expect(check.warningLines.every((line) => line.includes(': summary: '))).toBe(true);
	});

	test('builds into a site', { timeout: 180_000 }, async () => {
		const build = await astroBuild(outDir, { CONTENT_DIR: contentDir });
		expect(build.ok, build.output.slice(-3000)).toBe(true);
	});
});
