/**
 * Keeps the output folder between builds, so that a page reused from the last build
 * (src/page-reuse/) is simply left where it is: nothing renders it, copies it or
 * writes it.
 *
 * Astro empties the output folder before a build, unless told not to
 * (`vite.build.emptyOutDir: false`, set here); the reusable routes leave out every page
 * whose key is unchanged and whose file is there. So this integration makes sure that
 * what is left in place is what the last build with the same cache wrote, and nothing
 * else:
 * - When a build starts, it compares the output folder with the fingerprint the last
 *   build left in the cache folder (every file's path, size and modification time). If
 *   they differ (another build wrote there, someone changed a file, or there is no
 *   fingerprint), it empties the folder, as Astro would have, and every page renders
 *   (a page is reused only where its file is there).
 * - When the build is done (it must be the last integration), it removes every file this
 *   build neither wrote nor left in place as a page of its own (the page of a deleted
 *   article, an index file Pagefind no longer writes), then any folder left empty, and
 *   saves the new fingerprint.
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { readdir, readFile, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { reusedPages } from '../page-reuse/reuse.ts';

/** The fingerprint's file in the cache folder. */
export const OUTPUT_FINGERPRINT_FILE = 'story-output.json';

interface OutputFile {
	/** Relative to the output folder, with forward slashes. */
	file: string;
	size: number;
	modified: number;
}

/** Every file under `dir`, with its size and modification time; none if it does not exist. */
async function outputFiles(dir: string): Promise<OutputFile[]> {
	let entries;
	try {
		entries = await readdir(dir, { recursive: true, withFileTypes: true });
	} catch {
		return [];
	}
	const files = await Promise.all(
		entries
			.filter((entry) => entry.isFile())
			.map(async (entry) => {
				const absolute = path.join(entry.parentPath, entry.name);
				const info = await stat(absolute);
				return { file: path.relative(dir, absolute).split(path.sep).join('/'), size: info.size, modified: info.mtimeMs };
			}),
	);
	return files.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** A digest of an output folder's files: their paths, sizes and modification times. */
export function outputFingerprint(outDir: string, files: readonly OutputFile[]): string {
	const hash = createHash('sha256').update(path.resolve(outDir));
	for (const { file, size, modified } of files) hash.update(`\n${file} ${size} ${modified}`);
	return hash.digest('hex');
}

async function savedFingerprint(cacheDir: string): Promise<string | undefined> {
	try {
		return (JSON.parse(await readFile(path.join(cacheDir, OUTPUT_FINGERPRINT_FILE), 'utf8')) as { fingerprint?: string }).fingerprint;
	} catch {
		return undefined;
	}
}

/** Empties `dir` of everything in it, keeping the folder itself. */
async function emptyFolder(dir: string): Promise<void> {
	let names: string[];
	try {
		names = await readdir(dir);
	} catch {
		return;
	}
	await Promise.all(names.map((name) => rm(path.join(dir, name), { recursive: true, force: true })));
}

/** Removes the folders of the removed `files` (relative to `dir`) that now hold nothing, and theirs, up to `dir`. */
async function removeEmptyFolders(dir: string, files: readonly string[]): Promise<void> {
	const folders = new Set<string>();
	for (const file of files) for (let folder = path.posix.dirname(file); folder !== '.'; folder = path.posix.dirname(folder)) folders.add(folder);
	for (const folder of [...folders].sort((a, b) => b.length - a.length)) {
		const absolute = path.join(dir, folder);
		if ((await readdir(absolute).catch(() => ['?'])).length === 0) await rmdir(absolute);
	}
}

export function keptOutput(): AstroIntegration {
	let cacheDir = '';
	let outDir = '';
	let started = 0;
	return {
		name: 'story-kept-output',
		hooks: {
			'astro:config:setup': ({ updateConfig }) => {
				updateConfig({ vite: { build: { emptyOutDir: false } } });
			},
			'astro:config:done': ({ config }) => {
				cacheDir = fileURLToPath(config.cacheDir);
				outDir = fileURLToPath(config.outDir);
			},
			'astro:build:start': async ({ logger }) => {
				// A file is this build's if it was written from now on (whole milliseconds, as
				// the file system may keep them).
				started = Math.floor(Date.now());
				const files = await outputFiles(outDir);
				if (files.length === 0) return;
				if (outputFingerprint(outDir, files) === (await savedFingerprint(cacheDir))) {
					logger.info(`Kept ${outDir} as the last build left it: its unchanged pages stay in place.`);
					return;
				}
				await emptyFolder(outDir);
				logger.info(`Emptied ${outDir}: it is not as the last build with this cache left it, so every page renders.`);
			},
			'astro:build:done': async ({ assets, logger }) => {
				// The files Astro wrote for its routes, and those of the pages reused as the last build left them.
				const ours = new Set([...[...assets.values()].flat().map((url) => path.relative(outDir, fileURLToPath(url)).split(path.sep).join('/')), ...reusedPages().map((page) => page.file)]);
				const files = await outputFiles(outDir);
				const stale = files.filter(({ file, modified }) => modified < started && !ours.has(file));
				await Promise.all(stale.map(({ file }) => rm(path.join(outDir, file), { force: true })));
				await removeEmptyFolders(
					outDir,
					stale.map(({ file }) => file),
				);
				const gone = new Set(stale.map(({ file }) => file));
				const fingerprint = outputFingerprint(
					outDir,
					files.filter(({ file }) => !gone.has(file)),
				);
				await writeFile(path.join(cacheDir, OUTPUT_FINGERPRINT_FILE), JSON.stringify({ outDir, fingerprint }));
				if (stale.length > 0) logger.info(`Removed ${stale.length} files of the last build that this one did not write.`);
			},
		},
	};
}
