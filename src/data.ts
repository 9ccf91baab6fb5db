/**
 * The one module that reads the content collections. It builds the story model once
 * per build; every page imports `story` from here and reads views from it.
 */
import { getCollection } from 'astro:content';
import { buildModel } from './model/index.ts';

/** The fields the model needs from a collection entry. */
const toEntry = <Data>(entry: { id: string; data: Data; body?: string | undefined; filePath?: string | undefined }) => ({
	id: entry.id,
	data: entry.data,
	body: entry.body,
	file: entry.filePath,
});

export const story = buildModel({
	articles: (await getCollection('articles')).map(toEntry),
	stops: (await getCollection('stops')).map(toEntry),
	countries: (await getCollection('countries')).map(toEntry),
	companies: (await getCollection('companies')).map(toEntry),
	people: (await getCollection('people')).map(toEntry),
});
