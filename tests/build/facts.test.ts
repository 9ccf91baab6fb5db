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
import { claimHistory, MILESTONE_LABELS, storyDevelopments, turnInWords, type ClaimStep } from '../../src/model/history.ts';
import { formatDayMonth, splitDateTime } from '../../src/lib/calendar.ts';
import { compareText } from '../../src/lib/compare.ts';
import { LEDGER_COLUMN_LIMIT, LIST_LIMIT } from '../../src/lib/limits.ts';
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
const STANCE_LABEL = { states: 'States', hedges: 'Hedges', differs: 'Differs', contradicts: 'Contradicts' } as const;

/**
 * The source columns of a ledger page of these claims, as LEDGER_COLUMN_LIMIT says: every
 * article, in publication order, while they fit; else the articles the claims cite,
 * while they fit; else none, each row listing its own sources.
 */
function ledgerColumns(claims: typeof facts): string[] | 'each row lists its sources' {
	const inOrder = [...content.articles].sort((a, b) => compareText(publicationKey(a.id), publicationKey(b.id))).map((article) => article.id);
	if (inOrder.length <= LEDGER_COLUMN_LIMIT) return inOrder;
	const cited = inOrder.filter((id) => claims.some((fact) => fact.data.sources.some((source) => source.article === id)));
	return cited.length <= LEDGER_COLUMN_LIMIT ? cited : 'each row lists its sources';
}

/** An article's place in publication order: its local day, then its time, then its id. */
function publicationKey(id: string): string {
	const published = content.articles.find((article) => article.id === id)?.data.published ?? '';
	const parts = splitDateTime(published);
	return `${parts.date} ${parts.time ?? ''} ${id}`;
}

/**
 * A claim's history as its content gives it: its sources in the articles' order of
 * publication (local day, then time, then id), by the rule of src/model/history.ts
 * (unit-tested on fixtures in tests/unit/history.test.ts).
 */
function historyFromContent(fact: (typeof facts)[number]): ClaimStep[] {
	const sources = [...fact.data.sources].sort((a, b) => compareText(publicationKey(a.article), publicationKey(b.article)));
	return claimHistory(sources, (id) => publicationKey(id).split(' ')[0] ?? '');
}

describe('sources a reader can tell apart', () => {
	test('every column of every ledger page, and every citation of the home page, has a label of its own, none the bare word "Source"', () => {
		const ledgers = [...pages.values()].filter((built) => /^\/facts\/(?:page\/\d+\/|disputed\/)?$/.test(built.url));
		expect(ledgers.length).toBeGreaterThan(0);
		for (const ledger of ledgers) {
			const labels = ledger.document.querySelectorAll('table.ledger thead .column-label').map((cell) => normalise(cell.textContent));
			if (labels.length === 0) continue;
			expect(new Set(labels).size, `${ledger.url}: ${labels.join(' | ')}`).toBe(labels.length);
			for (const label of labels) expect(label, ledger.url).not.toMatch(/^Source\b/);
		}
		// The home page's numbered citations: each article named by its own label, the same wherever it is cited.
		const citations = page('/').document.querySelectorAll('section[aria-labelledby="overview"] a[href^="/articles/"]');
		expect(citations.length).toBeGreaterThan(0);
		const byArticle = new Map<string, Set<string>>();
		for (const link of citations) {
			const label = link.getAttribute('title') ?? '';
			expect(label).not.toMatch(/^(?:Source\b|$)/);
			byArticle.set(link.getAttribute('href') ?? '', (byArticle.get(link.getAttribute('href') ?? '') ?? new Set()).add(label));
		}
		const labels = [...byArticle.values()].map((each) => [...each]);
		for (const each of labels) expect(each).toHaveLength(1);
		expect(new Set(labels.flat()).size).toBe(labels.length);
	});

	test('each label is the outlet where the source names one, with the day of publication', () => {
		const labels = page('/facts/').document.querySelectorAll('table.ledger thead th[scope="col"]').filter((cell) => cell.querySelector('a'));
		for (const cell of labels) {
			const id = /\/articles\/([^/]+)\//.exec(cell.querySelector('a')?.getAttribute('href') ?? '')?.[1] ?? '';
			const article = content.articles.find((each) => each.id === id);
			if (!article) throw new Error(`no article ${id}`);
			const label = normalise(cell.querySelector('.column-label')?.textContent ?? '');
			expect(label.endsWith(formatDayMonth(splitDateTime(article.data.published).date)), label).toBe(true);
			if (article.data.outlet) expect(label.startsWith(article.data.outlet), label).toBe(true);
		}
	});
});

