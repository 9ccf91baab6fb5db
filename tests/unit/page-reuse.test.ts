/**
 * The parts of page reuse that need no build (src/page-reuse/): what a page records of
 * the model as it renders, the terms and digests that tell a changed input, where a page
 * is written, and the record kept between builds. A build test (tests/build/
 * page-reuse.test.ts) proves the whole: a warm build writes what a clean one does.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { buildModel } from '../../src/model/index.ts';
import { findMentions, type KeptMention, type MentionMemo } from '../../src/model/mentions.ts';
import { beginPage, expectPage, inputKeys, pageId, renderedPages, startRecording, trackModel } from '../../src/page-reuse/page-inputs.ts';
import { inputTerms, originOf, propsDigest, recordDigests, sameTerm } from '../../src/page-reuse/page-keys.ts';
import { outputFile, withoutUnreadKeys } from '../../src/page-reuse/reuse.ts';
import { readTraces, writeTraces } from '../../src/page-reuse/traces.ts';
import { sitemapFiles, URLS_PER_FILE } from '../../src/integrations/sitemap.ts';
import { smallStory } from '../support/entries.ts';

const source = (model: ReturnType<typeof buildModel>) => ({ model, bodyDigest: () => undefined, shared: () => undefined });

/** What the page `id` of `route` read, by key. */
function readBy(route: string, params: Record<string, string>): string[] {
	const page = renderedPages().get(pageId(route, params));
	const keys = inputKeys();
	return [...(page?.inputs ?? [])].map((number) => keys[number] ?? '').sort();
}

describe('what a page reads', () => {
	afterEach(() => startRecording());

	test('is each field of each record it reads, the order of each list, and nothing read outside it', () => {
		startRecording();
		const story = trackModel(buildModel(smallStory()));
		// Outside a page (a route's getStaticPaths): nothing recorded.
		void story.stops.map((stop) => stop.city);
		expectPage(pageId('/stops/[id]', { id: 'seoul' }));
		beginPage({ route: '/stops/[id]', params: { id: 'seoul' }, pathname: '/stops/seoul/' });
		const seoul = story.stop('seoul');
		void seoul.city;
		void story.person('mark').name;
		void story.stops.length;
		expect(readBy('/stops/[id]', { id: 'seoul' })).toEqual(['list/stops', 'person/mark/name', 'stop/seoul/city']);
	});

	test('is not recorded for a page of a route that reuses nothing', () => {
		startRecording();
		const story = trackModel(buildModel(smallStory()));
		beginPage({ route: '/', params: {}, pathname: '/' });
		void story.stop('seoul').city;
		expect(renderedPages().size).toBe(0);
	});
});

describe('a change to an input', () => {
	test('changes its term, and only its', () => {
		const before = inputTerms(source(buildModel(smallStory())));
		const input = smallStory();
		input.stops = input.stops.map((stop) => (stop.id === 'seoul' ? { ...stop, data: { ...stop.data, city: 'Seoul, Korea' } } : stop));
		const after = inputTerms(source(buildModel(input)));
		expect(sameTerm(before('stop/seoul/city'), after('stop/seoul/city'))).toBe(false);
		expect(sameTerm(before('stop/tokyo/city'), after('stop/tokyo/city'))).toBe(true);
		expect(sameTerm(before('list/stops'), after('list/stops'))).toBe(true);
	});

	test('of a record removed since gives a term of its own, unlike any value', () => {
		const terms = inputTerms(source(buildModel(smallStory())));
		expect(sameTerm(terms('article/gone/title'), terms('article/late/title'))).toBe(false);
		expect(sameTerm(terms('article/gone/title'), terms('article/gone/title'))).toBe(true);
	});

	test('shows in its record’s digest, which the other records keep', () => {
		const input = smallStory();
		const before = recordDigests(buildModel(input));
		input.people = input.people.map((person) => (person.id === 'jay' ? { ...person, data: { ...person.data, name: 'Lee Jae-Yong' } } : person));
		const after = recordDigests(buildModel(input));
		expect(after.get('person/jay')).not.toBe(before.get('person/jay'));
		expect(after.get('person/mark')).toBe(before.get('person/mark'));
		expect(originOf('person/jay/name')).toBe('person/jay');
		expect(originOf('list/articles')).toBeUndefined();
	});

	test('of an article’s text shows in its digest and in those of the records it mentions, though the same names stand in the same paragraphs', () => {
		const withBody = (body: string) => {
			const input = smallStory();
			input.articles = input.articles.map((article) => (article.id === 'early' ? { ...article, body } : article));
			return recordDigests(buildModel(input));
		};
		const before = withBody('Zuckerberg met Lee Jae-yong in Seoul.');
		const after = withBody('Zuckerberg met Lee Jae-yong in Seoul on Wednesday.');
		expect(after.get('article/early')).not.toBe(before.get('article/early'));
		expect(after.get('person/jay')).not.toBe(before.get('person/jay'));
		expect(after.get('person/mark')).not.toBe(before.get('person/mark'));
		expect(after.get('company/samsung')).toBe(before.get('company/samsung'));
		expect(after.get('article/late')).toBe(before.get('article/late'));
	});
});

describe('a page’s props', () => {
	test('count a record by its name alone, and plain data in full', () => {
		startRecording();
		const story = trackModel(buildModel(smallStory()));
		const seoul = story.stop('seoul');
		expect(propsDigest({ stop: seoul })).toBe(propsDigest({ stop: story.stop('seoul') }));
		expect(propsDigest({ stop: seoul })).not.toBe(propsDigest({ stop: story.stop('tokyo') }));
		expect(propsDigest({ page: 2 })).not.toBe(propsDigest({ page: 3 }));
		expect(() => propsDigest({ names: new Map() })).toThrow(/plain data/);
	});
});

