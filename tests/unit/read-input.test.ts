import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { USER_AGENT, classifyInput, fetchText, readTextFile } from '../../src/ingest/read/read-input.ts';
import { projectRoot } from '../support/content-fixtures.ts';
import { encode } from '../support/encodings.ts';

const fixtures = path.join(projectRoot, 'tests', 'fixtures');
const webFixture = (name: string) => path.join(fixtures, 'web', name);

describe('fetching a URL', () => {
	let server: Server;
	let base: string;
	const page = '<!DOCTYPE html><html><body><p>Zuckerberg in Seoul</p></body></html>';

	beforeAll(async () => {
		server = createServer((request, response) => {
			switch (request.url) {
				case '/page':
					response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
					return;
				case '/moved':
					response.writeHead(302, { location: '/page' }).end();
					return;
				case '/user-agent':
					response.writeHead(200, { 'content-type': 'text/plain' }).end(request.headers['user-agent']);
					return;
				case '/korean':
					response.writeHead(200, { 'content-type': 'text/plain; charset=euc-kr' }).end(Buffer.from('bcadbfef', 'hex'));
					return;
				case '/slow-headers':
					setTimeout(() => response.writeHead(200, { 'content-type': 'text/html' }).end(page), 2_000).unref();
					return;
				case '/slow-body':
					response.writeHead(200, { 'content-type': 'text/html' });
					response.write('<!DOCTYPE html><p>first part');
					setTimeout(() => response.end('</p>'), 2_000).unref();
					return;
				case '/big': {
					// Chunked, with no content-length: the cap must hold while streaming.
					response.writeHead(200, { 'content-type': 'text/plain' });
					for (let chunk = 0; chunk < 64; chunk++) response.write('x'.repeat(1024));
					response.end();
					return;
				}
				case '/big-declared':
					response.writeHead(200, { 'content-type': 'text/plain', 'content-length': 4096 }).end('y'.repeat(4096));
					return;
				case '/image':
					response.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]));
					return;
				default:
					response.writeHead(404, { 'content-type': 'text/html' }).end('<p>Not here</p>');
			}
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});

	afterAll(async () => {
		server.closeAllConnections();
		await new Promise((resolve) => server.close(resolve));
	});

	test('returns the text, its content type and its address', async () => {
		const fetched = await fetchText(`${base}/page`);
		expect(fetched).toMatchObject({ ok: true, text: page, encoding: 'UTF-8', contentType: 'text/html', finalUrl: `${base}/page` });
		expect(fetched.ok && Buffer.compare(fetched.bytes, Buffer.from(page))).toBe(0);
	});

	test('follows redirects, and gives the address it ended at', async () => {
		expect(await fetchText(`${base}/moved`)).toMatchObject({ ok: true, text: page, finalUrl: `${base}/page` });
	});

	test('says who is asking, honestly', async () => {
		expect(await fetchText(`${base}/user-agent`)).toMatchObject({ ok: true, text: USER_AGENT });
		expect(USER_AGENT).toBe('story-ingest/1.0 (static news aggregator; +README)');
	});

	test('decodes the charset the server names', async () => {
		expect(await fetchText(`${base}/korean`)).toMatchObject({ ok: true, text: '서울' });
	});

	test('refuses an HTTP error status in one line', async () => {
		expect(await fetchText(`${base}/missing`)).toEqual({ ok: false, refusal: { origin: `${base}/missing`, reason: 'HTTP 404 Not Found' } });
	});

	test('gives up after the timeout, waiting for the headers or for the body', async () => {
		for (const route of ['/slow-headers', '/slow-body']) {
			const started = Date.now();
			expect(await fetchText(`${base}${route}`, { timeoutMs: 200 })).toEqual({ ok: false, refusal: { origin: `${base}${route}`, reason: 'timed out after 200 ms' } });
			expect(Date.now() - started).toBeLessThan(1_500);
		}
	});

	test('refuses a body past the cap, streamed or declared', async () => {
		expect(await fetchText(`${base}/big`, { maxBytes: 1000 })).toEqual({ ok: false, refusal: { origin: `${base}/big`, reason: 'larger than the 1000-byte cap' } });
		expect(await fetchText(`${base}/big-declared`, { maxBytes: 2048 })).toEqual({ ok: false, refusal: { origin: `${base}/big-declared`, reason: 'larger than the 2 KB cap' } });
		expect(await fetchText(`${base}/big`)).toMatchObject({ ok: true, text: 'x'.repeat(64 * 1024) });
	});

	test('refuses what is not text', async () => {
		expect(await fetchText(`${base}/image`)).toEqual({ ok: false, refusal: { origin: `${base}/image`, reason: 'not text (content-type image/png)' } });
	});

	test('refuses an address that is not http(s)', async () => {
		expect(await fetchText('file:///etc/passwd')).toEqual({ ok: false, refusal: { origin: 'file:///etc/passwd', reason: 'not an http(s) address' } });
	});
});

