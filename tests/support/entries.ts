/**
 * Builds model input from plain objects through the real schemas, as the content
 * collections would: defaults filled in, invalid data rejected.
 */
import {
	articleSchema,
	companySchema,
	countrySchema,
	factSchema,
	personSchema,
	stopSchema,
	type ArticleInput,
} from '../../src/schema/index.ts';
import type { ModelInput } from '../../src/model/index.ts';
import type { z } from 'zod';

export function article(id: string, data: Partial<ArticleInput> = {}) {
	return { id, data: articleSchema.parse({ title: `Article ${id}`, published: '2024-02-26', ...data }), body: `Text of ${id}.` };
}

export function stop(id: string, data: Partial<z.input<typeof stopSchema>> & Pick<z.input<typeof stopSchema>, 'order' | 'country'>) {
	return {
		id,
		data: stopSchema.parse({
			city: id[0]?.toUpperCase() + id.slice(1),
			timeZone: 'Asia/Seoul',
			coordinates: { lat: 37.5, lon: 127 },
			dates: { start: '2024-02-28', end: '2024-02-29' },
			...data,
		}),
		body: `About ${id}.`,
	};
}

export function country(id: string, data: Partial<z.input<typeof countrySchema>> = {}) {
	return { id, data: countrySchema.parse({ name: id, description: `The country ${id}.`, ...data }) };
}

export function company(id: string, data: Partial<z.input<typeof companySchema>> & { country: string }) {
	return { id, data: companySchema.parse({ name: id, description: `The company ${id}.`, ...data }) };
}

export function person(id: string, data: Partial<z.input<typeof personSchema>> & { country: string }) {
	return { id, data: personSchema.parse({ name: id, description: `The person ${id}.`, ...data }) };
}

export function fact(id: string, data: Partial<z.input<typeof factSchema>> & Pick<z.input<typeof factSchema>, 'statement' | 'sources'>) {
	return { id, data: factSchema.parse(data) };
}

/** A small, sound story: two stops in two countries, one company, two people, three articles. */
export function smallStory(): ModelInput {
	return {
		countries: [country('japan', { name: 'Japan' }), country('south-korea', { name: 'South Korea', aliases: ['Korea'] })],
		companies: [company('samsung', { name: 'Samsung Electronics', aliases: ['Samsung'], country: 'south-korea' })],
		people: [
			person('mark', { name: 'Mark Zuckerberg', aliases: ['Zuckerberg'], country: 'south-korea' }),
			person('jay', { name: 'Lee Jae-yong', aliases: ['Jay Y. Lee'], country: 'south-korea', companies: ['samsung'] }),
		],
		stops: [
			stop('seoul', {
				order: 2,
				country: 'south-korea',
				events: [
					{ id: 'yoon', title: 'Meets the president', date: '2024-02-29', people: ['mark'], articles: ['late'] },
					{ id: 'samsung', title: 'Meets Samsung', date: '2024-02-28', time: '15:00', people: ['mark', 'jay'], companies: ['samsung'], articles: ['early', 'late'] },
				],
			}),
			stop('tokyo', {
				order: 1,
				country: 'japan',
				timeZone: 'Asia/Tokyo',
				dates: { start: '2024-02-26', end: '2024-02-27' },
				events: [{ id: 'developers', title: 'Meets developers', date: '2024-02-26', people: ['mark'], articles: ['early'] }],
			}),
		],
		articles: [
			article('late', { published: '2024-02-29T18:00:00+09:00', stops: ['seoul'], people: ['mark'], companies: ['samsung'], countries: ['south-korea'] }),
			article('early', { published: '2024-02-26', stops: ['tokyo', 'seoul'], people: ['mark', 'jay'] }),
			article('unrelated', { published: '2024-02-27' }),
		],
	};
}
