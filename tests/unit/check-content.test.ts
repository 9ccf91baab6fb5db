import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { checkContent } from '../../src/content-files/check-content.ts';
import { loadContent } from '../../src/content-files/load-content.ts';
import { articleParagraphs } from '../../src/model/passages.ts';
import { collectPassages } from '../../src/model/facts.ts';
import { copyContent, editFile, projectContentDir, projectRoot, realContentDir, removeDir, tallyOf } from '../support/content-fixtures.ts';

const run = promisify(execFile);

let contentDir: string;
beforeEach(async () => {
	contentDir = await copyContent();
});
afterEach(async () => {
	await removeDir(contentDir);
});

const article = (id: string) => path.join(contentDir, 'articles', `${id}.md`);

/** Runs the checker over the copy and returns its problem lines. */
async function problems(): Promise<string[]> {
	const report = await checkContent(contentDir);
	expect(report.ok).toBe(false);
	return report.problemLines;
}

describe('the content checker', () => {
	test('passes the content in the repository, counting every file of every collection', async () => {
		const report = await checkContent(realContentDir);
		expect(report.problemLines).toEqual([]);
		expect(report.summary).toMatch(new RegExp(`^Content is valid: ${await tallyOf(realContentDir)}\\.`));
	});

	test('reports a missing required field with the file and the field', async () => {
		await editFile(article('packed-week-in-asia'), /^title: .*\n/m, '');
		expect(await problems()).toEqual([
			`${article('packed-week-in-asia')}: title: expected text (the field is required), found nothing (the field is missing)`,
			heldBack('packed-week-in-asia', 'did not pass its schema'),
		]);
	});

	test('reports an impossible date', async () => {
		await editFile(article('packed-week-in-asia'), 'published: "2024-02-26"', 'published: 2024-02-30');
		expect(await problems()).toEqual([
			`${article('packed-week-in-asia')}: published: expected a real date (YYYY-MM-DD) or a date-time with offset (YYYY-MM-DDTHH:MM+09:00), found "2024-02-30"`,
			heldBack('packed-week-in-asia', 'did not pass its schema'),
		]);
	});

	test('reports a date that is not a date', async () => {
		await editFile(article('packed-week-in-asia'), 'published: "2024-02-26"', 'published: last Monday');
		expect(await problems()).toEqual([
			`${article('packed-week-in-asia')}: published: expected a real date (YYYY-MM-DD) or a date-time with offset (YYYY-MM-DDTHH:MM+09:00), found "last Monday"`,
			heldBack('packed-week-in-asia', 'did not pass its schema'),
		]);
	});

	test('reports a date-time without an offset', async () => {
		await editFile(article('packed-week-in-asia'), 'published: "2024-02-26"', 'published: "2024-02-26T07:01:00"');
		expect((await problems())[0]).toContain('published: expected a real date (YYYY-MM-DD) or a date-time with offset');
	});

	test.each([
		['stop', 'stops: [seoul]', 'stops: [busan]', 'stops[0]: expected the id of a record in content/stops/, found "busan", which does not exist'],
		['company', 'companies: [meta, samsung-electronics, sk-telecom', 'companies: [meta, samsung, sk-telecom', 'companies[1]: expected the id of a record in content/companies/, found "samsung", which does not exist'],
		['person', 'people: [mark-zuckerberg, yoon-suk-yeol]', 'people: [mark-zuckerberg, yoon-suk-yeoll]', 'people[1]: expected the id of a record in content/people/ (did you mean "yoon-suk-yeol"?), found "yoon-suk-yeoll", which does not exist'],
		['mistyped stop', 'stops: [seoul]', 'stops: [seol]', 'stops[0]: expected the id of a record in content/stops/ (did you mean "seoul"?), found "seol", which does not exist'],
	])('reports an unknown %s id', async (_kind, search, replacement, message) => {
		await editFile(article('visit-to-south-korea-ai-push'), search, replacement);
		expect(await problems()).toEqual([`${article('visit-to-south-korea-ai-push')}: ${message}`]);
	});

	test('reports the note of an inferred stop that the article no longer lists, once, on the field', async () => {
		const file = article('visit-to-south-korea-ai-push');
		await editFile(file, 'stops: [seoul]', 'stops: [seoul]\ninferred:\n  stops:\n    jamnagar: named India, where Jamnagar is the story\'s only stop');
		expect(await problems()).toEqual([
			`${file}: inferred.stops.jamnagar: expected a stop that is also listed in stops (or remove this note), found "jamnagar", which is not in stops`,
		]);
	});

	test('accepts the note of an inferred stop that the article lists', async () => {
		const file = article('visit-to-south-korea-ai-push');
		await editFile(file, 'stops: [seoul]', 'stops: [seoul]\ninferred:\n  stops:\n    seoul: named South Korea, where Seoul is the story\'s only stop');
		expect((await checkContent(contentDir)).problemLines).toEqual([]);
	});

	test('reports an unknown id inside a stop event', async () => {
		const tokyo = path.join(contentDir, 'stops', 'tokyo.md');
		await editFile(tokyo, 'people: [mark-zuckerberg, fumio-kishida]', 'people: [mark-zuckerberg, fumio-kishidaa]');
		expect(await problems()).toEqual([
			`${tokyo}: events[2].people[1]: expected the id of a record in content/people/ (did you mean "fumio-kishida"?), found "fumio-kishidaa", which does not exist`,
		]);
	});

	test("reports a typo'd key and suggests the field meant", async () => {
		await editFile(article('packed-week-in-asia'), 'outlet: Bloomberg', 'outlte: Bloomberg');
		expect(await problems()).toEqual([
			`${article('packed-week-in-asia')}: outlte: expected no field of this name (did you mean "outlet"?), found "Bloomberg"`,
			heldBack('packed-week-in-asia', 'did not pass its schema'),
		]);
	});

	test('reports a frontmatter block that is never closed', async () => {
		await writeFile(article('unclosed'), '---\ntitle: An article\npublished: "2024-02-26"\n\nThe text.\n');
		expect(await problems()).toEqual([
			`${article('unclosed')}: frontmatter: expected a closing "---" line after the frontmatter opened on line 1, found none in all 6 lines`,
		]);
	});

	test('reports an article with an empty body', async () => {
		await writeFile(article('empty'), '---\ntitle: An article\npublished: "2024-02-26"\n---\n\n  \n');
		expect(await problems()).toEqual([
			`${article('empty')}: body: expected the article's text in markdown below the frontmatter, found an empty body`,
		]);
	});

	test('reports a malformed url', async () => {
		await editFile(article('packed-week-in-asia'), 'outlet: Bloomberg', 'outlet: Bloomberg\nurl: "bloomberg dot com/zuckerberg"');
		expect(await problems()).toEqual([
			`${article('packed-week-in-asia')}: url: expected an absolute http(s) URL, found "bloomberg dot com/zuckerberg"`,
			heldBack('packed-week-in-asia', 'did not pass its schema'),
		]);
	});

	test('reports a file name that is not a kebab-case id', async () => {
		await writeFile(path.join(contentDir, 'people', 'Jay_Lee.md'), '---\nname: Jay\ndescription: x\ncountry: south-korea\n---\n');
		expect(await problems()).toEqual([
			`${path.join(contentDir, 'people', 'Jay_Lee.md')}: id (the file name): expected a kebab-case file name such as "south-korea.md", found "Jay_Lee"`,
		]);
	});

	test('reports every problem at once, including references to a file that itself fails', async () => {
		await editFile(article('packed-week-in-asia'), 'outlet: Bloomberg', 'outlte: Bloomberg');
		await editFile(article('visit-to-south-korea-ai-push'), 'stops: [seoul]', 'stops: [busan]');
		const lines = await problems();
		expect(lines).toHaveLength(3);
		// The Tokyo stop cites packed-week-in-asia, which failed its schema: that is not also a dangling reference.
		expect(lines.join('\n')).not.toContain('found "packed-week-in-asia", which does not exist');
	});
});

