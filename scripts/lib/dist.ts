/**
 * Reading a built site: its HTML files, each parsed, and the links in them resolved
 * to files, the way a static server would.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';

export interface BuiltPage {
	/** The URL path the page is served at: `/stops/seoul/`. */
	url: string;
	file: string;
	html: string;
	document: HTMLElement;
}

/** Every HTML page of the build, by URL path, for a site served under `base`. */
export async function readPages(distDir: string, base = '/'): Promise<Map<string, BuiltPage>> {
	const entries = await readdir(distDir, { recursive: true, withFileTypes: true });
	const pages = new Map<string, BuiltPage>();
	for (const entry of entries) {
		if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
		const file = path.join(entry.parentPath, entry.name);
		const relative = path.relative(distDir, file).split(path.sep).join('/');
		if (relative.startsWith('pagefind/')) continue;
		const url = `${base}${relative.replace(/(^|\/)index\.html$/, '$1')}`;
		const html = await readFile(file, 'utf8');
		pages.set(url, { url, file, html, document: parse(html) });
	}
	return pages;
}

/** The page at `url` among `pages`; throws, listing the pages there are, where there is none. */
export function pageAt(pages: ReadonlyMap<string, BuiltPage>, url: string): BuiltPage {
	const found = pages.get(url);
	if (!found) throw new Error(`No page at ${url}; pages: ${[...pages.keys()].join(', ')}`);
	return found;
}

/** The file a URL path is served from, or undefined when there is none. */
export function fileForUrl(distDir: string, base: string, url: string): string | undefined {
	if (!url.startsWith(base)) return undefined;
	const relative = decodeURI(url.slice(base.length));
	const candidates = relative === '' || relative.endsWith('/') ? [path.join(distDir, relative, 'index.html')] : [path.join(distDir, relative)];
	return candidates.find((candidate) => existsSync(candidate));
}

/** The hrefs of the links in an element, in order. */
export function hrefs(element: HTMLElement | null | undefined): string[] {
	return (element?.querySelectorAll('a[href]') ?? []).map((link) => link.getAttribute('href') ?? '');
}

/** The parsed JSON-LD blocks of a page, flattened. */
export function jsonLd(page: BuiltPage): Record<string, unknown>[] {
	return page.document
		.querySelectorAll('script[type="application/ld+json"]')
		.flatMap((script) => [JSON.parse(script.textContent) as Record<string, unknown> | Record<string, unknown>[]].flat());
}

/** The SHA-256 of every file in a folder, by its path relative to the folder. */
export async function hashTree(dir: string): Promise<Map<string, string>> {
	const hashes = new Map<string, string>();
	for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile()) continue;
		const file = path.join(entry.parentPath, entry.name);
		hashes.set(path.relative(dir, file).split(path.sep).join('/'), createHash('sha256').update(await readFile(file)).digest('hex'));
	}
	return hashes;
}

/**
 * How two built trees differ, one line per file that is in one alone or differs
 * between them: none where they are byte for byte the same. `names` say which is which
 * ("the first build", "a cold build").
 */
export async function treeDifferences(first: string, second: string, names: readonly [string, string] = ['the first build', 'the second build']): Promise<string[]> {
	const [a, b] = await Promise.all([hashTree(first), hashTree(second)]);
	const differences: string[] = [];
	for (const [file, hash] of a) {
		const other = b.get(file);
		if (other === undefined) differences.push(`${file} is in ${names[0]} only`);
		else if (other !== hash) differences.push(`${file} differs between ${names[0]} and ${names[1]} (${hash.slice(0, 12)} ≠ ${other.slice(0, 12)})`);
	}
	for (const file of b.keys()) if (!a.has(file)) differences.push(`${file} is in ${names[1]} only`);
	if (a.size === 0) differences.push(`${names[0]} is empty`);
	return differences.sort();
}
