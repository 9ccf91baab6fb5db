/**
 * check:site's link check runs offline: a link that leaves the site is listed, never
 * requested, unless `--outside-links` asks for it. A small site is served by a real nginx
 * on 127.0.0.1, linking to a second host on 127.0.0.1 that stands in for the web.
 */
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { freePort } from '../../scripts/lib/free-port.ts';
import { startNginx, type RunningNginx } from '../../scripts/lib/nginx.ts';
import { crawl } from '../../scripts/site-checks/links.ts';
import type { BuiltSite } from '../../scripts/site-checks/types.ts';
import { projectRoot, removeDir } from '../support/content-fixtures.ts';
import { startFixtureHost, type FixtureHost } from '../support/fixture-host.ts';

let work: string;
let site: BuiltSite;
let nginx: RunningNginx;
let outside: FixtureHost;
const ARTICLE_PATH = '/2024/02/29/story';

beforeAll(async () => {
	// The outside host answers 404 for the article, as a moved page on a real site would.
	outside = await startFixtureHost({});
	work = await mkdtemp(path.join(tmpdir(), 'story-links-'));
	const port = await freePort();
	site = { dir: path.join(work, 'dist'), origin: `http://127.0.0.1:${port}`, base: '/', port };
	const pages = Array.from({ length: 11 }, (_, index) => (index === 0 ? '' : `page-${index}/`));
	for (const page of pages) {
		await mkdir(path.join(site.dir, page), { recursive: true });
		const links = pages.map((other) => `<a href="/${other}">${other || 'home'}</a>`).join(' ');
		await writeFile(
			path.join(site.dir, page, 'index.html'),
			`<!doctype html><html lang="en"><title>${page || 'home'}</title><h1 id="top">A page</h1>${links} <a href="#top">top</a> <a href="${outside.url(ARTICLE_PATH)}">the original</a></html>`,
		);
	}
	await writeFile(path.join(site.dir, '404.html'), '<!doctype html><title>Page not found</title>');
	const urls = pages.map((page) => `<url><loc>${site.origin}/${page}</loc></url>`).join('');
	await writeFile(path.join(site.dir, 'sitemap-0.xml'), `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls}</urlset>`);
	nginx = await startNginx([{ dir: site.dir, base: '/', port }]);
}, 60_000);

afterAll(async () => {
	await nginx?.stop();
	await outside?.stop();
	await removeDir(work);
});

describe('the link check', { timeout: 60_000 }, () => {
	test('by default checks every link and fragment of the site, lists the link that leaves it, and never requests it', async () => {
		const result = await crawl(site, projectRoot, { outsideLinks: false });
		expect(result.failures).toEqual([]);
		expect(result.outside).toEqual([outside.url(ARTICLE_PATH)]);
		expect(outside.requests).toEqual([]);
	});

	test('with --outside-links, requests the link that leaves the site, and reports it broken', async () => {
		const result = await crawl(site, projectRoot, { outsideLinks: true });
		expect(outside.requests.map((request) => request.path)).toContain(ARTICLE_PATH);
		expect(result.failures).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`links to ${outside.url(ARTICLE_PATH).replace(/[.?]/g, '\\$&')}, which is broken \\(404`))]));
	});

	test('still fails on a broken link inside the site', async () => {
		await writeFile(path.join(site.dir, 'page-1', 'index.html'), `<!doctype html><html lang="en"><title>1</title><a href="/no-such-page/">gone</a> <a href="/page-2/#nowhere">a lost fragment</a></html>`);
		const result = await crawl(site, projectRoot, { outsideLinks: false });
		expect(result.failures).toEqual(
			expect.arrayContaining([expect.stringContaining(`links to ${site.origin}/no-such-page/, which is broken (404`), expect.stringContaining(`${site.origin}/page-2/#nowhere`)]),
		);
	});
});
