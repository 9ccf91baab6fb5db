/**
 * Property-based tests (fast-check) of ingest: random bytes, and the fixture pages and
 * feeds cut off at random points. Ingest reads each through the same steps as
 * `npm run ingest` (read the file, extract, decide), and never throws: it refuses with
 * one line that says why, or (for a cut page that still holds its article) composes an
 * entry the checker accepts. Random bytes are always refused, and the command then
 * writes nothing. The runs are seeded and bounded.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadContent } from '../../src/content-files/load-content.ts';
import { extractInput } from '../../src/ingest/pipeline.ts';
import { startRun, takeIn } from '../../src/ingest/take-in.ts';
import { readTextFile } from '../../src/ingest/read/read-input.ts';
import type { ModelInput } from '../../src/model/types.ts';
import { copyContent, projectRoot, realContentDir, removeDir } from '../support/content-fixtures.ts';

const run = promisify(execFile);
const SEED = 20_241_122;
const web = path.join(projectRoot, 'tests', 'fixtures', 'web');
/** The fixture pages and feeds, each modelled on a real outlet's. */
const FIXTURES = ['tokyo-wire.html', 'seoul-daily.html', 'jamnagar-post.html', 'hostile.html', 'feed.rss', 'feed.atom', 'feed.json'];
const EXTENSIONS = ['.html', '.rss', '.atom', '.xml', '.json', '.txt'];
/** One clear line: something to read, and nothing that breaks or garbles a terminal. */
const ONE_LINE = /^[^\n\r\u0000-\u0008\u000b-\u001f\u007f]+$/;

let content: ModelInput;
let work: string;
const fixtures = new Map<string, string>();

beforeAll(async () => {
	content = (await loadContent(realContentDir)).input;
	work = await mkdtemp(path.join(tmpdir(), 'story-fuzz-ingest-'));
	for (const name of FIXTURES) fixtures.set(name, await readFile(path.join(web, name), 'utf8'));
});
afterAll(async () => rm(work, { recursive: true, force: true }));

/** Random bytes, under a name with an extension ingest reads by. */
const randomBytes = fc.record({ bytes: fc.uint8Array({ maxLength: 3_000 }), extension: fc.constantFrom(...EXTENSIONS) });
/** A fixture cut off after a random share of its bytes. */
const truncatedFixture = fc.record({ name: fc.constantFrom(...FIXTURES), share: fc.double({ min: 0, max: 1, noNaN: true }) });

/** What ingest does with one input file, up to the point of writing: every decision, and every refusal. */
async function ingestInMemory(file: string) {
	const read = await readTextFile(file);
	if (!read.ok) return { refusals: [read.refusal.reason], written: [] as string[] };
	const extracted = extractInput({ origin: file, text: read.text, kind: path.extname(file) });
	const refusals = [...extracted.refusals, ...extracted.skipped].map((refusal) => refusal.reason);
	const written: string[] = [];
	const run = startRun(content);
	for (const article of extracted.articles) {
		const outcome = await takeIn({ article, fileName: path.basename(file) }, run, { allowDuplicate: false, include: new Set() }, { existingSource: async () => undefined });
		if (outcome.action === 'write') written.push(outcome.decision.parsed.id);
		else refusals.push(outcome.reason);
	}
	return { refusals, written };
}

describe('ingest, over random and truncated input', () => {
	test('refuses random bytes, each time with one clear line', async () => {
		let run = 0;
		await fc.assert(
			fc.asyncProperty(randomBytes, async ({ bytes, extension }) => {
				const file = path.join(work, `random-${(run += 1)}${extension}`);
				await writeFile(file, bytes);
				const { refusals, written } = await ingestInMemory(file);
				expect(written).toEqual([]);
				expect(refusals.length).toBeGreaterThan(0);
				for (const reason of refusals) expect(reason).toMatch(ONE_LINE);
			}),
			{ seed: SEED, numRuns: 2_000 },
		);
	}, 120_000);

	test('never throws on a page or feed cut off anywhere: it refuses with one line, or composes a valid entry', async () => {
		let run = 0;
		let refused = 0;
		await fc.assert(
			fc.asyncProperty(truncatedFixture, async ({ name, share }) => {
				const text = fixtures.get(name) ?? '';
				const file = path.join(work, `cut-${(run += 1)}-${name}`);
				await writeFile(file, text.slice(0, Math.floor(text.length * share)));
				const { refusals, written } = await ingestInMemory(file);
				for (const reason of refusals) expect(reason).toMatch(ONE_LINE);
				if (written.length === 0) {
					refused += 1;
					expect(refusals.length).toBeGreaterThan(0);
				}
			}),
			{ seed: SEED, numRuns: 1_000 },
		);
		// Most cuts lose the article: the refusals must be exercised, not only the writes.
		expect(refused).toBeGreaterThan(200);
	}, 120_000);

	test('as npm run ingest, exits 1 on random bytes with one line saying why, and writes nothing', async () => {
		const contentDir = await copyContent();
		try {
			const before = (await readdir(contentDir, { recursive: true })).sort();
			let run = 0;
			await fc.assert(
				fc.asyncProperty(randomBytes, async ({ bytes, extension }) => {
					const file = path.join(work, `cli-${(run += 1)}${extension}`);
					await writeFile(file, bytes);
					const { code, stderr } = await runIngest(file, contentDir);
					expect(code).toBe(1);
					expect(stderr).not.toMatch(/^\s+at |node:internal/m);
					const lines = stderr.trim().split('\n');
					expect(lines[0]).toBe('Refused 1 input; nothing was written for it:');
					expect(lines).toHaveLength(2);
					expect(lines[1]).toMatch(new RegExp(`^  ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
					expect((await readdir(contentDir, { recursive: true })).sort()).toEqual(before);
				}),
				// Each run starts a process: a few runs prove the command's exit and output.
				{ seed: SEED, numRuns: 4 },
			);
		} finally {
			await removeDir(contentDir);
		}
	}, 120_000);
});

/** Runs `npm run ingest` on one file; resolves with its exit code and error output. */
async function runIngest(file: string, contentDir: string): Promise<{ code: number; stderr: string }> {
	return run(process.execPath, [path.join(projectRoot, 'scripts', 'ingest.ts'), file, '--content', contentDir]).then(
		({ stderr }) => ({ code: 0, stderr }),
		(error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
	);
}
