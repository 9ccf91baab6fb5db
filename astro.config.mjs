// @ts-check
import { defineConfig } from 'astro/config';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentCodeDigest, currentSnapshot, markdownCodeDigest, readsKeptIn, takeSnapshot } from './src/content-files/content-snapshot.ts';
import { contentSession } from './src/integrations/content-session.ts';
import { hostHeaders } from './src/integrations/host-headers.ts';
import { keptOutput } from './src/integrations/kept-output.ts';
import { pageReuse } from './src/integrations/page-reuse.ts';
import { previewGlyphs } from './src/integrations/preview-glyphs.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { storySitemap } from './src/integrations/sitemap.ts';
import { DeployTargetError, readDeployTarget } from './src/lib/deploy-target.ts';
import { createUrls } from './src/lib/urls.ts';
import { storyMarkdownProcessor } from './src/markdown/index.ts';

// Where the site is deployed: its origin and the path it is served under.
// `SITE=https://example.org BASE_PATH=/tour/ npm run build` builds for example.org/tour/.
// A bad value stops the build here, naming the variable and showing an example.
const { site, base } = deployTarget();
const urls = createUrls(base);
const contentDir = path.resolve(process.env.CONTENT_DIR ?? 'content');
// Where a build keeps its caches, Astro's (the content layer's data store) and Vite's:
// node_modules/.astro and node_modules/.vite unless ASTRO_CACHE_DIR names a folder.
// scripts/lib/astro-build.ts gives each build it makes a fresh one.
const cacheDir = process.env.ASTRO_CACHE_DIR;

// The content is read and checked once, here, before Astro starts: the check stops
// the build on any problem, and the entity linker needs every name and alias, and the
// passage marker every cited passage, before the first body is rendered. The loaders
// and src/data.ts take what they need from this snapshot; in the dev server, the
// content session takes a new one after each change under the content folder.
// What else every rendered body depends on: a changed base path or pipeline renders
// the bodies again; an unchanged body keeps its HTML.
// A build keeps its reads of the content files in the cache folder (where Astro keeps its
// own, node_modules/.astro by default): the next build parses and validates again only
// the files whose text changed, while the code that reads them is the same.
const projectRoot = fileURLToPath(new URL('.', import.meta.url));
await readsKeptIn(cacheDir ? path.resolve(projectRoot, cacheDir) : path.join(projectRoot, 'node_modules', '.astro'), await contentCodeDigest(projectRoot));
const snapshot = await takeSnapshot(contentDir, {
	base: urls.base,
	code: await markdownCodeDigest(projectRoot),
});

/** SITE and BASE_PATH, or the build ends with one line per bad variable and no stack trace. */
function deployTarget() {
	try {
		return readDeployTarget(process.env);
	} catch (error) {
		if (!(error instanceof DeployTargetError)) throw error;
		console.error(error.message);
		process.exit(1);
	}
}

export default defineConfig({
	site,
	base: urls.base,
	...(cacheDir ? { cacheDir } : {}),
	vite: {
		...(cacheDir ? { cacheDir: path.join(cacheDir, 'vite') } : {}),
		build: {
			// No script is inlined, however small: the pages' policies allow scripts from
			// 'self' and no inline one (src/lib/security-policy.ts), so the search page's
			// script must be a file. Other assets keep Vite's rule (undefined).
			assetsInlineLimit: (file) => (/\.[cm]?js$/.test(file) ? false : undefined),
			// One stylesheet for the whole site, a file every page links to (below): a
			// reader's browser keeps it from page to page, each page is the smaller for it,
			// and no page needs a hash in its policy for a stylesheet written into it.
			cssCodeSplit: false,
		},
	},
	trailingSlash: 'always',
	// The stylesheet is never written into a page: each page's Content Security Policy (a
	// <meta> the layout writes, from src/lib/security-policy.ts) allows styles from 'self'
	// alone, with no hash.
	build: { format: 'directory', inlineStylesheets: 'never' },
	integrations: [
		contentSession(snapshot),
		previewGlyphs(snapshot),
		// A build leaves out every page whose inputs (what it read of the content, its props)
		// and code are unchanged since the last build (src/page-reuse/), and keeps what each
		// page read in the cache folder. Before the sitemap and the search index: they list
		// and read back the reused pages too.
		pageReuse(),
		storySitemap(),
		searchIndex(),
		hostHeaders(),
		// Last: it removes what this build did not write, once every other integration has written.
		keptOutput(),
	],
	markdown: {
		// Astro 7 renders markdown with Sätteri, which runs no remark or rehype plugins;
		// the unified processor does (src/markdown/index.ts).
		processor: storyMarkdownProcessor({ story: () => currentSnapshot() ?? snapshot, urls }),
		// No code is highlighted: Shiki's inline styles would break the Content Security Policy.
		syntaxHighlight: false,
	},
});
