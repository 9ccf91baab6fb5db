/**
 * `npm run update`, against a host on 127.0.0.1 that behaves as the web does: ETags and
 * 304s, Last-Modified, gzip, permanent and passing redirects, a feed gone for good, a
 * host that asks to be left alone for a while (429, 503 with Retry-After), one that never
 * answers, a broken feed, feeds in windows-1252 and ISO-8859-1, and one that repeats its
 * items under new GUIDs. Each test runs the real command, twice or more, and reads the
 * requests the host saw, the subscription and state files, and what was written.
 */
import { execFile } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { loadContent } from '../../src/content-files/load-content.ts';
import { FAILURES_BEFORE_PAUSE } from '../../src/feeds/politeness.ts';
import { readSubscriptions, stateText } from '../../src/feeds/subscriptions.ts';
import type { SubscriptionsState } from '../../src/schema/subscriptions.ts';
import { copyContent, projectContentDir, projectRoot, removeDir } from '../support/content-fixtures.ts';
import { startFixtureHost, type FixtureHost, type SeenRequest } from '../support/fixture-host.ts';

const run = promisify(execFile);

/** An RSS item of the story (or not), with enough text to be an article. */
interface Item {
	guid: string;
	title: string;
	paragraphs: string[];
	pubDate: string;
}

const ON_THE_STORY: Record<'lg' | 'kishida' | 'samsung' | 'jamnagar' | 'yoon', Item> = {
	lg: {
		guid: 'lg-talks',
		title: 'Zuckerberg and LG’s William Cho talk XR headsets in Seoul',
		pubDate: 'Wed, 28 Feb 2024 20:00:00 +0900',
		paragraphs: [
			'Meta CEO Mark Zuckerberg met LG Electronics CEO William Cho in Seoul on Wednesday to talk about extended reality headsets and on-device AI.',
			'The two spent about two hours together at LG Twin Towers, LG said, and tried the latest Quest headset.',
			'This item is a made-up fixture for tests.',
		],
	},
	kishida: {
		guid: 'kishida-talks',
		title: 'Kishida and Zuckerberg discuss AI in Tokyo',
		pubDate: 'Tue, 27 Feb 2024 19:00:00 +0900',
		paragraphs: [
			'Prime Minister Fumio Kishida met Meta CEO Mark Zuckerberg in Tokyo on Tuesday to discuss generative artificial intelligence, the government said.',
			'Zuckerberg said he was excited about the work happening in Japan, an official said after the meeting.',
			'This item is a made-up fixture for tests.',
		],
	},
	samsung: {
		guid: 'samsung-dinner',
		title: 'Samsung’s Lee hosts Zuckerberg for dinner',
		pubDate: 'Wed, 28 Feb 2024 23:00:00 +0900',
		paragraphs: [
			'Samsung Electronics Chairman Lee Jae-yong hosted Meta CEO Mark Zuckerberg for dinner at the company’s guest house in Seoul on Wednesday evening.',
			'Analysts at Société Générale said the talks were about AI chips and the foundry business.',
			'This item is a made-up fixture for tests.',
		],
	},
	jamnagar: {
		guid: 'jamnagar-arrival',
		title: 'Zuckerberg arrives in Jamnagar for the Ambani celebrations',
		pubDate: 'Fri, 01 Mar 2024 15:00:00 +0530',
		paragraphs: [
			'Meta CEO Mark Zuckerberg arrived in Jamnagar on Friday for the pre-wedding celebrations of Anant Ambani, the younger son of Mukesh Ambani.',
			'Guests were welcomed at the café of the Reliance township, the organisers said, before the first evening of festivities.',
			'This item is a made-up fixture for tests.',
		],
	},
	yoon: {
		guid: 'yoon-talks',
		title: 'Yoon and Zuckerberg discuss AI chips',
		pubDate: 'Thu, 29 Feb 2024 16:00:00 +0900',
		paragraphs: [
			'President Yoon Suk Yeol met Meta CEO Mark Zuckerberg at the presidential office in Seoul on Thursday and asked Meta to work with Korean chipmakers.',
			'Zuckerberg said the country’s chip industry was critical to the future of AI, the office said.',
			'This item is a made-up fixture for tests.',
		],
	},
};

