/**
 * The frontmatter of the entity records: `content/countries/<id>.md`,
 * `content/companies/<id>.md` and `content/people/<id>.md`.
 *
 * Aliases are the spellings the sources use ("Jay Y. Lee", "Lee Jae-yong"). Every
 * alias must belong to one entity only, so that each name variant resolves to
 * exactly one page; the model refuses a clash.
 */
import { z } from 'zod';
import { entityId, idList, text } from './primitives.ts';

const entityFields = {
	/** The name readers see on the entity's page: "Samsung Electronics". */
	name: text,
	/**
	 * Other spellings found in the sources, matched whole-word and case-sensitively. For a
	 * country, its adjectives too ("South Korean", "Japanese"), so that "the South Korean
	 * President" places an article in the country. Never an adjective that another
	 * country's name contains ("Korean" would also match "North Korean").
	 */
	aliases: z.array(text).default([]),
	/** One or two sentences of our own saying who or what this is, and its part in the story. */
	description: text,
};

export const countrySchema = z.strictObject({
	...entityFields,
});

export const companySchema = z.strictObject({
	...entityFields,
	/** The id of the country where the company is based. */
	country: entityId,
});

export const personSchema = z.strictObject({
	...entityFields,
	/** The id of the country the person is from, or works in. */
	country: entityId,
	/** The person's role as the sources give it: "Chairman of Samsung Electronics". */
	role: text.optional(),
	/** Ids of the companies the person leads or works for. */
	companies: idList.default([]),
});

export type CountryData = z.output<typeof countrySchema>;
export type CompanyData = z.output<typeof companySchema>;
export type PersonData = z.output<typeof personSchema>;
