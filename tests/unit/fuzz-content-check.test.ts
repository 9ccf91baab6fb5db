/**
 * Property-based tests (fast-check) of the content checker: thousands of random
 * mutations of the real content files, each checked as `npm run check:content` would.
 * Whatever the mutation, the check ends in one of two ways: valid, or one
 * `file: field: expected …, found …` line per problem. It never throws. The runs are
 * seeded and bounded, so every run of the suite tries the same mutations.
 */
import { execFile } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { reportOn } from '../../src/content-files/check-content.ts';
import { loadContent, type ReadFiles } from '../../src/content-files/load-content.ts';
import { copyContent, projectRoot, removeDir } from '../support/content-fixtures.ts';

const run = promisify(execFile);
const SEED = 20_241_122;

/**
 * What the property allows a problem line to be: a file, a field, what was expected and
 * what was found, on one line; or the note that a broken record's references were not
 * checked. No control character that would garble a terminal (an escape, a carriage return).
 */
const PROBLEM_LINE = /^[^\n]+?\.md: [^\n]+?: expected [^\n]*, found [^\n]*$|^\(references to [^\n]+ not checked: [^\n]+\)$/;
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;

/** One change to a file's lines. */
const mutation = fc.oneof(
	fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
	fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
	fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
	fc.record({
		kind: fc.constant('insert' as const),
		at: fc.nat(),
		text: fc.oneof(
			// YAML's own machinery: anchors, aliases, merges, tags, documents, flow and block markers.
			fc.constantFrom('x: &a [1, 2]', 'y: *a', '<<: *a', 'title: !!binary aGVsbG8=', 'published: !!timestamp 2024-02-29', 'stops: !!set {tokyo}', 'z: !custom tag', '---', '...', '? complex key', '- item', 'key: [unclosed', 'key: {a: 1', 'key: "open', "key: 'open", 'key: |', 'key: >-', '  indented: yes', 'title: ~', 'title: null', 'title: 12', 'published: 2024-02-30', 'sources: []', 'stops: [nowhere]'),
			// Control characters and other bytes a file should never hold.
			fc.constantFrom('\u0000', '\u0007', '\u001b[31m', '\t\t', '\ufeff', '\u2028', '\ud800', 'title: "\u0000"'),
			fc.string({ maxLength: 40 }),
		),
	}),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

/** `text` with `change` applied; positions wrap around the file. */
function mutate(text: string, change: Mutation): string {
	const lines = text.split('\n');
	const at = change.at % Math.max(1, lines.length);
	switch (change.kind) {
		case 'delete':
			return lines.filter((_, index) => index !== at).join('\n');
		case 'duplicate':
			return [...lines.slice(0, at + 1), lines[at] ?? '', ...lines.slice(at + 1)].join('\n');
		case 'truncate':
			return text.slice(0, change.at % Math.max(1, text.length));
		case 'insert':
			return [...lines.slice(0, at), change.text, ...lines.slice(at)].join('\n');
	}
}

let contentDir: string;
let files: string[];
const originals = new Map<string, string>();

beforeAll(async () => {
	contentDir = await copyContent();
	files = (await readdir(contentDir, { recursive: true }))
		.filter((name) => name.endsWith('.md'))
		.sort()
		.map((name) => path.join(contentDir, name));
	for (const file of files) originals.set(file, await readFile(file, 'utf8'));
});
afterAll(async () => removeDir(contentDir));

/** Applies `changes` to one file, runs `check` over the folder, and puts the file back. */
async function withMutated<T>(fileIndex: number, changes: readonly Mutation[], check: () => Promise<T>): Promise<T> {
	const file = files[fileIndex % files.length] as string;
	const original = originals.get(file) as string;
	await writeFile(file, changes.reduce(mutate, original));
	try {
		return await check();
	} finally {
		await writeFile(file, original);
	}
}

const mutatedFile = fc.record({ file: fc.nat(), changes: fc.array(mutation, { minLength: 1, maxLength: 3 }) });

describe('the content check, over random mutations of the real content', () => {
	test('is valid, or reports one file: field: line per problem; it never throws', async () => {
		// Earlier reads, as the dev server keeps them: an unchanged file is not parsed again.
		const reads: ReadFiles = new Map();
		let failed = 0;
		await fc.assert(
			fc.asyncProperty(mutatedFile, async ({ file, changes }) =>
				withMutated(file, changes, async () => {
					const report = reportOn(await loadContent(contentDir, path.dirname(contentDir), reads));
					if (report.ok) {
						expect(report.problemLines).toEqual([]);
						return;
					}
					failed += 1;
					expect(report.problemLines.length).toBeGreaterThan(0);
					for (const line of report.problemLines) {
						expect(line).toMatch(PROBLEM_LINE);
						expect(line).not.toMatch(CONTROL);
					}
					expect(report.summary).toMatch(/^Content check failed: \d+ problems? in \d+ files? \(read .+\)\.( With \d+ warnings?\.)?$/);
				}),
			),
			{ seed: SEED, numRuns: 1_500 },
		);
		// The mutations do break the content: most runs must fail the check, or they prove little.
		expect(failed).toBeGreaterThan(750);
	}, 240_000);

	test('exits 0, or exits 1 with one line per problem and no stack trace, as npm run check:content', async () => {
		const script = path.join(projectRoot, 'scripts', 'check-content.ts');
		await fc.assert(
			fc.asyncProperty(mutatedFile, async ({ file, changes }) =>
				withMutated(file, changes, async () => {
					const { code, stdout, stderr } = await run(process.execPath, [script, '--content', contentDir], { cwd: path.dirname(contentDir) }).then(
						({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
						(error: { code: number; stdout: string; stderr: string }) => error,
					);
					expect([0, 1]).toContain(code);
					expect(stderr).not.toMatch(/^\s+at |Error:|node:internal/m);
					if (code === 0) {
						expect(stdout).toMatch(/^Content is valid: /m);
						return;
					}
					const lines = stderr.trimEnd().split('\n');
					expect(lines.at(-1)).toMatch(/^Content check failed: /);
					for (const line of lines.slice(0, -1).filter((each) => !each.startsWith('warning: '))) expect(line).toMatch(PROBLEM_LINE);
				}),
			),
			// Each run starts a process: a few runs prove the command's exit and output.
			{ seed: SEED, numRuns: 4 },
		);
	}, 120_000);
});
