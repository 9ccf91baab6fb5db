/**
 * Tests of the built site. The site is built once by `tests/support/build-site.ts`;
 * tests that need a build of their own (bad content) run here, one after another,
 * so that no two Astro builds share the project's cache at once.
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, inject, test } from 'vitest';
import { astroBuild } from '../support/astro-build.ts';
import { copyContent, editFile, realContentDir, removeDir } from '../support/content-fixtures.ts';
import { loadContent } from '../../src/content-files/load-content.ts';

const distDir = inject('distDir');

describe('the built site', () => {
	test('lists every article on the home page, with its outlet where named', async () => {
		const page = parse(await readFile(path.join(distDir, 'index.html'), 'utf8'));
		const items = page.querySelectorAll('main li').map((item) => item.textContent);
		const { input } = await loadContent(realContentDir);
		expect(items).toHaveLength(input.articles.length);
		for (const article of input.articles) {
			expect(items.find((item) => item.includes(article.data.title))).toBeDefined();
		}
		expect(items.find((item) => item.includes('Zuckerberg poised for a packed week in Asia'))).toContain('Bloomberg');
	});
});

describe('a build over bad content', () => {
	test('fails with the checker’s one-line messages, before writing any page', async () => {
		const contentDir = await copyContent();
		const outDir = await mkdtemp(path.join(tmpdir(), 'story-bad-dist-'));
		try {
			const article = path.join(contentDir, 'articles', 'packed-week-in-asia.md');
			await editFile(article, 'published: "2024-02-26"', 'published: 2024-02-30');
			const other = path.join(contentDir, 'articles', 'visit-to-south-korea-ai-push.md');
			await editFile(other, 'stops: [seoul]', 'stops: [busan]');

			const build = await astroBuild(outDir, { CONTENT_DIR: contentDir });

			expect(build.ok).toBe(false);
			expect(build.output).toContain(
				`${article}: published: expected a real date (YYYY-MM-DD) or a date-time with offset (YYYY-MM-DDTHH:MM+09:00), found "2024-02-30"`,
			);
			expect(build.output).toContain(
				`${other}: stops[0]: expected the id of a record in content/stops/, found "busan", which does not exist`,
			);
			expect(build.output).toContain('Content check failed: 2 problems in 2 files');
			expect(await readdir(outDir)).toEqual([]);
		} finally {
			await removeDir(contentDir);
			await rm(outDir, { recursive: true, force: true });
		}
	});
});
