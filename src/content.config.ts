/**
 * The Astro content collections. Each holds one folder of `content/` (or of
 * `$CONTENT_DIR`), as the content check read and validated it with the schema from
 * `src/schema/`, the same schema the command-line checker uses; `check` holds that
 * check's result (see `src/content-files/astro-loader.ts`).
 */
import { defineCollection } from 'astro:content';
import path from 'node:path';
import { checkEntrySchema, contentCheckLoader, contentFolderLoader } from './content-files/astro-loader.ts';
import {
	articleSchema,
	companySchema,
	countrySchema,
	factSchema,
	overviewSchema,
	personSchema,
	stopSchema,
	type CollectionName,
} from './schema/index.ts';

const contentDir = path.resolve(process.env['CONTENT_DIR'] ?? 'content');
const loader = (collection: CollectionName) => contentFolderLoader({ contentDir, collection });

export const collections = {
	articles: defineCollection({ loader: loader('articles'), schema: articleSchema }),
	stops: defineCollection({ loader: loader('stops'), schema: stopSchema }),
	countries: defineCollection({ loader: loader('countries'), schema: countrySchema }),
	companies: defineCollection({ loader: loader('companies'), schema: companySchema }),
	people: defineCollection({ loader: loader('people'), schema: personSchema }),
	overview: defineCollection({ loader: loader('overview'), schema: overviewSchema }),
	facts: defineCollection({ loader: loader('facts'), schema: factSchema }),
	check: defineCollection({
		loader: contentCheckLoader({ contentDir }),
		schema: checkEntrySchema,
	}),
};
