/**
 * The suggestions of an entry written into the story's files: the events into
 * `content/stops/`, the claims into `content/facts/`, through apply-suggestions.ts,
 * which keeps their comments and layout. The disk edge of `--apply`, shared by
 * `npm run ingest`, `npm run suggest` and `npm run update`.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Problem } from '../../lib/problems.ts';
import type { EntrySuggestions } from '../judge/suggest.ts';
import { applySuggestions } from './apply-suggestions.ts';

/**
 * Writes an entry's suggestions into `content/stops/` and `content/facts/` under
 * `contentDir`. Returns the files it changed, and what could not be applied.
 */
export async function applyToFiles(contentDir: string, id: string, suggestions: EntrySuggestions): Promise<{ changed: string[]; problems: Problem[] }> {
	const read = async (folder: string, ids: readonly string[]) =>
		new Map(
			await Promise.all(
				[...new Set(ids)].map(async (each) => {
					const file = path.join(contentDir, folder, `${each}.md`);
					return [file, await readFile(file, 'utf8')] as const;
				}),
			),
		);
	const stops = await read('stops', suggestions.events.map((event) => event.stop));
	const facts = await read('facts', suggestions.claims.map((claim) => claim.claim));
	const applied = applySuggestions({ stops, facts }, id, suggestions);
	const changed = [...applied.stops, ...applied.facts];
	for (const [file, text] of changed) await writeFile(file, text);
	return { changed: changed.map(([file]) => file), problems: applied.problems };
}
