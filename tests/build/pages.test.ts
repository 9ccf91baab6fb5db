/**
 * The built site, read from `dist` (built once by tests/support/build-site.ts): every
 * page exists, pages cross-link as the story requires, and every internal link lands.
 * Expectations come from the content files, not from the model that built the pages.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { loadContent } from '../../src/content-files/load-content.ts';
import type { ModelInput } from '../../src/model/types.ts';
import { realContentDir } from '../support/content-fixtures.ts';
import { fileForUrl, hrefs, jsonLd, pageAt, readPages, type BuiltPage } from '../../scripts/lib/dist.ts';

const distDir = inject('distDir');
let pages: Map<string, BuiltPage>;
let content: ModelInput;

beforeAll(async () => {
	pages = await readPages(distDir);
	content = (await loadContent(realContentDir)).input;
});

const page = (url: string): BuiltPage => pageAt(pages, url);

const linksIn = (url: string, selector = 'main') => hrefs(page(url).document.querySelector(selector));

/** The text of an article's element as its source prints it: the citation marks after cited words (`sup.cites`) left out. */
const wordsOf = (element: HTMLElement | null): string => {
	if (!element) return '';
	const copy = parse(element.outerHTML);
	for (const citation of copy.querySelectorAll('sup.cites')) citation.remove();
	return copy.textContent.replace(/\s+/g, ' ');
};

describe('every page exists', () => {
	test('for every record in content/, and every section index', () => {
		const expected = [
			'/', '/timeline/', '/search/', '/404.html', '/stops/', '/countries/', '/companies/', '/people/', '/articles/',
			'/facts/', '/facts/disputed/', '/facts/coverage/',
			...(content.facts ?? []).map((fact) => `/facts/${fact.id}/`),
			...content.stops.map((stop) => `/stops/${stop.id}/`),
			...content.countries.map((country) => `/countries/${country.id}/`),
			...content.companies.map((company) => `/companies/${company.id}/`),
			...content.people.map((person) => `/people/${person.id}/`),
			...content.articles.map((article) => `/articles/${article.id}/`),
		];
		expect([...pages.keys()].sort()).toEqual(expected.sort());
	});

	test('with the feed, the sitemap and robots.txt beside them', async () => {
		const robots = await readFile(path.join(distDir, 'robots.txt'), 'utf8');
		expect(robots).toContain('Sitemap: https://example.org/sitemap-index.xml');
		const sitemap = await readFile(path.join(distDir, 'sitemap-0.xml'), 'utf8');
		const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]);
		const expected = [...pages.keys()].filter((url) => url !== '/404.html').map((url) => `https://example.org${url}`);
		expect(locs.sort()).toEqual(expected.sort());
	});
});

