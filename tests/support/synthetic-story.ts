/**
 * A synthetic story of any size, as plain arrays through the real schemas, for
 * measuring how buildModel scales.
 */
import type { ModelInput } from '../../src/model/types.ts';
import { articleSchema, companySchema, countrySchema, factSchema, personSchema, stopSchema } from '../../src/schema/index.ts';

export function syntheticStory(articles: number): ModelInput {
	const countries = Array.from({ length: 10 }, (_, index) => ({ id: `country-${index}`, data: countrySchema.parse({ name: `Country ${index}`, description: 'A country.' }) }));
	const companies = Array.from({ length: 200 }, (_, index) => ({
		id: `company-${index}`,
		data: companySchema.parse({ name: `Company Number ${index}`, description: 'A company.', country: `country-${index % 10}` }),
	}));
	const people = Array.from({ length: 300 }, (_, index) => ({
		id: `person-${index}`,
		data: personSchema.parse({ name: `Person Number ${index}`, description: 'A person.', country: `country-${index % 10}`, companies: [`company-${index % 200}`] }),
	}));
	const articleEntries = Array.from({ length: articles }, (_, index) => {
		const company = `Company Number ${index % 200}`;
		const person = `Person Number ${index % 300}`;
		const body = [
			`${person} of ${company} spoke in City ${index % 20} on day ${index}.`,
			`Report ${index} says ${company} plans more work with ${person}. It gives no date.`,
			`- Point one of report ${index}.\n- Point two of report ${index}.`,
		].join('\n\n');
		return {
			id: `article-${index}`,
			body,
			data: articleSchema.parse({
				title: `Report ${index}`,
				published: `2024-${String((index % 12) + 1).padStart(2, '0')}-${String((index % 28) + 1).padStart(2, '0')}`,
				stops: [`stop-${index % 20}`],
				companies: [`company-${index % 200}`],
				people: [`person-${index % 300}`],
			}),
		};
	});
	const stops = Array.from({ length: 20 }, (_, index) => ({
		id: `stop-${index}`,
		body: `About stop ${index}.`,
		data: stopSchema.parse({
			city: `City ${index}`,
			country: `country-${index % 10}`,
			order: index + 1,
			timeZone: 'Asia/Seoul',
			coordinates: { lat: 10 + index, lon: 100 + index },
			dates: { start: '2024-01-01', end: '2024-12-31' },
			events: Array.from({ length: 5 }, (__, event) => ({
				id: `event-${event}`,
				title: `Event ${event}`,
				date: '2024-03-01',
				people: [`person-${event}`],
				companies: [`company-${event}`],
				articles: [`article-${(index + event * 20) % articles}`],
			})),
		}),
	}));
	const facts = articleEntries.map((article, index) => ({
		id: `claim-${index}`,
		data: factSchema.parse({
			statement: `Claim ${index}.`,
			stop: `stop-${index % 20}`,
			companies: [`company-${index % 200}`],
			sources: [
				{ article: article.id, passage: `Report ${index} says`, stance: 'states' },
				...(index > 0 ? [{ article: `article-${index - 1}`, passage: `It gives no date.`, stance: 'hedges' }] : []),
			],
		}),
	}));
	return { countries, companies, people, articles: articleEntries, stops, facts };
}
