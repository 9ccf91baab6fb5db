/**
 * Helpers for tests that need a content folder: the content under test, and a fresh
 * copy of it in a temporary directory, which a test may then break on purpose.
 *
 * The content under test is the project's `content/`, or the folder `$CONTENT_DIR`
 * names: `tests/editor-path.test.ts` runs the content-reading suites again over a copy
 * with an article added, so their expectations must come from the content itself.
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { collectionNames, type CollectionName } from '../../src/schema/index.ts';

export const projectRoot = path.resolve(import.meta.dirname, '../..');
export const realContentDir = path.resolve(process.env['CONTENT_DIR'] ?? path.join(projectRoot, 'content'));

/** How many files each collection of a content folder holds, as the checker's summary counts them. */
export async function countFiles(contentDir: string): Promise<Record<CollectionName, number>> {
	const counts = {} as Record<CollectionName, number>;
	for (const collection of collectionNames) {
		counts[collection] = (await readdir(path.join(contentDir, collection))).filter((name) => !name.startsWith('.')).length;
	}
	return counts;
}

/** The tally of a content folder as the checker prints it: `5 articles, 3 stops, …, 21 facts`. */
export async function tallyOf(contentDir: string): Promise<string> {
	const counts = await countFiles(contentDir);
	return collectionNames.map((name) => `${counts[name]} ${name}`).join(', ');
}

/** The project's own content folder, whatever `$CONTENT_DIR` says: for tests that add a fixture of their own to it. */
export const projectContentDir = path.join(projectRoot, 'content');

/** Copies the content under test (or `from`) into a new temporary folder and returns its path. */
export async function copyContent(from: string = realContentDir): Promise<string> {
	const dir = await mkdtemp(path.join(tmpdir(), 'story-content-'));
	await cp(from, dir, { recursive: true });
	return dir;
}

/** Replaces `search` with `replacement` in a file; fails loudly if `search` is not there. */
export async function editFile(file: string, search: string | RegExp, replacement: string): Promise<void> {
	const text = await readFile(file, 'utf8');
	const edited = text.replace(search, replacement);
	if (edited === text) throw new Error(`editFile: ${String(search)} not found in ${file}`);
	await writeFile(file, edited);
}

export async function removeDir(dir: string): Promise<void> {
	await rm(dir, { recursive: true, force: true });
}