const OFF_THE_STORY: Item = {
	guid: 'weather',
	title: 'Mild weather for the weekend',
	pubDate: 'Wed, 28 Feb 2024 09:00:00 +0900',
	paragraphs: ['Temperatures will rise across the region this weekend, with a chance of rain on Sunday, the weather service said.', 'This item is a made-up fixture for tests.'],
};

/** An RSS 2.0 feed of these items; `prolog` carries an encoding declaration where given. */
function rss(title: string, items: readonly Item[], prolog = '<?xml version="1.0" encoding="UTF-8"?>', extra = ''): string {
	const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
	return `${prolog}
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>${escape(title)}</title><link>https://feeds.example/</link><description>A fictional feed for tests.</description>${extra}
${items
	.map(
		(item) => `<item><title>${escape(item.title)}</title><link>https://feeds.example/${item.guid}</link><guid isPermaLink="false">${item.guid}</guid><pubDate>${item.pubDate}</pubDate>
<content:encoded><![CDATA[${item.paragraphs.map((paragraph) => `<p>${paragraph}</p>`).join('\n')}]]></content:encoded></item>`,
	)
	.join('\n')}
</channel></rss>`;
}

const XML = 'application/rss+xml; charset=UTF-8';

/** The routes of the host: each path a feed with its manners. */
function routes(): FixtureHost['routes'] {
	let reguidServed = 0;
	return {
		'/etag.xml': (request) =>
			request.headers['if-none-match'] === '"v1"'
				? { status: 304, body: '', contentType: XML, headers: { etag: '"v1"' } }
				: { body: rss('ETag feed', [ON_THE_STORY.lg]), contentType: XML, headers: { etag: '"v1"', 'cache-control': 'max-age=1800' } },
		'/lastmod.xml': (request) =>
			request.headers['if-modified-since'] === 'Wed, 28 Feb 2024 12:00:00 GMT'
				? { status: 304, body: '', contentType: XML }
				: { body: rss('Last-Modified feed', [OFF_THE_STORY], undefined, '<ttl>120</ttl>'), contentType: XML, headers: { 'last-modified': 'Wed, 28 Feb 2024 12:00:00 GMT' } },
		'/gzip.xml': { body: rss('Gzip feed', [ON_THE_STORY.kishida]), contentType: XML, gzip: true },
		'/moved.xml': { status: 301, body: '', contentType: 'text/plain', headers: { location: '/moved-home.xml' } },
		'/moved-home.xml': { body: rss('Moved feed', [OFF_THE_STORY]), contentType: XML },
		'/moved-308.xml': { status: 308, body: '', contentType: 'text/plain', headers: { location: '/moved-308-home.xml' } },
		'/moved-308-home.xml': { body: rss('Moved for good', [OFF_THE_STORY]), contentType: XML },
		'/passing.xml': { status: 302, body: '', contentType: 'text/plain', headers: { location: '/passing-today.xml' } },
		'/passing-today.xml': { body: rss('Passing feed', [OFF_THE_STORY]), contentType: XML },
		'/passing-307.xml': { status: 307, body: '', contentType: 'text/plain', headers: { location: '/passing-307-today.xml' } },
		'/passing-307-today.xml': { body: rss('Passing for a while', [OFF_THE_STORY]), contentType: XML },
		// Permanent moves to an address that is not a feed (a 404, a 410), and onto feeds followed already.
		'/moved-to-missing.xml': { status: 301, body: '', contentType: 'text/plain', headers: { location: '/nowhere.xml' } },
		'/moved-to-gone.xml': { status: 308, body: '', contentType: 'text/plain', headers: { location: '/gone.xml' } },
		'/moved-onto-etag.xml': { status: 301, body: '', contentType: 'text/plain', headers: { location: '/etag.xml' } },
		'/moved-again.xml': { status: 301, body: '', contentType: 'text/plain', headers: { location: '/moved-home.xml' } },
		// Feeds that take their time to answer, to see how many requests a host has in flight.
		...Object.fromEntries(['/slow-1.xml', '/slow-2.xml', '/slow-3.xml'].map((each) => [each, { body: rss(`Slow feed ${each}`, [OFF_THE_STORY]), contentType: XML, delayMs: 300 }])),
		'/gone.xml': { status: 410, body: 'Gone', contentType: 'text/plain' },
		'/busy.xml': { status: 429, body: 'Slow down', contentType: 'text/plain', headers: { 'retry-after': '3600' } },
		'/down.xml': { status: 503, body: 'Down for maintenance', contentType: 'text/plain', headers: { 'retry-after': new Date(Date.now() + 2 * 3_600_000).toUTCString() } },
		'/slow.xml': () => 'no answer',
		'/broken.xml': { body: '<?xml version="1.0"?><rss><channel><title>Broken</title><item><title>Cut off', contentType: XML },
		// Declared only in its XML prolog, as many Western CMSs do.
		'/windows-1252.xml': { body: windows1252(rss('Western feed', [ON_THE_STORY.samsung], '<?xml version="1.0" encoding="windows-1252"?>')), contentType: 'application/rss+xml' },
		'/iso-8859-1.xml': { body: Buffer.from(rss('Latin feed', [ON_THE_STORY.jamnagar], '<?xml version="1.0"?>'), 'latin1'), contentType: 'application/rss+xml; charset=ISO-8859-1' },
		'/reguid.xml': () => {
			reguidServed += 1;
			return { body: rss('Re-GUIDed feed', [{ ...ON_THE_STORY.yoon, guid: `yoon-talks-${reguidServed}` }]), contentType: XML };
		},
	};
}

