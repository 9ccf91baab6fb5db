/**
 * The mentions a build found in each article (src/model/mentions.ts), kept in the cache
 * folder for the next (`story-mentions.json`), so that a build after one new article
 * finds the names in that article alone. Keyed by a digest of the article's paragraphs
 * and of the story's names: an edited article, or a name added, is read again.
 *
 * The content session loads it when a build starts and saves it when the build is done;
 * `src/data.ts` hands it to the model. State lives in one well-known global slot: the
 * integration and the pages are separate module instances of one process.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { KeptMention, MentionMemo } from '../model/mentions.ts';

/** The file in the cache folder. */
export const MENTION_MEMO_FILE = 'story-mentions.json';
const VERSION = 2;

interface Slot {
	/** What the last build kept, by key. */
	kept: Map<string, readonly KeptMention[]>;
	/** What this build used or found, by key: what the next build keeps. */
	used: Map<string, readonly KeptMention[]>;
	/** Whether this build found any mentions anew. */
	found: boolean;
}

const SLOT = Symbol.for('zuckerberg-asia-tour.mention-memo');

function holder(): { [SLOT]?: Slot } {
	return globalThis as { [SLOT]?: Slot };
}

/** Loads what the last build kept in `cacheDir` (nothing where there is no file, or one of another version). */
export async function loadMentionMemo(cacheDir: string): Promise<void> {
	let kept = new Map<string, readonly KeptMention[]>();
	try {
		const data = JSON.parse(await readFile(path.join(cacheDir, MENTION_MEMO_FILE), 'utf8')) as { version?: number; mentions?: Record<string, KeptMention[]> };
		if (data.version === VERSION) kept = new Map(Object.entries(data.mentions ?? {}));
	} catch {
		// Nothing kept: every article is read.
	}
	holder()[SLOT] = { kept, used: new Map(), found: false };
}

/** The memo the model reads and fills, where a build loaded one; else none. */
export function currentMentionMemo(): MentionMemo | undefined {
	const state = holder()[SLOT];
	if (!state) return undefined;
	return {
		get(key) {
			const mentions = state.kept.get(key);
			if (mentions) state.used.set(key, mentions);
			return mentions;
		},
		set(key, mentions) {
			state.used.set(key, mentions);
			state.found = true;
		},
	};
}

/**
 * Saves what this build used and found, whole or not at all, where it found anything
 * anew or stopped using something kept; then forgets it. Says whether it wrote.
 */
export async function saveMentionMemo(cacheDir: string): Promise<boolean> {
	const state = holder()[SLOT];
	delete holder()[SLOT];
	if (!state || (!state.found && state.used.size === state.kept.size)) return false;
	await mkdir(cacheDir, { recursive: true });
	const file = path.join(cacheDir, MENTION_MEMO_FILE);
	await writeFile(`${file}.tmp`, JSON.stringify({ version: VERSION, mentions: Object.fromEntries(state.used) }));
	await rename(`${file}.tmp`, file);
	return true;
}
