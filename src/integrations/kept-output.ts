/**
 * Keeps the output folder between builds, so that a page reused from the last build
 * (src/page-reuse/) is simply left where it is: nothing renders it, copies it or
 * writes it.
 *
 * Astro empties the output folder before a build, unless told not to
 * (`vite.build.emptyOutDir: false`, set here); the reusable routes leave out every page
 * whose key is unchanged and whose file is as the last build left it. So this
 * integration records what the folder holds, and makes sure that what is left in place
 * is what the last build wrote, and nothing else:
 * - When a build starts, it loads the record the last build left in the cache folder:
 *   each file's size and time of writing (src/page-reuse/output-record.ts). A page whose
 *   file is missing, or was written since (by another build, or by hand), renders again.
 * - When the build is done (it must be the last integration), it removes every file this
 *   build neither wrote nor left in place as a page of its own (the page of a deleted
 *   article, a file put there by hand), then any folder left empty, and saves the record
 *   of what the folder now holds.
 */
import type { AstroIntegration } from 'astro';
import { readdirSync, statSync } from 'node:fs';
import { readdir, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lastBuildEntry, loadOutputRecord, saveOutputRecord, type OutputFile } from '../page-reuse/output-record.ts';
import { reusedPages } from '../page-reuse/reuse.ts';

/**
 * Every file under `dir`, with its size and time of writing; none if it does not exist.
 * A file `known` gives (a page left as the last build wrote it, whose size and time were
 * checked before it was left) is taken as known, not looked at again. Read synchronously:
 * it runs at the build's very end, with nothing else for the thread to do, and a folder
 * per page makes the asynchronous walk four times slower (17,000 folders at 5,000 articles).
 */
function outputFiles(dir: string, known: (file: string) => OutputFile | undefined): OutputFile[] {
	let entries;
	try {
		entries = readdirSync(dir, { recursive: true, withFileTypes: true });
	} catch {
		return [];
	}
	return entries
		.filter((entry) => entry.isFile())
		.map((entry) => {
			const absolute = path.join(entry.parentPath, entry.name);
			const file = path.relative(dir, absolute).split(path.sep).join('/');
			const kept = known(file);
			if (kept) return kept;
			const info = statSync(absolute);
			return { file, size: info.size, modified: info.mtimeMs };
		});
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
			'astro:build:start': async () => {
				// A file is this build's if it was written from now on.
				started = Math.floor(Date.now());
				await loadOutputRecord(cacheDir, outDir);
			},
			'astro:build:done': async ({ assets, logger }) => {
				// The files Astro wrote for its routes, and those of the pages reused as the last build left them.
				const reused = new Set(reusedPages().map((page) => page.file));
				const ours = new Set([...[...assets.values()].flat().map((url) => path.relative(outDir, fileURLToPath(url)).split(path.sep).join('/')), ...reused]);
				const files = outputFiles(outDir, (file) => {
					const entry = reused.has(file) ? lastBuildEntry(file) : undefined;
					return entry ? { file, ...entry } : undefined;
				});
				const stale = new Set(files.filter(({ file, modified }) => modified < started && !ours.has(file)).map(({ file }) => file));
				await Promise.all([...stale].map((file) => rm(path.join(outDir, file), { force: true })));
				await removeEmptyFolders(outDir, [...stale]);
				await saveOutputRecord(
					cacheDir,
					outDir,
					files.filter(({ file }) => !stale.has(file)),
				);
				if (stale.size > 0) logger.info(`Removed ${stale.size} files that this build did not write (of the last build, or put there by hand).`);
			},
		},
	};
}