/** windows-1252 bytes of a text with curly quotes, as a Western publisher's CMS writes them. */
function windows1252(text: string): Buffer {
	const special: Record<string, number> = { '’': 0x92, '‘': 0x91, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97, '€': 0x80 };
	return Buffer.from([...text].map((char) => special[char] ?? char.charCodeAt(0)));
}

let host: FixtureHost;
let contentDir: string;
const listFile = () => path.join(contentDir, 'subscriptions.yaml');
const stateFile = () => path.join(contentDir, 'subscriptions.state.json');

/** Runs `npm run update` over the content copy; resolves with its exit code and output. */
async function update(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
	return updateIn(projectRoot, ...args);
}

/** Runs `npm run update` over the content copy from the folder `cwd`. */
async function updateIn(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
	return run(process.execPath, [path.join(projectRoot, 'scripts', 'update.ts'), '--content', contentDir, '--timeout', '1', ...args], { cwd, maxBuffer: 16 * 1024 * 1024 }).then(
		({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
		(error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
	);
}

/** Writes the subscriptions file: these paths of the host (or these addresses), with a comment of the editor's. */
async function subscribe(...paths: string[]): Promise<void> {
	const address = (each: string) => (each.startsWith('http') ? each : host.url(each));
	await writeFile(listFile(), `# Feeds of the story, kept by an editor.\n${paths.map((each) => `- url: ${address(each)}  # ${each}\n`).join('')}`);
}

/** The requests the host saw since `from`, for one path. */
const requestsFor = (feed: string, from = 0): SeenRequest[] => host.requests.slice(from).filter((request) => request.path === feed);

/** Moves every feed's next poll an hour into the past, as the clock does between two scheduled runs. */
async function pastNextPoll(): Promise<void> {
	const state = JSON.parse(await readFile(stateFile(), 'utf8')) as SubscriptionsState;
	const hourAgo = new Date(Date.now() - 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
	for (const feed of Object.values(state.feeds)) feed.nextPoll = hourAgo;
	await writeFile(stateFile(), stateText(state));
}

/** Every file of the content folder with its text, to prove what a run changed. */
async function snapshot(): Promise<Map<string, string>> {
	const files = new Map<string, string>();
	for (const name of await readdir(contentDir, { recursive: true })) {
		const text = await readFile(path.join(contentDir, name), 'utf8').catch(() => undefined);
		if (text !== undefined) files.set(name, text);
	}
	return files;
}

beforeEach(async () => {
	host = await startFixtureHost(routes());
	// The project's own content, whose claims and stops the fixtures speak to.
	contentDir = await copyContent(projectContentDir);
});
afterEach(async () => {
	await host.stop();
	await removeDir(contentDir);
});

describe('npm run update', { timeout: 60_000 }, () => {
	test('takes in the new items of every feed, politely, and records what it learnt of each', async () => {
		await subscribe('/etag.xml', '/lastmod.xml', '/gzip.xml', '/windows-1252.xml', '/iso-8859-1.xml', '/gone.xml', '/busy.xml', '/down.xml', '/slow.xml', '/broken.xml');
		const { code, stdout } = await update();
		expect(code).toBe(0);

		// Every request: the honest User-Agent, gzip accepted, nothing conditional yet.
		for (const request of host.requests) {
			expect(request.headers['user-agent']).toMatch(/^story-ingest\/1\.0 /);
			expect(request.headers['accept-encoding']).toBe('gzip');
			expect(request.headers['if-none-match']).toBeUndefined();
		}

		// One line per feed.
		expect(stdout).toMatch(/etag\.xml: 1 new, 0 already in the story, 0 skipped/);
		expect(stdout).toMatch(/lastmod\.xml: 0 new, 0 already in the story, 1 skipped/);
		expect(stdout).toMatch(/gone\.xml: paused: 410 Gone/);
		expect(stdout).toMatch(/busy\.xml: 429, retry after 3600/);
		expect(stdout).toMatch(/slow\.xml: failed: timed out after 1 s/);
		expect(stdout).toMatch(/broken\.xml: failed: /);

		// The items of the story, decoded as their feeds declare: no mojibake.
		const { input } = await loadContent(contentDir);
		const titles = input.articles.map((article) => article.data.title);
		expect(titles).toEqual(expect.arrayContaining([ON_THE_STORY.lg.title, ON_THE_STORY.kishida.title, ON_THE_STORY.samsung.title, ON_THE_STORY.jamnagar.title]));
		const samsung = input.articles.find((article) => article.data.title === ON_THE_STORY.samsung.title);
		expect(samsung?.body).toContain('Société Générale');
		expect(samsung?.body).toContain('company’s guest house');
		expect(input.articles.find((article) => article.data.title === ON_THE_STORY.jamnagar.title)?.body).toContain('café');

		// The state: validators, intervals, waits, pauses and failures.
		const state = JSON.parse(await readFile(stateFile(), 'utf8')).feeds;
		expect(state[host.url('/etag.xml')]).toMatchObject({ etag: '"v1"', intervalMinutes: 30, failures: 0 });
		expect(state[host.url('/lastmod.xml')]).toMatchObject({ lastModified: 'Wed, 28 Feb 2024 12:00:00 GMT', intervalMinutes: 120 });
		expect(state[host.url('/gone.xml')].paused).toMatch(/^410 Gone/);
		expect(new Date(state[host.url('/busy.xml')].retryAfter).getTime()).toBeGreaterThan(Date.now() + 3_500_000);
		expect(state[host.url('/down.xml')].retryAfter).toBeDefined();
		expect(state[host.url('/slow.xml')]).toMatchObject({ failures: 1 });
		expect(state[host.url('/broken.xml')]).toMatchObject({ failures: 1 });
	});

	test('sends the validators back, waits as asked, leaves a paused feed alone, and forces no more than the interval', async () => {
		await subscribe('/etag.xml', '/lastmod.xml', '/gone.xml', '/busy.xml', '/down.xml');
		await update();
		const from = host.requests.length;

		// At once, without --force: nothing is due, nothing is asked, and the report says so.
		const early = await update();
		expect(host.requests.length).toBe(from);
		expect(early.stdout).toMatch(/^Polled 0 of 5 subscriptions; 5 not due:$/m);

		// With --force: conditional requests; still nothing before a Retry-After, nor to a paused feed.
		const { code } = await update('--force');
		expect(code).toBe(0);
		expect(requestsFor('/etag.xml', from).map((request) => request.headers['if-none-match'])).toEqual(['"v1"']);
		expect(requestsFor('/lastmod.xml', from).map((request) => request.headers['if-modified-since'])).toEqual(['Wed, 28 Feb 2024 12:00:00 GMT']);
		expect(requestsFor('/busy.xml', from)).toEqual([]);
		expect(requestsFor('/down.xml', from)).toEqual([]);
		expect(requestsFor('/gone.xml', from)).toEqual([]);
	});

	test('a second run against unchanged feeds transfers no feed body and changes no file', async () => {
		await subscribe('/etag.xml', '/lastmod.xml');
		await update();
		const before = await snapshot();
		const from = host.requests.length;
		const { stdout } = await update('--force');
		expect(requestsFor('/etag.xml', from)).toHaveLength(1);
		expect(requestsFor('/lastmod.xml', from)).toHaveLength(1);
		expect(stdout).toMatch(/etag\.xml: not modified/);
		expect(stdout).toMatch(/lastmod\.xml: not modified/);
		const after = await snapshot();
		expect([...after.keys()].filter((file) => after.get(file) !== before.get(file))).toEqual([]);
		expect(after).toEqual(before);
	});

	test('a scheduled run against unchanged feeds that are due gets only 304s, transfers no body and changes no file, run after run', async () => {
		await subscribe('/etag.xml', '/lastmod.xml');
		await update();
		// Hours later, as at the next scheduled run: every feed past its next poll.
		await pastNextPoll();
		const before = await snapshot();
		for (const time of [1, 2]) {
			const from = host.requests.length;
			const { code, stdout } = await update();
			expect(code, `run ${time}`).toBe(0);
			const asked = host.requests.slice(from);
			expect(asked.map((request) => request.path).sort(), `run ${time}`).toEqual(['/etag.xml', '/lastmod.xml']);
			for (const request of asked) expect(request.answer, `run ${time}: ${request.path}`).toEqual({ status: 304, bodyBytes: 0 });
			expect(stdout).toMatch(/etag\.xml: not modified/);
			expect(stdout).toMatch(/lastmod\.xml: not modified/);
			const after = await snapshot();
			expect([...after.keys()].filter((file) => after.get(file) !== before.get(file)), `run ${time}`).toEqual([]);
			expect(after).toEqual(before);
		}
	});

	test('follows a permanent move (301, 308) in the subscriptions file, keeping its comments, but not a passing one (302, 307)', async () => {
		await subscribe('/moved.xml', '/moved-308.xml', '/passing.xml', '/passing-307.xml');
		const { stdout } = await update();
		expect(stdout).toMatch(/moved\.xml: moved to .*\/moved-home\.xml; 0 new/);
		expect(stdout).toMatch(/passing-307\.xml: 0 new/);
		const list = await readFile(listFile(), 'utf8');
		expect(list).toBe(
			`# Feeds of the story, kept by an editor.\n- url: ${host.url('/moved-home.xml')}  # /moved.xml\n- url: ${host.url('/moved-308-home.xml')}  # /moved-308.xml\n- url: ${host.url('/passing.xml')}  # /passing.xml\n- url: ${host.url('/passing-307.xml')}  # /passing-307.xml\n`,
		);
		const state = JSON.parse(await readFile(stateFile(), 'utf8')).feeds;
		expect(Object.keys(state).sort()).toEqual([host.url('/moved-308-home.xml'), host.url('/moved-home.xml'), host.url('/passing-307.xml'), host.url('/passing.xml')].sort());

		// The next run asks the new address, and the passing ones at their own addresses again.
		const from = host.requests.length;
		await update('--force');
		expect(requestsFor('/moved.xml', from)).toEqual([]);
		expect(requestsFor('/moved-home.xml', from)).toHaveLength(1);
		expect(requestsFor('/passing.xml', from)).toHaveLength(1);
		expect(requestsFor('/passing-307.xml', from)).toHaveLength(1);
	});

	test('keeps the url of a feed moved for good to an address that answers 404 or 410, and asks the old address again', async () => {
		await subscribe('/moved-to-missing.xml', '/moved-to-gone.xml');
		const listed = await readFile(listFile(), 'utf8');
		const { code, stdout } = await update();
		expect(code).toBe(0);
		expect(stdout).toMatch(/moved-to-missing\.xml: failed: HTTP 404 \(from .*\/nowhere\.xml, where a permanent redirect led; the url is kept\)/);
		expect(stdout).toMatch(/moved-to-gone\.xml: paused: 410 Gone, the host says the feed is no more \(from .*\/gone\.xml, /);
		expect(await readFile(listFile(), 'utf8')).toBe(listed);
		const state = JSON.parse(await readFile(stateFile(), 'utf8')).feeds;
		expect(Object.keys(state).sort()).toEqual([host.url('/moved-to-gone.xml'), host.url('/moved-to-missing.xml')]);
		expect(state[host.url('/moved-to-missing.xml')]).toMatchObject({ failures: 1 });

		const from = host.requests.length;
		await update('--force');
		expect(requestsFor('/moved-to-missing.xml', from)).toHaveLength(1);
		expect(requestsFor('/moved-to-gone.xml', from)).toEqual([]);
	});

	test('reports a feed moved for good onto a feed already followed, leaves the file valid, and the next run goes on', async () => {
		// /moved-onto-etag.xml moves onto /etag.xml, followed already; /moved-again.xml onto /moved-home.xml, where /moved.xml moves in the same run.
		await subscribe('/etag.xml', '/moved-onto-etag.xml', '/moved.xml', '/moved-again.xml');
		const { code, stdout } = await update();
		expect(code).toBe(0);
		expect(stdout).toMatch(/moved-onto-etag\.xml: paused: moved to .*\/etag\.xml, which is already followed: this entry can be removed/);
		expect(stdout).toMatch(/moved-again\.xml: paused: moved to .*\/moved-home\.xml, which is already followed: this entry can be removed/);
		const list = await readFile(listFile(), 'utf8');
		expect(list).toBe(
			`# Feeds of the story, kept by an editor.\n- url: ${host.url('/etag.xml')}  # /etag.xml\n- url: ${host.url('/moved-onto-etag.xml')}  # /moved-onto-etag.xml\n- url: ${host.url('/moved-home.xml')}  # /moved.xml\n- url: ${host.url('/moved-again.xml')}  # /moved-again.xml\n`,
		);
		expect(readSubscriptions('subscriptions.yaml', list).problems).toEqual([]);

		// The next run: the file is still valid, the paused entries are asked nothing, the others are.
		const from = host.requests.length;
		const next = await update('--force');
		expect(next.code).toBe(0);
		expect(next.stdout).toMatch(/moved-onto-etag\.xml: paused: moved to .*\/etag\.xml, which is already followed/);
		expect(requestsFor('/moved-onto-etag.xml', from)).toEqual([]);
		expect(requestsFor('/moved-again.xml', from)).toEqual([]);
		expect(requestsFor('/etag.xml', from)).toHaveLength(1);
		expect(requestsFor('/moved-home.xml', from)).toHaveLength(1);
	});

	test('records a feed whose item cannot be taken in as failed, and goes on with the others', async () => {
		// An editor's unfinished draft sits where the LG item's entry would be written: writing it throws.
		await writeFile(path.join(contentDir, 'articles', 'zuckerberg-and-lgs-william-cho-talk-xr-headsets-in-seoul.md'), '---\ntitle: A draft, not finished\n---\n');
		await subscribe('/etag.xml', '/gzip.xml');
		const { code, stdout } = await update();
		expect(code).toBe(0);
		expect(stdout).toMatch(/etag\.xml: failed: .*already exists/);
		expect(stdout).toMatch(/gzip\.xml: 1 new, 0 already in the story, 0 skipped/);
		const state = JSON.parse(await readFile(stateFile(), 'utf8')).feeds;
		// Counted toward its pause, its validators not kept (the next run reads it whole again).
		expect(state[host.url('/etag.xml')]).toMatchObject({ failures: 1, lastStatus: expect.stringMatching(/^failed: .*already exists/) });
		expect(state[host.url('/etag.xml')].etag).toBeUndefined();
		expect(state[host.url('/gzip.xml')]).toMatchObject({ failures: 0 });
	});

	test('asks one host one thing at a time, and hosts side by side', async () => {
		// 127.0.0.1 and localhost: two names, so two hosts, though one server answers both.
		await subscribe('/slow-1.xml', '/slow-2.xml', '/slow-3.xml', host.urlAs('localhost', '/slow-1.xml'), host.urlAs('localhost', '/slow-2.xml'));
		const { code, stdout } = await update();
		expect(code).toBe(0);
		expect(stdout).toMatch(/^Polled 5 of 5 subscriptions:$/m);
		expect(host.requests.map((request) => request.hostname).sort()).toEqual(['127.0.0.1', '127.0.0.1', '127.0.0.1', 'localhost', 'localhost']);
		expect(host.mostInFlight('127.0.0.1')).toBe(1);
		expect(host.mostInFlight('localhost')).toBe(1);
		expect(host.mostInFlight()).toBe(2);
	});

	test('waits its turn at the host a redirect leads to, as at any other', async () => {
		// A feed on 127.0.0.1 sends its reader to localhost, while localhost's own feeds are being asked.
		host.routes['/hop.xml'] = { status: 302, body: '', contentType: 'text/plain', headers: { location: host.urlAs('localhost', '/slow-3.xml') } };
		await subscribe('/hop.xml', host.urlAs('localhost', '/slow-1.xml'), host.urlAs('localhost', '/slow-2.xml'));
		const { code, stdout } = await update();
		expect(code).toBe(0);
		expect(stdout).toMatch(/hop\.xml: 0 new, 0 already in the story, 1 skipped/);
		expect(host.requests.filter((request) => request.hostname === 'localhost').map((request) => request.path).sort()).toEqual(['/slow-1.xml', '/slow-2.xml', '/slow-3.xml']);
		expect(host.mostInFlight('localhost')).toBe(1);
	});

	test(`pauses a feed after ${FAILURES_BEFORE_PAUSE} failures in a row, and a success in between clears the count`, async () => {
		await subscribe('/broken.xml');
		for (let time = 1; time < FAILURES_BEFORE_PAUSE; time++) await update('--force');
		const feed = host.url('/broken.xml');
		const read = async () => JSON.parse(await readFile(stateFile(), 'utf8')).feeds[feed];
		expect(await read()).toMatchObject({ failures: FAILURES_BEFORE_PAUSE - 1 });
		expect((await read()).paused).toBeUndefined();

		// It mends: the count clears.
		host.routes['/broken.xml'] = { body: rss('Mended', [OFF_THE_STORY]), contentType: XML };
		await update('--force');
		expect(await read()).toMatchObject({ failures: 0 });

		// It breaks again, for good: paused after the limit, and asked no more, even with --force.
		host.routes['/broken.xml'] = { status: 500, body: 'Oops', contentType: 'text/plain' };
		for (let time = 0; time < FAILURES_BEFORE_PAUSE; time++) await update('--force');
		expect((await read()).paused).toMatch(new RegExp(`^${FAILURES_BEFORE_PAUSE} failures in a row`));
		const from = host.requests.length;
		const { stdout } = await update('--force');
		expect(requestsFor('/broken.xml', from)).toEqual([]);
		expect(stdout).toMatch(/broken\.xml: paused: /);

		// --resume asks it again.
		await update('--force', '--resume', feed);
		expect(requestsFor('/broken.xml', from)).toHaveLength(1);
	});

	test('takes an item repeated under a new GUID with the same text for no new article', async () => {
		await subscribe('/reguid.xml');
		await update();
		const articles = async () => (await loadContent(contentDir)).input.articles.length;
		const after = await articles();
		const { stdout } = await update('--force');
		expect(stdout).toMatch(/reguid\.xml: 0 new, 1 already in the story, 0 skipped/);
		expect(await articles()).toBe(after);
	});

	test('writes its report as markdown for a pull request, and applies the suggestions with --apply', async () => {
		await subscribe('/etag.xml');
		const summary = path.join(contentDir, '..', `${path.basename(contentDir)}-summary.md`);
		const { stdout } = await update('--apply', '--summary', summary);
		const markdown = await readFile(summary, 'utf8');
		expect(markdown).toMatch(/^## Story update\n/);
		expect(markdown).toMatch(/\| .*etag\.xml \| 1 new, 0 already in the story, 0 skipped \|/);
		expect(markdown).toContain('### New articles');
		expect(stdout).toMatch(/Applied the suggestions to \d+ files?\. Content is valid: /);
		await removeDir(summary);
	});

	test('names each new entry in its summary by its real path, where --content is not ./content', async () => {
		await subscribe('/etag.xml');
		const summary = path.join(contentDir, '..', `${path.basename(contentDir)}-summary.md`);
		// Run from the folder above the content copy: the entry is <copy>/articles/<id>.md from there.
		await updateIn(path.dirname(contentDir), '--summary', summary);
		const markdown = await readFile(summary, 'utf8');
		await removeDir(summary);
		const [entry] = (await readdir(path.join(contentDir, 'articles'))).filter((name) => name.startsWith('zuckerberg-and-lg'));
		expect(markdown).toContain(`- \`${path.basename(contentDir)}/articles/${entry}\`: ${ON_THE_STORY.lg.title}`);
		expect(markdown).not.toContain('content/articles/');
	});

	test('refuses a mistyped option in one line naming it, then the usage, and polls nothing (exit 2)', async () => {
		await subscribe('/etag.xml');
		const { code, stdout, stderr } = await update('--forse');
		expect(code).toBe(2);
		expect(stderr.split('\n')[0]).toBe('--forse: expected one of the options below, found an option npm run update does not know.');
		expect(stderr).toContain('Usage: npm run update -- [--apply] [--force]');
		expect(stderr).not.toMatch(/\n\s+at /);
		expect(stdout).toBe('');
		expect(host.requests).toEqual([]);
	});

	test('refuses a malformed subscriptions file with one line per problem, and polls nothing', async () => {
		await writeFile(listFile(), `- url: ${host.url('/etag.xml')}\n- url: ftp://feeds.example/feed.xml\n- url: ${host.url('/etag.xml')}\n- link: ${host.url('/gzip.xml')}\n`);
		const { code, stderr } = await update();
		expect(code).toBe(1);
		expect(stderr.trim().split('\n')).toEqual([
			expect.stringMatching(/subscriptions\.yaml: \[1\]\.url: expected an absolute http\(s\) URL, found "ftp:\/\/feeds\.example\/feed\.xml"$/),
			expect.stringMatching(/subscriptions\.yaml: \[2\]\.url: expected a feed not already followed \(it is \[0\]\), found ".*\/etag\.xml"$/),
			expect.stringMatching(/subscriptions\.yaml: \[3\]\.url: expected an absolute http\(s\) URL \(the field is required\), found nothing/),
			expect.stringMatching(/subscriptions\.yaml: \[3\]\.link: expected no field of this name/),
			'Nothing was polled.',
		]);
		expect(host.requests).toEqual([]);
	});
});
