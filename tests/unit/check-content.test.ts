import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { checkContent } from '../../src/content-files/check-content.ts';
import { copyContent, editFile, projectRoot, realContentDir, removeDir } from '../support/content-fixtures.ts';

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
	test('passes the content in the repository', async () => {
		const report = await checkContent(realContentDir);
		expect(report.problemLines).toEqual([]);
		expect(report.summary).toBe('Content is valid: 5 articles, 3 stops, 6 countries, 11 companies, 10 people, 1 overview, 21 facts.');
	});

	test('reports a missing required field with the file and the field', async () => {
		await editFile(article('packed-week-in-asia'), /^title: .*\n/m, '');
		expect(await problems()).toEqual([
			`${article('packed-week-in-asia')}: title: expected text (the field is required), found nothing (the field is missing)`,
		]);
	});

	test('reports an impossible date', async () => {
		await editFile(article('packed-week-in-asia'), 'published: "2024-02-26"', 'published: 2024-02-30');
		expect(await problems()).toEqual([
			`${article('packed-week-in-asia')}: published: expected a real date (YYYY-MM-DD) or a date-time with offset (YYYY-MM-DDTHH:MM+09:00), found "2024-02-30"`,
		]);
	});

	test('reports a date that is not a date', async () => {
		await editFile(article('packed-week-in-asia'), 'published: "2024-02-26"', 'published: last Monday');
		expect(await problems()).toEqual([
			`${article('packed-week-in-asia')}: published: expected a real date (YYYY-MM-DD) or a date-time with offset (YYYY-MM-DDTHH:MM+09:00), found "last Monday"`,
		]);
	});

	test('reports a date-time without an offset', async () => {
		await editFile(article('packed-week-in-asia'), 'published: "2024-02-26"', 'published: "2024-02-26T07:01:00"');
		expect((await problems())[0]).toContain('published: expected a real date (YYYY-MM-DD) or a date-time with offset');
	});

	test.each([
		['stop', 'stops: [seoul]', 'stops: [busan]', 'stops[0]: expected the id of a record in content/stops/, found "busan", which does not exist'],
		['company', 'companies: [meta, samsung-electronics, sk-telecom', 'companies: [meta, samsung, sk-telecom', 'companies[1]: expected the id of a record in content/companies/, found "samsung", which does not exist'],
		['person', 'people: [mark-zuckerberg, yoon-suk-yeol]', 'people: [mark-zuckerberg, yoon-suk-yeoll]', 'people[1]: expected the id of a record in content/people/, found "yoon-suk-yeoll", which does not exist'],
	])('reports an unknown %s id', async (_kind, search, replacement, message) => {
		await editFile(article('visit-to-south-korea-ai-push'), search, replacement);
		expect(await problems()).toEqual([`${article('visit-to-south-korea-ai-push')}: ${message}`]);
	});

	test('reports an unknown id inside a stop event', async () => {
		const tokyo = path.join(contentDir, 'stops', 'tokyo.md');
		await editFile(tokyo, 'people: [mark-zuckerberg, fumio-kishida]', 'people: [mark-zuckerberg, fumio-kishidaa]');
		expect(await problems()).toEqual([
			`${tokyo}: events[2].people[1]: expected the id of a record in content/people/, found "fumio-kishidaa", which does not exist`,
		]);
	});

	test("reports a typo'd key and suggests the field meant", async () => {
		await editFile(article('packed-week-in-asia'), 'outlet: Bloomberg', 'outlte: Bloomberg');
		expect(await problems()).toEqual([
			`${article('packed-week-in-asia')}: outlte: expected no field of this name (did you mean "outlet"?), found "Bloomberg"`,
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
		expect(lines).toHaveLength(2);
		// The Tokyo stop cites packed-week-in-asia, which failed its schema: that is not also a dangling reference.
		expect(lines.join('\n')).not.toContain('found "packed-week-in-asia", which does not exist');
	});
});

describe('npm run check:content', () => {
	const script = path.join(projectRoot, 'scripts', 'check-content.ts');

	test('exits 0 and says so on sound content', async () => {
		const { stdout } = await run(process.execPath, [script, '--content', contentDir]);
		expect(stdout).toContain('Content is valid: 5 articles, 3 stops');
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
			'Content check failed: 2 problems in 2 files (read 6 articles, 3 stops, 6 countries, 11 companies, 10 people, 1 overview, 21 facts).',
		]);
	});
});
