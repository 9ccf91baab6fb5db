/**
 * Check 4, links: the root build and the /tour/ build, each served by a real nginx
 * on 127.0.0.1 with the README's own nginx example for its path, crawled by
 * linkinator with --recurse --check-fragments from the home page. The gate is zero
 * broken links, zero missing fragments, a crawl that reaches every URL in the sitemap,
 * and the README's configuration answering as it promises: the site's 404 page for a
 * missing address, and, under a sub-path, the host's root sending readers on to it.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { withReadmeNginx } from '../lib/nginx.ts';
import { defineSiteCheck, type BuiltSite } from './types.ts';

const run = promisify(execFile);

interface CrawledLink {
	url: string;
	status?: number;
	state: 'OK' | 'BROKEN' | 'SKIPPED';
	parent?: string;
	failureDetails?: unknown[];
}

export const links = defineSiteCheck({
	name: 'Links (nginx + linkinator --recurse --check-fragments, at / and under /tour/)',
	needs: ['root', 'tour'],
	async run({ root, tour, projectRoot }) {
		return withReadmeNginx([root, tour], projectRoot, async () => {
			const failures: string[] = [];
			for (const site of [root, tour]) failures.push(...(await answersAsTheReadmeSays(site)), ...(await crawl(site, projectRoot)));
			return failures;
		});
	},
});

async function crawl(site: BuiltSite, projectRoot: string): Promise<string[]> {
	const start = `http://127.0.0.1:${site.port}${site.base}`;
	const cli = path.join(projectRoot, 'node_modules', 'linkinator', 'build', 'src', 'cli.js');
	const { stdout } = await run(process.execPath, [cli, start, '--recurse', '--check-fragments', '--format', 'json'], {
		maxBuffer: 256 * 1024 * 1024,
	}).catch((error: { stdout?: string; message: string }) => {
		if (!error.stdout) throw new Error(`linkinator did not run: ${error.message}`);
		return { stdout: error.stdout };
	});
	const report = JSON.parse(stdout) as { passed: boolean; links: CrawledLink[] };
	const failures = report.links
		.filter((link) => link.state === 'BROKEN')
		.map((link) => `${site.base}: ${link.parent ?? '(start)'} links to ${link.url}, which is broken (${link.status ?? 'no answer'}${detail(link)})`);
	if (!report.passed && failures.length === 0) failures.push(`${site.base}: linkinator reported a failure without a broken link`);

	// The crawl must reach every page the sitemap lists.
	const crawled = new Set(report.links.filter((link) => link.state === 'OK').map((link) => link.url.split('#')[0]));
	const sitemap = await readFile(path.join(site.dir, 'sitemap-0.xml'), 'utf8');
	for (const [, loc] of sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)) {
		const local = (loc ?? '').replace(site.origin, `http://127.0.0.1:${site.port}`);
		if (!crawled.has(local)) failures.push(`${site.base}: the crawl from ${start} never reached ${loc}, which the sitemap lists`);
	}
	if (crawled.size < 10) failures.push(`${site.base}: the crawl reached only ${crawled.size} URLs`);
	return failures;
}

/** The host's root and a missing page, as the README's nginx example promises to answer them. */
async function answersAsTheReadmeSays(site: BuiltSite): Promise<string[]> {
	const failures: string[] = [];
	const host = `http://127.0.0.1:${site.port}`;
	const home = await fetch(`${host}/`, { redirect: 'manual' });
	if (site.base === '/' ? home.status !== 200 : home.status !== 302 || new URL(home.headers.get('location') ?? '', host).pathname !== site.base) {
		failures.push(`${site.base}: the README's nginx example answers / with ${home.status}${home.headers.get('location') ? ` to ${home.headers.get('location')}` : ''}, not ${site.base === '/' ? 'the home page' : `a redirect to ${site.base}`}`);
	}
	const missing = await fetch(`${host}${site.base}no-such-page/`);
	const body = await missing.text();
	if (missing.status !== 404 || !body.includes('Page not found')) {
		failures.push(`${site.base}: the README's nginx example answers a missing page with ${missing.status}, not 404 and the site's 404 page`);
	}
	return failures;
}

function detail(link: CrawledLink): string {
	const details = JSON.stringify(link.failureDetails ?? []);
	return details === '[]' ? '' : `: ${details.slice(0, 200)}`;
}
