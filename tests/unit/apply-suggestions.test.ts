import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { checkContent } from '../../src/content-files/check-content.ts';
import { loadContent } from '../../src/content-files/load-content.ts';
import { addSource, addToEvent, applySuggestions, splitFrontmatter, type AcceptedSuggestions } from '../../src/ingest/write/apply-suggestions.ts';
import { suggestClaims } from '../../src/ingest/judge/claims.ts';
import { suggestEvents } from '../../src/ingest/judge/events.ts';
import { paragraphTexts } from '../../src/lib/markdown-blocks.ts';
import { copyContent, editFile, removeDir } from '../support/content-fixtures.ts';

/** The lines one text adds to and removes from another, each counted as often as it occurs. */
function lineChanges(before: string, after: string): { removed: string[]; added: string[] } {
	const take = (from: string[], what: string[]) => {
		const left = [...from];
		for (const line of what) {
			const index = left.indexOf(line);
			if (index !== -1) left.splice(index, 1);
		}
		return left;
	};
	const [a, b] = [before.split('\n'), after.split('\n')];
	return { removed: take(a, b), added: take(b, a) };
}

const id = 'zuckerberg-wraps-up-seoul-talks';
const compute = 'Zuckerberg said Meta will have 600,000 H100 chips by year end.';
const samsung = 'On Wednesday he met Samsung Electronics Chairman Lee Jae-yong, and spent two hours with LG Electronics CEO William Cho.';

/** A small valid article, made up for the test, whose body holds the passages. */
const articleFile = `---
title: "Zuckerberg wraps up Seoul talks"
published: "2024-02-29"
stops: [seoul]
countries: [south-korea]
companies: [meta, samsung-electronics, lg-electronics]
people: [mark-zuckerberg, lee-jae-yong, william-cho]
summary: A made-up report for the tests of --apply.
---

${compute}

${samsung} Markets were calm.
`;

const suggestions: AcceptedSuggestions = {
	events: [
		{ stop: 'seoul', event: 'samsung-meeting' },
		{ stop: 'seoul', event: 'lg-meeting' },
	],
	claims: [
		{ claim: 'meta-compute-h100', passage: compute, stance: 'differs', says: '600,000 chips' },
		{ claim: 'samsung-meeting', passage: samsung, stance: 'states' },
	],
};

let dir: string;
beforeEach(async () => {
	dir = await copyContent();
});
afterEach(async () => removeDir(dir));

/** The stop and fact files of the copy that `suggestions` name, by path. */
async function filesFor(wanted: AcceptedSuggestions) {
	const read = async (folder: string, ids: string[]) =>
		new Map(await Promise.all([...new Set(ids)].map(async (each) => {
			const file = path.join(dir, folder, `${each}.md`);
			return [file, await readFile(file, 'utf8')] as const;
		})));
	return {
		stops: await read('stops', wanted.events.map((each) => each.stop)),
		facts: await read('facts', wanted.claims.map((each) => each.claim)),
	};
}

async function writeAll(texts: Map<string, string>) {
	for (const [file, text] of texts) await writeFile(file, text);
}