/** The one line that stands for every reference to an article whose file is at fault. */
function heldBack(id: string, why: string): string {
	return `(references to ${id} not checked: ${article(id)} ${why})`;
}

describe('root causes: each problem is reported once, against the file that holds it', () => {
	test('a file that cannot be read reports its own error once, and references to it are held back in one line', async () => {
		await editFile(article('packed-week-in-asia'), 'stops: [tokyo, seoul, jamnagar]', 'stops: [tokyo, seoul, jamnagar');
		const lines = await problems();
		expect(lines).toHaveLength(2);
		expect(lines[0]).toMatch(new RegExp(`^${escape(article('packed-week-in-asia'))}: frontmatter: expected valid YAML, found a YAML error: `));
		expect(lines[1]).toBe(heldBack('packed-week-in-asia', 'could not be read'));
	});

	test('a passage that partly overlaps one that other claims cite is reported once, against its own claim', async () => {
		const { input } = await loadContent(contentDir);
		const paragraphs = articleParagraphs(input);
		// A passage cited by the content, ending inside its paragraph, so that a new
		// passage can start within it and run past its end.
		const [articleId, passage, paragraph] = [...collectPassages(input)]
			.flatMap(([id, passages]) => passages.map((words) => [id, words, paragraphs.get(id)?.find((text) => text.includes(words) && !text.endsWith(words))] as const))
			.find(([, words, text]) => text !== undefined && words.split(' ').length >= 4) as [string, string, string];
		const start = paragraph.indexOf(passage) + Math.floor(passage.length / 2);
		const overlapping = paragraph.slice(start, paragraph.indexOf(passage) + passage.length + 12).trim();
		const claim = path.join(contentDir, 'facts', 'overlapping-claim.md');
		await writeFile(
			claim,
			`---\nstatement: A claim of our own.\nsources:\n  - article: ${articleId}\n    passage: ${JSON.stringify(overlapping)}\n    stance: states\n---\n`,
		);
		const lines = await problems();
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatch(new RegExp(`^${escape(claim)}: sources\\[0\\]\\.passage: expected a passage that holds, or lies within, every other passage`));
		expect(lines[0]).toContain(`partly overlaps "${passage}"`);
	});

	test('an article cited twice by one claim is named', async () => {
		const claim = path.join(contentDir, 'facts', 'ski-trip.md');
		const text = await readFile(claim, 'utf8');
		const firstSource = /  - article: ([a-z0-9-]+)\n/.exec(text);
		await editFile(claim, 'sources:\n', `sources:\n  - article: ${firstSource?.[1]}\n    passage: "Zuckerberg"\n    stance: states\n`);
		expect(await problems()).toEqual([
			`${claim}: sources[1].article: expected each article once among the sources, but "${firstSource?.[1]}" is already sources[0]; keep its strongest passage, found "${firstSource?.[1]}"`,
		]);
	});

	test('a file with a bad name and no frontmatter is counted once', async () => {
		await writeFile(path.join(contentDir, 'people', 'Bad_Name.md'), 'No frontmatter here.\n');
		const report = await checkContent(contentDir);
		expect(report.problemLines).toHaveLength(2);
		expect(report.summary).toBe(`Content check failed: 2 problems in 1 file (read ${await tallyOf(contentDir)}).`);
	});
});

