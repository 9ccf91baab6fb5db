/**
 * The tour as Korea and Japan reported it: a build of the content with a Korean news
 * agency's report and a Japanese daily's added by hand (tests/fixtures/languages/,
 * through tests/support/language-fixtures.ts), each cited by the fact ledger. The site's
 * own words stay English; the articles' words and titles carry their language wherever
 * they appear, the names in them link as in English, and they are searched, fed and
 * published as open data in their language. Expectations come from the fixture files.
 */
import Ajv2020 from 'ajv/dist/2020.js';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { HTMLElement, Node } from 'node-html-parser';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadContent } from '../../src/content-files/load-content.ts';
import { LEDGER_COLUMN_LIMIT } from '../../src/lib/limits.ts';
import type { ModelInput } from '../../src/model/types.ts';
import { astroBuild } from '../../scripts/lib/astro-build.ts';
import { jsonLd, pageAt, readPages, type BuiltPage } from '../../scripts/lib/dist.ts';
import { copyContent, editFile, removeDir } from '../support/content-fixtures.ts';
import { addLanguageFixtures, CITED, LANGUAGE_FIXTURES } from '../support/language-fixtures.ts';

const { korean, japanese } = LANGUAGE_FIXTURES;
let contentDir: string;
let outDir: string;
let pages: Map<string, BuiltPage>;
let content: ModelInput;

beforeAll(async () => {
	contentDir = await copyContent();
	await addLanguageFixtures(contentDir);
	outDir = await mkdtemp(path.join(tmpdir(), 'story-languages-dist-'));
	const build = await astroBuild(outDir, { CONTENT_DIR: contentDir });
	if (!build.ok) throw new Error(`The build with Korean and Japanese articles failed:\n${build.output}`);
	pages = await readPages(outDir);
	content = (await loadContent(contentDir)).input;
}, 180_000);

afterAll(async () => {
	await removeDir(contentDir);
	await rm(outDir, { recursive: true, force: true });
});

const page = (url: string) => pageAt(pages, url);
const articleOf = (id: string) => {
	const found = content.articles.find((each) => each.id === id);
	if (!found) throw new Error(`No article ${id} in the fixture content`);
	return found;
};
/** The articles of the content in a language other than English. */
const foreign = () => content.articles.filter((each) => !each.data.language.startsWith('en'));

/** The language an element's words are in: its own `lang`, or its nearest ancestor's. */
function languageAt(node: Node): string | undefined {
	for (let at: Node | null = node; at; at = at.parentNode) {
		const lang = (at as HTMLElement).getAttribute?.('lang');
		if (lang !== undefined) return lang;
	}
	return undefined;
}

/** Every text node under an element, with the element that holds it. */
function textNodes(element: HTMLElement): Node[] {
	return element.childNodes.flatMap((child) => (child.nodeType === 3 ? [child] : child.nodeType === 1 ? textNodes(child as HTMLElement) : []));
}

describe('the content with a Korean and a Japanese article', () => {
	test('passes the check with no warning, the two fixtures in Korean and Japanese, with a summary and no kept source', async () => {
		const { problems, warnings } = await loadContent(contentDir);
		expect([...problems, ...warnings]).toEqual([]);
		for (const [{ id, language }, article] of [korean, japanese].map((each) => [each, articleOf(each.id)] as const)) {
			expect(article.data.language, id).toBe(language);
			expect(article.data.seed, id).toBeUndefined();
			expect(article.data.summary, id).toBeDefined();
		}
	});
});

