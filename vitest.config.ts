import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		testTimeout: 30_000,
		hookTimeout: 180_000,
		projects: [
			{ extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
			{
				extends: true,
				test: {
					name: 'build',
					include: ['tests/build/**/*.test.ts'],
					// Builds the site once into a temporary folder for the build-output tests.
					globalSetup: ['tests/support/build-site.ts'],
					// One file at a time: two Astro builds of one project at once share its
					// .astro/ folder, where each build deletes its prerender chunks.
					fileParallelism: false,
				},
			},
			// The editor's path: adds an article to a copy of the content, then runs the
			// content-reading suites of the two projects above over it. It runs after them
			// (a later group), never beside them: two Astro builds of one project at once
			// share its .astro/ folder, where each build deletes its prerender chunks.
			{ extends: true, test: { name: 'editor', include: ['tests/editor/**/*.test.ts'], sequence: { groupOrder: 1 } } },
		],
	},
});
