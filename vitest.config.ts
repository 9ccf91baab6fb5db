import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['tests/unit/**/*.test.ts', 'tests/build/**/*.test.ts'],
		// Builds the site once into a temporary folder for the build-output tests.
		globalSetup: ['tests/support/build-site.ts'],
		testTimeout: 30_000,
		hookTimeout: 120_000,
	},
});
