/** The pages of the built site, as the sitemap lists them, for sweeps over every page. */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const projectRoot = path.resolve(import.meta.dirname, '../..');

/** Every page path in the sitemap of `dist/`: `/`, `/stops/seoul/`, … */
export function sitemapPaths(): string[] {
	const sitemap = readFileSync(path.join(projectRoot, 'dist', 'sitemap-0.xml'), 'utf8');
	const paths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1] ?? '').pathname);
	if (paths.length < 10) throw new Error(`The sitemap lists only ${paths.length} pages; build the site first (npm run build).`);
	return paths;
}