describe('an article page in Korean or Japanese', () => {
	test.each([korean, japanese])('$id marks its body and its headline with its language, $language', ({ id, language }) => {
		const document = page(`/articles/${id}/`).document;
		expect(document.querySelector('html')?.getAttribute('lang')).toBe('en');
		expect(document.querySelector('h1')?.getAttribute('lang')).toBe(language);
		expect(document.querySelector('h1')?.textContent).toBe(articleOf(id).data.title);
		expect(document.querySelector('.article-body')?.getAttribute('lang')).toBe(language);
		expect(document.querySelector('nav.breadcrumbs [aria-current="page"]')?.getAttribute('lang')).toBe(language);
	});

	test.each([korean, japanese])('$id shows our English summary first, labelled, then its text in its language', ({ id }) => {
		const main = page(`/articles/${id}/`).document.querySelector('main')!;
		const summary = main.querySelector('section.summary-first');
		expect(summary?.querySelector('h2')?.textContent).toBe('Our summary, in English');
		expect(summary?.querySelector('p')?.textContent).toBe(articleOf(id).data.summary);
		expect(languageAt(summary!.querySelector('p')!)).toBe('en');
		const html = main.innerHTML;
		expect(html.indexOf('summary-first')).toBeLessThan(html.indexOf('article-body'));
		expect(main.querySelector('#the-text')?.textContent).toMatch(/^The article, in (Korean|Japanese)$/);
	});

	test('an English article keeps its summary as the lede, and marks no language of its own', () => {
		const english = content.articles.find((each) => each.data.language === 'en' && each.data.summary)!;
		const document = page(`/articles/${english.id}/`).document;
		expect(document.querySelector('section.summary-first')).toBeNull();
		expect(document.querySelector('.article-body')?.getAttribute('lang')).toBeUndefined();
		expect(document.querySelector('h1')?.getAttribute('lang')).toBeUndefined();
	});

	test('links the names in Korean text, the link on the name and not on the particle after it, once per section', () => {
		const body = page(`/articles/${korean.id}/`).document.querySelector('.article-body')!;
		const names = new Map([...content.people, ...content.companies, ...content.countries].map((each) => [each.id, [each.data.name, ...each.data.aliases]]));
		for (const stop of content.stops) names.set(stop.id, [stop.data.city, ...stop.data.aliases]);
		const links = body.querySelectorAll('a.entity-link');
		expect(links.length).toBeGreaterThan(5);
		for (const link of links) {
			const id = (link.getAttribute('href') ?? '').split('/').filter(Boolean).at(-1) ?? '';
			expect(names.get(id), `${link.textContent} → ${id}`).toContain(link.textContent);
		}
		// 이재용 stands in the text only with a particle after it: 이재용과, 이재용은.
		const lee = links.filter((link) => link.getAttribute('href') === '/people/lee-jae-yong/');
		expect(lee.map((link) => link.textContent)).toEqual(['이재용', '이재용']);
		expect(lee.map((link) => link.nextSibling?.textContent?.[0])).toEqual(['과', '은']);
		// Once in each of the two sections (the text before its sub-head, and after).
		const sections = body.innerHTML.split(/<h2\b/);
		expect(sections).toHaveLength(2);
		for (const section of sections) expect(section.match(/href="\/people\/lee-jae-yong\/"/g) ?? []).toHaveLength(1);
	});

	test('links the names in Japanese text, written without spaces, whole words only', () => {
		const links = page(`/articles/${japanese.id}/`)
			.document.querySelectorAll('.article-body a.entity-link')
			.map((link) => [link.textContent, link.getAttribute('href')]);
		expect(links).toEqual(
			expect.arrayContaining([
				['岸田文雄', '/people/fumio-kishida/'],
				['メタ', '/companies/meta/'],
				['マーク・ザッカーバーグ', '/people/mark-zuckerberg/'],
				['東京', '/stops/tokyo/'],
				['サムスン電子', '/companies/samsung-electronics/'],
				['李在鎔', '/people/lee-jae-yong/'],
				['岸田', '/people/fumio-kishida/'],
			]),
		);
	});

	test('marks each passage the ledger cites from it, its names linked inside the mark', () => {
		for (const source of CITED) {
			const marks = page(`/articles/${source.article}/`).document.querySelectorAll('mark.passage');
			const mark = marks.find((each) => each.textContent === source.passage);
			expect(mark, source.passage).toBeDefined();
			expect(languageAt(mark!)).toBe(articleOf(source.article).data.language);
		}
	});
});