describe('stop pages', () => {
	test('link to every article that lists the stop or reports one of its events', () => {
		for (const stop of content.stops) {
			const expected = new Set([
				...content.articles.filter((article) => article.data.stops.includes(stop.id)).map((article) => `/articles/${article.id}/`),
				...stop.data.events.flatMap((event) => event.articles.map((id) => `/articles/${id}/`)),
			]);
			const links = new Set(hrefs(page(`/stops/${stop.id}/`).document.querySelector('main')));
			for (const href of expected) expect(links, `${stop.id} → ${href}`).toContain(href);
		}
	});

	test('give every event its own anchor, and link its people, companies and articles', () => {
		for (const stop of content.stops) {
			const document = page(`/stops/${stop.id}/`).document;
			for (const event of stop.data.events) {
				const item = document.getElementById(`${stop.id}-${event.id}`);
				expect(item, `${stop.id}-${event.id}`).not.toBeNull();
				const links = hrefs(item);
				for (const id of event.people) expect(links).toContain(`/people/${id}/`);
				for (const id of event.companies) expect(links).toContain(`/companies/${id}/`);
				for (const id of event.articles) expect(links).toContain(`/articles/${id}/`);
			}
		}
	});

	test('link to the previous and next stop on the route', () => {
		const route = [...content.stops].sort((a, b) => a.data.order - b.data.order).map((stop) => stop.id);
		expect(route).toEqual(['tokyo', 'seoul', 'jamnagar']);
		const pager = (id: string) => page(`/stops/${id}/`).document.querySelector('nav.pager');
		expect(pager('tokyo')?.querySelector('a[rel="next"]')?.getAttribute('href')).toBe('/stops/seoul/');
		expect(pager('seoul')?.querySelector('a[rel="prev"]')?.getAttribute('href')).toBe('/stops/tokyo/');
		expect(pager('seoul')?.querySelector('a[rel="next"]')?.getAttribute('href')).toBe('/stops/jamnagar/');
		expect(pager('jamnagar')?.querySelector('a[rel="next"]')).toBeNull();
	});

	test('show each quote with who said it and a link to its exact words', () => {
		const figure = page('/stops/tokyo/').document.querySelectorAll('figure.quote').find((each) => each.textContent.includes('good productive conversation'));
		expect(figure?.querySelector('figcaption a[href="/people/mark-zuckerberg/"]')).not.toBeNull();
		const source = hrefs(figure?.querySelector('figcaption')).find((href) => href.startsWith('/articles/'));
		const [articleUrl, anchor] = (source ?? '').split('#');
		expect(articleUrl).toBe('/articles/meets-lg-samsung-chiefs-in-seoul/');
		const words = page(articleUrl ?? '').document.getElementById(anchor ?? '');
		expect(words?.tagName).toBe('MARK');
		expect(words?.textContent).toBe(figure?.querySelector('blockquote')?.textContent.trim());
	});

	test('carry a small map with the stop marked, and a text list of the route', () => {
		const map = page('/stops/seoul/').document.querySelector('figure.route-map');
		expect(map?.querySelector('a.marker.current')?.getAttribute('href')).toBe('/stops/seoul/');
		expect(map?.querySelectorAll('figcaption li').map((item) => item.textContent.split(',')[0])).toEqual(['Tokyo', 'Seoul', 'Jamnagar']);
	});
});

describe('company and person pages', () => {
	const stopsInvolving = (field: 'companies' | 'people', id: string) =>
		content.stops.filter((stop) => stop.data.events.some((event) => event[field].includes(id))).map((stop) => `/stops/${stop.id}/`);

	test('link back to every stop where the company appears', () => {
		for (const company of content.companies) {
			const links = linksIn(`/companies/${company.id}/`);
			for (const href of stopsInvolving('companies', company.id)) expect(links, `${company.id} → ${href}`).toContain(href);
		}
		expect(stopsInvolving('companies', 'lg-electronics')).toEqual(['/stops/seoul/']);
	});

	test('link back to every stop where the person appears', () => {
		for (const person of content.people) {
			const links = linksIn(`/people/${person.id}/`);
			for (const href of stopsInvolving('people', person.id)) expect(links, `${person.id} → ${href}`).toContain(href);
		}
	});

	test("show the passages that name them, each linked to a paragraph that holds the words", () => {
		const passages = page('/people/lee-jae-yong/').document.querySelectorAll('p.passage');
		expect(passages.length).toBeGreaterThanOrEqual(4);
		for (const passage of passages) {
			const sentence = passage.querySelector('q')?.textContent ?? '';
			expect(sentence).not.toBe('');
			const href = passage.querySelector('a')?.getAttribute('href') ?? '';
			const [articleUrl, anchor] = href.split('#');
			const paragraph = page(articleUrl ?? '').document.getElementById(anchor ?? '');
			// The paragraph's words, as the source prints them: without the citations ("[2]") the site sets after cited words.
			expect(wordsOf(paragraph), href).toContain(sentence.replace(/\s+/g, ' '));
		}
		// Both spellings of his name lead here.
		const text = passages.map((passage) => passage.textContent).join(' ');
		expect(text).toContain('Jay Y. Lee');
		expect(text).toContain('Lee Jae-yong');
	});
});

