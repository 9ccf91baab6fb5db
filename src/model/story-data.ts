/**
 * The model as open data: plain JSON in the shape of `storyDataSchema`, with absolute
 * URLs to every page and every cited passage.
 */
import type { SiteUrls } from '../lib/urls.ts';
import { storyDataSchema, type StoryData } from '../schema/story-data.ts';
import type { StoryModel } from './types.ts';

/** Keeps the defined fields only, so optional fields are absent rather than undefined. */
function defined<T extends Record<string, unknown>>(record: T): T {
	return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}

export function toStoryData(model: StoryModel, urls: SiteUrls, absolute: (path: string) => string): StoryData {
	const entity = (kind: 'country' | 'company' | 'person', node: { id: string; name: string; aliases: string[]; description: string }) => ({
		id: node.id,
		url: absolute(urls.page(kind, node.id)),
		name: node.name,
		aliases: node.aliases,
		description: node.description,
	});
	const data = {
		version: 1 as const,
		site: absolute(urls.home()),
		stops: model.stops.map((stop) =>
			defined({
				id: stop.id,
				url: absolute(urls.page('stop', stop.id)),
				city: stop.city,
				localName: stop.localName,
				region: stop.region,
				country: stop.country,
				order: stop.order,
				timeZone: stop.timeZone,
				coordinates: stop.coordinates,
				dates: stop.dates,
				summary: stop.summary,
				events: stop.events.map((event) =>
					defined({
						anchor: event.anchor,
						url: absolute(urls.event(stop.id, event.anchor)),
						title: event.title,
						date: event.date,
						endDate: event.endDate,
						time: event.time,
						dateNote: event.dateNote,
						people: event.people,
						companies: event.companies,
						articles: event.articles,
					}),
				),
			}),
		),
		entities: {
			countries: model.countries.map((country) => entity('country', country)),
			companies: model.companies.map((company) => ({ ...entity('company', company), country: company.country })),
			people: model.people.map((person) =>
				defined({ ...entity('person', person), country: person.country, role: person.role, companies: person.companies }),
			),
		},
		articles: model.articles.map((article) =>
			defined({
				id: article.id,
				url: absolute(urls.page('article', article.id)),
				title: article.title,
				language: article.language,
				published: article.published,
				outlet: article.outlet,
				author: article.author,
				sourceUrl: article.url,
				summary: article.summary,
				stops: article.stops,
				countries: article.countries,
				companies: article.companies,
				people: article.people,
				removed: article.removed,
				inferred: defined({ title: article.inferred?.title, published: article.inferred?.published, author: article.inferred?.author }) as Record<string, string>,
				inferredStops: article.inferred?.stops,
			}),
		),
		claims: model.facts.map((fact) =>
			defined({
				id: fact.id,
				url: absolute(urls.path(`facts/${fact.id}/`)),
				statement: fact.statement,
				kind: fact.kind,
				stop: fact.stop,
				speaker: fact.speaker,
				people: fact.people,
				companies: fact.companies,
				countries: fact.countries,
				agreement: fact.agreement,
				sources: fact.sources.map((source) =>
					defined({
						article: source.article,
						passage: source.passage,
						stance: source.stance,
						says: source.says,
						gloss: source.gloss,
						note: source.note,
						url: absolute(urls.page('article', source.article, source.anchor)),
					}),
				),
				silentCount: fact.silentCount,
				history: fact.history.map((step) => defined({ ...step })),
			}),
		),
	};
	// The data must match its published schema; a mismatch fails the build here.
	return storyDataSchema.parse(data);
}
