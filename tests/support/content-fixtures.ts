/**
 * Helpers for tests that need a content folder: a fresh copy of the real `content/`
 * in a temporary directory, which a test may then break on purpose.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const projectRoot = path.resolve(import.meta.dirname, '../..');
export const realContentDir = path.join(projectRoot, 'content');

/** Copies the real content into a new temporary folder and returns its path. */
export async function copyContent(): Promise<string> {
	const dir = await mkdtemp(path.join(tmpdir(), 'story-content-'));
	await cp(realContentDir, dir, { recursive: true });
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
