/**
 * What each page read when it last rendered, kept in the build's cache folder between
 * builds (`story-page-inputs.json`). Each input's key is written once, and each page
 * lists its inputs by their place in that list.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The file in the cache folder. */
export const TRACES_FILE = 'story-page-inputs.json';
const VERSION = 1;

/** A page as the last build left it: where it is, and what it read. */
export interface TracedPage {
	/** Its address, as Astro names it in its own cache (`/articles/x/`). */
	pathname: string;
	/** The keys of the inputs it read (page-inputs.ts), sorted. */
	inputs: readonly string[];
	/** Whether it marked its own words for search. */
	searchable: boolean;
}

interface TracesFile {
	version: number;
	inputs: string[];
	pages: Record<string, { pathname: string; inputs: number[]; searchable?: true }>;
}

/** The pages of the last build, by page id; none where the file is missing, unreadable or of another version. */
export async function readTraces(cacheDir: string): Promise<Map<string, TracedPage>> {
	try {
		const data = JSON.parse(await readFile(path.join(cacheDir, TRACES_FILE), 'utf8')) as TracesFile;
		if (data.version !== VERSION) return new Map();
		return new Map(
			Object.entries(data.pages).map(([id, page]) => [
				id,
				{ pathname: page.pathname, inputs: page.inputs.map((index) => data.inputs[index] ?? ''), searchable: page.searchable === true },
			]),
		);
	} catch {
		return new Map();
	}
}

/** Writes the pages of this build, whole or not at all: a build stopped half-way leaves the last file. */
export async function writeTraces(cacheDir: string, pages: ReadonlyMap<string, TracedPage>): Promise<void> {
	const inputs: string[] = [];
	const index = new Map<string, number>();
	const numbered = (key: string) => {
		let at = index.get(key);
		if (at === undefined) {
			at = inputs.length;
			inputs.push(key);
			index.set(key, at);
		}
		return at;
	};
	const data: TracesFile = { version: VERSION, inputs, pages: {} };
	for (const id of [...pages.keys()].sort()) {
		const page = pages.get(id) as TracedPage;
		data.pages[id] = { pathname: page.pathname, inputs: page.inputs.map(numbered), ...(page.searchable ? { searchable: true as const } : {}) };
	}
	await mkdir(cacheDir, { recursive: true });
	const file = path.join(cacheDir, TRACES_FILE);
	await writeFile(`${file}.tmp`, JSON.stringify(data));
	await rename(`${file}.tmp`, file);
}
