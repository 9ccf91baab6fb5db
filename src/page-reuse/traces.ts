/**
 * What each page read when it last rendered, kept in the build's cache folder between
 * builds (`story-page-inputs.json`): every input's key once, and each page's inputs as
 * their places in that list.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The file in the cache folder. */
export const TRACES_FILE = 'story-page-inputs.json';
const VERSION = 3;

/** A page as a build left it: where it is, and what it read. */
export interface TracedPage {
	/** Its address, as the page saw it (`/tour/articles/x/` under the base `/tour/`). */
	pathname: string;
	/** Its file, relative to the output folder (`articles/x/index.html`). */
	file: string;
	/** The inputs it read, as places in its build's list of keys. */
	inputs: readonly number[];
	/** Whether it marked its own words for search. */
	searchable: boolean;
	/** Its key when it rendered (src/page-reuse/page-keys.ts): the same key now, the same page. */
	key: string;
}

/** The pages of a build, by page id, and the keys their inputs are places in. */
export interface Traces {
	keys: readonly string[];
	pages: ReadonlyMap<string, TracedPage>;
}

interface TracesFile {
	version: number;
	keys: string[];
	pages: Record<string, { pathname: string; file: string; inputs: number[]; searchable?: true; key: string }>;
}

/** The pages of the last build; none where the file is missing, unreadable or of another version. */
export async function readTraces(cacheDir: string): Promise<Traces> {
	try {
		const data = JSON.parse(await readFile(path.join(cacheDir, TRACES_FILE), 'utf8')) as TracesFile;
		if (data.version !== VERSION) return { keys: [], pages: new Map() };
		return {
			keys: data.keys,
			pages: new Map(
				Object.entries(data.pages).map(([id, page]) => [id, { pathname: page.pathname, file: page.file, inputs: page.inputs, searchable: page.searchable === true, key: page.key }]),
			),
		};
	} catch {
		return { keys: [], pages: new Map() };
	}
}

/** Writes the pages of this build, whole or not at all: a build stopped half-way leaves the last file. */
export async function writeTraces(cacheDir: string, traces: Traces): Promise<void> {
	const data: TracesFile = { version: VERSION, keys: [...traces.keys], pages: {} };
	for (const id of [...traces.pages.keys()].sort()) {
		const page = traces.pages.get(id) as TracedPage;
		data.pages[id] = { pathname: page.pathname, file: page.file, inputs: [...page.inputs], ...(page.searchable ? { searchable: true as const } : {}), key: page.key };
	}
	await mkdir(cacheDir, { recursive: true });
	const file = path.join(cacheDir, TRACES_FILE);
	await writeFile(`${file}.tmp`, JSON.stringify(data));
	await rename(`${file}.tmp`, file);
}
