/**
 * Suggestions for an entry of the story, from its text to the files: what
 * `npm run ingest` suggests for each entry it writes, and `npm run suggest` for an
 * entry already in the story (once the editor has filled it in). The suggestions come
 * from the pure stage in src/ingest/suggest.ts; applying them edits the stop and fact
 * files through src/ingest/apply-suggestions.ts, keeping their comments and layout.
 * This is the I/O edge: it reads and writes those files.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { applySuggestions } from '../../src/ingest/write/apply-suggestions.ts';
import { suggestClaims, type ClaimSuggestion } from '../../src/ingest/judge/claims.ts';
import { suggestEvents, type EventSuggestion } from '../../src/ingest/judge/events.ts';
import type { StoryIndex } from '../../src/ingest/judge/story-index.ts';
import { paragraphTexts } from '../../src/lib/markdown-blocks.ts';
import type { Problem } from '../../src/lib/problems.ts';
import type { Entry, ModelInput } from '../../src/model/types.ts';
import type { ArticleData } from '../../src/schema/index.ts';

export interface EntrySuggestions {
	events: EventSuggestion[];
	claims: ClaimSuggestion[];
}

/**
 * The events and claims of the story an entry speaks to, that do not cite it yet: so a
 * suggestion once applied is not made again.
 */
export function suggestionsFor(entry: Entry<ArticleData>, content: ModelInput, story?: StoryIndex): EntrySuggestions {
	const paragraphs = paragraphTexts(entry.body ?? '');
	return {
		events: suggestEvents({ id: entry.id, published: entry.data.published, stops: entry.data.stops, paragraphs }, content, story),
		claims: suggestClaims({ id: entry.id, paragraphs }, content, story),
	};
}

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
