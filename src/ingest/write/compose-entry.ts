/**
 * Turns a parsed plain-text article into the markdown entry we store: the body
 * normalised through remark, the stops and entities detected from their names,
 * and a list of what a person still has to fill in.
 */
import type { LanguageJudgement } from '../read/language.ts';
import GithubSlugger from 'github-slugger';
import yaml from 'js-yaml';
import type { List, Root, RootContent } from 'mdast';
import { remark } from 'remark';
import { createNameMatcher } from '../../lib/name-matcher.ts';
import type { EntityKind, ModelInput } from '../../model/types.ts';
import { indexNames } from '../../model/references.ts';
import { MONTH_NAMES } from '../../lib/calendar.ts';
import { compareText } from '../../lib/compare.ts';
import { datelineDate, placeName } from '../read/dateline.ts';
import { inferStops } from '../judge/place-article.ts';
import type { Block, ExtractedArticle, MetadataField } from '../types.ts';

export interface Detected {
	stops: string[];
	countries: string[];
	companies: string[];
	people: string[];
	/** Each name found, with what it resolved to, for the report. */
	names: { name: string; kind: EntityKind; id: string }[];
}

/**
 * Finds the stops and entities a text names, using every name and alias in the content
 * (`names`, the content's name index, where the caller has it already), in any case in a
 * line written wholly in lower case ("… as seoul visit kicks off"), as the judge reads it.
 */
export function detectEntities(text: string, content: ModelInput, names = indexNames(content).names): Detected {
	const matcher = createNameMatcher(names, { lowerCaseLines: true });
	const found = new Map<string, { name: string; kind: EntityKind; id: string }>();
	for (const match of matcher.find(text)) {
		const key = `${match.target.kind}:${match.target.id}`;
		if (!found.has(key)) found.set(key, { name: match.name, ...match.target });
	}
	const ids = (kind: EntityKind) => [...found.values()].filter((each) => each.kind === kind).map((each) => each.id);
	const stops = ids('stop');
	// A stop named in the text puts its country in the article too.
	const stopCountries = content.stops.filter((stop) => stops.includes(stop.id)).map((stop) => stop.data.country);
	return {
		stops,
		countries: [...new Set([...ids('country'), ...stopCountries])],
		companies: ids('company'),
		people: ids('person'),
		names: [...found.values()],
	};
}

/** The body as markdown, built as an mdast tree and printed by remark. */
export function blocksToMarkdown(blocks: readonly Block[]): string {
	const children: RootContent[] = blocks.map((block): RootContent => {
		switch (block.type) {
			case 'heading':
				return { type: 'heading', depth: 2, children: [{ type: 'text', value: block.text }] };
			case 'list':
				return {
					type: 'list',
					ordered: false,
					spread: false,
					children: block.items.map((item) => ({
						type: 'listItem',
						spread: false,
						children: [{ type: 'paragraph', children: [{ type: 'text', value: item }] }],
					})),
				} satisfies List;
			case 'paragraph':
				return { type: 'paragraph', children: [{ type: 'text', value: block.text }] };
		}
	});
	const tree: Root = { type: 'root', children };
	return remark().data('settings', { bullet: '-', rule: '-' }).stringify(tree);
}

/** Latin letters that Unicode does not decompose into a plain letter and a mark. */
const LATIN: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ł: 'l', þ: 'th' };

/** A kebab-case id from a headline, at most about 60 characters, cut at a word. */
export function idFromTitle(title: string): string {
	// Ids are kebab-case ASCII: "São Paulo" is `sao-paulo`, full-width "ＡＩ" is `ai` (the
	// compatibility form first), and letters with no Latin form are left out.
	const latin = title.normalize('NFKC').normalize('NFKD').replace(/\p{M}/gu, '').replace(/[ßæœøđłþ]/gi, (letter) => LATIN[letter.toLowerCase()] ?? '');
	const slug = new GithubSlugger().slug(latin).replace(/[^a-z0-9-]+/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '');
	if (slug.length <= 60) return slug;
	return slug.slice(0, 61).replace(/-[^-]*$/, '');
}

export interface ComposeOptions {
	/** Values given on the command line, which win over what the source says. */
	published?: string | undefined;
	outlet?: string | undefined;
	url?: string | undefined;
	/** The file name of the source kept in `content/sources/`. */
	seed?: string | undefined;
	/** The id of an article with the same text, where the editor adds this one anyway. */
	duplicateOf?: string | undefined;
	/** The article's language as judged (`read/language.ts`), with what told it. */
	language?: LanguageJudgement | undefined;
}

/** Where the article stands in the story: what it names, and what was inferred. */
export interface Placement {
	detected: Detected;
	/** Stops the text does not name, inferred from a country and the date, each with the reason. */
	inferredStops: { stop: string; reason: string }[];
	/** The stop its dateline names, where that is a stop of the story. */
	datelineStop?: string | undefined;
	/** The publication date read from the dateline, where nothing better was known, and why. */
	datelineDate?: { date: string; reason: string } | undefined;
}

export interface ComposedEntry {
	/** The whole file: frontmatter, comments listing what to fill in, and body. */
	text: string;
	placement: Placement;
	/** The metadata written, each with where it came from. */
	metadata: { field: MetadataField; value: string; from: string }[];
	/** Fields a person still has to fill in, each with a hint. */
	toFill: { field: string; hint: string }[];
}

/**
 * Places an article in the story: the stops, countries, companies and people it names,
 * the stop of its dateline, and the stops inferred from a country and the date.
 */
