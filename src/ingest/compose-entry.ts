/**
 * Turns a parsed plain-text article into the markdown entry we store: the body
 * normalised through remark, the stops and entities detected from their names,
 * and a list of what a person still has to fill in.
 */
import GithubSlugger from 'github-slugger';
import yaml from 'js-yaml';
import type { List, Root, RootContent } from 'mdast';
import { remark } from 'remark';
import { createNameMatcher } from '../lib/name-matcher.ts';
import type { EntityKind, ModelInput } from '../model/types.ts';
import { indexNames } from '../model/references.ts';
import type { Block, ParsedArticle } from './parse-plain-text.ts';

export interface Detected {
	stops: string[];
	countries: string[];
	companies: string[];
	people: string[];
	/** Each name found, with what it resolved to, for the report. */
	names: { name: string; kind: EntityKind; id: string }[];
}

/** Finds the stops and entities a text names, using every name and alias in the content. */
export function detectEntities(text: string, content: ModelInput): Detected {
	const { names } = indexNames(content);
	const matcher = createNameMatcher(names);
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

/** A kebab-case id from a headline, at most about 60 characters, cut at a word. */
export function idFromTitle(title: string): string {
	const slug = new GithubSlugger().slug(title).replace(/-+/g, '-').replace(/^-|-$/g, '');
	if (slug.length <= 60) return slug;
	return slug.slice(0, 61).replace(/-[^-]*$/, '');
}

export interface ComposeOptions {
	published?: string | undefined;
	outlet?: string | undefined;
	url?: string | undefined;
	/** The file name of the source text kept in `content/sources/`. */
	seed?: string | undefined;
}

export interface ComposedEntry {
	/** The whole file: frontmatter, comments listing what to fill in, and body. */
	text: string;
	detected: Detected;
	/** Fields a person still has to fill in, each with a hint. */
	toFill: { field: string; hint: string }[];
}

/** Composes the markdown entry for a parsed article. */
export function composeEntry(parsed: ParsedArticle, content: ModelInput, options: ComposeOptions): ComposedEntry {
	const body = blocksToMarkdown(parsed.blocks);
	const detected = detectEntities([parsed.title ?? '', body].join('\n'), content);
	const published = options.published ?? parsed.published;
	const outlet = options.outlet ?? parsed.outlet;
	const author = parsed.author;

	const data: Record<string, unknown> = {};
	if (parsed.title) data['title'] = parsed.title;
	if (published) data['published'] = published;
	if (outlet) data['outlet'] = outlet;
	if (author) data['author'] = author;
	if (options.url) data['url'] = options.url;
	if (options.seed) data['seed'] = options.seed;
	if (parsed.dateline) data['dateline'] = parsed.dateline;
	data['stops'] = detected.stops;
	data['countries'] = detected.countries;
	data['companies'] = detected.companies;
	data['people'] = detected.people;
	if (parsed.removed.length > 0) data['removed'] = parsed.removed;

	const toFill: { field: string; hint: string }[] = [];
	if (!parsed.title) toFill.push({ field: 'title', hint: 'the source has no headline: write one, and say so under inferred.title' });
	if (!published) {
		toFill.push({
			field: 'published',
			hint: 'the source states no date: give YYYY-MM-DD (or a date-time with offset), and the reason under inferred.published',
		});
	}
	toFill.push({ field: 'summary', hint: 'one or two sentences of our own saying what the article reports' });
	if (!outlet) toFill.push({ field: 'outlet', hint: 'optional: only if the source names its publisher; never guess' });
	if (!options.url) toFill.push({ field: 'url', hint: 'optional: the original address, if known' });

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
	return { text, detected, toFill };
}
