/**
 * `npm run ingest` over news as it arrives: saved pages, URLs served on 127.0.0.1, and
 * feeds, into a copy of the content. Each test runs the real command and reads what it
 * wrote (or did not write).
 */
import { execFile } from 'node:child_process';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { checkContent } from '../../src/content-files/check-content.ts';
import { loadContent } from '../../src/content-files/load-content.ts';
import { copyContent, projectRoot, removeDir } from '../support/content-fixtures.ts';

const run = promisify(execFile);
const script = path.join(projectRoot, 'scripts', 'ingest.ts');
const web = path.join(projectRoot, 'tests', 'fixtures', 'web');
const fixture = (name: string) => path.join(web, name);

/** Runs ingest; resolves with its exit code and output, whether it succeeds or not. */
async function ingest(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
	return run(process.execPath, [script, ...args, '--content', contentDir]).then(
		({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
		(error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
	);
}

/** Every file under the content folder, for proving what a run wrote. */
async function listContent(): Promise<string[]> {
	return (await readdir(contentDir, { recursive: true })).sort();
}

async function articleById(id: string) {
	return (await loadContent(contentDir)).input.articles.find((article) => article.id === id);
}

let contentDir: string;
beforeEach(async () => {
	contentDir = await copyContent();
});
afterEach(async () => removeDir(contentDir));

describe('a saved web page', () => {
	test('becomes an entry with its own metadata, each value reported with where it came from', async () => {
		const { code, stdout } = await ingest(fixture('tokyo-wire.html'));
		expect(code).toBe(0);
		expect(stdout).toContain('published  2024-02-27T10:05:00+09:00  [from json-ld datePublished]');
		expect(stdout).toContain('title      Zuckerberg meets Kishida in Tokyo as Meta pitches Llama to Japan  [from json-ld headline]');
		const article = await articleById('zuckerberg-meets-kishida-in-tokyo-as-meta-pitches-llama-to');
		expect(article?.data).toMatchObject({
			title: 'Zuckerberg meets Kishida in Tokyo as Meta pitches Llama to Japan',
			outlet: 'Pacific Wire',
			published: '2024-02-27T10:05:00+09:00',
			url: 'https://www.pacificwire.example/world/asia-pacific/zuckerberg-meets-kishida-2024-02-27/',
			seed: 'tokyo-wire.html',
			dateline: 'TOKYO, Feb 27 (Pacific Wire) -',
		});
		expect(article?.data.stops[0]).toBe('tokyo');
		expect(article?.data.removed).toContainEqual(expect.objectContaining({ reason: 'photo caption' }));
		// The page is kept, and the checker proves the entry keeps every sentence extracted from it.
		expect(await readFile(path.join(contentDir, 'sources', 'tokyo-wire.html'), 'utf8')).toBe(await readFile(fixture('tokyo-wire.html'), 'utf8'));
		expect((await checkContent(contentDir)).problemLines).toEqual([]);
	});

	test('is placed by its dateline and by the adjective of its country, with the stop inferred where only the country is named', async () => {
		const { stdout } = await ingest(fixture('seoul-daily.html'));
		const article = await articleById('zuckerberg-meets-the-south-korean-president-samsung-and-lg');
		expect(article?.data.stops).toContain('seoul');
		expect(article?.data.countries).toContain('south-korea');
		expect(stdout).toContain('(the dateline names seoul)');
	});

	test('keeps no markup from a hostile page: no script, handler, iframe or javascript: link reaches the entry', async () => {
		const { code } = await ingest(fixture('hostile.html'));
		expect(code).toBe(0);
		const [entry] = (await readdir(path.join(contentDir, 'articles'))).filter((name) => !name.match(/^(?:packed-week|asia-expedition|meets-lg|return-to|visit-to)/));
		const text = await readFile(path.join(contentDir, 'articles', entry ?? ''), 'utf8');
		expect(text).not.toMatch(/<script|onerror|onclick|onload|<iframe|javascript:|<svg|<style/i);
	});
});

describe('an item that is not the story’s news', () => {
	const corpus = path.join(projectRoot, 'tests', 'fixtures', 'placement');

	test('is skipped with its score and evidence, and nothing is written for it', async () => {
		const before = await listContent();
		const { code, stdout } = await ingest(path.join(corpus, 'korea-ledger.rss'));
		expect(code).toBe(0);
		expect(stdout).toMatch(/korea-ledger\.rss item 3: not the story's news: 0\.\d\d: names Seoul and South Korea, but not Mark Zuckerberg and Meta; 28 February; .*pass --include <its URL or guid> to take it in anyway/);
		const written = (await listContent()).filter((file) => !before.includes(file));
		expect(written.some((file) => /spring-warmth|fine-dust/.test(file))).toBe(false);
		// Each entry written says how relevant it was, and why.
		expect(stdout).toMatch(/^ {2}relevance {2}0\.\d\d: names Mark Zuckerberg/m);
	});

	test('is taken in with --include and its guid, against its score', async () => {
		const guid = 'https://www.korealedger.example/view.php?ud=20240228000307';
		const { code, stdout } = await ingest(path.join(corpus, 'korea-ledger.rss'), '--include', guid);
		expect(code).toBe(0);
		expect(stdout).toMatch(/relevance {2}0\.\d\d: .* \(taken in with --include\)/);
		const { input } = await loadContent(contentDir);
		expect(input.articles.some((article) => article.data.url === guid)).toBe(true);
	});
});

describe('the same article again', () => {
	test('from the feed that carries it, is skipped as already ingested, and a second run writes nothing', async () => {
		await ingest(fixture('tokyo-wire.html'));
		const first = await ingest(fixture('feed.rss'));
		expect(first.stdout).toMatch(/feed\.rss item 1: already ingested as zuckerberg-meets-kishida-in-tokyo-as-meta-pitches-llama-to/);
		expect(first.stdout).toMatch(/feed\.rss item 2: not the story's news: 0\.\d\d: names nothing of the story; 27 February; body close to no article of the story/);
		const before = await listContent();
		const again = await ingest(fixture('feed.rss'));
		expect(again.code).toBe(0);
		expect(await listContent()).toEqual(before);
	});

	test('with the same text under another address, is refused, naming the article it repeats; --allow-duplicate keeps both', async () => {
		await ingest(fixture('tokyo-wire.html'));
		const copy = (await readFile(fixture('tokyo-wire.html'), 'utf8'))
			.replaceAll('pacificwire.example', 'syndicator.example')
			.replaceAll('Pacific Wire', 'Syndicated Times')
			.replaceAll('Zuckerberg meets Kishida in Tokyo as Meta pitches Llama to Japan', 'Meta chief sees Kishida on Tokyo stop');
		const copyFile = path.join(contentDir, 'syndicated-copy.html');
		await writeFile(copyFile, copy);
		const before = await listContent();
		const refused = await ingest(copyFile);
		expect(refused.code, refused.stderr).toBe(1);
		expect(refused.stderr).toMatch(/syndicated-copy\.html: it has the same text as the article zuckerberg-meets-kishida-in-tokyo-as-meta-pitches-llama-to \(\d+ sentences in common; syndicated copy\?\)/);
		expect(await listContent()).toEqual(before);

		const kept = await ingest(copyFile, '--allow-duplicate');
		expect(kept.code).toBe(0);
		const duplicate = await articleById('meta-chief-sees-kishida-on-tokyo-stop');
		expect(duplicate?.data.duplicateOf).toBe('zuckerberg-meets-kishida-in-tokyo-as-meta-pitches-llama-to');
		expect((await checkContent(contentDir)).problemLines).toEqual([]);
	});
});

describe('bad input', () => {
	test.each([
		['binary.bin', /binary\.bin: .*binary/i],
		['no-article.html', /no-article\.html: no article found in the page/],
		['malformed.rss', /malformed\.rss: .*(?:well-formed|malformed|XML)/i],
		['does-not-exist.txt', /does-not-exist\.txt: /],
	])('%s gets one line naming it and what is wrong, exit code 1, and nothing written', async (name, line) => {
		const before = await listContent();
		const { code, stderr } = await ingest(fixture(name));
		expect(code).toBe(1);
		expect(stderr).toMatch(line);
		expect(stderr.trim().split('\n').filter((each) => each.includes(name))).toHaveLength(1);
		expect(await listContent()).toEqual(before);
	});

	test('in a batch, does not stop the good inputs from being written', async () => {
		const { code, stderr } = await ingest(fixture('no-article.html'), fixture('seoul-daily.html'));
		expect(code).toBe(1);
		expect(stderr).toContain('Refused 1 input');
		expect(await articleById('zuckerberg-meets-the-south-korean-president-samsung-and-lg')).toBeDefined();
	});
});

describe('suggestions', () => {
	test('are listed by id, and --apply writes them so that the content check passes', async () => {
		const { code, stdout } = await ingest(fixture('seoul-daily.html'), '--apply');
		expect(code).toBe(0);
		expect(stdout).toContain('Suggested events (add with --apply):');
		expect(stdout).toMatch(/^ {4}seoul#samsung-meeting: names Lee Jae-yong, Samsung Electronics with "meet"/m);
		const id = 'zuckerberg-meets-the-south-korean-president-samsung-and-lg';
		const { input } = await loadContent(contentDir);
		const seoul = input.stops.find((stop) => stop.id === 'seoul');
		expect(seoul?.data.events.find((event) => event.id === 'samsung-meeting')?.articles).toContain(id);
		expect((input.facts ?? []).some((fact) => fact.data.sources.some((source) => source.article === id))).toBe(true);
		expect((await checkContent(contentDir)).problemLines).toEqual([]);
	});
});

describe('over HTTP', () => {
	let server: Server;
	let origin: string;
	beforeAll(async () => {
		server = createServer(async (request, response) => {
			const name = (request.url ?? '/').slice(1);
			const body = await readFile(path.join(web, path.basename(name))).catch(() => undefined);
			if (body === undefined) {
				response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
				return;
			}
			const type = name.endsWith('.html') ? 'text/html; charset=utf-8' : name.endsWith('.json') ? 'application/feed+json' : 'application/rss+xml';
			response.writeHead(200, { 'content-type': type }).end(body);
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	afterAll(async () => new Promise<void>((resolve) => server.close(() => resolve())));

	test('ingests a page URL and a feed URL, each item that speaks of the story becoming an entry', async () => {
		const { code, stdout, stderr } = await ingest(`${origin}/seoul-daily.html`, `${origin}/feed.json`);
		expect({ code, stderr }).toMatchObject({ code: 0 });
		expect(stdout).toMatch(/Wrote [2-9] articles\./);
		const { input } = await loadContent(contentDir);
		const outlets = input.articles.map((article) => article.data.outlet);
		expect(outlets).toContain('Seoul Daily Ledger');
		expect(outlets).toContain('Gujarat Morning Post');
		const fromFeed = input.articles.find((article) => article.data.outlet === 'Gujarat Morning Post');
		expect(fromFeed?.data.seed).toMatch(/\.json$/);
		expect(fromFeed?.data.stops).toContain('jamnagar');
		expect((await checkContent(contentDir)).problemLines).toEqual([]);
	});

	test('refuses a URL that fails, with one line, and writes nothing', async () => {
		const before = await listContent();
		const { code, stderr } = await ingest(`${origin}/gone.html`);
		expect(code).toBe(1);
		expect(stderr).toContain(`${origin}/gone.html: HTTP 404`);
		expect(await listContent()).toEqual(before);
	});
});
