import { execFile } from 'node:child_process';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { checkContent } from '../../src/content-files/check-content.ts';
import { loadContent } from '../../src/content-files/load-content.ts';
import { blocksToMarkdown, detectEntities, idFromTitle } from '../../src/ingest/write/compose-entry.ts';
import { parsePlainTextArticle } from '../../src/ingest/read/plain-text.ts';
import { copyContent, editFile, projectRoot, realContentDir, removeDir } from '../support/content-fixtures.ts';

const run = promisify(execFile);
const fixture = path.join(projectRoot, 'tests', 'fixtures', 'seoul-wrap-up.txt');

describe('reading a plain-text article', () => {
	test('takes the headline from the first line and the date and author from the dateline', () => {
		const parsed = parsePlainTextArticle('A headline\nBy Jane Roe\nFebruary 28, 2024 07:12\nThe first paragraph.\n');
		expect(parsed).toMatchObject({
			title: 'A headline',
			author: 'Jane Roe',
			published: '2024-02-28',
			dateline: 'By Jane Roe\nFebruary 28, 2024 07:12',
			blocks: [{ type: 'paragraph', text: 'The first paragraph.' }],
		});
	});

	test('reads a wire dateline with its outlet, where the text has no headline', () => {
		const parsed = parsePlainTextArticle(' date 2024-02-26 (Bloomberg) -- Mark Zuckerberg is poised for a packed week.\n');
		expect(parsed.title).toBeUndefined();
		expect(parsed).toMatchObject({
			published: '2024-02-26',
			outlet: 'Bloomberg',
			dateline: 'date 2024-02-26 (Bloomberg) --',
			blocks: [{ type: 'paragraph', text: 'Mark Zuckerberg is poised for a packed week.' }],
		});
	});

	test('turns sub-heads into headings and bullet lines into one list', () => {
		const parsed = parsePlainTextArticle('Title\nWhy South Korea?\n- AI Powerhouse: a leader.\n- Chip Supply Chain: a need.\nA closing paragraph.\n');
		expect(parsed.blocks).toEqual([
			{ type: 'heading', text: 'Why South Korea?' },
			{ type: 'list', items: ['AI Powerhouse: a leader.', 'Chip Supply Chain: a need.'] },
			{ type: 'paragraph', text: 'A closing paragraph.' },
		]);
	});

	test('removes certain debris and records why', () => {
		const parsed = parsePlainTextArticle('Title\n6 min read\nText.\nMore articles\nAlso read\nHere are some interesting articles on other sites from our network.\n');
		expect(parsed.removed).toEqual([
			{ text: '6 min read', reason: 'reading-time label' },
			{ text: 'More articles', reason: 'site navigation or advertising label' },
			{ text: 'Also read', reason: 'site navigation or advertising label' },
			{ text: 'Here are some interesting articles on other sites from our network.', reason: 'promotional link block' },
		]);
		expect(parsed.blocks).toEqual([{ type: 'paragraph', text: 'Text.' }]);
	});

	test('records published and updated timestamp lines, and keeps a sentence that only mentions a date', () => {
		const parsed = parsePlainTextArticle('Title\nPublished Feb. 28, 2024 10:41 p.m. Updated Feb. 29, 2024 8:12 a.m.\nZuckerberg was updated on the plans on Feb. 28.\nLast updated 2024-02-29T08:12:00+09:00\n');
		expect(parsed.removed).toEqual([
			{ text: 'Published Feb. 28, 2024 10:41 p.m. Updated Feb. 29, 2024 8:12 a.m.', reason: 'publication timestamp' },
			{ text: 'Last updated 2024-02-29T08:12:00+09:00', reason: 'publication timestamp' },
		]);
		expect(parsed.blocks).toEqual([{ type: 'paragraph', text: 'Zuckerberg was updated on the plans on Feb. 28.' }]);
	});

	test('flags, and keeps, lines that only look like debris', () => {
		const parsed = parsePlainTextArticle('Title\nFirst Aid\nThe new Samsung S23 Ultra, 23+ and S23Kim said it would.\n');
		expect(parsed.flagged.map((flag) => flag.text)).toEqual([
			'First Aid',
			'The new Samsung S23 Ultra, 23+ and S23Kim said it would.',
		]);
		expect(parsed.blocks).toHaveLength(2);
	});
});