describe('the ledger at /facts/', () => {
	test('has one row per claim, and a column per source article while they fit (else a list of sources in each row)', () => {
		const table = page('/facts/').document.querySelector('table.ledger');
		const rows = table?.querySelectorAll('tbody tr') ?? [];
		expect(rows).toHaveLength(facts.length);
		const columns = ledgerColumns(facts);
		if (columns === 'each row lists its sources') {
			expect(table?.querySelectorAll('thead th[scope="col"]').map((cell) => cell.textContent.trim())).toEqual(['Claim', 'Sources (the rest say nothing)']);
			for (const row of rows) expect(row.querySelectorAll('td')).toHaveLength(1);
		} else {
			expect(table?.querySelectorAll('thead th[scope="col"]')).toHaveLength(columns.length + 1);
			expect(table?.querySelectorAll('thead th[scope="col"] a').map((link) => link.getAttribute('href'))).toEqual(columns.map((id) => `/articles/${id}/`));
			for (const row of rows) expect(row.querySelectorAll('td')).toHaveLength(columns.length);
		}
	});

	test('shows every stance, links it to the exact words, and marks the rest silent', () => {
		const table = page('/facts/').document.querySelector('table.ledger');
		const columns = ledgerColumns(facts);
		for (const fact of facts) {
			const row = table?.querySelectorAll('tbody tr').find((each) => hrefs(each).includes(`/facts/${fact.id}/`));
			expect(row, fact.id).toBeDefined();
			const cells = row?.querySelectorAll('td') ?? [];
			// The columns of the articles the claim does not cite say "Silent".
			const silent = columns === 'each row lists its sources' ? 0 : columns.filter((id) => !fact.data.sources.some((source) => source.article === id)).length;
			expect(cells.filter((cell) => cell.textContent.includes('Silent'))).toHaveLength(silent);
			for (const source of fact.data.sources) {
				const href = hrefs(row).find((each) => each.startsWith(`/articles/${source.article}/#`));
				expect(href, `${fact.id} → ${source.article}`).toBeDefined();
				const [articleUrl, anchor] = (href ?? '').split('#');
				const words = page(articleUrl ?? '').document.getElementById(anchor ?? '');
				expect(words?.tagName, href).toBe('MARK');
				expect(normalise(words?.textContent ?? ''), href).toBe(normalise(source.passage));
				expect(row?.textContent).toContain(STANCE_LABEL[source.stance]);
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

	test('tells how the story developed: each day and stance of its sources, the first expectation, report and dispute marked', () => {
		for (const fact of facts) {
			const expected = historyFromContent(fact);
			const steps = page(`/facts/${fact.id}/`).document.querySelectorAll('ol.history > li');
			expect(steps.map((step) => step.querySelector('time')?.getAttribute('datetime')), fact.id).toEqual(expected.map((step) => step.date));
			steps.forEach((step, index) => {
				const want = expected[index];
				const text = normalise(step.textContent);
				expect(text, `${fact.id} step ${index + 1}`).toContain(STANCE_LABEL[want?.stance ?? 'states']);
				if (want?.first) expect(text, `${fact.id} step ${index + 1}`).toContain(`${MILESTONE_LABELS[want.first]}.`);
				else expect(text, `${fact.id} step ${index + 1}`).not.toMatch(/First (expected|reported|disputed)/);
				for (const says of want?.says ?? []) expect(text).toContain(says);
				expect(hrefs(step).map((href) => href.split('#')[0]).sort(), `${fact.id} step ${index + 1}`).toEqual((want?.articles ?? []).map((id) => `/articles/${id}/`).sort());
			});
		}
		// The claim the early reports expected and a later one reported: both turns are shown.
		const yoon = page('/facts/yoon-meeting/').document.querySelectorAll('ol.history > li').map((step) => normalise(step.textContent));
		expect(yoon.filter((step) => step.includes('First expected.'))).toHaveLength(1);
		expect(yoon.filter((step) => step.includes('First reported.'))).toHaveLength(1);
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
		const rowOf = (id: string) => rows.find((row) => row.querySelector('a')?.getAttribute('href') === `/articles/${id}/`);
		const bloomberg = rowOf('packed-week-in-asia');
		expect(bloomberg?.querySelector('td')?.textContent).toMatch(/^1 event, \d+ claims?, \d+ paragraphs?$/);
		expect(rowOf('return-to-south-korea-ai-xr')).toBeUndefined();
	});

	test('show the whole matrix at /facts/coverage/, with the stops the articles did not cover marked', () => {
		const table = page('/facts/coverage/').document.querySelector('table.coverage');
		expect(table?.querySelectorAll('tbody tr')).toHaveLength(content.articles.length);
		expect(table?.querySelectorAll('thead th[scope="col"]')).toHaveLength(content.stops.length + 1);
		const seoulOnly = table?.querySelectorAll('tbody tr').find((row) => row.querySelector('a')?.getAttribute('href') === '/articles/return-to-south-korea-ai-xr/');
		expect(seoulOnly?.querySelectorAll('td').map((cell) => cell.textContent.startsWith('not covered'))).toEqual([true, false, true]);
	});
});

describe('the home page', () => {
	test('tells how the story developed: each claim that moved, with its turns by day', () => {
		const section = page('/').document.querySelector('section[aria-labelledby="developed"]');
		expect(section?.querySelector('h2')?.textContent).toBe('How the story developed');
		const items = section?.querySelectorAll('.developments > li') ?? [];
		// The ledger's order: by the stop's place on the route (claims of no stop last), then by id.
		const route = (fact: (typeof facts)[number]) => content.stops.find((stop) => stop.id === fact.data.stop)?.data.order ?? Number.MAX_SAFE_INTEGER;
		const ledger = [...facts].sort((a, b) => route(a) - route(b) || compareText(a.id, b.id));
		const expected = storyDevelopments(ledger.map((fact) => ({ id: fact.id, history: historyFromContent(fact) }))).slice(0, LIST_LIMIT);
		expect(items.map((item) => hrefs(item)[0])).toEqual(expected.map((development) => `/facts/${development.claim}/`));
		const outletOf = (id: string) => content.articles.find((article) => article.id === id)?.data.outlet;
		for (const [index, development] of expected.entries()) {
			const turns = development.turns.map((step) => `${formatDayMonth(step.date)}: ${turnInWords(step, outletOf)}`).join(', then → ');
			expect(normalise(items[index]?.querySelector('.turns')?.textContent ?? ''), development.claim).toBe(turns);
		}
		// The claim the early reports expected and a later one reported moved; a claim every source spoke to on one day did not.
		expect(expected.map((development) => development.claim)).toContain('yoon-meeting');
		for (const fact of facts) {
			const days = new Set(historyFromContent(fact).filter((step) => step.first).map((step) => step.date));
			if (days.size === 1) expect(items.map((item) => hrefs(item)[0])).not.toContain(`/facts/${fact.id}/`);
		}
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
		const claims = data.claims as { id: string; history: unknown[]; sources: { article: string; says?: string }[] }[];
		for (const fact of facts) {
			const claim = claims.find((each) => each.id === fact.id);
			expect(claim?.history, fact.id).toEqual(historyFromContent(fact).map((step) => (step.first ? step : { date: step.date, stance: step.stance, articles: step.articles, says: step.says })));
			for (const source of fact.data.sources) {
				expect(claim?.sources.find((each) => each.article === source.article)?.says, `${fact.id} → ${source.article}`).toBe(source.says);
			}
		}
		const yoon = claims.find((claim) => claim.id === 'yoon-meeting')?.history as { first?: string }[];
		expect(yoon.map((step) => step.first).filter(Boolean)).toEqual(['expected', 'reported']);
	});

	test('is linked from every page', () => {
		for (const [url, built] of pages) expect(hrefs(built.document.querySelector('footer')), url).toEqual(expect.arrayContaining(['/data/story.json', '/data/story.schema.json']));
	});
});
