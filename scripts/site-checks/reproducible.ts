/**
 * Check 6, reproducible builds: two clean builds of the same commit, the second under
 * another time zone and locale, give byte-identical trees. That covers the preview
 * images in `previews/` too: their PNGs carry no time or other metadata, and their
 * glyphs come from the fonts in node_modules, never the machine's.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { defineSiteCheck } from './types.ts';

/** The SHA-256 of every file in a folder, by relative path. */
export async function hashTree(dir: string): Promise<Map<string, string>> {
	const hashes = new Map<string, string>();
	for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile()) continue;
		const file = path.join(entry.parentPath, entry.name);
		hashes.set(path.relative(dir, file), createHash('sha256').update(await readFile(file)).digest('hex'));
	}
	return hashes;
}

export const reproducibleBuilds = defineSiteCheck({
	name: 'Reproducible builds (two clean builds, byte-identical)',
	needs: ['root', 'rootAgain'],
	async run({ root, rootAgain }) {
		const [first, second] = await Promise.all([hashTree(root.dir), hashTree(rootAgain.dir)]);
		const failures: string[] = [];
		for (const [file, hash] of first) {
			const other = second.get(file);
			if (other === undefined) failures.push(`${file} is in the first build only`);
			else if (other !== hash) failures.push(`${file} differs between two clean builds (${hash.slice(0, 12)} ≠ ${other.slice(0, 12)})`);
		}
		for (const file of second.keys()) if (!first.has(file)) failures.push(`${file} is in the second build only`);
		if (first.size === 0) failures.push('the build is empty');
		// The images are drawn by a renderer of their own, the likeliest to vary: make sure they were compared.
		if (![...first.keys()].some((file) => /^previews\/.+\.png$/.test(file.split(path.sep).join('/')))) {
			failures.push('the build has no preview image (previews/*.png) to compare');
		}
		return failures;
	},
});