describe('composing the entry', () => {
	test('prints the body through remark, escaping what markdown would misread', () => {
		expect(blocksToMarkdown([
			{ type: 'heading', text: 'Looking Ahead:' },
			{ type: 'paragraph', text: '1. Not a list, and *not* emphasis.' },
			{ type: 'list', items: ['One.', 'Two.'] },
		])).toBe('## Looking Ahead:\n\n1\\. Not a list, and \\*not\\* emphasis.\n\n- One.\n- Two.\n');
	});

	test('makes an ASCII id from a headline with accented letters', () => {
		expect(idFromTitle('Alex Morgan meets Felix Moreau in São Paulo, Straße and Łódź')).toBe('alex-morgan-meets-felix-moreau-in-sao-paulo-strasse-and-lodz');
	});

	test('makes a short kebab-case id from the headline', () => {
		expect(idFromTitle("Zuckerberg's return to South Korea: Focus on collaborations in AI, XR")).toBe(
			'zuckerbergs-return-to-south-korea-focus-on-collaborations-in',
		);
	});

	test('detects stops, countries, companies and people from names and aliases', async () => {
		const { input } = await loadContent(realContentDir);
		const detected = detectEntities('Jay Y. Lee and Lee Jae-yong met in Seoul; Samsung Electronics Co. and LG said so.', input);
		expect(detected).toMatchObject({
			stops: ['seoul'],
			countries: ['south-korea'],
			companies: ['samsung-electronics', 'lg-electronics'],
			people: ['lee-jae-yong'],
		});
	});

	test('lists the people and places of a line written wholly in lower case, and places the entry at their stop', async () => {
		const { input } = await loadContent(realContentDir);
		const line = "meta's zuckerberg huddles with lg's william cho, samsung's j.y. lee as seoul visit kicks off";
		const detected = detectEntities(`Tech Wrap | Feb 28\n${line}\nThe talks ran late.`, input);
		expect(detected.stops).toEqual(['seoul']);
		expect(detected.people).toEqual(expect.arrayContaining(['mark-zuckerberg', 'william-cho', 'lee-jae-yong']));
		expect(detected.companies).toEqual(expect.arrayContaining(['meta', 'lg-electronics', 'samsung-electronics']));
	});

	test('still reads a lower-case word as no name in a sentence that has its capitals', async () => {
		const { input } = await loadContent(realContentDir);
		expect(detectEntities('The meta study of chip demand was published in Tokyo on Monday.', input)).toMatchObject({ companies: [], people: [], stops: ['tokyo'] });
	});
});