describe('a title in Korean or Japanese, wherever it appears', () => {
	test('carries its article’s language: in the lists, the ledger, citations, claim pages, the timeline and the home page', () => {
		const unmarked: string[] = [];
		const seenOn = new Map<string, Set<string>>();
		for (const [url, built] of pages) {
			const body = built.document.querySelector('body');
			if (!body) continue;
			for (const article of foreign()) {
				const { title, language } = article.data;
				for (const node of textNodes(body).filter((each) => each.textContent.includes(title))) {
					(seenOn.get(article.id) ?? seenOn.set(article.id, new Set()).get(article.id)!).add(url);
					if (languageAt(node) !== language) unmarked.push(`${url}: "${title}" in ${languageAt(node) ?? 'no language'}`);
				}
				// A title given as a tooltip (the ledger's columns) is in the language of its element.
				for (const element of body.querySelectorAll('[title]').filter((each) => each.getAttribute('title') === title)) {
					(seenOn.get(article.id) ?? seenOn.set(article.id, new Set()).get(article.id)!).add(url);
					if (element.getAttribute('lang') !== language) unmarked.push(`${url}: title="${title}" in ${languageAt(element) ?? 'no language'}`);
					// …while the column's number stays in the page's language.
					expect(languageAt(element.querySelector('span')!)).toBe('en');
				}
			}
		}
		expect(unmarked).toEqual([]);
		const koreanPages = seenOn.get(korean.id) ?? new Set();
		// The ledger names its articles in its columns while they fit; past that, each row lists its sources by outlet.
		const ledger = content.articles.length <= LEDGER_COLUMN_LIMIT ? ['/facts/'] : [];
		// (The coverage matrix names each source by its short label, its outlet here, not its title.)
		for (const url of ['/', '/articles/', '/timeline/', ...ledger, '/facts/samsung-meeting/', '/stops/seoul/', '/people/lee-jae-yong/', `/articles/${korean.id}/`]) {
			expect(koreanPages, url).toContain(url);
		}
	});
});

describe('a claim page', () => {
	test('shows each passage cited from a Korean or Japanese article verbatim, in its language, with our English gloss beside it where given', () => {
		for (const source of CITED) {
			const item = page(`/facts/${source.claim}/`)
				.document.querySelectorAll('ol.sources > li')
				.find((each) => each.querySelector('blockquote')?.getAttribute('cite')?.startsWith(`/articles/${source.article}/`));
			expect(item, `${source.claim} → ${source.article}`).toBeDefined();
			const quote = item!.querySelector('blockquote')!;
			expect(quote.textContent.trim()).toBe(source.passage);
			expect(quote.getAttribute('lang')).toBe(articleOf(source.article).data.language);
			const gloss = item!.querySelector('.gloss');
			if (source.gloss) {
				expect(gloss?.textContent).toBe(`In English: ${source.gloss}`);
				expect(languageAt(gloss!)).toBe('en');
			} else {
				expect(gloss).toBeNull();
			}
		}
	});

	test('of the disputed ledger, shows the Korean words of a source in their language', () => {
		const disputed = CITED.find((source) => source.claim === 'earlier-seoul-visits')!;
		const cells = page('/facts/disputed/').document.querySelectorAll('.says').filter((each) => each.textContent.includes(disputed.passage));
		expect(cells).toHaveLength(1);
		expect(cells[0]?.getAttribute('lang')).toBe('ko');
	});
});

describe('a stop page', () => {
	test('shows the city’s local name beside its English one, in its language', () => {
		for (const stop of content.stops) {
			const document = page(`/stops/${stop.id}/`).document;
			const local = document.querySelector('.lede .local-name');
			if (!stop.data.localName) {
				expect(local, stop.id).toBeNull();
				continue;
			}
			expect(local?.textContent).toBe(stop.data.localName.name);
			expect(local?.getAttribute('lang')).toBe(stop.data.localName.lang);
			expect(document.querySelector('.lede')?.textContent).toMatch(new RegExp(`^\\s*${stop.data.city} \\(${stop.data.localName.name} in (Korean|Japanese)\\) is stop ${stop.data.order} of`));
		}
	});
});