describe('the same article twice', () => {
	test('fails when two articles are made from one source, naming both', async () => {
		const text = await readFile(article('packed-week-in-asia'), 'utf8');
		await writeFile(article('packed-week-again'), text);
		expect(await problems()).toEqual([
			`${article('packed-week-again')}: seed: expected an article that is not already in the story as "packed-week-in-asia" (${article('packed-week-in-asia')}), found "002_84f1ff6769f1045e.txt", the source of both`,
		]);
	});

	test('fails when two articles share most of their sentences, naming both', async () => {
		const text = await readFile(article('packed-week-in-asia'), 'utf8');
		// The same wire story from another outlet: no seed, a new headline, one paragraph dropped.
		const copy = text.replace(/^seed: .*\n/m, '').replace(/^title: .*$/m, 'title: Another headline').replace(/\n\nSamsung officials declined[^\n]*/, '');
		await writeFile(article('wire-copy'), copy);
		const lines = await problems();
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatch(new RegExp(`^${escape(article('wire-copy'))}: body: expected an article that is not already in the story as "packed-week-in-asia" \\(${escape(article('packed-week-in-asia'))}\\), found \\d+ of its \\d+ sentences in "packed-week-in-asia" too$`));
	});
});

describe('summaries', () => {
	test('an article without a summary passes, with a warning that names its file', async () => {
		await editFile(article('packed-week-in-asia'), /^summary: .*\n/m, '');
		const report = await checkContent(contentDir);
		expect(report.ok).toBe(true);
		expect(report.warningLines).toEqual([
			`warning: ${article('packed-week-in-asia')}: summary: expected one or two sentences of our own saying what the article reports (shown in article lists and as the page description), found nothing (the field is missing)`,
		]);
		expect(report.summary).toMatch(/\. With 1 warning\.$/);
	});
});