describe('npm run ingest', () => {
	const script = path.join(projectRoot, 'scripts', 'ingest.ts');
	let contentDir: string;
	beforeEach(async () => {
		contentDir = await copyContent();
	});
	afterEach(async () => removeDir(contentDir));

	test('writes an entry with the right stops and entities, which passes the checker once filled in', async () => {
		const articlesBefore = (await readdir(path.join(contentDir, 'articles'))).length;
		const { stdout } = await run(process.execPath, [script, fixture, '--content', contentDir]);
		const id = 'zuckerberg-wraps-up-seoul-talks-with-samsung-lg-before';
		const entryFile = path.join(contentDir, 'articles', `${id}.md`);
		const entry = await readFile(entryFile, 'utf8');

		expect(stdout).toContain('To fill in:\n    summary: one or two sentences of our own');
		expect(stdout).toContain('"Advertisement": site navigation or advertising label');

		const { input } = await loadContent(contentDir);
		const ingested = input.articles.find((article) => article.id === id);
		expect(ingested?.data).toMatchObject({
			title: 'Zuckerberg wraps up Seoul talks with Samsung, LG before heading to India',
			published: '2024-02-29',
			author: 'Test Fixture Desk',
			seed: 'seoul-wrap-up.txt',
			stops: ['seoul', 'jamnagar'],
			countries: ['india', 'south-korea'],
			companies: ['samsung-electronics', 'lg-electronics', 'meta'],
			people: ['mark-zuckerberg', 'yoon-suk-yeol', 'lee-jae-yong', 'william-cho', 'anant-ambani'],
			removed: [
				{ text: '4 min read', reason: 'reading-time label' },
				{ text: 'Advertisement', reason: 'site navigation or advertising label' },
			],
		});
		expect(entry).toContain('## What comes next\n\n- Zuckerberg flies to Jamnagar');

		await editFile(entryFile, '\n# To fill in', '\nsummary: Zuckerberg ends his Seoul meetings and heads for Jamnagar.\n# To fill in');
		const report = await checkContent(contentDir);
		expect(report.problemLines).toEqual([]);
		expect(report.summary).toContain(`${articlesBefore + 1} articles`);
	});

	test('asks for a date where the text gives none, and the checker holds the entry until it is given', async () => {
		const undated = path.join(contentDir, 'undated.txt');
		await writeFile(undated, 'Zuckerberg in Seoul\nZuckerberg met Samsung in Seoul.\n');
		const { stdout } = await run(process.execPath, [script, undated, '--content', contentDir]);
		expect(stdout).toContain('published: the source states no date');
		expect((await checkContent(contentDir)).problemLines).toEqual([
			`${path.join(contentDir, 'articles', 'zuckerberg-in-seoul.md')}: published: expected a date (YYYY-MM-DD) or a date-time with offset as text (the field is required), found nothing (the field is missing)`,
		]);
	});

	test('checks every option before it writes anything, naming each bad one', async () => {
		const before = await listContent(contentDir);
		const failure = await run(process.execPath, [script, fixture, '--content', contentDir, '--published', '2024-02-30', '--url', 'notaurl', '--id', 'Seoul_Wrap']).then(
			() => undefined,
			(error: { code: number; stderr: string }) => error,
		);
		expect(failure?.code).toBe(1);
		expect(failure?.stderr.trim().split('\n')).toEqual([
			'--published: expected a real date (YYYY-MM-DD) or a date-time with offset (YYYY-MM-DDTHH:MM+09:00), found "2024-02-30"',
			'--url: expected an absolute http(s) URL, found "notaurl"',
			'--id: expected a kebab-case id such as "south-korea", found "Seoul_Wrap"',
			'Nothing was written.',
		]);
		expect(await listContent(contentDir)).toEqual(before);
	});

	test('skips a source that is already in the story, under any id, and says so', async () => {
		await run(process.execPath, [script, fixture, '--content', contentDir]);
		const before = await listContent(contentDir);
		const { stdout } = await run(process.execPath, [script, fixture, '--content', contentDir, '--id', 'seoul-wrap-up-again']);
		expect(stdout).toContain(`Skipped:\n  ${fixture}: already ingested as zuckerberg-wraps-up-seoul-talks-with-samsung-lg-before`);
		expect(await listContent(contentDir)).toEqual(before);
	});

	test('never overwrites an existing entry', async () => {
		await run(process.execPath, [script, fixture, '--content', contentDir, '--id', 'taken-id']);
		const before = await listContent(contentDir);
		const other = path.join(contentDir, 'another-article.txt');
		await writeFile(other, 'Another headline\nZuckerberg met Samsung in Seoul, where he talked about chips for an hour.\n');
		const failure = await run(process.execPath, [script, other, '--content', contentDir, '--id', 'taken-id']).then(
			() => undefined,
			(error: { code: number; stderr: string }) => error,
		);
		expect(failure?.code).toBe(1);
		expect(failure?.stderr).toContain(`${other}: content/articles/taken-id.md already exists; ingest never overwrites`);
		expect(await listContent(contentDir)).toEqual(before);
	});
});

/** Every file of the articles and sources folders, for proving that a refused run wrote nothing. */
async function listContent(contentDir: string): Promise<string[]> {
	const folders = ['articles', 'sources'];
	return (await Promise.all(folders.map(async (folder) => (await readdir(path.join(contentDir, folder))).map((name) => `${folder}/${name}`)))).flat();
}