describe('the data about each article', () => {
	test('says its language in its NewsArticle', () => {
		for (const article of content.articles) {
			const news = jsonLd(page(`/articles/${article.id}/`)).find((each) => each['@type'] === 'NewsArticle');
			expect(news?.['inLanguage'], article.id).toBe(article.data.language);
		}
	});

	test('says its language in the feed, each item in Dublin Core’s dc:language, the namespace declared', async () => {
		const xml = await readFile(path.join(outDir, 'rss.xml'), 'utf8');
		expect(xml).toMatch(/<rss [^>]*xmlns:dc="http:\/\/purl\.org\/dc\/elements\/1\.1\/"/);
		const feed = await new Parser<Record<string, never>, { 'dc:language': string }>({ customFields: { item: ['dc:language'] } }).parseString(xml);
		expect(feed.items).toHaveLength(content.articles.length);
		for (const article of content.articles) {
			const item = feed.items.find((each) => each.link?.endsWith(`/articles/${article.id}/`));
			expect(item?.['dc:language'], article.id).toBe(article.data.language);
		}
	});

	test('says its language in story.json, which its published JSON Schema requires, with each gloss and local name', async () => {
		const schema = JSON.parse(await readFile(path.join(outDir, 'data', 'story.schema.json'), 'utf8'));
		const data = JSON.parse(await readFile(path.join(outDir, 'data', 'story.json'), 'utf8'));
		const validate = new Ajv2020({ strict: true, allErrors: true }).compile(schema);
		expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
		const articles = data.articles as { id: string; language: string }[];
		for (const article of content.articles) expect(articles.find((each) => each.id === article.id)?.language, article.id).toBe(article.data.language);
		const { language: _, ...withoutLanguage } = data.articles[0];
		expect(validate({ ...data, articles: [withoutLanguage] })).toBe(false);
		for (const source of CITED) {
			const cited = (data.claims as { id: string; sources: { article: string; gloss?: string }[] }[]).find((claim) => claim.id === source.claim)?.sources.find((each) => each.article === source.article);
			expect(cited?.gloss, `${source.claim} → ${source.article}`).toBe(source.gloss);
		}
		for (const stop of content.stops) expect((data.stops as { id: string; localName?: unknown }[]).find((each) => each.id === stop.id)?.localName).toEqual(stop.data.localName);
	});
});

