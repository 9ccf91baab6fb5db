/**
 * The shapes that go into and come out of `buildModel`.
 *
 * Nodes refer to each other by id, never by object, so the nodes are plain data:
 * easy to test, to print and to serialise. The model adds lookups by id.
 */
import type {
	ArticleData,
	CompanyData,
	CountryData,
	FactData,
	OverviewData,
	PersonData,
	QuoteData,
	StopData,
	StopEventData,
} from '../schema/index.ts';
import type { DateParts } from '../lib/calendar.ts';
import type { NameTarget } from '../lib/name-matcher.ts';
import type { FactNode } from './facts.ts';
import type { Development } from './history.ts';

/** One validated record, as a collection yields it. */
export interface Entry<Data> {
	/** The id: the file name without `.md`. */
	id: string;
	data: Data;
	/** The markdown body, where the record has one. */
	body?: string | undefined;
	/** The file it came from, for error messages. */
	file?: string | undefined;
}

/** Everything the model is built from. */
export interface ModelInput {
	articles: readonly Entry<ArticleData>[];
	stops: readonly Entry<StopData>[];
	countries: readonly Entry<CountryData>[];
	companies: readonly Entry<CompanyData>[];
	people: readonly Entry<PersonData>[];
	/** The home page summary: one entry, `tour`. Optional, so the model can be built without it. */
	overview?: readonly Entry<OverviewData>[];
	/** The claims of the fact ledger. Optional, so the model can be built without them. */
	facts?: readonly Entry<FactData>[];
}

/** The kinds of entity a name can refer to. */
export type EntityKind = 'stop' | 'country' | 'company' | 'person';

/** The records that name a given record: the reverse of every reference. */
export interface Backlinks {
	/** Articles that list it in their frontmatter. */
	articles: string[];
	/** Events (by anchor, `<stop>-<event>`) that involve it. */
	events: string[];
	/** Stops that lie in it (for countries). */
	stops: string[];
	/** Companies based in it (countries), or linked to it (people). */
	companies: string[];
	/** People from it (countries), or working for it (companies). */
	people: string[];
}

/** A passage of an article that names an entity: the sentence, and where it stands. */
export interface Mention {
	article: string;
	/** The anchor of its paragraph on the article page: `p-4`. */
	anchor: string;
	/** The sentence that holds the name, word for word. */
	sentence: string;
	/** The name as the sentence writes it: "Jay Y. Lee". */
	name: string;
}

export interface ArticleNode extends ArticleData {
	id: string;
	/** Its place in publication order, from 1: the number of its column in the fact ledger ("[3]"). */
	number: number;
	body: string;
	/** The plain text of each paragraph, in order; paragraph `i` has the anchor `p-{i+1}`. */
	paragraphs: string[];
	/** `published` split into its local date and, where given, time and offset. */
	publishedParts: DateParts;
	/** Its short label, distinct from every other source's: "Bloomberg, 26 February" (`source-labels.ts`). */
	label: string;
	/** Whether the label quotes the headline (no outlet or byline is known), and so is in the article's language. */
	labelQuotesHeadline: boolean;
	/** Anchors of the events that cite this article. */
	events: string[];
	/** The claims of the fact ledger that cite it, each with its stance and the anchor of the words. */
	claims: { fact: string; stance: 'states' | 'hedges' | 'differs' | 'contradicts'; anchor: string }[];
}

export interface EventNode extends StopEventData {
	/** The permalink anchor, unique across the story: `<stop>-<event id>`. */
	anchor: string;
	/** The id of the stop it happened at. */
	stop: string;
	/** The stop's IANA time zone, in which `date` and `time` are local. */
	timeZone: string;
}

/** A quote with where it stands in its article. */
export interface QuoteNode extends QuoteData {
	/** The anchor of the marked words in the article: `q-mark-is-in-japan-…`. */
	anchor: string;
}

/** How much one article covers one stop. */
export interface Coverage {
	article: string;
	/** Events of the stop the article reports. */
	events: number;
	/** Claims about the stop the article speaks to. */
	claims: number;
	/** Paragraphs of the article that name the stop. */
	paragraphs: number;
}

export interface StopNode extends Omit<StopData, 'events' | 'quotes'> {
	id: string;
	body: string;
	events: EventNode[];
	quotes: QuoteNode[];
	/** The stops before and after on the route. */
	previous?: string | undefined;
	next?: string | undefined;
	/** Articles that list the stop or report one of its events, in publication order. */
	articles: string[];
	/** People involved in its events. */
	people: string[];
	/** Companies involved in its events. */
	companies: string[];
	/** Ids of the claims about the stop. */
	facts: string[];
	/** How much each article that covers the stop does so, in publication order. */
	coverage: Coverage[];
}

export interface CountryNode extends CountryData {
	id: string;
	backlinks: Backlinks;
	/** The passages that name it, in publication order. */
	mentions: Mention[];
	/** Ids of the claims about it. */
	facts: string[];
}

export interface CompanyNode extends CompanyData {
	id: string;
	backlinks: Backlinks;
	mentions: Mention[];
	facts: string[];
	/** Stops where the company took part in an event, in route order. */
	stops: string[];
}

export interface PersonNode extends PersonData {
	id: string;
	backlinks: Backlinks;
	mentions: Mention[];
	facts: string[];
	/** Stops where the person took part in an event, in route order. */
	stops: string[];
}

/** A dated event on the timeline, at the local time of its stop. */
export interface TimelineEvent {
	kind: 'event';
	/** The permalink anchor. */
	anchor: string;
	/** The local day it happened, or the first day of a span. */
	date: string;
	endDate?: string | undefined;
	time?: string | undefined;
	/** The IANA zone of the stop. */
	timeZone: string;
	event: EventNode;
}

/** An article's publication on the timeline. */
export interface TimelinePublication {
	kind: 'publication';
	/** The permalink anchor: `published-<article id>`. */
	anchor: string;
	/** The publication day as the source gives it. */
	date: string;
	time?: string | undefined;
	/** The UTC offset, where the source gives a time with one. */
	offset?: string | undefined;
	article: string;
}

export type TimelineItem = TimelineEvent | TimelinePublication;

export interface StoryModel {
	/** In publication order, then by id. */
	articles: ArticleNode[];
	/** In route order. */
	stops: StopNode[];
	/** Every event of every stop, in time order. */
	events: EventNode[];
	/** By name. */
	countries: CountryNode[];
	companies: CompanyNode[];
	people: PersonNode[];
	/** Every event and every publication, in time order. */
	timeline: TimelineItem[];
	/** The home page summary, where the content has one. */
	overview?: OverviewData | undefined;
	/** The fact ledger: claims about stops in route order, then the rest, each by id. */
	facts: FactNode[];
	/** The ids of the claims on which the sources differ, in the ledger's order. */
	disputedFacts: string[];
	/** The claims whose story moved between publication days, with their turns (see history.ts). */
	developments: Development[];
	/** Every name and alias, each resolving to exactly one entity. */
	names: ReadonlyMap<string, NameTarget<EntityKind>>;
	/** Lookups by id. */
	article(id: string): ArticleNode;
	stop(id: string): StopNode;
	country(id: string): CountryNode;
	company(id: string): CompanyNode;
	person(id: string): PersonNode;
	event(anchor: string): EventNode;
	fact(id: string): FactNode;
}