describe('applying suggestions to copies of the real files', () => {
	test('leaves content that passes the check, with the article in the events and the claims', async () => {
		await writeFile(path.join(dir, 'articles', `${id}.md`), articleFile);
		const applied = applySuggestions(await filesFor(suggestions), id, suggestions);
		expect(applied.problems).toEqual([]);
		await writeAll(applied.stops);
		await writeAll(applied.facts);

		const report = await checkContent(dir);
		expect(report.problemLines).toEqual([]);
		const { input } = await loadContent(dir);
		const seoul = input.stops.find((each) => each.id === 'seoul');
		expect(seoul?.data.events.filter((event) => event.articles.includes(id)).map((event) => event.id)).toEqual(['lg-meeting', 'samsung-meeting']);
		const compute = input.facts?.find((each) => each.id === 'meta-compute-h100');
		expect(compute?.data.sources.at(-1)).toEqual({ article: id, passage: suggestions.claims[0]?.passage, stance: 'differs', says: '600,000 chips' });
	});

	test('changes only the lines of the lists it adds to, keeping flow lists flow and the body byte for byte', async () => {
		const files = await filesFor(suggestions);
		const applied = applySuggestions(files, id, suggestions);
		const seoulFile = path.join(dir, 'stops', 'seoul.md');
		const [before, after] = [files.stops.get(seoulFile) ?? '', applied.stops.get(seoulFile) ?? ''];

		// lg-meeting lists its articles in flow style, on one line; samsung-meeting as a block list.
		const lgLine = /id: lg-meeting[\s\S]*?\n(\s+articles: \[.*\])\n/.exec(before)?.[1] ?? '';
		expect(lgLine).not.toBe('');
		const itemIndent = /id: samsung-meeting[\s\S]*?articles:\n(\s+)- /.exec(before)?.[1] ?? '';
		expect(lineChanges(before, after)).toEqual({
			removed: [lgLine],
			added: [lgLine.replace(/\]$/, `, ${id}]`), `${itemIndent}- ${id}`],
		});
		expect(splitFrontmatter(after)?.after).toBe(splitFrontmatter(before)?.after);

		const factFile = path.join(dir, 'facts', 'meta-compute-h100.md');
		expect(lineChanges(files.facts.get(factFile) ?? '', applied.facts.get(factFile) ?? '')).toEqual({
			removed: [],
			added: [`  - article: ${id}`, `    passage: "${compute}"`, '    stance: differs', '    says: "600,000 chips"'],
		});
	});

	test('keeps the comments of the frontmatter', async () => {
		const seoulFile = path.join(dir, 'stops', 'seoul.md');
		await editFile(seoulFile, '\nevents:\n', '\n# Events in the order they happened.\nevents:\n');
		await editFile(seoulFile, /(id: lg-meeting[\s\S]*?articles: \[.*\])\n/, '$1 # the sources\n');
		const applied = applySuggestions(await filesFor(suggestions), id, suggestions);
		const after = applied.stops.get(seoulFile) ?? '';
		expect(after).toContain('\n# Events in the order they happened.\nevents:\n');
		expect(after).toMatch(new RegExp(`articles: \\[.*, ${id}\\] # the sources\\n`));
	});

	test('changes nothing when the same suggestions are applied again', async () => {
		const files = await filesFor(suggestions);
		const first = applySuggestions(files, id, suggestions);
		expect(first.stops.size + first.facts.size).toBe(3);
		const again = applySuggestions({ stops: new Map([...files.stops, ...first.stops]), facts: new Map([...files.facts, ...first.facts]) }, id, suggestions);
		expect(again).toEqual({ stops: new Map(), facts: new Map(), problems: [] });
	});

	test('applies what the suggestion stage suggests for a new article, and the check still passes', async () => {
		await writeFile(path.join(dir, 'articles', `${id}.md`), articleFile);
		const { input } = await loadContent(dir);
		const entry = input.articles.find((each) => each.id === id);
		expect(entry).toBeDefined();
		const paragraphs = paragraphTexts(entry?.body ?? '');
		const events = suggestEvents({ id, published: entry?.data.published, stops: entry?.data.stops ?? [], paragraphs }, input);
		const claims = suggestClaims({ id, paragraphs }, input);
		expect(events.length).toBeGreaterThan(0);
		expect(claims.length).toBeGreaterThan(0);
		const applied = applySuggestions(await filesFor({ events, claims }), id, { events, claims });
		expect(applied.problems).toEqual([]);
		await writeAll(applied.stops);
		await writeAll(applied.facts);
		expect((await checkContent(dir)).problemLines).toEqual([]);
	});
});

describe('editing one file', () => {
	const stopText = (articles: string) => `---\ncity: X\nevents:\n  - id: a\n    articles: ${articles}\n---\n\nBody.\n`;

	test('fills an empty flow list', () => {
		expect(addToEvent('x.md', stopText('[]'), 'a', 'new')).toEqual({ ok: true, text: stopText('[new]') });
	});

	test('keeps the padding of a flow list', () => {
		expect(addToEvent('x.md', stopText('[ one, two ]'), 'a', 'new')).toEqual({ ok: true, text: stopText('[ one, two, new ]') });
	});

	test('reports an event the stop does not have, naming those it has', () => {
		expect(addToEvent('x.md', stopText('[one]'), 'b', 'new')).toEqual({
			ok: false,
			problem: { file: 'x.md', field: 'events', expected: 'expected an event with the id "b"', found: 'only a' },
		});
	});

	test('reports a file without frontmatter rather than guessing', () => {
		expect(addToEvent('x.md', 'No frontmatter.\n', 'a', 'new')).toMatchObject({ ok: false, problem: { field: 'frontmatter' } });
	});

	test('keeps Windows line ends and a source list at the margin', () => {
		const text = '---\r\nstatement: A claim.\r\nsources:\r\n- article: one\r\n  passage: "Words."\r\n  stance: states\r\n---\r\nNote.\r\n';
		expect(addSource('f.md', text, { article: 'new', passage: 'He said "yes".', stance: 'hedges' })).toEqual({
			ok: true,
			text: text.replace('---\r\nNote', '- article: new\r\n  passage: "He said \\"yes\\"."\r\n  stance: hedges\r\n---\r\nNote'),
		});
	});

	test('reports a claim or stop file it was not given', () => {
		const applied = applySuggestions({ stops: new Map(), facts: new Map() }, 'new', { events: [{ stop: 'seoul', event: 'a' }], claims: [] });
		expect(applied.problems).toEqual([{ file: 'content/stops/seoul.md', field: 'file', expected: 'expected the file among those given', found: 'none' }]);
	});
});
