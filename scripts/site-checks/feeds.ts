/**
 * Check 5, feeds and sitemap:
 * - the sitemap and its index validate against the Sitemaps XSD with xmllint, and list
 *   every page but the 404;
 * - the RSS feed is well-formed (xmllint) and parses in a real feed parser
 *   (rss-parser), with every article present and its full text.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'node-html-parser';
import Parser from 'rss-parser';
import { FEED_LIMIT } from '../../src/lib/limits.ts';
import { paragraphTexts } from '../../src/lib/markdown-blocks.ts';
import { readPages } from '../lib/dist.ts';
import { defineSiteCheck } from './types.ts';

const run = promisify(execFile);

async function xmllint(args: string[]): Promise<string | undefined> {
	return run('xmllint', ['--noout', ...args]).then(
		() => undefined,
		(error: { code?: number | string; stderr?: string; message: string }) => {
			if (error.code === 'ENOENT') throw new Error('xmllint is not installed (apt-get install libxml2-utils).');
			return (error.stderr || error.message).trim();
		},
	);
}

export const feedsAndSitemap = defineSiteCheck({
	name: 'Feeds and sitemap (xmllint against the Sitemaps XSD, rss-parser)',
	needs: ['root'],
	async run({ root, content, projectRoot }) {
		const failures: string[] = [];
		const urlsetSchema = path.join(projectRoot, 'node_modules', 'sitemap', 'schema', 'sitemap.xsd');
		const indexSchema = path.join(projectRoot, 'scripts', 'site-checks', 'schemas', 'siteindex.xsd');
		const sitemap = path.join(root.dir, 'sitemap-0.xml');
		for (const [file, schema] of [
			[sitemap, urlsetSchema],
			[path.join(root.dir, 'sitemap-index.xml'), indexSchema],
		] as const) {
			const problem = await xmllint(['--schema', schema, file]);
			if (problem) failures.push(`${path.basename(file)} does not validate against ${path.basename(schema)}: ${problem}`);
		}

		const pages = await readPages(root.dir, root.base);
		const expected = [...pages.keys()].filter((url) => !url.endsWith('404.html')).map((url) => `${root.origin}${url}`);
		const listed = [...(await readFile(sitemap, 'utf8')).matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1] ?? '');
		for (const url of expected) if (!listed.includes(url)) failures.push(`sitemap-0.xml does not list ${url}`);
		for (const url of listed) if (!expected.includes(url)) failures.push(`sitemap-0.xml lists ${url}, which is not a page`);

		const feedFile = path.join(root.dir, 'rss.xml');
		const malformed = await xmllint([feedFile]);
		if (malformed) failures.push(`rss.xml is not well-formed XML: ${malformed}`);
		const feed = await new Parser().parseString(await readFile(feedFile, 'utf8')).catch((error: Error) => {
			failures.push(`rss.xml does not parse as a feed: ${error.message}`);
			return undefined;
		});
		if (!feed) return failures;
		// The feed carries the newest FEED_LIMIT articles.
		const expectedItems = [...content.articles].sort((a, b) => a.data.published.localeCompare(b.data.published) || a.id.localeCompare(b.id)).slice(-FEED_LIMIT);
		for (const article of expectedItems) {
			const link = `${root.origin}${root.base}articles/${article.id}/`;
			const item = feed.items.find((each) => each.link === link);
			if (!item) {
				failures.push(`rss.xml has no item for ${article.id} (${link})`);
				continue;
			}
			if (item.title !== article.data.title) failures.push(`rss.xml: ${article.id} has the title "${item.title}", not "${article.data.title}"`);
			const fullText = parse((item as { 'content:encoded'?: string })['content:encoded'] ?? '').textContent.replace(/\s+/g, ' ');
			const missing = paragraphTexts(article.body ?? '').filter((paragraph) => !fullText.includes(paragraph));
			if (missing.length > 0) failures.push(`rss.xml: the item for ${article.id} lacks ${missing.length} paragraph(s) of its text, from "${missing[0]?.slice(0, 60)}…"`);
		}
		if (feed.items.length !== expectedItems.length) failures.push(`rss.xml has ${feed.items.length} items where ${expectedItems.length} were expected`);
		return failures;
	},
});
