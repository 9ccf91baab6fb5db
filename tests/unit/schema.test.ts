import { describe, expect, test } from 'vitest';
import { validateFrontmatter } from '../../src/content-files/schema-problems.ts';
import { articleSchema, companySchema, personSchema, stopSchema } from '../../src/schema/index.ts';

const validStop = {
	city: 'Seoul',
	country: 'south-korea',
	order: 2,
	timeZone: 'Asia/Seoul',
	coordinates: { lat: 37.5665, lon: 126.978 },
	dates: { start: '2024-02-28', end: '2024-02-29' },
	events: [{ id: 'yoon-meeting', title: 'Meets the president', date: '2024-02-29', articles: ['a'] }],
};

/** The problems zod finds, as "field: expected …, found …". */
function problemsOf(schema: Parameters<typeof validateFrontmatter>[0], data: unknown): string[] {
	const result = validateFrontmatter(schema, data, 'file.md');
	return result.ok ? [] : result.problems.map((problem) => `${problem.field}: ${problem.expected}, found ${problem.found}`);
}

describe('the article schema', () => {
	test('accepts an article with only the contract fields', () => {
		const minimal = {
			title: 'T', published: '2024-02-26', outlet: 'O', author: 'A', url: 'https://example.org/a', seed: 's.txt',
			stops: ['seoul'], countries: ['japan'], companies: ['meta'], people: ['mark-zuckerberg'], summary: 'S.',
		};
		expect(problemsOf(articleSchema, minimal)).toEqual([]);
		expect(problemsOf(articleSchema, { title: 'T', published: '2024-02-26' })).toEqual([]);
	});

	test('fills in empty lists, so pages never test for a missing one', () => {
		const parsed = articleSchema.parse({ title: 'T', published: '2024-02-26' });
		expect(parsed).toMatchObject({ stops: [], countries: [], companies: [], people: [], removed: [] });
	});

	test('refuses an id that is not kebab-case, and the same id twice', () => {
		expect(problemsOf(articleSchema, { title: 'T', published: '2024-02-26', people: ['Mark Zuckerberg', 'x', 'x'] })).toEqual([
			'people[0]: expected a kebab-case id such as "south-korea", found "Mark Zuckerberg"',
			'people: expected each id only once, found a list (["Mark Zuckerberg","x","x"])',
		]);
	});

	test('refuses an unknown key inside a recorded removal, suggesting the right one', () => {
		expect(problemsOf(articleSchema, { title: 'T', published: '2024-02-26', removed: [{ text: 'x', reasn: 'y' }] })).toEqual([
			'removed[0].reason: expected text (the field is required), found nothing (the field is missing)',
			'removed[0].reasn: expected no field of this name (did you mean "reason"?), found "y"',
		]);
	});

	test('refuses a url that is not http(s)', () => {
		expect(problemsOf(articleSchema, { title: 'T', published: '2024-02-26', url: 'javascript:alert(1)' })).toEqual([
			'url: expected an absolute http(s) URL, found "javascript:alert(1)"',
		]);
	});
});

describe('the stop schema', () => {
	test('accepts a sound stop', () => {
		expect(problemsOf(stopSchema, validStop)).toEqual([]);
	});

	test('refuses a time-zone abbreviation in place of an IANA zone', () => {
		expect(problemsOf(stopSchema, { ...validStop, timeZone: 'KST' })).toEqual([
			'timeZone: expected an IANA time zone such as "Asia/Seoul", found "KST"',
		]);
	});

	test('refuses an event without a source', () => {
		const events = [{ ...validStop.events[0], articles: [] }];
		expect(problemsOf(stopSchema, { ...validStop, events })).toEqual([
			'events[0].articles: expected at least one article that reports the event, found an empty list',
		]);
	});

	test('refuses an event that ends before it starts, or falls outside the stop without a note', () => {
		const backwards = [{ ...validStop.events[0], date: '2024-02-29', endDate: '2024-02-28' }];
		expect(problemsOf(stopSchema, { ...validStop, events: backwards })).toContain(
			'events[0].endDate: expected "endDate" on or after "date", found "2024-02-28"',
		);
		const early = [{ ...validStop.events[0], date: '2024-02-20' }];
		expect(problemsOf(stopSchema, { ...validStop, events: early })).toEqual([
			expect.stringMatching(/^events: expected every event to fall within the stop, or to carry a "dateNote"/),
		]);
		expect(problemsOf(stopSchema, { ...validStop, events: [{ ...early[0], dateNote: 'The source says "the past week".' }] })).toEqual([]);
	});

	test('refuses coordinates off the globe', () => {
		expect(problemsOf(stopSchema, { ...validStop, coordinates: { lat: 137.5, lon: 126.9 } })).toEqual([
			'coordinates.lat: expected number to be <=90, found number 137.5',
		]);
	});
});

describe('the entity schemas', () => {
	test('require a country for companies and people', () => {
		expect(problemsOf(companySchema, { name: 'LG Corp', description: 'A holding company.' })).toEqual([
			'country: expected text (the field is required), found nothing (the field is missing)',
		]);
		expect(problemsOf(personSchema, { name: 'William Cho', description: 'CEO of LG Electronics.' })).toEqual([
			'country: expected text (the field is required), found nothing (the field is missing)',
		]);
	});
});