describe('country pages', () => {
	test('list the stops, companies and people of the country, and the articles that mention it', () => {
		for (const country of content.countries) {
			const links = linksIn(`/countries/${country.id}/`);
			const expected = [
				...content.stops.filter((stop) => stop.data.country === country.id).map((stop) => `/stops/${stop.id}/`),
				...content.companies.filter((company) => company.data.country === country.id).map((company) => `/companies/${company.id}/`),
				...content.people.filter((person) => person.data.country === country.id).map((person) => `/people/${person.id}/`),
				...content.articles.filter((article) => article.data.countries.includes(country.id)).map((article) => `/articles/${article.id}/`),
			];
			for (const href of expected) expect(links, `${country.id} → ${href}`).toContain(href);
		}
	});
});

describe('article pages', () => {
	test('link the first mention of an entity in each section, not every one', () => {
		const body = page('/articles/packed-week-in-asia/').document.querySelector('.article-body');
		const samsungLinks = body?.querySelectorAll('a.entity-link[href="/companies/samsung-electronics/"]') ?? [];
		const samsungMentions = (body?.textContent.match(/Samsung/g) ?? []).length;
		expect(samsungLinks).toHaveLength(1);
		expect(samsungMentions).toBeGreaterThan(3);
		expect(body?.querySelector('a.entity-link[href="/people/lee-jae-yong/"]')?.textContent).toBe('Jay Y. Lee');
	});

	test('start linking again in each new section', () => {
		const body = page('/articles/asia-expedition-ai-and-diplomacy/').document.querySelector('.article-body');
		expect(body?.querySelectorAll('h2')).toHaveLength(3);
		expect(body?.querySelectorAll('a.entity-link[href="/companies/meta/"]').length).toBeGreaterThan(1);
	});

	test('give every paragraph an anchor', () => {
		const body = page('/articles/packed-week-in-asia/').document.querySelector('.article-body');
		expect(body?.querySelectorAll('p').map((paragraph) => paragraph.id)).toEqual(['p-1', 'p-2', 'p-3', 'p-4', 'p-5', 'p-6', 'p-7', 'p-8', 'p-9']);
	});

	test('note what debris was removed, and what was inferred', () => {
		const aside = page('/articles/meets-lg-samsung-chiefs-in-seoul/').document.querySelector('aside');
		expect(aside?.textContent).toContain('Samsung Galaxy S23 we got hands-on with the new Samsung S23 Ultra, 23+ and S23');
		expect(aside?.textContent).toContain('lined up for "today (Thursday, February 29)"');
	});

	test('show outlet, date and author where known', () => {
		const header = page('/articles/asia-expedition-ai-and-diplomacy/').document.querySelector('article header');
		expect(header?.textContent).toContain('by Nicholas');
		expect(header?.querySelector('time')?.getAttribute('datetime')).toBe('2024-02-26');
		expect(page('/articles/packed-week-in-asia/').document.querySelector('article header')?.textContent).toContain('Bloomberg');
	});

	test('link to the other articles covering the same stop', () => {
		const links = linksIn('/articles/return-to-south-korea-ai-xr/');
		for (const article of content.articles.filter((each) => each.id !== 'return-to-south-korea-ai-xr' && each.data.stops.includes('seoul'))) {
			expect(links).toContain(`/articles/${article.id}/`);
		}
	});
});

describe('the timeline', () => {
	test('gives every event and every publication an anchor, in date order', () => {
		const items = page('/timeline/').document.querySelectorAll('main li[id]');
		const ids = items.map((item) => item.id);
		const expected = [
			...content.stops.flatMap((stop) => stop.data.events.map((event) => `${stop.id}-${event.id}`)),
			...content.articles.map((article) => `published-${article.id}`),
		];
		expect([...ids].sort()).toEqual(expected.sort());
		const dates = items.map((item) => item.querySelector('time')?.getAttribute('datetime')?.slice(0, 10) ?? '');
		expect(dates).toEqual([...dates].sort());
	});

	test('names the local time zone of each event', () => {
		const document = page('/timeline/').document;
		expect(document.getElementById('seoul-yoon-meeting')?.textContent).toContain('KST');
		expect(document.getElementById('tokyo-developer-meetings')?.textContent).toContain('JST');
		expect(document.getElementById('jamnagar-pre-wedding-celebrations')?.textContent).toContain('IST');
	});

	test('groups items under one heading per day', () => {
		const headings = page('/timeline/').document.querySelectorAll('h2.day-heading').map((heading) => heading.id);
		expect(headings).toEqual([...new Set(headings)].sort());
		expect(headings).toContain('day-2024-02-29');
	});
});

