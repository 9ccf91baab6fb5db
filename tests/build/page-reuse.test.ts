/**
 * Pages reused from the last build (src/page-reuse/): after each kind of change an
 * editor or a developer makes, a build with the last build's cache and output folder
 * writes the same site, byte for byte, as a clean build of the same project, and leaves
 * the pages the change did not touch as they were (their files are not written again).
 *
 * Every build here is of one copy of the project with its own content (a change to a
 * component is a change to its source), one after another: the warm builds share one
 * cache and output folder, and each clean build has fresh ones. The machinery is under
 * test, not the content, so it does not take the content under test
 * (the content fixtures' folder) that the editor's path swaps in.
 */
import { mkdtemp, readdir, readFile, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { astroBuild } from '../../scripts/lib/astro-build.ts';
import { copyProject } from '../../scripts/lib/dev-server.ts';
import { treeDifferences } from '../../scripts/lib/dist.ts';

let projectDir: string;
let work: string;
let warmCache: string;
let warmDist: string;

/** The time each file of a folder was last written, by its path relative to the folder. */
async function writtenAt(dir: string): Promise<Map<string, number>> {
	const times = new Map<string, number>();
	for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile()) continue;
		const file = path.join(entry.parentPath, entry.name);
		times.set(path.relative(dir, file).split(path.sep).join('/'), (await stat(file)).mtimeMs);
	}
	return times;
}

/**
 * Builds the copy warm (with the cache and output folder of every build before it) and
 * clean (with fresh ones); fails naming every file in which the two differ. Returns the
 * warm build's output, and the files it left as they were: the pages it reused.
 */
async function buildWarmAndClean(): Promise<{ output: string; reused: Set<string> }> {
	const before = await writtenAt(warmDist);
	const warm = await astroBuild(warmDist, {}, { root: projectDir, cacheDir: warmCache });
	expect(warm.ok, warm.output).toBe(true);
	const after = await writtenAt(warmDist);
	const reused = new Set([...after].filter(([file, time]) => before.get(file) === time).map(([file]) => file));
	const cleanDist = await mkdtemp(path.join(work, 'clean-'));
	const clean = await astroBuild(cleanDist, {}, { root: projectDir });
	expect(clean.ok, clean.output).toBe(true);
	expect(await treeDifferences(warmDist, cleanDist, ['the warm build', 'the clean build'])).toEqual([]);
	await rm(cleanDist, { recursive: true, force: true });
	return { output: warm.output, reused };
}

const content = (...parts: string[]) => path.join(projectDir, 'content', ...parts);

/** Replaces `search` in a file, and fails if it is not there. */
async function editFile(file: string, search: string | RegExp, replacement: string): Promise<void> {
	const text = await readFile(file, 'utf8');
	const edited = text.replace(search, replacement);
	expect(edited, `${file} holds ${String(search)}`).not.toBe(text);
	await writeFile(file, edited);
}

/** An article an editor wrote by hand: no kept source, so its text may be edited. */
const NEW_ARTICLE = `---
title: "Zuckerberg and Yoon talk AI and chips at the presidential office"
published: "2024-02-29"
outlet: Arirang News
stops: [seoul]
countries: [south-korea]
companies: [meta]
people: [mark-zuckerberg, yoon-suk-yeol]
summary: A broadcast report, transcribed by the editor, of Zuckerberg's meeting with President Yoon on AI and chips.
---
Meta chief executive Mark Zuckerberg met President Yoon Suk Yeol at the presidential office in Seoul on Thursday.

The two discussed artificial intelligence and the chips that power it, the presidential office said.
`;
const NEW_ID = 'zuckerberg-and-yoon-talk-ai-and-chips';

beforeAll(async () => {
	projectDir = await copyProject();
	work = await mkdtemp(path.join(tmpdir(), 'story-reuse-'));
	warmCache = path.join(work, 'cache');
	warmDist = path.join(work, 'warm');
	const first = await astroBuild(warmDist, {}, { root: projectDir, cacheDir: warmCache });
	expect(first.ok, first.output).toBe(true);
	expect(first.output).toMatch(/reused 0 from the last build/);
}, 120_000);

afterAll(async () => {
	await rm(projectDir, { recursive: true, force: true });
	await rm(work, { recursive: true, force: true });
});

