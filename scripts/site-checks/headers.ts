/**
 * Check 8, headers: the root build and the /tour/ build, each served by a real nginx on
 * 127.0.0.1 with the README's own nginx example for its path. Every page, the search
 * page's script and a hashed asset must come with the security headers the build writes
 * to `_headers` (src/lib/security-policy.ts), and the hashed files with a cache of a year.
 * So the README's examples, `_headers` and the policy in the code cannot drift apart.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { HASHED_ASSET_FOLDERS, headersFile, SECURITY_HEADERS } from '../../src/lib/security-policy.ts';
import { readPages } from '../lib/dist.ts';
import { withReadmeNginx } from '../lib/nginx.ts';
import { defineSiteCheck, type BuiltSite } from './types.ts';

/** A year, in seconds: the least a hashed file may be cached for. */
const YEAR = 31_536_000;

export const headers = defineSiteCheck({
	name: "Headers (nginx with the README's examples, at / and under /tour/, against _headers)",
	needs: ['root', 'tour'],
	async run({ root, tour, projectRoot }) {
		return withReadmeNginx([root, tour], projectRoot, async () => {
			const failures: string[] = [];
			for (const site of [root, tour]) failures.push(...(await headersFileOf(site)), ...(await servedHeaders(site)));
			return failures;
		});
	},
});

/** `_headers` in the build says what the policy module says, for the build's base path. */
async function headersFileOf(site: BuiltSite): Promise<string[]> {
	const written = await readFile(path.join(site.dir, '_headers'), 'utf8').catch(() => undefined);
	if (written === undefined) return [`${site.base}: the build has no _headers`];
	return written === headersFile(site.base) ? [] : [`${site.base}: _headers is not what src/lib/security-policy.ts gives for ${site.base}`];
}

/** What nginx sends for every page, for the files the search page loads, and for hashed files. */
async function servedHeaders(site: BuiltSite): Promise<string[]> {
	const host = `http://127.0.0.1:${site.port}`;
	const pages = await readPages(site.dir, site.base);
	const search = pages.get(`${site.base}search/`);
	const scripts = (search?.document.querySelectorAll('script[src]') ?? []).map((script) => script.getAttribute('src') ?? '');
	// The first file of each hashed folder the build has (Pagefind's always; Astro's where a page loads a bundle).
	const hashed: string[] = [];
	for (const folder of HASHED_ASSET_FOLDERS) {
		const [first] = (await readdir(path.join(site.dir, folder)).catch(() => [] as string[])).sort();
		if (first) hashed.push(`${site.base}${folder}${first}`);
	}
	const failures: string[] = [];
	if (hashed.length < 2) failures.push(`${site.base}: the build has no file in ${HASHED_ASSET_FOLDERS.join(' or ')} to check the cache of`);
	for (const url of [...pages.keys(), ...scripts, ...hashed]) {
		const response = await fetch(`${host}${url}`);
		await response.arrayBuffer();
		if (response.status !== 200) failures.push(`${url}: nginx answers ${response.status}`);
		for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
			const sent = response.headers.get(name);
			if (sent !== value) failures.push(`${url}: nginx sends ${name}: ${sent ?? '(nothing)'}, where _headers says "${value}"`);
		}
		const maxAge = Number(/max-age=(\d+)/.exec(response.headers.get('cache-control') ?? '')?.[1] ?? 0);
		if (hashed.includes(url) && maxAge < YEAR) failures.push(`${url}: a hashed file, cached for ${maxAge} s, not a year`);
		if (!hashed.includes(url) && maxAge >= YEAR) failures.push(`${url}: not named by its hash, yet cached for a year`);
	}
	return failures;
}