describe('search', () => {
	// The articles and claims are in the records' bundle; the pages in the pages' bundle.
	const pagefind = (...parts: string[]) => path.join(outDir, 'pagefind-records', ...parts);
	const entryOf = async (bundle: string) => JSON.parse(await readFile(path.join(outDir, bundle, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };

	test('keeps an index per language: the pages’ English, and each article’s own, as many pages as it has articles', async () => {
		const entry = await entryOf('pagefind-records');
		const files = await readdir(pagefind());
		const indexes = await readdir(pagefind('index'));
		for (const language of ['ko', 'ja']) {
			expect(entry.languages[language]?.page_count, language).toBe(content.articles.filter((each) => each.data.language === language).length);
			expect(files.some((file) => file.startsWith(`pagefind.${language}_`) && file.endsWith('.pf_meta')), `pagefind.${language}_….pf_meta`).toBe(true);
			expect(indexes.some((file) => file.startsWith(`${language}_`)), `index/${language}_…`).toBe(true);
		}
		// The English articles, and every claim, which is written in English.
		expect(entry.languages['en']?.page_count).toBe(content.articles.filter((each) => each.data.language === 'en').length + (content.facts?.length ?? 0));
		// The pages are in English alone.
		expect(Object.keys((await entryOf('pagefind')).languages)).toEqual(['en']);
	});

	test('holds each article’s record with its language, its own words as content and our English summary beside them', async () => {
		const fragments = await Promise.all(
			(await readdir(pagefind('fragment'))).map(async (name) => {
				const text = gunzipSync(await readFile(pagefind('fragment', name))).toString('utf8');
				return JSON.parse(text.slice(text.indexOf('{'))) as { url: string; content: string; meta: Record<string, string> };
			}),
		);
		for (const article of content.articles) {
			const record = fragments.find((each) => each.url === `/articles/${article.id}/`);
			expect(record?.meta['lang'], article.id).toBe(article.data.language);
			if (article.data.language === 'en') continue;
			expect(record?.meta['summary']).toBe(article.data.summary);
			expect(record?.content).not.toContain(article.data.summary);
		}
	});

	test('on the search page, merges the indexes of the languages the build has, and no other', () => {
		const search = page('/search/').document.querySelector('#search');
		expect(search?.getAttribute('data-merge-languages')).toBe('ja ko');
		expect(search?.getAttribute('data-bundle')).toBe('/pagefind/');
		expect(search?.getAttribute('data-site')).toBe('/');
	});
});

describe('the site’s own fonts for Korean and Japanese words', () => {
	test('hold every Korean and Japanese character of every page, each file named in a @font-face whose range is its characters', async () => {
		const css = await readFile(path.join(outDir, 'fonts', 'fallback.css'), 'utf8');
		const faces = [...css.matchAll(/font-family: '([^']+)';[\s\S]*?src: url\(\/fonts\/([\w-]+\.woff2)\) format\('woff2'\);\s*unicode-range: ([^;]+);/g)].map(([, family = '', file = '', range = '']) => ({
			family,
			file,
			codePoints: new Set(range.split(',').map((each) => parseInt(each.replace('U+', ''), 16))),
		}));
		expect(new Set(faces.map((face) => face.family))).toEqual(new Set(['Story Korean', 'Story Japanese']));
		const files = new Set(await readdir(path.join(outDir, 'fonts')));
		for (const face of faces) expect(files.has(face.file), face.file).toBe(true);
		const covered = new Set(faces.flatMap((face) => [...face.codePoints]));
		const missing = new Set<string>();
		for (const built of pages.values()) {
			for (const character of built.document.textContent.match(/[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\u30fb\u30fc\uff01-\uffef]/gu) ?? []) {
				// A space, the ideographic one too, is drawn as a space in any font.
				if (!/\s/u.test(character) && !covered.has(character.codePointAt(0) ?? 0)) missing.add(`${character} on ${built.url}`);
			}
		}
		expect([...missing].slice(0, 10)).toEqual([]);
	});

	test('are linked from every page, and allowed by every page’s policy', () => {
		for (const built of pages.values()) {
			expect(built.document.querySelector('link[rel="stylesheet"][href="/fonts/fallback.css"]'), built.url).not.toBeNull();
			expect(built.document.querySelector('meta[http-equiv="content-security-policy"]')?.getAttribute('content'), built.url).toMatch(/font-src 'self'/);
		}
	});
});

describe('a stop whose local name has a character no font of the preview images holds', () => {
	test('stops the build before any page is written, in one line naming the stop, its file and the character', async () => {
		const broken = await copyContent();
		const brokenOut = await mkdtemp(path.join(tmpdir(), 'story-glyphless-dist-'));
		try {
			const file = path.join(broken, 'stops', 'seoul.md');
			await editFile(file, /^localName: .*$/m, 'localName: { name: "서울\u{1F5FC}", lang: ko }');
			const build = await astroBuild(brokenOut, { CONTENT_DIR: broken });
			expect(build.ok).toBe(false);
			expect(build.output).toContain(
				`${file}: localName.name: expected characters the preview image of the stop "seoul" can draw with its fonts (Inter, Noto Sans KR, Noto Sans JP), found "\u{1F5FC}" (U+1F5FC) in "서울\u{1F5FC}"`,
			);
			expect(build.output).not.toContain('Stack trace');
			expect(await readdir(brokenOut)).toEqual([]);
		} finally {
			await removeDir(broken);
			await rm(brokenOut, { recursive: true, force: true });
		}
	});
});
