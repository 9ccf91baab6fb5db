/**
 * The content collections: where each lives under `content/`, the zod schema its
 * frontmatter must satisfy, and whether its markdown body may be empty.
 *
 * This is the single source of truth shared by the Astro build (`astro.config.mjs`
 * reads and checks the content before Astro starts) and `scripts/check-content.ts`
 * (the command-line checker, which needs no Astro). Both read files through
 * `src/content-files/load-content.ts`.
 */
import type { z } from 'zod';
import { articleSchema } from './article.ts';
import { companySchema, countrySchema, personSchema } from './entity.ts';
import { factSchema } from './fact.ts';
import { overviewSchema } from './overview.ts';
import { stopSchema } from './stop.ts';

export interface CollectionDefinition {
	/** The zod schema of the frontmatter. */
	schema: z.ZodType;
	/** Whether the file needs a markdown body: an article without its text is no article. */
	bodyRequired: boolean;
	/** What one entry is, for messages: "article". */
	noun: string;
}

export const collectionDefinitions = {
	articles: { schema: articleSchema, bodyRequired: true, noun: 'article' },
	stops: { schema: stopSchema, bodyRequired: true, noun: 'stop' },
	countries: { schema: countrySchema, bodyRequired: false, noun: 'country' },
	companies: { schema: companySchema, bodyRequired: false, noun: 'company' },
	people: { schema: personSchema, bodyRequired: false, noun: 'person' },
	overview: { schema: overviewSchema, bodyRequired: false, noun: 'overview' },
	facts: { schema: factSchema, bodyRequired: false, noun: 'claim' },
} as const satisfies Record<string, CollectionDefinition>;

export type CollectionName = keyof typeof collectionDefinitions;

/** The collections in the order they are read and reported. */
export const collectionNames = Object.keys(collectionDefinitions) as CollectionName[];

export { articleSchema } from './article.ts';
export { companySchema, countrySchema, personSchema } from './entity.ts';
export { factSchema, stance } from './fact.ts';
export { overviewSchema } from './overview.ts';
export { stopSchema } from './stop.ts';
export type { FactData, Stance } from './fact.ts';
export type { OverviewData } from './overview.ts';
export type { ArticleData, ArticleInput } from './article.ts';
export type { CompanyData, CountryData, PersonData } from './entity.ts';
export type { QuoteData, StopData, StopEventData } from './stop.ts';
