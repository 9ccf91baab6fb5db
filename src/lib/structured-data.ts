/**
 * Schema.org JSON-LD for each kind of page: NewsArticle, Event with a Place,
 * Organization, Person and BreadcrumbList. Pure functions: every absolute URL comes
 * from the `absolute` function passed in.
 */
import type { ArticleNode, CompanyNode, CountryNode, EventNode, PersonNode, StopNode } from '../model/types.ts';

type Absolute = (path: string) => string;
export type JsonLd = Record<string, unknown>;

/** A breadcrumb: its label, and its path where it is not the current page. */
export interface Crumb {
	label: string;
	href?: string | undefined;
	/** The label's language, where it is not the page's: an article's title in Korean. */
	lang?: string | undefined;
}

export function breadcrumbList(crumbs: readonly Crumb[], currentPath: string, absolute: Absolute): JsonLd {
	return {
		'@context': 'https://schema.org',
		'@type': 'BreadcrumbList',
		itemListElement: crumbs.map((crumb, index) => ({
			'@type': 'ListItem',
			position: index + 1,
			name: crumb.label,
			item: absolute(crumb.href ?? currentPath),
		})),
	};
}

export function newsArticle(article: ArticleNode, pagePath: string, absolute: Absolute): JsonLd {
	return {
		'@context': 'https://schema.org',
		'@type': 'NewsArticle',
		headline: article.title,
		inLanguage: article.language,
		datePublished: article.published,
		...(article.summary ? { description: article.summary } : {}),
		...(article.author ? { author: { '@type': 'Person', name: article.author } } : {}),
		...(article.outlet ? { publisher: { '@type': 'Organization', name: article.outlet } } : {}),
		...(article.url ? { isBasedOn: article.url } : {}),
		url: absolute(pagePath),
		mainEntityOfPage: absolute(pagePath),
	};
}

export function place(stop: StopNode, country: CountryNode, absolute: Absolute, stopPath: string): JsonLd {
	return {
		'@type': 'Place',
		name: stop.region ? `${stop.city}, ${stop.region}` : stop.city,
		url: absolute(stopPath),
		address: { '@type': 'PostalAddress', addressLocality: stop.city, addressCountry: country.name },
		geo: { '@type': 'GeoCoordinates', latitude: stop.coordinates.lat, longitude: stop.coordinates.lon },
	};
}

/** An event of the tour, at its stop. */
export function tourEvent(event: EventNode, location: JsonLd, eventPath: string, absolute: Absolute, performers: string[]): JsonLd {
	return {
		'@context': 'https://schema.org',
		'@type': 'Event',
		name: event.title,
		startDate: event.time ? `${event.date}T${event.time}` : event.date,
		endDate: event.endDate ?? event.date,
		eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
		location,
		url: absolute(eventPath),
		...(performers.length > 0 ? { attendee: performers.map((name) => ({ '@type': 'Person', name })) } : {}),
	};
}

/** A stop as an Event (the visit) with its Place, and its events as sub-events. */
export function stopVisit(stop: StopNode, location: JsonLd, stopPath: string, absolute: Absolute, subEvents: JsonLd[]): JsonLd {
	return {
		'@context': 'https://schema.org',
		'@type': 'Event',
		name: `Mark Zuckerberg in ${stop.city}`,
		startDate: stop.dates.start,
		endDate: stop.dates.end,
		eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
		location,
		url: absolute(stopPath),
		...(stop.summary ? { description: stop.summary } : {}),
		subEvent: subEvents.map(({ ['@context']: _context, ...event }) => event),
	};
}

export function organization(company: CompanyNode, country: CountryNode, pagePath: string, absolute: Absolute): JsonLd {
	return {
		'@context': 'https://schema.org',
		'@type': 'Organization',
		name: company.name,
		...(company.aliases.length > 0 ? { alternateName: company.aliases } : {}),
		description: company.description,
		location: { '@type': 'Country', name: country.name },
		url: absolute(pagePath),
	};
}

export function person(person: PersonNode, country: CountryNode, pagePath: string, absolute: Absolute, employers: string[]): JsonLd {
	return {
		'@context': 'https://schema.org',
		'@type': 'Person',
		name: person.name,
		...(person.aliases.length > 0 ? { alternateName: person.aliases } : {}),
		...(person.role ? { jobTitle: person.role } : {}),
		description: person.description,
		nationality: { '@type': 'Country', name: country.name },
		...(employers.length > 0 ? { worksFor: employers.map((name) => ({ '@type': 'Organization', name })) } : {}),
		url: absolute(pagePath),
	};
}

/**
 * JSON-LD as the text of a `<script type="application/ld+json">`: `<` is escaped so
 * that no value can close the script element.
 */
export function serialiseJsonLd(data: JsonLd | JsonLd[]): string {
	return JSON.stringify(data).replace(/</g, '\\u003c');
}