describe('a build with the last build’s cache', () => {
	test('after no change, leaves every page of a reusable route in place, and writes the same site', async () => {
		const { output, reused } = await buildWarmAndClean();
		for (const file of ['articles/packed-week-in-asia/index.html', 'stops/seoul/index.html', 'facts/yoon-meeting/index.html', 'people/lee-jae-yong/index.html', 'previews/stop-seoul.png']) {
			expect(reused, file).toContain(file);
		}
		expect(output).toMatch(/Rendered \d+ pages and reused [1-9]\d* from the last build/);
	}, 120_000);

	test('after a new article, renders its page and the pages it appears on, and reuses the rest', async () => {
		await writeFile(content('articles', `${NEW_ID}.md`), NEW_ARTICLE);
		const { reused } = await buildWarmAndClean();
		// Its page, its stop's and its people's pages, which list it.
		for (const file of [`articles/${NEW_ID}/index.html`, 'stops/seoul/index.html', 'people/yoon-suk-yeol/index.html']) expect(reused, file).not.toContain(file);
		// A claim of another stop, and a person it does not name.
		for (const file of ['facts/kishida-meeting/index.html', 'people/fumio-kishida/index.html']) expect(reused, file).toContain(file);
	}, 120_000);

	test('after an edited article, renders the pages that show what changed, and reuses the rest', async () => {
		await editFile(content('articles', `${NEW_ID}.md`), 'the chips that power it', 'the semiconductors that power it');
		const { reused } = await buildWarmAndClean();
		expect(reused).not.toContain(`articles/${NEW_ID}/index.html`);
		expect(reused).toContain('facts/kishida-meeting/index.html');
	}, 120_000);

	test('after a deleted article, renders the pages that listed it, and reuses the rest', async () => {
		await unlink(content('articles', `${NEW_ID}.md`));
		const { reused } = await buildWarmAndClean();
		expect(reused).not.toContain('stops/seoul/index.html');
		expect(reused).toContain('facts/kishida-meeting/index.html');
	}, 120_000);

	test('after an edited stop, renders the pages that show it, and reuses the rest', async () => {
		await editFile(content('stops', 'jamnagar.md'), /^summary: (.*)$/m, 'summary: $1 The editor added this sentence.');
		const { reused } = await buildWarmAndClean();
		expect(reused).not.toContain('stops/jamnagar/index.html');
		expect(reused).toContain('facts/kishida-meeting/index.html');
	}, 120_000);

	test('after an edited claim, renders the pages that show it, and reuses the rest', async () => {
		await editFile(content('facts', 'yoon-meeting.md'), 'statement: "Zuckerberg met President Yoon Suk Yeol in Seoul."', 'statement: "Zuckerberg met President Yoon Suk Yeol at his office in Seoul."');
		const { reused } = await buildWarmAndClean();
		expect(reused).not.toContain('facts/yoon-meeting/index.html');
		expect(reused).toContain('facts/kishida-meeting/index.html');
	}, 120_000);

	test('after a change to a component, renders the pages that use it, and reuses the rest', async () => {
		// The claim page's component alone; its stylesheet, which every page links to, is untouched.
		const component = path.join(projectDir, 'src', 'pages', 'facts', '[id].astro');
		const source = await readFile(component, 'utf8');
		expect(source).toContain('</BaseLayout>');
		await writeFile(component, source.replace('</BaseLayout>', '\t<p class="meta">Corrections: write to the editor.</p>\n</BaseLayout>'));
		const { reused } = await buildWarmAndClean();
		expect(reused).not.toContain('facts/kishida-meeting/index.html');
		expect(reused).toContain('articles/packed-week-in-asia/index.html');
	}, 120_000);

	test('after files of its output folder were changed by hand, renders those pages again, removes what it did not write, and writes the same site', async () => {
		await writeFile(path.join(warmDist, 'stray.html'), '<p>Left by hand.</p>');
		const page = path.join(warmDist, 'stops', 'seoul', 'index.html');
		await writeFile(page, (await readFile(page, 'utf8')).replace('Seoul', 'Busan'));
		await rm(path.join(warmDist, 'facts', 'yoon-meeting', 'index.html'));
		const { output, reused } = await buildWarmAndClean();
		expect(output).toMatch(/Removed 1 files that this build did not write/);
		expect(reused).not.toContain('stops/seoul/index.html');
		expect(reused).toContain('facts/kishida-meeting/index.html');
	}, 120_000);

	test('after a change to a style, renders every page, whose stylesheet’s name changed', async () => {
		const stylesheet = path.join(projectDir, 'src', 'styles', 'global.css');
		await writeFile(stylesheet, `${await readFile(stylesheet, 'utf8')}\n.reuse-test-rule { color: inherit; }\n`);
		const { reused } = await buildWarmAndClean();
		expect([...reused].filter((file) => file.endsWith('.html'))).toEqual([]);
	}, 120_000);
});
