/**
 * The disk side of taking news in, shared by `npm run ingest` and `npm run update`: an
 * entry decided by take-in.ts written to `content/articles/`, with its source as it
 * arrived in `content/sources/` (never over other bytes).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { displayPath } from '../../lib/problems.ts';
import { sourceBytes } from '../pipeline.ts';
import type { Outcome, TakeInIO } from '../take-in.ts';
import type { ExtractedArticle } from '../types.ts';

/** What take-in needs of the disk under `contentDir`. */
export function contentIO(contentDir: string): TakeInIO {
	return { existingSource: async (name) => readFile(path.join(contentDir, 'sources', name)).catch(() => undefined) };
}

export type WriteOutcome = Extract<Outcome, { action: 'write' }>;

/**
 * Writes an entry and its source. The same bytes may already be in `content/sources/`
 * (a source kept before its entry was removed); other bytes never are overwritten.
 */
export async function writeEntry(
	contentDir: string,
	outcome: WriteOutcome,
	article: ExtractedArticle,
	displayRoot: string,
): Promise<{ ok: true; entryFile: string; sourceFile: string } | { ok: false; reason: string }> {
	const { decision } = outcome;
	const entryFile = path.join(contentDir, 'articles', `${decision.id}.md`);
	const sourceFile = path.join(contentDir, 'sources', decision.sourceName);
	const present = await contentIO(contentDir).existingSource(decision.sourceName);
	const bytes = sourceBytes(article.source);
	if (present !== undefined && Buffer.compare(present, bytes) !== 0) {
		return { ok: false, reason: `${displayPath(sourceFile, displayRoot)} already exists with other text; rename the source` };
	}
	if (present === undefined) {
		await mkdir(path.dirname(sourceFile), { recursive: true });
		await writeFile(sourceFile, bytes, { flag: 'wx' });
	}
	await writeFile(entryFile, decision.entry.text, { flag: 'wx' });
	return { ok: true, entryFile, sourceFile };
}