describe('the home page', () => {
	test('links each sentence of the summary to the articles it comes from', async () => {
		const overview = (await loadContent(realContentDir)).input.overview?.[0]?.data;
		const links = linksIn('/', 'section[aria-labelledby="overview"]');
		for (const id of new Set(overview?.sentences.flatMap((sentence) => sentence.articles))) expect(links).toContain(`/articles/${id}/`);
	});

	test('shows the route map, the stops with their dates, and the coverage by outlet', () => {
		const main = page('/').document.querySelector('main');
		expect(main?.querySelectorAll('svg a.marker').map((marker) => marker.getAttribute('href'))).toEqual(['/stops/tokyo/', '/stops/seoul/', '/stops/jamnagar/']);
		expect(main?.querySelector('svg title')?.textContent).toBe('Route map: Tokyo, then Seoul, then Jamnagar');
		const outlets = new Map<string, number>();
		for (const article of content.articles) outlets.set(article.data.outlet ?? 'not named by the source', (outlets.get(article.data.outlet ?? 'not named by the source') ?? 0) + 1);
		expect(outlets.size).toBeGreaterThan(1);
		for (const [outlet, count] of outlets) expect(main?.textContent).toContain(`${outlet} (${count})`);
	});
});

describe('every page', () => {
	test('has working internal links, fragments included', () => {
		const broken: string[] = [];
		for (const [url, built] of pages) {
			for (const href of hrefs(built.document)) {
				if (/^[a-z]+:/i.test(href)) continue;
				const target = new URL(href, `https://example.org${url}`);
				const file = fileForUrl(distDir, '/', target.pathname);
				if (!file) {
					broken.push(`${url} → ${href}`);
					continue;
				}
				const anchor = target.hash.slice(1);
				if (anchor && file.endsWith('.html')) {
					const targetPage = [...pages.values()].find((each) => each.file === file);
					if (!targetPage?.document.getElementById(decodeURIComponent(anchor))) broken.push(`${url} → ${href} (no #${anchor})`);
				}
			}
		}
		expect(broken).toEqual([]);
	});

	test('has a canonical URL, Open Graph and Twitter metadata, and breadcrumbs', () => {
		for (const [url, built] of pages) {
			if (url === '/404.html') continue; // It has no address of its own: see the next test.
			const head = built.document.querySelector('head');
			expect(head?.querySelector('link[rel="canonical"]')?.getAttribute('href'), url).toBe(`https://example.org${url}`);
			expect(head?.querySelector('meta[property="og:url"]')?.getAttribute('content'), url).toBe(`https://example.org${url}`);
			for (const property of ['og:title', 'og:description', 'og:type']) {
				expect(head?.querySelector(`meta[property="${property}"]`)?.getAttribute('content'), `${url} ${property}`).toBeTruthy();
			}
			// A large card: every page has a 1200×630 preview image (tests/build/preview-images.test.ts).
			expect(head?.querySelector('meta[name="twitter:card"]')?.getAttribute('content'), url).toBe('summary_large_image');
			expect(built.document.querySelector('nav.breadcrumbs'), url).not.toBeNull();
		}
	});

	test('but the 404 page, served at any missing address, which has no canonical URL and is marked noindex', () => {
		const head = page('/404.html').document.querySelector('head');
		expect(head?.querySelector('link[rel="canonical"]')).toBeNull();
		expect(head?.querySelector('meta[property="og:url"]')).toBeNull();
		expect(head?.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
	});

	test('links in its footer to the source articles, and states no count there: a new article changes the pages it is on, not every page', () => {
		for (const [url, built] of pages) {
			const footer = built.document.querySelector('footer');
			expect(footer?.querySelector('a[href="/articles/"]')?.textContent, url).toBe('source articles');
			expect(footer?.textContent, url).not.toMatch(/\d/);
		}
		const count = content.articles.length;
		expect(page('/articles/').document.querySelector('.lede')?.textContent).toContain(`The ${count} source article${count === 1 ? '' : 's'}`);
	});

	test('never pairs a count with the wrong number ("1 sources", "1 say nothing")', () => {
		const wrong = [...pages].flatMap(([url, built]) =>
			[...(built.document.querySelector('main')?.textContent ?? '').matchAll(/\b1 (?:source speak|sources|articles|claims|events|passages|stops|paragraphs|say|speak)\b/g)].map((match) => `${url}: "${match[0]}"`),
		);
		expect(wrong).toEqual([]);
	});

	test('carries the JSON-LD types its kind of page promises', () => {
		const types = (url: string) => jsonLd(page(url)).map((data) => data['@type']);
		expect(types('/articles/packed-week-in-asia/')).toEqual(['NewsArticle', 'BreadcrumbList']);
		expect(types('/stops/seoul/')).toEqual(['Event', 'BreadcrumbList']);
		expect(types('/companies/meta/')).toEqual(['Organization', 'BreadcrumbList']);
		expect(types('/people/william-cho/')).toEqual(['Person', 'BreadcrumbList']);
		expect(types('/timeline/').filter((type) => type === 'Event')).toHaveLength(content.stops.flatMap((stop) => stop.data.events).length);
		const stopEvent = jsonLd(page('/stops/seoul/'))[0] as { location: { '@type': string }; subEvent: unknown[] };
		expect(stopEvent.location['@type']).toBe('Place');
		expect(stopEvent.subEvent).toHaveLength(content.stops.find((stop) => stop.id === 'seoul')?.data.events.length ?? -1);
		for (const [url, built] of pages) if (url !== '/404.html') expect(jsonLd(built).map((data) => data['@type']), url).toContain('BreadcrumbList');
	});

	test('never runs text straight into a link (a line break Astro dropped)', () => {
		const glued = [...pages].flatMap(([url, built]) =>
			[...built.html.matchAll(/[A-Za-z0-9.,:;·)]<(a|time|strong) [^>]{0,30}/g)].map((match) => `${url}: …${built.html.slice(Math.max(0, match.index - 30), match.index + 20)}`),
		);
		expect(glued).toEqual([]);
	});

	test('runs no script, apart from search; JSON-LD is data, not script', () => {
		for (const [url, built] of pages) {
			const scripts = built.document.querySelectorAll('script');
			const executable = scripts.filter((script) => script.getAttribute('type') !== 'application/ld+json');
			if (url === '/search/') expect(executable.length, url).toBeGreaterThan(0);
			else expect(executable.map((script) => script.outerHTML.slice(0, 80)), url).toEqual([]);
		}
	});
});

describe('the feed', () => {
	test('has every article, with its full text', async () => {
		const feed = await readFile(path.join(distDir, 'rss.xml'), 'utf8');
		const items = feed.split('<item>').slice(1);
		expect(items).toHaveLength(content.articles.length);
		for (const article of content.articles) {
			const item = items.find((each) => each.includes(`<link>https://example.org/articles/${article.id}/</link>`));
			expect(item, article.id).toBeDefined();
			expect(item).toContain('<content:encoded>');
		}
		expect(feed).toContain('Samsung officials declined to comment.');
		// Links in the full text are absolute, for feed readers.
		expect(feed).toContain('https://example.org/people/lee-jae-yong/');
		expect(feed).not.toMatch(/href=(&quot;|")\/(?!\/)/);
	});
});
