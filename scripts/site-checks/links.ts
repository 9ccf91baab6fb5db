/**
 * Check 4, links: the root build and the /tour/ build, each served by a real nginx
 * on 127.0.0.1 with the README's own nginx example for its path, crawled by
 * linkinator with --recurse --check-fragments from the home page. The gate is zero
 * broken links, zero missing fragments, a crawl that reaches every URL in the sitemap,
 * and the README's configuration answering as it promises: the site's 404 page for a
 * missing address, and, under a sub-path, the host's root sending readers on to it.
 *
 * Links that leave the site (an article's original `url`, an outlet's page) are listed,
 * not requested: the check runs offline, in CI and anywhere else. `--outside-links`
 * checks them too, for a run with the internet at hand.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { countOf } from '../../src/lib/plural.ts';
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
	async run({ root, tour, projectRoot, options, note }) {
		return withReadmeNginx([root, tour], projectRoot, async () => {
			const failures: string[] = [];
			const outside = new Set<string>();
			for (const site of [root, tour]) {
				const crawled = await crawl(site, projectRoot, options);
				failures.push(...(await answersAsTheReadmeSays(site)), ...crawled.failures);
				for (const url of crawled.outside) outside.add(url);
			}
			if (outside.size > 0) {
				note(
					options.outsideLinks
						? `checked ${countOf(outside.size, 'link')} that leave the site`
						: `${countOf(outside.size, 'link')} leave the site, not checked (pass --outside-links to check them): ${[...outside].sort().join(', ')}`,
				);
			}
			return failures;
		});
	},
});

/** What a crawl of one site found: its failures, and the links that leave it (checked or not, as asked). */
export interface Crawl {
	failures: string[];
	/** Every distinct URL of another origin the site links to. */
	outside: string[];
}

/**
 * Crawls a served site from its home page, every link and fragment of it. Links to
 * other origins are skipped, never requested, unless `outsideLinks` is set.
 */
export async function crawl(site: BuiltSite, projectRoot: string, options: { outsideLinks: boolean }): Promise<Crawl> {
	const origin = `http://127.0.0.1:${site.port}`;
	const start = `${origin}${site.base}`;
	const cli = path.join(projectRoot, 'node_modules', 'linkinator', 'build', 'src', 'cli.js');
	// A link not on the served origin is skipped: linkinator never requests it, and lists it
	// (as SKIPPED, at the verbosity "info").
	const skip = options.outsideLinks ? [] : ['--skip', `^(?!${origin.replace(/[.]/g, '\\.')}/)`];
	const limit = options.outsideLinks ? ['--timeout', String(OUTSIDE_TIMEOUT_MS)] : [];
	const { stdout } = await run(process.execPath, [cli, start, '--recurse', '--check-fragments', '--format', 'json', '--verbosity', 'info', ...skip, ...limit], {
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
	const outside = [...new Set(report.links.map((link) => link.url).filter((url) => /^https?:/i.test(url) && !url.startsWith(`${origin}/`)))];
	return { failures, outside };
}

/** How long an outside link may take to answer, with `--outside-links`. */
const OUTSIDE_TIMEOUT_MS = 15_000;

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
