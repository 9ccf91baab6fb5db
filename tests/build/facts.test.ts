/**
 * The fact ledger in the built site: the matrix, the disputed filter, a page per claim,
 * marked passages in the articles, claims on the entity pages, coverage, and the open
 * data validated against its own JSON Schema with a real validator (ajv).
 */
import Ajv2020 from 'ajv/dist/2020.js';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { loadContent } from '../../src/content-files/load-content.ts';
import { agreementOf } from '../../src/model/index.ts';
import type { ModelInput } from '../../src/model/types.ts';
import { hrefs, readPages, type BuiltPage } from '../../scripts/lib/dist.ts';
import { realContentDir } from '../support/content-fixtures.ts';

const distDir = inject('distDir');
let pages: Map<string, BuiltPage>;
let content: ModelInput;
let facts: NonNullable<ModelInput['facts']>;

beforeAll(async () => {
	pages = await readPages(distDir);
	content = (await loadContent(realContentDir)).input;
	facts = content.facts ?? [];
});

const page = (url: string) => {
	const found = pages.get(url);
	if (!found) throw new Error(`No page at ${url}`);
	return found;
};
const isDisputed = (fact: (typeof facts)[number]) => agreementOf(fact.data.sources.map((source) => source.stance)) === 'disputed';
const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('the ledger at /facts/', () => {
	test('has one row per claim and one column per source article', () => {
		const table = page('/facts/').document.querySelector('table.ledger');
		const rows = table?.querySelectorAll('tbody tr') ?? [];
		expect(rows).toHaveLength(facts.length);
		expect(table?.querySelectorAll('thead th[scope="col"]')).toHaveLength(content.articles.length + 1);
		for (const row of rows) expect(row.querySelectorAll('td')).toHaveLength(content.articles.length);
	});

	test('shows every stance, links it to the exact words, and marks the rest silent', () => {
		const table = page('/facts/').document.querySelector('table.ledger');
		for (const fact of facts) {
			const row = table?.querySelectorAll('tbody tr').find((each) => hrefs(each).includes(`/facts/${fact.id}/`));
			expect(row, fact.id).toBeDefined();
			const cells = row?.querySelectorAll('td') ?? [];
			expect(cells.filter((cell) => cell.textContent.includes('Silent'))).toHaveLength(content.articles.length - fact.data.sources.length);
			for (const source of fact.data.sources) {
				const href = hrefs(row).find((each) => each.startsWith(`/articles/${source.article}/#`));
				expect(href, `${fact.id} → ${source.article}`).toBeDefined();
				const [articleUrl, anchor] = (href ?? '').split('#');
				const words = page(articleUrl ?? '').document.getElementById(anchor ?? '');
				expect(words?.tagName, href).toBe('MARK');
				expect(normalise(words?.textContent ?? ''), href).toBe(normalise(source.passage));
				expect(row?.textContent).toContain(source.stance === 'states' ? 'States' : source.stance === 'hedges' ? 'Hedges' : source.stance === 'differs' ? 'Differs' : 'Contradicts');
			}
		}
	});

	test('flags the rows where the sources disagree, and /facts/disputed/ shows only those', () => {
		const flagged = page('/facts/').document.querySelectorAll('tbody tr.disputed').map((row) => hrefs(row)[0]);
		const disputed = facts.filter(isDisputed).map((fact) => `/facts/${fact.id}/`);
		expect(flagged.sort()).toEqual([...disputed].sort());
		expect(disputed).toEqual(expect.arrayContaining(['/facts/meta-compute-h100/', '/facts/earlier-seoul-visits/']));
		const filtered = page('/facts/disputed/').document.querySelectorAll('tbody tr').map((row) => hrefs(row)[0]);
		expect(filtered.sort()).toEqual([...disputed].sort());
	});

	test("shows, in each disputed row of /facts/disputed/, what every differing source gives: its figure or wording", () => {
		const rows = page('/facts/disputed/').document.querySelectorAll('tbody tr');
		for (const fact of facts.filter(isDisputed)) {
			const row = rows.find((each) => hrefs(each)[0] === `/facts/${fact.id}/`);
			const text = normalise(row?.textContent ?? '');
			for (const source of fact.data.sources) {
				// Every source shows what it says: its own short wording, or else its exact words.
				expect(text, `${fact.id} → ${source.article}`).toContain(normalise(source.says ?? `“${source.passage}”`));
			}
		}
		const compute = rows.find((each) => hrefs(each)[0] === '/facts/meta-compute-h100/');
		expect(normalise(compute?.textContent ?? '')).toMatch(/Differs ?600k H100-equivalent/);
	});

	test("names each stance link by its visible word first (Label in Name), then its source's column", () => {
		const links = page('/facts/').document.querySelectorAll('table.ledger td a');
		expect(links.length).toBeGreaterThan(facts.length);
		for (const link of links) {
			const visible = normalise(link.querySelector('.stance')?.textContent ?? '').replace(/^\S+ /, '');
			expect(link.getAttribute('aria-label')).toMatch(new RegExp(`^${visible}: \\[\\d+\\] `));
		}
	});

	test('covers the claims the sources give: compute, Yoon, LG, Samsung, SK Telecom, Kishida, earlier visits, schedule', () => {
		const ids = facts.map((fact) => fact.id);
		for (const id of ['meta-compute-h100', 'yoon-meeting', 'lg-meeting-william-cho', 'lg-meeting-kwon-bong-seok', 'samsung-chairman-name', 'sk-telecom-meeting', 'kishida-meeting', 'earlier-seoul-visits', 'tokyo-developer-meetings', 'seoul-on-wednesday', 'jamnagar-from-march-1']) {
			expect(ids).toContain(id);
		}
		const yoon = facts.find((fact) => fact.id === 'yoon-meeting');
		// The early reports expected the meeting; a later one reports it held.
		expect(yoon?.data.sources.map((source) => source.stance)).toEqual(expect.arrayContaining(['hedges', 'states']));
	});
});

