/**
 * Mentions: for every entity, the sentences of the articles that name it, each with
 * the anchor of its paragraph, so a page can show the exact words and link to them.
 *
 * One pass over every paragraph of every article; the names found in an article are
 * kept for as long as its paragraphs and the story's names stay the same, so the dev
 * server's next model reads again only the articles that changed, and, given a memo
 * kept between builds, so does the next build.
 */
import { hash } from 'node:crypto';
import { paragraphAnchor } from '../lib/markdown-blocks.ts';
import { createNameMatcher, type NameMatcher, type NameTarget } from '../lib/name-matcher.ts';
import { paragraphSentences } from './paragraph-sentences.ts';
import type { ArticleNode, EntityKind, Mention } from './types.ts';

type Names = ReadonlyMap<string, NameTarget<EntityKind>>;

/** A mention of one article, with the entity it names, keyed `<kind>:<id>`. */
export interface ArticleMention {
	key: string;
	anchor: string;
	sentence: string;
	name: string;
}

/** The names of a story as one string: two name maps with one signature find the same mentions. */
const signatures = new WeakMap<Names, string>();
function signatureOf(names: Names): string {
	let signature = signatures.get(names);
	if (signature === undefined) {
		signature = [...names].map(([name, target]) => `${name}\u0000${target.kind}\u0000${target.id}`).sort().join('\u0001');
		signatures.set(names, signature);
	}
	return signature;
}

/** What an article's paragraphs were found to mention, and under which names. */
const found = new WeakMap<readonly string[], { signature: string; mentions: readonly ArticleMention[] }>();

/**
 * Mentions found before, kept outside this process (between builds, in the cache
 * folder): by a digest of an article's paragraphs and of the story's names
 * (`mentionsKey`), what they mention. A build reads only the articles it does not hold.
 */
export interface MentionMemo {
	get(key: string): readonly KeptMention[] | undefined;
	set(key: string, mentions: readonly KeptMention[]): void;
}

/**
 * A mention as a memo keeps it, small: its entity's key, its paragraph's and sentence's
 * places, and the name as written. The sentence is the article's own, split again.
 */
export type KeptMention = readonly [key: string, paragraph: number, sentence: number, name: string];

/** The key of an article's mentions in a `MentionMemo`: its paragraphs' and the names' digest. */
export function mentionsKey(paragraphs: readonly string[], signature: string): string {
	return hash('sha1', `${signature}\u0002${paragraphs.join('\u0001')}`, 'base64');
}

/** The mentions in one article's paragraphs: one per entity per sentence, however often the sentence names it. */
function mentionsIn(paragraphs: readonly string[], matcher: () => NameMatcher<EntityKind>, signature: string, memo?: { store: MentionMemo; names: string }): readonly ArticleMention[] {
	const earlier = found.get(paragraphs);
	if (earlier?.signature === signature) return earlier.mentions;
	const key = memo ? mentionsKey(paragraphs, memo.names) : undefined;
	const kept = key ? memo?.store.get(key) : undefined;
	const split = paragraphSentences(paragraphs);
	if (kept) {
		const mentions = kept.map(([entity, paragraph, sentence, name]) => ({ key: entity, anchor: paragraphAnchor(paragraph), sentence: split[paragraph]?.[sentence] ?? '', name }));
		found.set(paragraphs, { signature, mentions });
		return mentions;
	}
	const mentions: ArticleMention[] = [];
	const places: KeptMention[] = [];
	split.forEach((sentences, index) => {
		const seen = new Set<string>();
		sentences.forEach((sentence, at) => {
			for (const match of matcher().find(sentence)) {
				const key = `${match.target.kind}:${match.target.id}`;
				if (seen.has(`${key} ${sentence}`)) continue;
				seen.add(`${key} ${sentence}`);
				mentions.push({ key, anchor: paragraphAnchor(index), sentence, name: match.name });
				places.push([key, index, at, match.name]);
			}
		});
	});
	found.set(paragraphs, { signature, mentions });
	if (key) memo?.store.set(key, places);
	return mentions;
}

/**
 * The mentions of each entity, keyed `<kind>:<id>`, articles in the order given; those
 * of an article `memo` holds are taken from it, and those found are put in it.
 */
export function findMentions(articles: readonly ArticleNode[], names: Names, memo?: MentionMemo): Map<string, Mention[]> {
	const signature = signatureOf(names);
	const kept = memo ? { store: memo, names: hash('sha1', signature, 'base64') } : undefined;
	let matcher: NameMatcher<EntityKind> | undefined;
	const compiled = () => (matcher ??= createNameMatcher(names));
	const mentions = new Map<string, Mention[]>();
	for (const article of articles) {
		for (const { key, anchor, sentence, name } of mentionsIn(article.paragraphs, compiled, signature, kept)) {
			const list = mentions.get(key) ?? [];
			list.push({ article: article.id, anchor, sentence, name });
			mentions.set(key, list);
		}
	}
	return mentions;
}