export function placeArticle(
	article: ExtractedArticle,
	content: ModelInput,
	published: string | undefined,
	body = blocksToMarkdown(article.blocks),
): Placement {
	const { names } = indexNames(content);
	const detected = detectEntities([article.title ?? '', body].join('\n'), content, names);
	const datelinePlace = article.datelinePlace;
	const placeTarget = datelinePlace ? names.get(placeName(datelinePlace.place)) : undefined;
	const datelineStop = placeTarget?.kind === 'stop' ? placeTarget.id : undefined;
	if (datelineStop && !detected.stops.includes(datelineStop)) {
		detected.stops.unshift(datelineStop);
		const country = content.stops.find((stop) => stop.id === datelineStop)?.data.country;
		if (country && !detected.countries.includes(country)) detected.countries.push(country);
	}
	let fromDateline: Placement['datelineDate'];
	const year = storyYear(content);
	if (!published && datelinePlace && year !== undefined) {
		const date = datelineDate(datelinePlace, year);
		if (date) fromDateline = { date, reason: `The dateline gives ${datelinePlace.day} ${MONTH_NAMES[(datelinePlace.month ?? 1) - 1]} without a year; the year is the story's, ${year}.` };
	}
	const date = published ?? fromDateline?.date;
	const inferredStops = date ? inferStops({ published: date, countries: detected.countries, stops: detected.stops }, content) : [];
	return { detected, inferredStops, datelineStop, datelineDate: fromDateline };
}

/** The year the story's stops begin in, for datelines that print none. */
function storyYear(content: ModelInput): number | undefined {
	const starts = content.stops.map((stop) => stop.data.dates.start).sort(compareText);
	return starts[0] ? Number(starts[0].slice(0, 4)) : undefined;
}

/** Composes the markdown entry for an extracted article. */
export function composeEntry(article: ExtractedArticle, content: ModelInput, options: ComposeOptions): ComposedEntry {
	const body = blocksToMarkdown(article.blocks);
	const metadata: ComposedEntry['metadata'] = [];
	const pick = (field: MetadataField, option: string | undefined, fromSource: string | undefined) => {
		const value = option ?? fromSource;
		if (value !== undefined) metadata.push({ field, value, from: option !== undefined ? `--${field}` : (article.provenance[field] ?? 'the source') });
		return value;
	};
	const title = pick('title', undefined, article.title);
	const outlet = pick('outlet', options.outlet, article.outlet);
	const author = pick('author', undefined, article.authors.length > 0 ? article.authors.join(' and ') : undefined);
	const url = pick('url', options.url, article.url);
	let published = pick('published', options.published, article.published);
	const placement = placeArticle(article, content, published, body);
	if (!published && placement.datelineDate) {
		published = placement.datelineDate.date;
		metadata.push({ field: 'published', value: published, from: 'dateline, in the story\'s year' });
	}
	const stops = [...placement.detected.stops, ...placement.inferredStops.map((each) => each.stop)];

	const data: Record<string, unknown> = {};
	if (title) data['title'] = title;
	if (published) data['published'] = published;
	if (outlet) data['outlet'] = outlet;
	if (author) data['author'] = author;
	if (url) data['url'] = url;
	if (options.language) {
		data['language'] = options.language.tag;
		metadata.push({ field: 'language', value: options.language.tag, from: options.language.from });
	}
	if (article.guid && article.guid !== url) data['guid'] = article.guid;
	if (options.seed) data['seed'] = options.seed;
	// The checker decodes the kept bytes as ingest did, where they do not say it themselves.
	if (article.source.encoding) data['encoding'] = article.source.encoding;
	if (options.duplicateOf) data['duplicateOf'] = options.duplicateOf;
	if (article.dateline) data['dateline'] = article.dateline;
	data['stops'] = stops;
	data['countries'] = placement.detected.countries;
	data['companies'] = placement.detected.companies;
	data['people'] = placement.detected.people;
	if (article.removed.length > 0) data['removed'] = article.removed;
	const inferred: { published?: string; stops?: Record<string, string> } = {};
	if (placement.datelineDate && published === placement.datelineDate.date && !options.published && !article.published) inferred['published'] = placement.datelineDate.reason;
	if (placement.inferredStops.length > 0) inferred.stops = Object.fromEntries(placement.inferredStops.map((each) => [each.stop, each.reason]));
	if (Object.keys(inferred).length > 0) data['inferred'] = inferred;

	const toFill: { field: string; hint: string }[] = [];
	if (!title) toFill.push({ field: 'title', hint: 'the source has no headline: write one, and say so under inferred.title' });
	if (!published) {
		toFill.push({
			field: 'published',
			hint: 'the source states no date: give YYYY-MM-DD (or a date-time with offset), and the reason under inferred.published',
		});
	}
	toFill.push({ field: 'summary', hint: 'one or two sentences of our own saying what the article reports' });
	if (!outlet) toFill.push({ field: 'outlet', hint: 'optional: only if the source names its publisher; never guess' });
	if (!url) toFill.push({ field: 'url', hint: 'optional: the original address, if known' });

	// Dumped with the default schema so that dates come out quoted, as text: any YAML
	// reader then sees "2024-02-29", never a timestamp.
	const frontmatter = yaml.dump(data, { lineWidth: -1, quotingType: '"' });
	const comments = toFill.map(({ field, hint }) => `# ${field}: ${hint}`);
	const text = [
		'---',
		frontmatter.trimEnd(),
		...(comments.length > 0 ? ['# To fill in, then run npm run check:content:', ...comments] : []),
		'---',
		'',
		body,
	].join('\n');
	return { text, placement, metadata, toFill };
}
