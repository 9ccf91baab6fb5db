/**
 * Tests that need builds of their own. They run here, one after another, so that no
 * two Astro builds share the project's cache at once:
 * - a build over bad content, which must stop before writing a page;
 * - a build under a sub-path (`BASE_PATH=/tour/`, another origin) with two fixture
 *   articles added to the real content: one naming Seoul, Samsung and President Yoon,
 *   which must appear everywhere it belongs with no code change, and one hostile; and
 *   two web pages added through `npm run ingest`: an outlet's page, which must appear
 *   on every page its entry names, and a hostile one.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { loadContent } from '../../src/content-files/load-content.ts';
import { astroBuild } from '../../scripts/lib/astro-build.ts';
import { copyContent, editFile, projectRoot, realContentDir, removeDir } from '../support/content-fixtures.ts';
import { fileForUrl, hrefs, jsonLd, readPages, type BuiltPage } from '../../scripts/lib/dist.ts';

const distDir = inject('distDir');
const run = promisify(execFile);

describe('the built site', () => {
	test('lists every article in the coverage on the home page, with its outlet where named', async () => {
		const page = parse(await readFile(path.join(distDir, 'index.html'), 'utf8'));
		const items = page.querySelectorAll('section[aria-labelledby="coverage"] ol > li').map((item) => item.textContent);
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
			// One character of one passage of the fact ledger: 350,000 becomes 350,001.
			const claim = path.join(contentDir, 'facts', 'meta-compute-h100.md');
			await editFile(claim, 'acquire roughly 350,000 H100', 'acquire roughly 350,001 H100');

			const build = await astroBuild(outDir, { CONTENT_DIR: contentDir });

			expect(build.ok).toBe(false);
			expect(build.output).toContain(
				`${article}: published: expected a real date (YYYY-MM-DD) or a date-time with offset (YYYY-MM-DDTHH:MM+09:00), found "2024-02-30"`,
			);
			expect(build.output).toContain(
				`${other}: stops[0]: expected the id of a record in content/stops/, found "busan", which does not exist`,
			);
			expect(build.output).toContain(
				`${claim}: sources[1].passage: expected words that stand verbatim in the article "return-to-south-korea-ai-xr" (cited for the claim "meta-compute-h100"), found "Meta also intends to acquire roughly 350,001 H100 graphics processing units by the end of the year …"`,
			);
			expect(build.output).toContain('Content check failed: 3 problems in 3 files');
			expect(build.output).not.toContain('Stack trace');
			expect(await readdir(outDir)).toEqual([]);
		} finally {
			await removeDir(contentDir);
			await rm(outDir, { recursive: true, force: true });
		}
	});
});

describe('a warm rebuild', () => {
	// Two whole builds, so a timeout of its own: about 10 s alone, but three times that in
	// a full `npm test`, where the unit project runs beside this one on the same cores.
	test('renders again only the bodies whose text or cited passages changed, not one whose title alone did', async () => {
		const contentDir = await copyContent();
		const outDir = await mkdtemp(path.join(tmpdir(), 'story-warm-dist-'));
		const cacheDir = await mkdtemp(path.join(tmpdir(), 'story-warm-cache-'));
		try {
			const articles = (await readdir(path.join(contentDir, 'articles'))).length;
			const cold = await astroBuild(outDir, { CONTENT_DIR: contentDir }, { cacheDir });
			expect(cold.ok, cold.output).toBe(true);
			expect(cold.output).toMatch(new RegExp(`articles: rendered ${articles} of ${articles} bodies in [\\d.]+ s; 0 unchanged since the last build\\.`));

			// One article's title (its body's HTML does not show it), and a new claim citing words of another.
			await editFile(path.join(contentDir, 'articles', 'packed-week-in-asia.md'), /^title: .*$/m, 'title: A packed week in Asia, retitled');
			await writeFile(
				path.join(contentDir, 'facts', 'warm-rebuild-claim.md'),
				'---\nstatement: XR spans augmented and virtual reality.\nsources:\n  - article: meets-lg-samsung-chiefs-in-seoul\n    passage: "XR includes augmented reality and virtual reality"\n    stance: states\n---\n',
			);
			const warm = await astroBuild(outDir, { CONTENT_DIR: contentDir }, { cacheDir });
			expect(warm.ok, warm.output).toBe(true);
			expect(warm.output).toMatch(new RegExp(`articles: rendered 1 of ${articles} bodies in [\\d.]+ s; ${articles - 1} unchanged since the last build\\.`));
			const [retitled, marked] = await Promise.all(
				['packed-week-in-asia', 'meets-lg-samsung-chiefs-in-seoul'].map((id) => readFile(path.join(outDir, 'articles', id, 'index.html'), 'utf8')),
			);
			expect(retitled).toContain('A packed week in Asia, retitled');
			expect(parse(marked ?? '').querySelectorAll('mark.passage').map((mark) => mark.textContent)).toContain('XR includes augmented reality and virtual reality');
		} finally {
			await removeDir(contentDir);
			await rm(outDir, { recursive: true, force: true });
			await rm(cacheDir, { recursive: true, force: true });
		}
	}, 120_000);
});

describe('a build under /tour/ with a sixth article and a hostile one', () => {
	const base = '/tour/';
	const origin = 'https://example.net';
	const sixth = 'samsung-and-yoon-fixture';
	const hostile = 'hostile-fixture';
	/** The ids `npm run ingest` gives tests/fixtures/web/jamnagar-post.html and hostile.html, from their headlines. */
	const ingested = 'zuckerberg-lands-in-jamnagar-for-ambani-pre-wedding';
	const ingestedHostile = 'zuckerbergs-asia-tour-reaches-seoul';
	const syndicatedCopy = 'meta-chief-arrives-for-ambani-festivities';
	let contentDir: string;
	let outDir: string;
	let pages: Map<string, BuiltPage>;
	const read = (file: string) => readFile(path.join(outDir, file), 'utf8');
	const page = (url: string) => {
		const found = pages.get(url);
		if (!found) throw new Error(`No page at ${url}`);
		return found;
	};

	/**
	 * Every record of the two Pagefind bundles the search page names (the pages' it loads,
	 * the records' it merges), with the address a result leads to: an index holds URLs
	 * relative to the site (`/articles/x/`), and Pagefind's UI puts before them the base
	 * path of the bundle (`/tour/pagefind/` → `/tour/`).
	 */
	const searchRecords = async () => {
		const search = page(`${base}search/`).document.querySelector('#search');
		const bundles = [search?.getAttribute('data-bundle') ?? '', search?.getAttribute('data-records') ?? ''];
		expect(bundles).toEqual([`${base}pagefind/`, `${base}pagefind-records/`]);
		const records = await Promise.all(
			bundles.map(async (bundle) => {
				const uiBase = /^(.*\/)_?pagefind/.exec(bundle)?.[1] ?? '/';
				const folder = path.join(outDir, bundle.slice(base.length), 'fragment');
				return Promise.all(
					(await readdir(folder)).map(async (name) => {
						const bytes = gunzipSync(await readFile(path.join(folder, name)));
						const record = JSON.parse(bytes.toString('utf8').replace(/^pagefind_dcd/, '')) as { url: string; content: string; meta: Record<string, string> };
						return { ...record, url: `${uiBase}${record.url}`.replace(/\/+/g, '/') };
					}),
				);
			}),
		);
		return records.flat();
	};

	beforeAll(async () => {
		contentDir = await copyContent();
		for (const id of [sixth, hostile]) {
			await cp(path.join(projectRoot, 'tests', 'fixtures', 'articles', `${id}.md`), path.join(contentDir, 'articles', `${id}.md`));
		}
		// Two web pages, through `npm run ingest` as an editor would: one from an outlet, one hostile.
		const webPages = ['jamnagar-post.html', 'hostile.html'].map((name) => path.join(projectRoot, 'tests', 'fixtures', 'web', name));
		await run(process.execPath, [path.join(projectRoot, 'scripts', 'ingest.ts'), ...webPages, '--content', contentDir]);
		// The same story, syndicated under another outlet's name and address, kept on purpose.
		const syndicated = path.join(contentDir, 'syndicated.html');
		await writeFile(
			syndicated,
			(await readFile(webPages[0] as string, 'utf8'))
				.replaceAll('gujaratmorningpost.example', 'syndicator.example')
				.replaceAll('Gujarat Morning Post', 'Syndicated Times')
				.replaceAll('Zuckerberg lands in Jamnagar for Ambani pre-wedding celebrations', 'Meta chief arrives for Ambani festivities'),
		);
		await run(process.execPath, [path.join(projectRoot, 'scripts', 'ingest.ts'), syndicated, '--allow-duplicate', '--content', contentDir]);
		outDir = await mkdtemp(path.join(tmpdir(), 'story-tour-dist-'));
		const build = await astroBuild(outDir, { CONTENT_DIR: contentDir, BASE_PATH: base, SITE: origin });
		if (!build.ok) throw new Error(`The fixture build failed:\n${build.output}`);
		pages = await readPages(outDir, base);
	});
	afterAll(async () => {
		await removeDir(contentDir);
		await rm(outDir, { recursive: true, force: true });
	});

	describe('the sixth article, added as a file and nothing else', () => {
		const articleUrl = `${base}articles/${sixth}/`;

		test('gets its own page', () => {
			expect(page(articleUrl).document.querySelector('h1')?.textContent).toBe('Fixture: Samsung and President Yoon meet Zuckerberg in Seoul');
		});

		test.each([`${base}stops/seoul/`, `${base}companies/samsung-electronics/`, `${base}people/yoon-suk-yeol/`, `${base}articles/`, `${base}countries/south-korea/`])(
			'appears on %s',
			(url) => {
				expect(hrefs(page(url).document.querySelector('main'))).toContain(articleUrl);
			},
		);

		test('appears on the timeline at its local publication time', () => {
			const item = page(`${base}timeline/`).document.getElementById(`published-${sixth}`);
			expect(hrefs(item)).toContain(articleUrl);
			expect(item?.querySelector('time')?.getAttribute('datetime')).toBe('2024-02-29T18:30+09:00');
		});

		test('appears in the feed and the sitemap', async () => {
			expect(await read('rss.xml')).toContain(`<link>${origin}${articleUrl}</link>`);
			expect(await read('sitemap-0.xml')).toContain(`<loc>${origin}${articleUrl}</loc>`);
		});

		test('is in the search index, and its result leads to its page under the sub-path', async () => {
			const records = await searchRecords();
			const found = records.filter((record) => record.content.includes('quasarfixture'));
			expect(found.map((record) => record.url)).toEqual([articleUrl]);
			expect(records.every((record) => record.url.startsWith(base))).toBe(true);
		});
	});

	describe('links that leave the site', () => {
		test('carry rel="noopener noreferrer", and nofollow ugc inside an article\'s own words', () => {
			const outbound: { url: string; href: string; rel: string[]; inArticleText: boolean }[] = [];
			for (const [url, built] of pages) {
				for (const link of built.document.querySelectorAll('a[href]')) {
					const href = link.getAttribute('href') ?? '';
					if (!/^[a-z][a-z0-9+.-]*:/i.test(href)) continue;
					outbound.push({ url, href, rel: (link.getAttribute('rel') ?? '').split(/\s+/), inArticleText: link.closest('.article-body') !== null });
				}
			}
			for (const link of outbound) {
				expect(link.rel, `${link.url} → ${link.href}`).toEqual(expect.arrayContaining(['noopener', 'noreferrer']));
				if (link.inArticleText) expect(link.rel, `${link.url} → ${link.href}, in the article's text`).toEqual(expect.arrayContaining(['nofollow', 'ugc']));
			}
			// The added articles' links to their originals (their url fields), and a link in the hostile article's text.
			expect(outbound.filter((link) => link.url === `${base}articles/${sixth}/`).map((link) => link.href)).toContain('https://example.com/fixture');
			expect(outbound.filter((link) => link.inArticleText).map((link) => link.href)).toContain('https://evil.example/elsewhere');
		});
	});

	describe('the sub-path', () => {
		test('contains every internal link, asset and form', () => {
			const escaping: string[] = [];
			for (const [url, built] of pages) {
				for (const element of built.document.querySelectorAll('[href], [src], [action]')) {
					for (const attribute of ['href', 'src', 'action']) {
						const value = element.getAttribute(attribute);
						if (value === undefined || value.startsWith('#')) continue;
						const internal = value.startsWith('/') || value.startsWith(origin);
						if (!internal && /^[a-z]+:/i.test(value)) continue;
						const pathname = new URL(value, `${origin}${url}`).pathname;
						if (!pathname.startsWith(base)) escaping.push(`${url}: ${attribute}="${value}"`);
					}
				}
			}
			expect(escaping).toEqual([]);
		});

		test('has no link to a page or fragment that does not exist', () => {
			const broken: string[] = [];
			for (const [url, built] of pages) {
				for (const href of hrefs(built.document)) {
					if (/^[a-z]+:/i.test(href)) continue;
					const target = new URL(href, `${origin}${url}`);
					const file = fileForUrl(outDir, base, target.pathname);
					const anchor = target.hash.slice(1);
					const targetPage = [...pages.values()].find((each) => each.file === file);
					if (!file) broken.push(`${url} → ${href}`);
					else if (anchor && targetPage && !targetPage.document.getElementById(anchor)) broken.push(`${url} → ${href} (no #${anchor})`);
				}
			}
			expect(broken).toEqual([]);
		});

		test('is in every canonical URL, Open Graph URL, JSON-LD URL, feed link and sitemap entry', async () => {
			for (const [url, built] of pages) {
				if (url === `${base}404.html`) {
					// Served at any missing address: no canonical URL of its own, and not indexed.
					expect(built.document.querySelector('link[rel="canonical"]')).toBeNull();
					expect(built.document.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
					continue;
				}
				expect(built.document.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(`${origin}${url}`);
				expect(built.document.querySelector('meta[property="og:url"]')?.getAttribute('content')).toBe(`${origin}${url}`);
				const urls = JSON.stringify(jsonLd(built)).match(/https?:\/\/[^"]+/g) ?? [];
				for (const each of urls.filter((value) => value.startsWith(origin))) {
					expect(each, url).toMatch(new RegExp(`^${origin}${base}`));
				}
			}
			const feed = await read('rss.xml');
			for (const link of feed.match(/<link>[^<]+<\/link>/g) ?? []) expect(link).toMatch(new RegExp(`<link>${origin}${base}`));
			for (const loc of (await read('sitemap-0.xml')).match(/<loc>[^<]+<\/loc>/g) ?? []) expect(loc).toMatch(new RegExp(`<loc>${origin}${base}`));
			expect(await read('robots.txt')).toContain(`Sitemap: ${origin}${base}sitemap-index.xml`);
		});

		test('is in every page’s preview image URL, a file of this build; the added articles add no image, one per stop and one for the route', async () => {
			for (const [url, built] of pages) {
				const image = built.document.querySelector('meta[property="og:image"]')?.getAttribute('content') ?? '';
				expect(image, url).toMatch(new RegExp(`^${origin}${base}previews/[^/]+\\.png$`));
				expect(fileForUrl(outDir, base, new URL(image).pathname), url).toBeDefined();
			}
			const { input } = await loadContent(contentDir);
			expect(await readdir(path.join(outDir, 'previews'))).toHaveLength(input.stops.length + 1);
		});

		test('is where search loads its index and its results point', () => {
			const search = page(`${base}search/`).document;
			expect(search.querySelector('#search')?.getAttribute('data-bundle')).toBe(`${base}pagefind/`);
			const scripts = search.querySelectorAll('script[src]').map((script) => script.getAttribute('src') ?? '');
			expect(scripts).toContain(`${base}pagefind/pagefind-ui.js`);
			// Pagefind's UI, and the site's own script that starts it: both files under the base path.
			expect(scripts.filter((src) => !src.startsWith(`${base}pagefind/`))).toEqual([expect.stringMatching(new RegExp(`^${base}_astro/[\\w.-]+\\.js$`))]);
		});
	});

	describe('an article ingested from a web page', () => {
		const articleUrl = `${base}articles/${ingested}/`;

		test('appears on the page of every stop, country, company and person its entry names, and on its dateline stop', async () => {
			const entry = (await loadContent(contentDir)).input.articles.find((article) => article.id === ingested);
			expect(entry?.data.stops[0]).toBe('jamnagar');
			const pagesOfIt = [
				...(entry?.data.stops ?? []).map((id) => `${base}stops/${id}/`),
				...(entry?.data.countries ?? []).map((id) => `${base}countries/${id}/`),
				...(entry?.data.companies ?? []).map((id) => `${base}companies/${id}/`),
				...(entry?.data.people ?? []).map((id) => `${base}people/${id}/`),
			];
			expect(pagesOfIt.length).toBeGreaterThan(4);
			for (const url of pagesOfIt) expect(hrefs(page(url).document.querySelector('main')), url).toContain(articleUrl);
		});

		test('names, on the page of a syndicated copy kept with --allow-duplicate, the article with the same text', () => {
			const note = page(`${base}articles/${syndicatedCopy}/`).document.querySelector('aside.note');
			expect(note?.textContent).toContain('The same text, syndicated, is also in the story as');
			expect(hrefs(note)).toContain(articleUrl);
		});

		test('appears in the feed and in search', async () => {
			expect(await read('rss.xml')).toContain(`<link>${origin}${articleUrl}</link>`);
			expect((await searchRecords()).some((record) => record.url === articleUrl && record.content.includes('Jamnagar'))).toBe(true);
		});
	});

	describe('search', () => {
		test("indexes an article's own words: its text, not the notes and lists around it", async () => {
			const record = (await searchRecords()).find((each) => each.url === `${base}articles/${sixth}/`);
			expect(record?.content).toContain('quasarfixture');
			const document = page(`${base}articles/${sixth}/`).document;
			const around = ['aside.note', '#claims'].map((selector) => document.querySelector(selector)?.textContent.trim() ?? '');
			expect(around.every((text) => text.length > 10)).toBe(true);
			for (const text of around) expect(record?.content).not.toContain(text.replace(/\s+/g, ' ').slice(0, 40));
			expect(record?.content).not.toContain('Other articles on the same stops');
		});

		test('indexes each claim by its own record, leading to its page, dated and of its kind; the ledger\'s pages, which list them, not at all', async () => {
			const records = await searchRecords();
			const { input } = await loadContent(contentDir);
			for (const fact of input.facts ?? []) {
				const record = records.find((each) => each.url === `${base}facts/${fact.id}/`);
				expect(record?.content, fact.id).toContain(fact.data.statement);
				expect(record?.meta).toMatchObject({ title: fact.data.statement, kind: 'Claim', date: expect.stringMatching(/^\d{1,2} \w+ \d{4}$/) });
				// The sources' passages are searched in their articles, not here.
				for (const source of fact.data.sources) if (source.passage.length > 30) expect(record?.content, fact.id).not.toContain(source.passage);
			}
			expect(records.some((record) => /\/facts\/(?:page\/\d+\/|disputed\/)?$/.test(record.url))).toBe(false);
		});

		test("indexes each page's own words only: no listing of other articles' titles, no source's sentences, and says what kind of page it is", async () => {
			const records = await searchRecords();
			const { input } = await loadContent(contentDir);
			const titles = input.articles.map((article) => article.data.title);
			const kinds = new Map<string, RegExp>([['stops', /^Stop$/], ['countries', /^Country$/], ['companies', /^Company$/], ['people', /^Person$/], ['articles', /^Article$/], ['facts', /^Claim$/]]);
			for (const record of records) {
				const section = record.url.slice(base.length).split('/')[0] ?? '';
				expect(record.meta['kind'], record.url).toMatch(kinds.get(section) ?? /^The story$/);
				if (section === 'articles') continue;
				for (const title of titles) expect(record.content, `${record.url} lists "${title}"`).not.toContain(title);
			}
			// A stop's page is dated by its days.
			const seoul = records.find((record) => record.url === `${base}stops/seoul/`);
			expect(seoul?.meta['date']).toMatch(/^\d{1,2}–\d{1,2} \w+ \d{4}$/);
		});
	});

	/** Nothing on the page can run: no script, no event handler, no javascript: URL, no frame. */
	const expectNothingRuns = (id: string) => {
		const document = page(`${base}articles/${id}/`).document;
		const scripts = document.querySelectorAll('script').filter((script) => script.getAttribute('type') !== 'application/ld+json');
		expect(scripts).toHaveLength(0);
		const body = document.querySelector('.article-body');
		expect(body?.querySelectorAll('p').length).toBeGreaterThan(2);
		expect(body?.querySelectorAll('iframe, object, embed, form, svg, style, meta, img[src], button')).toHaveLength(0);
		// The page's one http-equiv is our own Content Security Policy, in the head, before any body text.
		expect(document.querySelectorAll('meta[http-equiv]').map((meta) => meta.getAttribute('http-equiv'))).toEqual(['content-security-policy']);
		expect(document.querySelectorAll('head > meta[http-equiv="content-security-policy"]')).toHaveLength(1);
		expect(document.querySelectorAll('iframe, object, embed')).toHaveLength(0);
		for (const element of document.querySelectorAll('*')) {
			for (const [attribute, value] of Object.entries(element.attributes)) {
				expect(attribute.toLowerCase(), element.outerHTML.slice(0, 120)).not.toMatch(/^on/);
				expect(value.toLowerCase(), element.outerHTML.slice(0, 120)).not.toContain('javascript:');
			}
		}
	};

	describe('the hostile web page, ingested', () => {
		test('runs nothing: no script, no event handler, no javascript: URL, no frame', () => {
			expectNothingRuns(ingestedHostile);
		});
	});

	describe('the hostile article', () => {
		test('runs nothing: no script, no event handler, no javascript: URL, no frame', () => {
			expectNothingRuns(hostile);
		});

		test('still shows its text, raw HTML included, as text', () => {
			const body = page(`${base}articles/${hostile}/`).document.querySelector('.article-body');
			expect(body?.textContent).toContain('Plain text first.');
			expect(body?.textContent).toContain('<script>alert("inline script")</script>');
		});

		test('leaves the feed clean too', async () => {
			// Each item's full text is HTML, escaped into the XML: unescape it and read it as HTML.
			const items = [...(await read('rss.xml')).matchAll(/<content:encoded>([\s\S]*?)<\/content:encoded>/g)].map((match) =>
				parse(parse(`<x>${match[1]}</x>`).textContent),
			);
			expect(items.length).toBeGreaterThan(5);
			for (const item of items) {
				expect(item.querySelectorAll('script, iframe, object, embed, form, style')).toHaveLength(0);
				for (const element of item.querySelectorAll('*')) {
					for (const [attribute, value] of Object.entries(element.attributes)) {
						expect(attribute.toLowerCase()).not.toMatch(/^on/);
						expect(value.toLowerCase()).not.toContain('javascript:');
					}
				}
			}
		});
	});
});