describe('a claim page', () => {
	test("shows each source's exact words side by side, and the silent sources", () => {
		const document = page('/facts/meta-compute-h100/').document;
		const cards = document.querySelectorAll('ol.sources > li');
		expect(cards.map((card) => normalise(card.querySelector('blockquote')?.textContent ?? ''))).toEqual(
			expect.arrayContaining([
				'By the end of 2024, he said that infrastructure will include 350,000 H100 chips from Nvidia Corp.',
				"Meta is building massive compute infrastructure - equivalent to 600k NVIDIA H100 GPUs' worth - to support its artificial intelligence plans",
			]),
		);
		expect(document.querySelector('main')?.textContent).toContain('Sources differ');
		expect(document.querySelector('main')?.textContent).toContain('Sources that say nothing about it');
	});

	test('tells how the story developed: first expected, then first reported, by publication day', () => {
		const steps = page('/facts/yoon-meeting/').document.querySelectorAll('ol.history > li').map((step) => normalise(step.textContent));
		expect(steps[0]).toMatch(/^Monday 26 February 2024: First expected\. ~ Hedges: slated to meet; tentatively scheduled \(/);
		expect(steps.at(-1)).toMatch(/^Thursday 29 February 2024: First reported\. ✓ States: met \(Zuckerberg’s return to South Korea/);
		expect(steps.filter((step) => step.includes('First '))).toHaveLength(2);
	});

	test('shows the variants of one remark together, under one heading', () => {
		const document = page('/facts/massive-compute-quote/').document;
		const heading = document.querySelectorAll('h2').map((each) => each.textContent);
		expect(heading).toContain('How each source words the remark');
		expect(document.querySelectorAll('ol.sources blockquote')).toHaveLength(3);
	});
});

describe('articles, stops and entities', () => {
	test('mark every cited passage in its article, with an anchor', () => {
		for (const fact of facts) {
			for (const source of fact.data.sources) {
				const marks = page(`/articles/${source.article}/`).document.querySelectorAll('mark.passage');
				expect(marks.some((mark) => normalise(mark.textContent) === normalise(source.passage) && mark.id.startsWith('q-')), `${fact.id} in ${source.article}`).toBe(true);
			}
		}
	});

	test('list, on stop, company and person pages, the claims about them with their agreement', () => {
		const claimLinks = (url: string) => hrefs(page(url).document.querySelector('main')).filter((href) => href.startsWith('/facts/'));
		for (const fact of facts) {
			if (fact.data.stop) expect(claimLinks(`/stops/${fact.data.stop}/`), fact.id).toContain(`/facts/${fact.id}/`);
			for (const id of fact.data.companies) expect(claimLinks(`/companies/${id}/`), fact.id).toContain(`/facts/${fact.id}/`);
			for (const id of fact.data.people) expect(claimLinks(`/people/${id}/`), fact.id).toContain(`/facts/${fact.id}/`);
		}
		expect(page('/stops/seoul/').document.querySelector('main')?.textContent).toContain('Reported, after others expected it');
	});

	test('show, per stop, which article covered it and how much', () => {
		const table = page('/stops/jamnagar/').document.querySelector('table.coverage');
		const rows = table?.querySelectorAll('tbody tr') ?? [];
		// The articles that report a Jamnagar event, speak to a claim about it, or name it.
		const covering = content.articles.filter(
			(article) =>
				content.stops.some((stop) => stop.id === 'jamnagar' && stop.data.events.some((event) => event.articles.includes(article.id))) ||
				facts.some((fact) => fact.data.stop === 'jamnagar' && fact.data.sources.some((source) => source.article === article.id)) ||
				(article.body ?? '').includes('Jamnagar'),
		);
		expect(rows).toHaveLength(covering.length);
		const bloomberg = rows.find((row) => row.textContent.includes('packed week'));
		expect(bloomberg?.querySelector('td')?.textContent).toMatch(/^1 event, \d+ claims?, \d+ paragraphs?$/);
		expect(rows.find((row) => row.textContent.includes('return to South Korea'))).toBeUndefined();
	});

	test('show the whole matrix at /facts/coverage/, with the stops the articles did not cover marked', () => {
		const table = page('/facts/coverage/').document.querySelector('table.coverage');
		expect(table?.querySelectorAll('tbody tr')).toHaveLength(content.articles.length);
		expect(table?.querySelectorAll('thead th[scope="col"]')).toHaveLength(content.stops.length + 1);
		const seoulOnly = table?.querySelectorAll('tbody tr').find((row) => row.textContent.includes('return to South Korea'));
		expect(seoulOnly?.querySelectorAll('td').map((cell) => cell.textContent.startsWith('not covered'))).toEqual([true, false, true]);
	});
});

describe('the home page', () => {
	test('tells how the story developed: each claim that moved, with its turns by day', () => {
		const section = page('/').document.querySelector('section[aria-labelledby="developed"]');
		expect(section?.querySelector('h2')?.textContent).toBe('How the story developed');
		const items = section?.querySelectorAll('.developments > li') ?? [];
		const yoon = items.find((item) => hrefs(item)[0] === '/facts/yoon-meeting/');
		expect(normalise(yoon?.querySelector('.turns')?.textContent ?? '')).toBe(
			'26 February: expected: slated to meet; tentatively scheduled (Bloomberg and 1 other), then → 29 February: reported: met (1 source)',
		);
		const compute = items.find((item) => hrefs(item)[0] === '/facts/meta-compute-h100/');
		expect(normalise(compute?.textContent ?? '')).toContain('29 February: disputed: 600k H100-equivalent (1 source)');
		// A claim every source spoke to on one day did not develop.
		expect(items.map((item) => hrefs(item)[0])).not.toContain('/facts/kishida-meeting/');
	});
});

describe('the open data', () => {
	test('validates against its own JSON Schema, with ajv', async () => {
		const schema = JSON.parse(await readFile(path.join(distDir, 'data', 'story.schema.json'), 'utf8'));
		const data = JSON.parse(await readFile(path.join(distDir, 'data', 'story.json'), 'utf8'));
		const validate = new Ajv2020({ strict: true, allErrors: true }).compile(schema);
		expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
		expect(data.claims).toHaveLength(facts.length);
		expect(data.stops.map((stop: { id: string }) => stop.id)).toEqual(['tokyo', 'seoul', 'jamnagar']);
		// A broken record is refused: the schema is no rubber stamp.
		expect(validate({ ...data, claims: [{ ...data.claims[0], sources: [] }] })).toBe(false);
	});

	test('gives each passage the URL of its marked words', async () => {
		const data = JSON.parse(await readFile(path.join(distDir, 'data', 'story.json'), 'utf8'));
		for (const claim of data.claims as { sources: { url: string; passage: string }[] }[]) {
			for (const source of claim.sources) {
				const { pathname, hash } = new URL(source.url);
				expect(normalise(page(pathname).document.getElementById(hash.slice(1))?.textContent ?? '')).toBe(normalise(source.passage));
			}
		}
	});

	test("gives each claim its history by publication day, and each source what it says", async () => {
		const data = JSON.parse(await readFile(path.join(distDir, 'data', 'story.json'), 'utf8'));
		const yoon = (data.claims as { id: string; history: unknown[]; sources: { article: string; says?: string }[] }[]).find((claim) => claim.id === 'yoon-meeting');
		expect(yoon?.history).toEqual([
			{ date: '2024-02-26', stance: 'hedges', articles: ['asia-expedition-ai-and-diplomacy', 'packed-week-in-asia'], says: ['slated to meet', 'tentatively scheduled'], first: 'expected' },
			{ date: '2024-02-28', stance: 'hedges', articles: ['visit-to-south-korea-ai-push'], says: ['expected to meet'] },
			{ date: '2024-02-29', stance: 'hedges', articles: ['meets-lg-samsung-chiefs-in-seoul'], says: ['meeting lined up for that day'] },
			{ date: '2024-02-29', stance: 'states', articles: ['return-to-south-korea-ai-xr'], says: ['met'], first: 'reported' },
		]);
		const compute = (data.claims as { id: string; sources: { article: string; says?: string }[] }[]).find((claim) => claim.id === 'meta-compute-h100');
		expect(compute?.sources.find((source) => source.article === 'meets-lg-samsung-chiefs-in-seoul')?.says).toBe('600k H100-equivalent');
	});

	test('is linked from every page', () => {
		for (const [url, built] of pages) expect(hrefs(built.document.querySelector('footer')), url).toEqual(expect.arrayContaining(['/data/story.json', '/data/story.schema.json']));
	});
});
