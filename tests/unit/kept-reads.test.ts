/**
 * Reads of the content kept from one build for the next (src/content-files/
 * content-snapshot.ts): a file whose text is as it was is taken as the last build read
 * it, without being parsed or checked again; an edited file is read afresh; reads made
 * by other code are not used.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { KEPT_READS_FILE, keepReads, readsKeptIn, takeSnapshot } from '../../src/content-files/content-snapshot.ts';
import type { ReadFiles } from '../../src/content-files/load-content.ts';
import { copyContent, editFile, removeDir } from '../support/content-fixtures.ts';

const SLOT = Symbol.for('zuckerberg-asia-tour.content-snapshot');

/** Forgets every read this process made, as a new build process starts with none. */
function newProcess(): void {
	delete (globalThis as { [SLOT]?: unknown })[SLOT];
}

let contentDir: string;
let cacheDir: string;
let unchanged: string;
let edited: string;

beforeEach(async () => {
	newProcess();
	contentDir = await copyContent();
	cacheDir = await mkdtemp(path.join(tmpdir(), 'story-cache-'));
	unchanged = path.join(contentDir, 'articles', 'packed-week-in-asia.md');
	edited = path.join(contentDir, 'articles', 'meets-lg-samsung-chiefs-in-seoul.md');
});

afterEach(async () => {
	newProcess();
	await removeDir(contentDir);
	await removeDir(cacheDir);
});

/** Builds once with code `code`, keeping its reads in the cache folder. */
async function buildKeepingReads(code: string): Promise<void> {
	await readsKeptIn(cacheDir, code);
	await takeSnapshot(contentDir);
	await keepReads(cacheDir);
	newProcess();
}

/** Marks the kept read of `file` so that a title read from it could only come from the kept read. */
async function markKeptTitle(file: string, title: string): Promise<void> {
	const keptFile = path.join(cacheDir, KEPT_READS_FILE);
	const kept = deserialize(await readFile(keptFile)) as { code: string; reads: ReadFiles };
	const read = kept.reads.get(file);
	if (!read?.validated?.ok || !read.parsed.ok) throw new Error(`no kept read of ${file}`);
	(read.validated.entry.data as { title: string }).title = title;
	(read.parsed.entry.data as { title?: string }).title = title;
	await writeFile(keptFile, serialize(kept));
}

function titleOf(snapshot: Awaited<ReturnType<typeof takeSnapshot>>, id: string): string | undefined {
	return snapshot.content.input.articles.find((article) => article.id === id)?.data.title;
}

describe('reads kept between builds', () => {
	test('keep each file as a digest of its text, not the text', async () => {
		await buildKeepingReads('code-a');
		const kept = deserialize(await readFile(path.join(cacheDir, KEPT_READS_FILE))) as { code: string; reads: ReadFiles };
		expect(kept.code).toBe('code-a');
		const read = kept.reads.get(unchanged);
		expect(read?.text).toBeUndefined();
		expect(read?.digest).toMatch(/^[A-Za-z0-9+/=]{20,}$/);
	});

	test('take an unchanged file as the last build read it, and read an edited one afresh', async () => {
		await buildKeepingReads('code-a');
		await markKeptTitle(unchanged, 'Taken from the kept read');
		await markKeptTitle(edited, 'Stale kept title');
		await editFile(edited, /^title: .*$/m, 'title: "Edited since the last build"');

		await readsKeptIn(cacheDir, 'code-a');
		const snapshot = await takeSnapshot(contentDir);
		expect(titleOf(snapshot, 'packed-week-in-asia')).toBe('Taken from the kept read');
		expect(titleOf(snapshot, 'meets-lg-samsung-chiefs-in-seoul')).toBe('Edited since the last build');
		// The edited file is checked afresh: its new title is not in its kept source.
		expect(snapshot.report.problemLines.some((line) => line.includes('meets-lg-samsung-chiefs-in-seoul.md: title: expected text that occurs in the source'))).toBe(true);
		expect(snapshot.report.problemLines.filter((line) => line.includes('packed-week-in-asia'))).toEqual([]);
	});

	test('are not used by a build of other code', async () => {
		await buildKeepingReads('code-a');
		await markKeptTitle(unchanged, 'Taken from the kept read');

		await readsKeptIn(cacheDir, 'code-b');
		const snapshot = await takeSnapshot(contentDir);
		expect(titleOf(snapshot, 'packed-week-in-asia')).not.toBe('Taken from the kept read');
		expect(titleOf(snapshot, 'packed-week-in-asia')).toBe('Zuckerberg poised for a packed week in Asia');
	});

	test('leave out a file removed before the build that keeps them', async () => {
		await readsKeptIn(cacheDir, 'code-a');
		await takeSnapshot(contentDir);
		await removeDir(edited);
		await keepReads(cacheDir);
		const kept = deserialize(await readFile(path.join(cacheDir, KEPT_READS_FILE))) as { code: string; reads: ReadFiles };
		expect(kept.reads.has(edited)).toBe(false);
		expect(kept.reads.has(unchanged)).toBe(true);
	});
});
