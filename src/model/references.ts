/**
 * Referential integrity across collections. Astro's `reference()` no longer proves
 * that a target exists, so we do: every id an article, stop, event or entity names
 * must exist, no id may appear twice, and every name must resolve to one entity.
 */
import { closest } from '../lib/closest.ts';
import type { Problem } from '../lib/problems.ts';
import { nameKey, type NameTarget } from '../lib/name-matcher.ts';
import type { EntityKind, Entry, ModelInput } from './types.ts';

type CollectionKey = keyof ModelInput;
/** The collections whose records other records refer to by id. */
export type Target = Exclude<CollectionKey, 'overview' | 'facts'>;

/**
 * Records whose files exist but could not be used: a file that could not be read
 * (broken YAML, no frontmatter) or that failed its schema. References to them are
 * held back rather than reported as dangling, since the cause is the file itself,
 * which is reported on its own. By collection: id → why, as in "content/articles/x.md
 * could not be read".
 */
export type HeldBack = Partial<Record<Target, ReadonlyMap<string, string>>>;

/** The one line that stands for every reference to a held-back record. */
export function heldBackNote(id: string, why: string): string {
	return `(references to ${id} not checked: ${why})`;
}

const COLLECTION_OF_KIND: Record<EntityKind | 'article', Target> = {
	article: 'articles',
	stop: 'stops',
	country: 'countries',
	company: 'companies',
	person: 'people',
};

/** Where a record lives, for messages: its file, or `<collection>/<id>` for in-memory records. */
export function locate(collection: CollectionKey, entry: Entry<unknown>): string {
	return entry.file ?? `${collection}/${entry.id}`;
}

/**
 * Every broken reference, duplicated id and ambiguous name in the input, and one note
 * for each held-back record that something refers to. `heldBack` names records that
 * exist but are not in `input` (the checker passes files that could not be read or
 * failed their schema): a reference to one is not a problem of its own, since the
 * file's own problem is the cause.
 */
export function findReferenceProblems(input: ModelInput, heldBack: HeldBack = {}): { problems: Problem[]; notes: string[] } {
	const problems: Problem[] = [];
	const notes = new Map<string, string>();
	const known = {} as Record<Target, Set<string>>;
	for (const collection of Object.values(COLLECTION_OF_KIND)) {
		known[collection] = new Set();
		for (const entry of input[collection]) {
			if (known[collection].has(entry.id)) {
				problems.push({
					file: locate(collection, entry),
					field: 'id',
					expected: `expected an id used by no other record in ${collection}`,
					found: `"${entry.id}" twice`,
				});
			}
			known[collection].add(entry.id);
		}
	}

	// Ids the site's own routes take: /companies/page/2/, /facts/coverage/, /facts/disputed/.
	for (const collection of ['articles', 'stops', 'countries', 'companies', 'people', 'facts'] as const) {
		for (const entry of input[collection] ?? []) {
			const reserved = entry.id === 'page' || (collection === 'facts' && (entry.id === 'coverage' || entry.id === 'disputed'));
			if (reserved) {
				problems.push({
					file: locate(collection, entry),
					field: 'id (the file name)',
					expected: 'expected an id the site does not use for its own pages ("page", and for claims "coverage" and "disputed")',
					found: `"${entry.id}"`,
				});
			}
		}
	}

	const check = (collection: CollectionKey, entry: Entry<unknown>, field: string, target: Target, id: string) => {
		if (known[target].has(id)) return;
		const why = heldBack[target]?.get(id);
		if (why !== undefined) {
			notes.set(`${target}/${id}`, heldBackNote(id, why));
			return;
		}
		const suggestion = closest(id, [...known[target], ...(heldBack[target]?.keys() ?? [])]);
		problems.push({
			file: locate(collection, entry),
			field,
			expected: `expected the id of a record in content/${target}/${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`,
			found: `"${id}", which does not exist`,
		});
	};
	const checkAll = (collection: CollectionKey, entry: Entry<unknown>, field: string, target: Target, ids: readonly string[]) =>
		ids.forEach((id, index) => check(collection, entry, `${field}[${index}]`, target, id));

	for (const article of input.articles) {
		checkAll('articles', article, 'stops', 'stops', article.data.stops);
		checkAll('articles', article, 'countries', 'countries', article.data.countries);
		checkAll('articles', article, 'companies', 'companies', article.data.companies);
		checkAll('articles', article, 'people', 'people', article.data.people);
		if (article.data.duplicateOf) check('articles', article, 'duplicateOf', 'articles', article.data.duplicateOf);
		// A note of an inferred stop stands for a stop the article lists; one left behind
		// when the editor took the stop out would tell readers of a stop the article lacks.
		for (const stop of Object.keys(article.data.inferred?.stops ?? {})) {
			if (article.data.stops.includes(stop)) continue;
			problems.push({
				file: locate('articles', article),
				field: `inferred.stops.${stop}`,
				expected: 'expected a stop that is also listed in stops (or remove this note)',
				found: `"${stop}", which is not in stops`,
			});
		}
	}

	const orders = new Map<number, string>();
	for (const stop of input.stops) {
		check('stops', stop, 'country', 'countries', stop.data.country);
		const other = orders.get(stop.data.order);
		if (other !== undefined) {
			problems.push({
				file: locate('stops', stop),
				field: 'order',
				expected: 'expected a place on the route no other stop takes',
				found: `${stop.data.order}, which "${other}" has too`,
			});
		}
		orders.set(stop.data.order, stop.id);
		const eventIds = new Set<string>();
		stop.data.events.forEach((event, index) => {
			if (eventIds.has(event.id)) {
				problems.push({
					file: locate('stops', stop),
					field: `events[${index}].id`,
					expected: 'expected an event id used once within the stop',
					found: `"${event.id}" twice`,
				});
			}
			eventIds.add(event.id);
			checkAll('stops', stop, `events[${index}].people`, 'people', event.people);
			checkAll('stops', stop, `events[${index}].companies`, 'companies', event.companies);
			checkAll('stops', stop, `events[${index}].articles`, 'articles', event.articles);
		});
		stop.data.quotes.forEach((quote, index) => {
			if (quote.person) check('stops', stop, `quotes[${index}].person`, 'people', quote.person);
			check('stops', stop, `quotes[${index}].article`, 'articles', quote.article);
		});
	}

	for (const fact of input.facts ?? []) {
		if (fact.data.stop) check('facts', fact, 'stop', 'stops', fact.data.stop);
		if (fact.data.speaker) check('facts', fact, 'speaker', 'people', fact.data.speaker);
		checkAll('facts', fact, 'people', 'people', fact.data.people);
		checkAll('facts', fact, 'companies', 'companies', fact.data.companies);
		checkAll('facts', fact, 'countries', 'countries', fact.data.countries);
		fact.data.sources.forEach((source, index) => check('facts', fact, `sources[${index}].article`, 'articles', source.article));
	}

	for (const overview of input.overview ?? []) {
		overview.data.sentences.forEach((sentence, index) =>
			checkAll('overview', overview, `sentences[${index}].articles`, 'articles', sentence.articles),
		);
	}

	for (const company of input.companies) check('companies', company, 'country', 'countries', company.data.country);
	for (const person of input.people) {
		check('people', person, 'country', 'countries', person.data.country);
		checkAll('people', person, 'companies', 'companies', person.data.companies);
	}

	problems.push(...indexNames(input).problems);
	return { problems, notes: [...notes.values()] };
}

