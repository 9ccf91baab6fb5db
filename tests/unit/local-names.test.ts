/**
 * The names the Korean and Japanese press give the story's places, countries, companies
 * and people, as the content records them: each record carries a Hangul alias and one in
 * kana or kanji, so that a Korean or Japanese report names it for ingest, the links and
 * search (the content's own folder, read as the checker reads it).
 */
import { describe, expect, test } from 'vitest';
import { loadContent } from '../../src/content-files/load-content.ts';
import { realContentDir } from '../support/content-fixtures.ts';

const HANGUL = /\p{Script=Hangul}/u;
const KANA_OR_KANJI = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

describe('the names in Korean and Japanese', async () => {
	const { input, problems } = await loadContent(realContentDir);
	const records = [
		...input.stops.map((stop) => ({ file: `stops/${stop.id}`, aliases: stop.data.aliases })),
		...input.countries.map((country) => ({ file: `countries/${country.id}`, aliases: country.data.aliases })),
		...input.companies.map((company) => ({ file: `companies/${company.id}`, aliases: company.data.aliases })),
		...input.people.map((person) => ({ file: `people/${person.id}`, aliases: person.data.aliases })),
	];

	test('are read from a sound content folder with every kind of record in it', () => {
		expect(problems).toEqual([]);
		for (const kind of ['stops/', 'countries/', 'companies/', 'people/']) expect(records.some((record) => record.file.startsWith(kind)), kind).toBe(true);
	});

	test('include a Hangul alias for every stop, country, company and person', () => {
		expect(records.filter((record) => !record.aliases.some((alias) => HANGUL.test(alias))).map((record) => record.file)).toEqual([]);
	});

	test('include an alias in kana or kanji for every stop, country, company and person', () => {
		expect(records.filter((record) => !record.aliases.some((alias) => KANA_OR_KANJI.test(alias))).map((record) => record.file)).toEqual([]);
	});
});
