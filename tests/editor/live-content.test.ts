/**
 * The editor's loop: `astro dev` shows each saved change to the content on the next
 * page load (titles, and names, which feed the entity links), and a change that
 * breaks the content fails the page with the checker's line, in the terminal and in
 * the error overlay, never with the old content.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { copyProject, removeProject, startDevServer, type DevServer } from '../../scripts/lib/dev-server.ts';
import { editFile, realContentDir } from '../support/content-fixtures.ts';
import { loadContent } from '../../src/content-files/load-content.ts';

let projectDir: string;
let server: DevServer;
let articleId: string;
let articleFile: string;

beforeAll(async () => {
	projectDir = await copyProject(realContentDir);
	// The article that names Google, which the alias test below unlinks.
	const { input } = await loadContent(path.join(projectDir, 'content'));
	const google = input.articles.find((article) => /\bGoogle\b/.test(article.body ?? ''));
	if (!google) throw new Error('no article names Google');
	articleId = google.id;
	articleFile = path.join(projectDir, 'content', 'articles', `${articleId}.md`);
	// A kept source holds an article's title to the source's headline; without one, the
	// title is the editor's to change.
	await editFile(articleFile, /^seed: .*\n/m, '');
	server = await startDevServer(projectDir);
}, 180_000);
afterAll(async () => removeProject(projectDir, server));

/** What the error overlay is sent: its message (HTML), and the file and line its code frame shows. */
interface OverlayError {
	message: string;
	stack?: string;
	loc?: { file?: string; line?: number; column?: number };
}

/**
 * Listens as the error overlay does: on Vite's websocket, whose token the page's
 * client script carries. Resolves with the first error.
 */
async function nextOverlayError(): Promise<{ error: Promise<OverlayError>; close: () => void }> {
	const client = await (await fetch(new URL('@vite/client', server.url))).text();
	const token = /const wsToken = "([^"]+)"/.exec(client)?.[1];
	if (!token) throw new Error('no websocket token in /@vite/client');
	const socket = new WebSocket(`${server.url.replace('http', 'ws')}?token=${token}`, 'vite-hmr');
	await new Promise((resolve, reject) => {
		socket.addEventListener('open', resolve, { once: true });
		socket.addEventListener('error', reject, { once: true });
	});
	const error = new Promise<OverlayError>((resolve) => {
		socket.addEventListener('message', (event) => {
			const payload = JSON.parse(String(event.data)) as { type: string; err?: OverlayError };
			if (payload.type === 'error' && payload.err) resolve(payload.err);
		});
	});
	return { error, close: () => socket.close() };
}

/** The article page: its status, its HTML, and the text of its `<title>` and `<h1>`. */
async function page(): Promise<{ status: number; html: string; title: string | undefined; heading: string | undefined }> {
	const response = await fetch(new URL(`articles/${articleId}/`, server.url));
	const html = await response.text();
	return {
		status: response.status,
		html,
		title: /<title>([^<]*)<\/title>/.exec(html)?.[1],
		heading: /<h1\b[^>]*>([^<]*)<\/h1>/.exec(html)?.[1],
	};
}

/** Saves a change, and waits until the server has seen it (it prints the file's name). */
async function save(file: string, search: string | RegExp, replacement: string): Promise<number> {
	const from = server.output().length;
	await editFile(file, search, replacement);
	await server.waitFor(new RegExp(`${path.basename(file).replace('.', '\\.')} changed`), { from, timeoutMs: 10_000 });
	return from;
}

describe('the dev server', { timeout: 60_000 }, () => {
	test('shows an edited title on the next page load', async () => {
		const before = await page();
		expect(before.status).toBe(200);
		expect(before.heading).toBeTruthy();
		expect(before.heading).not.toBe('A title edited while the server runs');
		await save(articleFile, /^title: .*$/m, 'title: "A title edited while the server runs"');
		const after = await page();
		expect(after.status).toBe(200);
		expect(after.title).toMatch(/^A title edited while the server runs · /);
		expect(after.heading).toBe('A title edited while the server runs');
	});

	test('links names as the content names them now: an alias removed is no longer a link', async () => {
		const link = />Google<\/a>/;
		expect(link.test((await page()).html)).toBe(true);
		const alphabet = path.join(projectDir, 'content', 'companies', 'alphabet.md');
		expect(await readFile(alphabet, 'utf8')).toContain('"Google"');
		await save(alphabet, /, "Google"|"Google", /, '');
		const { status, html } = await page();
		expect(status).toBe(200);
		expect(html.includes('Google')).toBe(true);
		expect(link.test(html)).toBe(false);
	});

	test('fails the page with the file and the field of a broken date, then recovers when it is fixed', async () => {
		const original = (await readFile(articleFile, 'utf8')).match(/^published: .*$/m)?.[0];
		expect(original).toBeDefined();
		const from = await save(articleFile, /^published: .*$/m, 'published: "2024-02-30"');
		const line = `content/articles/${articleId}.md: published: expected a real date`;
		// In the terminal: the checker's own line.
		await server.waitFor(new RegExp(line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), { from, timeoutMs: 10_000 });
		// In the browser: an error, not the article; the overlay shows that line, with the
		// article's file at the line of its date as the code frame, and nothing else.
		const overlay = await nextOverlayError();
		try {
			const broken = await page();
			expect(broken.status).toBe(500);
			expect(broken.html).not.toContain('A title edited while the server runs');
			const error = await overlay.error;
			expect(error.message).toContain(line);
			expect(error.message).not.toMatch(/stacktrace appears|ssrFixStacktrace|src\/data\.ts/);
			expect(error.stack ?? '').not.toMatch(/^\s+at /m);
			const lines = (await readFile(articleFile, 'utf8')).split('\n');
			expect(error.loc?.file).toBe(articleFile);
			expect(lines[(error.loc?.line ?? 0) - 1]).toBe('published: "2024-02-30"');
		} finally {
			overlay.close();
		}
		// A second page load reports nothing new: the terminal has the line once, and no stack trace.
		expect((await page()).status).toBe(500);
		await new Promise((resolve) => setTimeout(resolve, 500));
		const printed = server.output().slice(from);
		expect(printed.split(line).length - 1).toBe(1);
		expect(printed).not.toMatch(/^\s+at /m);

		await save(articleFile, /^published: .*$/m, original ?? '');
		const fixed = await page();
		expect(fixed.status).toBe(200);
		expect(fixed.heading).toBe('A title edited while the server runs');
	});
});