/**
 * Every name and alias of every stop and entity, each mapped to the one record it
 * names. A name claimed by two records is a problem: readers would not know which
 * page "LG" leads to.
 */
export function indexNames(input: ModelInput): { names: Map<string, NameTarget<EntityKind>>; problems: Problem[] } {
	const names = new Map<string, NameTarget<EntityKind>>();
	const problems: Problem[] = [];
	// Names compare as the matcher compares them, whatever their case, hyphens and spacing:
	// "Lee Jae-yong" and "Lee Jaeyong" are one name (src/lib/name-matcher.ts).
	const owners = new Map<string, { target: NameTarget<EntityKind>; name: string }>();
	const claim = (kind: EntityKind, entry: Entry<unknown>, name: string, field: string) => {
		const key = nameKey(name);
		const owner = owners.get(key);
		if (owner && (owner.target.kind !== kind || owner.target.id !== entry.id)) {
			problems.push({
				file: locate(COLLECTION_OF_KIND[kind], entry),
				field,
				expected: 'expected a name that no other record uses (in any case, hyphens or spacing)',
				found: `"${name}", which already names ${COLLECTION_OF_KIND[owner.target.kind]}/${owner.target.id}${owner.name === name ? '' : ` as "${owner.name}"`}`,
			});
			return;
		}
		owners.set(key, { target: { kind, id: entry.id }, name });
		names.set(name, { kind, id: entry.id });
	};
	const claimAll = (kind: EntityKind, entry: Entry<{ aliases: string[] }>, primary: string, primaryField: string) => {
		claim(kind, entry, primary, primaryField);
		entry.data.aliases.forEach((alias, index) => claim(kind, entry, alias, `aliases[${index}]`));
	};
	for (const stop of input.stops) claimAll('stop', stop, stop.data.city, 'city');
	for (const country of input.countries) claimAll('country', country, country.data.name, 'name');
	for (const company of input.companies) claimAll('company', company, company.data.name, 'name');
	for (const person of input.people) claimAll('person', person, person.data.name, 'name');
	return { names, problems };
}
