/**
 * `npm run ingest` over Korean and Japanese news, served on 127.0.0.1 as their outlets
 * serve them: pages in EUC-KR and Shift_JIS, one declaring its encoding only in a
 * `<meta http-equiv>` and served with no charset, one naming it only in the HTTP
 * header; feeds in EUC-KR and Shift_JIS. Each test runs the real command into a copy of
 * the content, then reads what it wrote and runs the content check over it.
 */
import { execFile } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { checkContent } from '../../src/content-files/check-content.ts';
import { loadContent } from '../../src/content-files/load-content.ts';
import { copyContent, projectRoot, removeDir } from '../support/content-fixtures.ts';
import { encode } from '../support/encodings.ts';
import { startFixtureHost, type FixtureHost } from '../support/fixture-host.ts';

const run = promisify(execFile);
const script = path.join(projectRoot, 'scripts', 'ingest.ts');
const cjk = (name: string) => path.join(projectRoot, 'tests', 'fixtures', 'cjk', name);

let contentDir: string;
let host: FixtureHost;

/** Runs ingest on the host's addresses; resolves with its exit code and output. */
async function ingest(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
	return run(process.execPath, [script, ...args, '--content', contentDir], { maxBuffer: 16 * 1024 * 1024 }).then(
		({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
		(error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
	);
}

/** The ids of the entries a report says it wrote. */
const writtenIds = (report: string) => [...report.matchAll(/articles\/([a-z0-9-]+)\.md \(source kept as /g)].map((match) => match[1] ?? '');

beforeEach(async () => {
	contentDir = await copyContent();
	const dongbang = await readFile(cjk('dongbang-20240228-zuckerberg-lg.html'));
	host = await startFixtureHost({
		// Declared only in a <meta http-equiv>, and served with no charset: the page alone must tell it.
		'/news/yoon-zuckerberg': { body: await readFile(cjk('hbs-20240229-yoon-zuckerberg.html')), contentType: 'text/html' },
		// Its <meta charset> taken out, so that only the HTTP header names EUC-KR.
		'/economy/lg-meeting': { body: withoutMetaCharset(dongbang), contentType: 'text/html; charset=EUC-KR' },
		'/world/kishida': { body: await readFile(cjk('toa-20240227-zuckerberg-kishida.html')), contentType: 'text/html; charset=Shift_JIS' },
		'/rss/economy.xml': { body: await readFile(cjk('dongbang-economy.rss')), contentType: 'application/rss+xml' },
		'/rss/news.xml': { body: await readFile(cjk('ncb-news.rss')), contentType: 'application/rss+xml; charset=Shift_JIS' },
		// ISO-2022-JP declared nowhere, in the page or by its host: its escape sequences alone tell it.
		'/world/kishida-jis': { body: asUndeclaredIso2022Jp(await readFile(cjk('toa-20240227-zuckerberg-kishida.html'))), contentType: 'text/html' },
		// EUC-KR bytes sent as UTF-8 by a misconfigured host: refused, never written as mojibake.
		'/broken': { body: dongbang, contentType: 'text/html; charset=UTF-8' },
	});
});
afterEach(async () => {
	await host.stop();
	await removeDir(contentDir);
});

/** The page's bytes without its `<meta charset="euc-kr">`, every other byte kept (the markup is ASCII). */
function withoutMetaCharset(bytes: Buffer): Buffer {
	const text = bytes.toString('latin1');
	const cut = text.replace(/<meta charset="euc-kr"\s*\/?>/i, '');
	if (cut === text) throw new Error('the fixture has no <meta charset="euc-kr"> to take out');
	return Buffer.from(cut, 'latin1');
}

/** The Shift_JIS page in ISO-2022-JP, its `<meta charset>` taken out. */
function asUndeclaredIso2022Jp(shiftJis: Buffer): Buffer {
	const text = new TextDecoder('shift_jis').decode(shiftJis);
	const cut = text.replace(/<meta charset="Shift_JIS"\s*\/?>/i, '');
	if (cut === text) throw new Error('the fixture has no <meta charset="Shift_JIS"> to take out');
	return encode(cut, 'iso2022_jp');
}

describe('a Korean or Japanese page', () => {
	test('in EUC-KR, declared only in its <meta http-equiv> and served with no charset, is decoded, placed, and kept as it arrived', async () => {
		const { code, stdout } = await ingest(host.url('/news/yoon-zuckerberg'));
		expect(code, stdout).toBe(0);
		const [id] = writtenIds(stdout);
		const { input } = await loadContent(contentDir);
		const article = input.articles.find((each) => each.id === id);
		expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)+$/);
		expect(article?.data).toMatchObject({ language: 'ko', stops: ['seoul'] });
		expect(article?.data.people).toEqual(expect.arrayContaining(['yoon-suk-yeol', 'mark-zuckerberg']));
		expect(article?.data.companies).toEqual(expect.arrayContaining(['meta']));
		// The bytes tell their encoding themselves: none is recorded, and the source is kept byte for byte.
		expect(article?.data.encoding).toBeUndefined();
		expect(Buffer.compare(await readFile(path.join(contentDir, 'sources', article?.data.seed ?? '-')), await readFile(cjk('hbs-20240229-yoon-zuckerberg.html')))).toBe(0);
		expect(article?.body).toContain('윤석열 대통령이 오늘(29일) 서울 용산 대통령실에서');
		expect(article?.body).not.toContain('\uFFFD');
		expect(stdout).toMatch(/language\s+ko\s+\[from the text \(Hangul\)/);
		expect(stdout).toMatch(/seoul#yoon-meeting/);
		expect((await checkContent(contentDir)).problemLines).toEqual([]);
	});

	test('named EUC-KR only by the HTTP header records its encoding, so the checker decodes the kept bytes as ingest did', async () => {
		const { code, stdout } = await ingest(host.url('/economy/lg-meeting'));
		expect(code, stdout).toBe(0);
		const [id] = writtenIds(stdout);
		const article = (await loadContent(contentDir)).input.articles.find((each) => each.id === id);
		expect(article?.data).toMatchObject({ language: 'ko', encoding: 'EUC-KR', stops: ['seoul'] });
		expect(article?.data.people).toEqual(expect.arrayContaining(['william-cho', 'kwon-bong-seok']));
		expect(article?.body).toContain('조주완 LG전자 사장');
		expect((await checkContent(contentDir)).problemLines).toEqual([]);
	});

	test('in Shift_JIS, is read in Japanese, at its dateline’s stop, with an id romanised from its headline', async () => {
		const { code, stdout } = await ingest(host.url('/world/kishida'));
		expect(code, stdout).toBe(0);
		const [id] = writtenIds(stdout);
		const article = (await loadContent(contentDir)).input.articles.find((each) => each.id === id);
		expect(id).toMatch(/^zakkabagu-shi-kishida-shusho-to-kaidan/);
		expect(article?.data).toMatchObject({ language: 'ja', stops: ['tokyo'], dateline: '【東京東亜】' });
		expect(article?.data.people).toEqual(expect.arrayContaining(['mark-zuckerberg', 'fumio-kishida']));
		expect(stdout).toMatch(/tokyo#kishida-meeting/);
		expect((await checkContent(contentDir)).problemLines).toEqual([]);
	});

	test('in ISO-2022-JP that declares it nowhere, is read by its escape sequences, and the checker reads its kept bytes so too', async () => {
		const { code, stdout } = await ingest(host.url('/world/kishida-jis'));
		expect(code, stdout).toBe(0);
		const [id] = writtenIds(stdout);
		const article = (await loadContent(contentDir)).input.articles.find((each) => each.id === id);
		expect(id).toMatch(/^zakkabagu-shi-kishida-shusho-to-kaidan/);
		expect(article?.data).toMatchObject({ language: 'ja', stops: ['tokyo'] });
		expect(article?.data.encoding).toBeUndefined();
		expect(article?.data.people).toEqual(expect.arrayContaining(['mark-zuckerberg', 'fumio-kishida']));
		expect(article?.body).toContain('岸田文雄首相');
		expect(article?.body).not.toMatch(/\u001b|\$B/);
		expect((await checkContent(contentDir)).problemLines).toEqual([]);
	});

	test('whose bytes are not the encoding its host names is refused in one line, and nothing is written', async () => {
		const before = (await readdir(contentDir, { recursive: true })).sort();
		const { code, stderr } = await ingest(host.url('/broken'));
		expect(code).toBe(1);
		expect(stderr).toMatch(/broken: its bytes are not valid UTF-8, the encoding its HTTP charset names; nothing is decoded into mojibake/);
		expect((await readdir(contentDir, { recursive: true })).sort()).toEqual(before);
	});
});

describe('a Korean or Japanese feed', () => {
	test('in EUC-KR or Shift_JIS takes in the story’s items, skips the rest, and writes no mojibake', async () => {
		const { code, stdout } = await ingest(host.url('/rss/economy.xml'), host.url('/rss/news.xml'));
		expect(code, stdout).toBe(0);
		const ids = writtenIds(stdout);
		expect(ids.length).toBeGreaterThanOrEqual(3);
		expect(stdout).toMatch(/not the story's news: 0\.\d\d: names Yoon Suk Yeol[^;]*, but not Mark Zuckerberg and Meta/);
		const { input } = await loadContent(contentDir);
		for (const id of ids) {
			const article = input.articles.find((each) => each.id === id);
			expect(article?.data.language, id).toMatch(/^(?:ko|ja)$/);
			expect(article?.data.stops.length, id).toBeGreaterThan(0);
			expect(`${article?.data.title}${article?.body}`, id).not.toMatch(/\uFFFD|[ÃÂ][\u0080-\u00ff]/);
		}
		// Each outlet without its section: "동방일보 : 경제", and "NCBニュース\u3000主要ニュース", parted by an ideographic space.
		expect(new Set(ids.map((id) => input.articles.find((each) => each.id === id)?.data.outlet))).toEqual(new Set(['동방일보', 'NCBニュース']));
		expect((await checkContent(contentDir)).problemLines).toEqual([]);
	});
});