describe('reading a file', () => {
	let dir: string;
	beforeAll(async () => {
		dir = await mkdtemp(path.join(tmpdir(), 'read-input-'));
	});
	afterAll(async () => rm(dir, { recursive: true, force: true }));

	test('returns its text', async () => {
		const file = webFixture('feed.rss');
		const read = await readTextFile(file);
		expect(read).toMatchObject({ ok: true, text: await readFile(file, 'utf8'), encoding: 'UTF-8' });
		expect(read.ok && Buffer.compare(read.bytes, await readFile(file))).toBe(0);
	});

	test('refuses a binary file in one line', async () => {
		expect(await readTextFile(webFixture('binary.bin'))).toEqual({ ok: false, refusal: { origin: webFixture('binary.bin'), reason: 'a binary file, not text (it holds NUL bytes)' } });
	});

	test('refuses a text that is not UTF-8 and declares no encoding: its encoding cannot be told', async () => {
		const file = path.join(dir, 'latin1.txt');
		await writeFile(file, Buffer.from('Caf\xe9 in Seoul', 'latin1'));
		expect(await readTextFile(file)).toEqual({
			ok: false,
			refusal: { origin: file, reason: 'it is not UTF-8 and declares no encoding (no charset in the HTTP header, the XML prolog or a <meta>), so its encoding cannot be told' },
		});
	});

	test('decodes a saved page by its <meta charset>, and keeps its bytes as they were', async () => {
		const file = path.join(dir, 'korean.html');
		const html = '<!doctype html><html lang="ko"><head><meta charset="euc-kr"><title>저커버그</title></head><body><p>이재용 회장과 회동</p></body></html>';
		const bytes = encode(html, 'euc_kr');
		await writeFile(file, bytes);
		const read = await readTextFile(file);
		expect(read).toMatchObject({ ok: true, text: html, encoding: 'EUC-KR', encodingFrom: 'meta charset' });
		expect(read.ok && Buffer.compare(read.bytes, bytes)).toBe(0);
	});

	test('refuses a file it cannot read, saying why', async () => {
		const missing = path.join(dir, 'missing.html');
		expect(await readTextFile(missing)).toEqual({ ok: false, refusal: { origin: missing, reason: 'cannot read the file (no such file)' } });
		expect(await readTextFile(dir)).toEqual({ ok: false, refusal: { origin: dir, reason: 'cannot read the file (it is a folder, not a file)' } });
	});
});

describe('telling feeds, pages and text apart', () => {
	test.each([
		['feed.rss', 'feed'],
		['feed.atom', 'feed'],
		['feed.json', 'feed'],
		['malformed.rss', 'feed'],
		['tokyo-wire.html', 'html'],
		['jamnagar-post.html', 'html'],
	])('reads %s as a %s by its first characters, whatever its name says', async (name, kind) => {
		expect(classifyInput(await readFile(webFixture(name), 'utf8'), '.txt')).toBe(kind);
	});

	test('reads a plain-text article as text', async () => {
		expect(classifyInput(await readFile(path.join(fixtures, 'seoul-wrap-up.txt'), 'utf8'), '.txt')).toBe('text');
	});

	test('falls back to the content type or the extension where the text does not say', () => {
		expect(classifyInput('<p>A fragment</p>', 'text/html; charset=utf-8')).toBe('html');
		expect(classifyInput('<p>A fragment</p>', 'page.html')).toBe('html');
		expect(classifyInput('{"version": "1"}', 'application/json')).toBe('feed');
		expect(classifyInput('<feed><entry/></feed>', '.atom')).toBe('feed');
		expect(classifyInput('Zuckerberg in Seoul', 'text/plain')).toBe('text');
		expect(classifyInput('Zuckerberg in Seoul', '')).toBe('text');
	});

	test('does not take an Atom-like <feed> without the Atom namespace, or JSON without a jsonfeed.org version, for a feed', () => {
		expect(classifyInput('<feed>not atom</feed>', '.txt')).toBe('text');
		expect(classifyInput('{"version": "https://example.com/v1"}', '.txt')).toBe('text');
	});
});
