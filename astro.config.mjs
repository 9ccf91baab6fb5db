// @ts-check
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import path from 'node:path';
import { contentCheck } from './src/content-files/astro-integration.ts';

// Where the site is deployed: its origin and the path it is served under.
// `SITE=https://example.org BASE_PATH=/tour/ npm run build` builds for example.org/tour/.
const site = process.env.SITE ?? 'https://example.org';
const base = process.env.BASE_PATH ?? '/';
const contentDir = path.resolve(process.env.CONTENT_DIR ?? 'content');

export default defineConfig({
	site,
	base,
	trailingSlash: 'always',
	build: { format: 'directory' },
	integrations: [contentCheck({ contentDir })],
	markdown: {
		// Astro 7 renders markdown with Sätteri, which runs no remark or rehype plugins;
		// the unified processor does. SmartyPants stays off: quotes must stay as the
		// sources print them, or passages would no longer match their articles.
		processor: unified({ smartypants: false }),
	},
});
