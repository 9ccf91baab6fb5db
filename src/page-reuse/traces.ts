/**
 * What each page read when it last rendered, kept in the build's cache folder between
 * builds (`story-page-inputs.json`): every input's key once, with the term of its value
 * then (page-keys.ts); a digest of every record then; and each page's inputs, as places
 * in the list of keys.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { InputTerm } from './page-keys.ts';

/** The file in the cache folder. */
export const TRACES_FILE = 'story-page-inputs.json';
const VERSION = 5;

/** A page as a build left it: where it is, what held it together, and what it read. */
export interface TracedPage {
	/** Its address, as the page saw it (`/tour/articles/x/` under the base `/tour/`). */
	pathname: string;
	/** Its file, relative to the output folder (`articles/x/index.html`). */
	file: string;
	/** The inputs it read, as places in its build's list of keys. */
	inputs: readonly number[] | Uint32Array;
	/** Whether it marked its own words for search. */
	searchable: boolean;
	/** The digest of its route's code, the build's settings and its props (`contextDigest`). */
	context: string;
}

/** The pages of a build, by page id, the keys their inputs are places in, and their values' terms then. */
export interface Traces {
	keys: readonly string[];
	/** The term of each key's value, at the key's place. */
	terms: readonly InputTerm[];
	/** A digest of every record then, by origin (`article/<id>`). */
	records: ReadonlyMap<string, string>;
	pages: ReadonlyMap<string, TracedPage>;
}

interface TracesFile {
	version: number;
	keys: string[];
	/** The terms, four 32-bit words a key, in base64. */
	terms: string;
	records: Record<string, string>;
	/** Every page's inputs one after another, 32-bit places, in base64; each page says where its own start and how many. */
	inputs: string;
	pages: Record<string, { pathname: string; file: string; inputs: [number, number]; searchable?: true; context: string }>;
}

/** Words, as base64. */
const packed = (words: Uint32Array) => Buffer.from(words.buffer, words.byteOffset, words.byteLength).toString('base64');
/** Base64, as words. */
function unpacked(text: string): Uint32Array {
	const bytes = Buffer.from(text, 'base64');
	// A copy at an offset a Uint32Array may start from.
	return new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

/** No traces: a first build. */
export const NO_TRACES: Traces = { keys: [], terms: [], records: new Map(), pages: new Map() };

/** The pages of the last build; none where the file is missing, unreadable or of another version. */
export async function readTraces(cacheDir: string): Promise<Traces> {
	try {
		const data = JSON.parse(await readFile(path.join(cacheDir, TRACES_FILE), 'utf8')) as TracesFile;
		if (data.version !== VERSION) return NO_TRACES;
		const terms = unpacked(data.terms);
		const inputs = unpacked(data.inputs);
		return {
			keys: data.keys,
			terms: data.keys.map((_, index) => terms.subarray(index * 4, index * 4 + 4)),
			records: new Map(Object.entries(data.records)),
			pages: new Map(
				Object.entries(data.pages).map(([id, page]) => [
					id,
					{ pathname: page.pathname, file: page.file, inputs: inputs.subarray(page.inputs[0], page.inputs[0] + page.inputs[1]), searchable: page.searchable === true, context: page.context },
				]),
			),
		};
	} catch {
		return NO_TRACES;
	}
}

/** Writes the pages of this build, whole or not at all: a build stopped half-way leaves the last file. */
export async function writeTraces(cacheDir: string, traces: Traces): Promise<void> {
	const terms = new Uint32Array(traces.keys.length * 4);
	traces.terms.forEach((term, index) => terms.set(term, index * 4));
	const ids = [...traces.pages.keys()].sort();
	const inputs = new Uint32Array(ids.reduce((total, id) => total + (traces.pages.get(id)?.inputs.length ?? 0), 0));
	const pages: TracesFile['pages'] = {};
	let at = 0;
	for (const id of ids) {
		const page = traces.pages.get(id) as TracedPage;
		inputs.set(page.inputs, at);
		pages[id] = { pathname: page.pathname, file: page.file, inputs: [at, page.inputs.length], ...(page.searchable ? { searchable: true as const } : {}), context: page.context };
		at += page.inputs.length;
	}
	const data: TracesFile = { version: VERSION, keys: [...traces.keys], terms: packed(terms), records: Object.fromEntries(traces.records), inputs: packed(inputs), pages };
	await mkdir(cacheDir, { recursive: true });
	const file = path.join(cacheDir, TRACES_FILE);
	await writeFile(`${file}.tmp`, JSON.stringify(data));
	await rename(`${file}.tmp`, file);
}
