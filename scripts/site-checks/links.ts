/**
 * Check 4, links: the root build and the /tour/ build, each served by a real nginx
 * on 127.0.0.1, crawled by linkinator with --recurse --check-fragments from the home
 * page. The gate is zero broken links, zero missing fragments, and a crawl that
 * reaches every URL in the sitemap.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { startNginx } from '../lib/nginx.ts';
import type { BuiltSite, SiteCheck } from './types.ts';

const run = promisify(execFile);

interface CrawledLink {
	url: string;
	status?: number;
	state: 'OK' | 'BROKEN' | 'SKIPPED';
	parent?: string;
	failureDetails?: unknown[];
}

export const links: SiteCheck = {
	name: 'Links (nginx + linkinator --recurse --check-fragments, at / and under /tour/)',
	async run({ root, tour, projectRoot }) {
		const nginx = await startNginx([root, tour].map(({ dir, base, port }) => ({ dir, base, port })));
		try {
			const failures: string[] = [];
			for (const site of [root, tour]) failures.push(...(await crawl(site, projectRoot)));
			return failures;
		} finally {
			await nginx.stop();
		}
	},
};

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

function detail(link: CrawledLink): string {
	const details = JSON.stringify(link.failureDetails ?? []);
	return details === '[]' ? '' : `: ${details.slice(0, 200)}`;
}
