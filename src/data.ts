/**
 * The one module that reads the content collections. It builds the story model once
 * per build; every page imports `story` from here and reads views from it.
 */
import { getCollection } from 'astro:content';
import { buildModel } from './model/index.ts';

async function entries<Name extends 'articles' | 'stops' | 'countries' | 'companies' | 'people'>(name: Name) {
	const collection = await getCollection(name);
	return collection.map((entry) => ({ id: entry.id, data: entry.data, body: entry.body, file: entry.filePath }));
}

export const story = buildModel({
	articles: await entries('articles'),
	stops: await entries('stops'),
	countries: await entries('countries'),
	companies: await entries('companies'),
	people: await entries('people'),
});
