/**
 * What the output folder held when the last build ended: each file's size and time of
 * writing, kept in the cache folder (`story-output.json`) by
 * src/integrations/kept-output.ts. A page is reused only where its file is still as the
 * last build left it (`unchangedSinceLastBuild`): not removed, not written since by
 * another build or by hand.
 *
 * State lives in one well-known global slot: the integration and the pages are separate
 * module instances of one process.
 */
import { statSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The file in the cache folder. */
export const OUTPUT_RECORD_FILE = 'story-output.json';
const VERSION = 1;

/** A file of the output folder: its size, and when it was last written. */
export interface OutputFile {
	/** Relative to the output folder, with forward slashes. */
	file: string;
	size: number;
	modified: number;
}

interface Slot {
	outDir?: string | undefined;
	files: Map<string, { size: number; modified: number }>;
}

const SLOT = Symbol.for('zuckerberg-asia-tour.output-record');

function slot(): Slot {
	const holder = globalThis as { [SLOT]?: Slot };
	holder[SLOT] ??= { files: new Map() };
	return holder[SLOT];
}

/** Loads what the last build left in `outDir`; nothing where it wrote to another folder, or left no record. */
export async function loadOutputRecord(cacheDir: string, outDir: string): Promise<void> {
	const state = slot();
	state.outDir = outDir;
	state.files = new Map();
	try {
		const data = JSON.parse(await readFile(path.join(cacheDir, OUTPUT_RECORD_FILE), 'utf8')) as { version?: number; outDir?: string; files?: Record<string, [number, number]> };
		if (data.version !== VERSION || data.outDir !== path.resolve(outDir)) return;
		for (const [file, [size, modified]] of Object.entries(data.files ?? {})) state.files.set(file, { size, modified });
	} catch {
		// No record: no page is reused.
	}
}

/** Whether `file` (relative to the output folder) is still as the last build left it. */
export function unchangedSinceLastBuild(file: string): boolean {
	const state = slot();
	const left = state.files.get(file);
	if (!left || !state.outDir) return false;
	try {
		const now = statSync(path.join(state.outDir, file));
		return now.size === left.size && now.mtimeMs === left.modified;
	} catch {
		return false;
	}
}

/** What the last build's record says of `file`: its size and time of writing, if it was there. */
export function lastBuildEntry(file: string): { size: number; modified: number } | undefined {
	return slot().files.get(file);
}

/** Saves what this build leaves in `outDir`, whole or not at all. */
export async function saveOutputRecord(cacheDir: string, outDir: string, files: readonly OutputFile[]): Promise<void> {
	const record = { version: VERSION, outDir: path.resolve(outDir), files: Object.fromEntries(files.map(({ file, size, modified }) => [file, [size, modified]])) };
	await mkdir(cacheDir, { recursive: true });
	const target = path.join(cacheDir, OUTPUT_RECORD_FILE);
	await writeFile(`${target}.tmp`, JSON.stringify(record));
	await rename(`${target}.tmp`, target);
}