function escape(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('npm run check:content', () => {
	const script = path.join(projectRoot, 'scripts', 'check-content.ts');

	test('exits 0 and says so on sound content', async () => {
		const { stdout } = await run(process.execPath, [script, '--content', contentDir]);
		expect(stdout).toContain(`Content is valid: ${await tallyOf(contentDir)}.`);
	});

	test('exits non-zero and prints one line per problem, then a summary', async () => {
		await editFile(article('packed-week-in-asia'), 'published: "2024-02-26"', 'published: 2024-02-30');
		await writeFile(article('empty'), '---\ntitle: An article\npublished: "2024-02-26"\n---\n');
		const failure = await run(process.execPath, [script, '--content', contentDir]).then(
			() => undefined,
			(error: { code: number; stderr: string }) => error,
		);
		expect(failure?.code).toBe(1);
		expect(failure?.stderr.trim().split('\n')).toEqual([
			`${article('empty')}: body: expected the article's text in markdown below the frontmatter, found an empty body`,
			`${article('packed-week-in-asia')}: published: expected a real date (YYYY-MM-DD) or a date-time with offset (YYYY-MM-DDTHH:MM+09:00), found "2024-02-30"`,
			heldBack('packed-week-in-asia', 'did not pass its schema'),
			`Content check failed: 2 problems in 2 files (read ${await tallyOf(contentDir)}).`,
		]);
	});
});

describe('reading the folder again (as the dev server does after each change)', () => {
	test('reuses what an unchanged file gave, and reads a changed file afresh', async () => {
		const reads = new Map();
		const first = await loadContent(contentDir, projectRoot, reads);
		const [changed, unchanged] = first.input.articles;
		if (!changed || !unchanged) throw new Error('the content has fewer than two articles');
		await editFile(article(changed.id), /^title: .*$/m, 'title: "A new title"');
		const second = await loadContent(contentDir, projectRoot, reads);
		const again = (id: string) => second.input.articles.find((entry) => entry.id === id);
		expect(again(unchanged.id)).toBe(unchanged);
		expect(second.paragraphs.get(unchanged.id)).toBe(first.paragraphs.get(unchanged.id));
		expect(again(changed.id)).not.toBe(changed);
		expect(again(changed.id)?.data.title).toBe('A new title');
		// And the whole check runs again: the new title is not in the article's source.
		expect(second.problems.map((problem) => `${problem.field}`)).toContain('title');
	});

	test('told which files changed, reads only those, and compares an article with its source again only when one of them changed', async () => {
		const reads = new Map();
		const first = await loadContent(contentDir, projectRoot, reads);
		// Two articles kept from plain UTF-8 text, so a sentence appended to the source is text
		// the article lacks (in a kept web page it would stand after the page's end).
		const [edited, untouched] = first.input.articles.filter((entry) => entry.data.seed?.endsWith('.txt') && !entry.data.encoding);
		if (!edited?.data.seed || !untouched?.data.seed) throw new Error('the content has fewer than two articles kept from plain text');
		await editFile(article(edited.id), /^title: .*$/m, 'title: "A new title"');
		await editFile(article(untouched.id), /^title: .*$/m, 'title: "Not reported"');
		const second = await loadContent(contentDir, projectRoot, reads, new Set([path.resolve(article(edited.id))]));
		const again = (content: typeof second, id: string) => content.input.articles.find((entry) => entry.id === id);
		expect(again(second, edited.id)?.data.title).toBe('A new title');
		// The watcher did not report the second file, so its earlier read still stands.
		expect(again(second, untouched.id)).toBe(untouched);
		// A kept source the watcher reports is compared again with its article.
		const source = path.resolve(contentDir, 'sources', untouched.data.seed);
		await writeFile(source, `${await readFile(source, 'utf8')}\nA sentence the article does not keep.\n`);
		const quiet = await loadContent(contentDir, projectRoot, reads, new Set());
		const reported = await loadContent(contentDir, projectRoot, reads, new Set([source, path.resolve(article(untouched.id))]));
		const lost = (content: typeof second) => content.problems.filter((problem) => problem.file.endsWith(`${untouched.id}.md`) && problem.found.includes('A sentence the article does not keep'));
		expect(lost(quiet)).toEqual([]);
		expect(lost(reported)).not.toEqual([]);
		expect(again(reported, untouched.id)?.data.title).toBe('Not reported');
	});
});

describe('the subscriptions file, checked like all content', () => {
	test('passes the file the repository ships: comments and an example, no feed', async () => {
		// The project's own file, not the content under test: an editor's content follows feeds of its own.
		const text = await readFile(path.join(projectContentDir, 'subscriptions.yaml'), 'utf8');
		expect(text).toMatch(/^# .*\n/);
		expect(text).toMatch(/^# - url: https:\/\//m);
		expect((await checkContent(projectContentDir)).problemLines.filter((line) => line.includes('subscriptions'))).toEqual([]);
	});

	test('reports a URL that is not absolute http(s), an unknown key and the same feed twice, each in one line naming the file and the field', async () => {
		const file = path.join(contentDir, 'subscriptions.yaml');
		await writeFile(
			file,
			'# Feeds\n- url: https://news.example/feed.xml\n  name: News\n- url: /feed.xml\n- url: https://NEWS.example/feed.xml/\n- url: https://other.example/rss\n  title: Other\n',
		);
		expect(await problems()).toEqual([
			`${file}: [1].url: expected an absolute http(s) URL, found "/feed.xml"`,
			`${file}: [2].url: expected a feed not already followed (it is [0]), found "https://NEWS.example/feed.xml/"`,
			`${file}: [3].title: expected no field of this name, found "Other"`,
		]);
	});

	test('reports a state file that npm run update did not write', async () => {
		const file = path.join(contentDir, 'subscriptions.state.json');
		await writeFile(file, '{"feeds": {"https://news.example/feed.xml": {"failures": -1}}}\n');
		const lines = await problems();
		expect(lines.length).toBeGreaterThan(0);
		expect(lines.every((line) => line.startsWith(`${file}: `))).toBe(true);
	});
});
