/**
 * Check 6, reproducible builds: two clean builds of the same commit, the second under
 * another time zone and locale, give byte-identical trees. That covers the preview
 * images in `previews/` too: their PNGs carry no time or other metadata, and their
 * glyphs come from the fonts in node_modules, never the machine's. And a warm build
 * (with the cache and output of a build before an edit, its unchanged pages reused)
 * gives the tree a clean build gives.
 */
import { hashTree, treeDifferences } from '../lib/dist.ts';
import { defineSiteCheck } from './types.ts';

export const reproducibleBuilds = defineSiteCheck({
	name: 'Reproducible builds (two clean builds, and a warm build after an edit, byte-identical)',
	needs: ['root', 'rootAgain', 'rootWarm'],
	async run({ root, rootAgain, rootWarm }) {
		const failures = [
			...(await treeDifferences(root.dir, rootAgain.dir, ['the first clean build', 'the second'])),
			...(await treeDifferences(rootWarm.dir, root.dir, ['the warm build', 'the clean build'])),
		];
		if (!rootWarm.reused) failures.push('the warm build reused no page of the build before it, so it proves nothing');
		// The images are drawn by a renderer of their own, the likeliest to vary: make sure they were compared.
		if (![...(await hashTree(root.dir)).keys()].some((file) => /^previews\/.+\.png$/.test(file))) {
			failures.push('the build has no preview image (previews/*.png) to compare');
		}
		return failures;
	},
});