describe('where a page is written', () => {
	test('is a folder’s index for a page, and the file itself for a route with an extension', () => {
		expect(outputFile('/articles/[id]', { id: 'x' })).toBe('articles/x/index.html');
		expect(outputFile('/[section]/[id]/articles/[n]', { section: 'people', id: 'lee', n: '2' })).toBe('people/lee/articles/2/index.html');
		expect(outputFile('/previews/[name].png', { name: 'stop-seoul' })).toBe('previews/stop-seoul.png');
	});
});

describe('the record kept between builds', () => {
	let dir: string | undefined;
	afterEach(async () => {
		if (dir) await rm(dir, { recursive: true, force: true });
	});

	test('gives back every page, its inputs, the terms and the records’ digests as written', async () => {
		dir = await mkdtemp(path.join(tmpdir(), 'story-traces-'));
		const terms = [new Uint32Array([1, 2, 3, 4]), new Uint32Array([5, 6, 7, 8])];
		const pages = new Map([
			['/stops/[id] [["id","seoul"]]', { pathname: '/stops/seoul/', file: 'stops/seoul/index.html', inputs: [1, 0], searchable: true, context: 'c1' }],
			['/facts/[id] [["id","x"]]', { pathname: '/facts/x/', file: 'facts/x/index.html', inputs: [1], searchable: false, context: 'c2' }],
		]);
		await writeTraces(dir, { keys: ['stop/seoul/city', 'list/stops'], terms, records: new Map([['stop/seoul', 'd']]), pages });
		const read = await readTraces(dir);
		expect(read.keys).toEqual(['stop/seoul/city', 'list/stops']);
		expect(read.terms.map((term) => [...term])).toEqual([[1, 2, 3, 4], [5, 6, 7, 8]]);
		expect(read.records.get('stop/seoul')).toBe('d');
		expect([...(read.pages.get('/stops/[id] [["id","seoul"]]')?.inputs ?? [])]).toEqual([1, 0]);
		expect(read.pages.get('/facts/[id] [["id","x"]]')).toMatchObject({ file: 'facts/x/index.html', searchable: false, context: 'c2' });
	});

	test('is none where there is no file', async () => {
		dir = await mkdtemp(path.join(tmpdir(), 'story-traces-'));
		expect((await readTraces(dir)).pages.size).toBe(0);
	});

	test('drops the keys no page reads once they are more than a quarter, numbering the rest again in order', () => {
		const term = (n: number) => new Uint32Array([n, n, n, n]);
		const page = (inputs: number[]) => ({ pathname: '/p/', file: 'p/index.html', inputs, searchable: false, context: 'c' });
		const traces = {
			keys: ['a', 'gone/1', 'b', 'gone/2', 'c'],
			terms: [term(0), term(1), term(2), term(3), term(4)],
			records: new Map(),
			pages: new Map([
				['one', page([4, 0])],
				['two', page([2])],
			]),
		};
		const kept = withoutUnreadKeys(traces);
		expect(kept.keys).toEqual(['a', 'b', 'c']);
		expect(kept.terms.map((each) => each[0])).toEqual([0, 2, 4]);
		expect([...(kept.pages.get('one')?.inputs ?? [])]).toEqual([2, 0]);
		expect([...(kept.pages.get('two')?.inputs ?? [])]).toEqual([1]);
		// One unread key of five is not more than a quarter: the record is left as it is.
		const few = { ...traces, pages: new Map([['one', page([0, 1, 2, 4])]]) };
		expect(withoutUnreadKeys(few)).toBe(few);
	});
});

describe('the mentions kept between builds', () => {
	test('give the same mentions as finding them again, for the articles they hold, and are filled with those they do not', () => {
		const model = buildModel(smallStory());
		const kept = new Map<string, readonly KeptMention[]>();
		let taken = 0;
		const memo: MentionMemo = {
			get: (key) => {
				const found = kept.get(key);
				if (found) taken++;
				return found;
			},
			set: (key, mentions) => kept.set(key, mentions),
		};
		// New paragraphs arrays, so that the process's own cache does not answer.
		const copies = () => model.articles.map((article) => ({ ...article, paragraphs: [...article.paragraphs] }));
		const first = findMentions(copies(), model.names, memo);
		expect(kept.size).toBe(model.articles.length);
		const again = findMentions(copies(), model.names, memo);
		expect(taken).toBe(model.articles.length);
		expect([...again]).toEqual([...first]);
		expect([...first]).toEqual([...findMentions(copies(), model.names)]);
	});
});

describe('the sitemap', () => {
	test('lists the addresses in files of at most URLS_PER_FILE, escaped, with an index of the files', () => {
		const files = sitemapFiles(['https://example.org/a/', 'https://example.org/b/?x=1&y=2'], 'https://example.org/tour/');
		expect(files.get('sitemap-0.xml')).toContain('<url><loc>https://example.org/b/?x=1&#38;y=2</loc></url>');
		expect(files.get('sitemap-index.xml')).toContain('<sitemap><loc>https://example.org/tour/sitemap-0.xml</loc></sitemap>');
		const many = sitemapFiles(Array.from({ length: URLS_PER_FILE + 1 }, (_, index) => `https://example.org/${index}/`), 'https://example.org/');
		expect([...many.keys()]).toEqual(['sitemap-0.xml', 'sitemap-1.xml', 'sitemap-index.xml']);
	});
});
