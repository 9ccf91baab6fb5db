/**
 * Takes candidates into the story, one at a time, as `npm run ingest` does, and as the
 * placement evaluation (scripts/eval-placement.ts) does over its labelled feeds: so the
 * evaluation measures the real ingest, not a copy of it.
 *
 * For each candidate: is it already in the story; does it belong to the story (its
 * relevance, unless the editor includes it by hand); is it a copy of an article; then
 * the entry, composed and checked. What it decides to write joins the story, so later
 * candidates of the run see it. The disk is reached only through `io`: the command
 * line reads `content/sources/` there and writes the files; the evaluation keeps
 * everything in memory.
 */
import { paragraphTexts } from '../lib/markdown-blocks.ts';
import { createCopyIndex, type CopyIndex } from '../model/duplicates.ts';
import type { Entry, ModelInput } from '../model/types.ts';
import type { ArticleData } from '../schema/index.ts';
import { judgeRelevance, type Relevance } from './judge/relevance.ts';
import { judgeLanguage } from './read/language.ts';
import { romaniseHeadline } from './write/romanise.ts';
import { indexStory, type StoryIndex } from './judge/story-index.ts';
import { decide, isLatin, readableSlug, type Decision } from './pipeline.ts';
import type { ExtractedArticle } from './types.ts';

/** One candidate: an article read from an input, and the name its source keeps where it is a file of its own. */
export interface Candidate {
	article: ExtractedArticle;
	/** The input file's own name, kept in `content/sources/` (a text or a saved page); none for a URL or a feed item. */
	fileName?: string | undefined;
}

export interface TakeInOptions {
	/** Values given on the command line for a single article. */
	published?: string | undefined;
	outlet?: string | undefined;
	url?: string | undefined;
	id?: string | undefined;
	/** Keeps an article whose text is already in the story, as `duplicateOf`. */
	allowDuplicate: boolean;
	/** URLs, guids or inputs the editor takes in against their relevance (`--include`). */
	include: ReadonlySet<string>;
	/** The article's language, where the editor gives it (`--language`): it wins over what ingest detects. */
	language?: string | undefined;
}

/** What the disk holds, as take-in needs it. */
export interface TakeInIO {
	/** The bytes of `content/sources/<name>`, if there is such a file. */
	existingSource(name: string): Promise<Uint8Array | undefined>;
}

/** What was decided for one candidate, with its relevance where it was judged. */
export type Outcome = { origin: string; relevance?: Relevance | undefined; included: boolean } & (
	| { action: 'write'; decision: Extract<Decision, { action: 'write' }> }
	| { action: 'skip'; reason: string; existing?: string | undefined }
	| { action: 'refuse'; reason: string }
);

/** The state of one run: the story as it grows, and the ids and source names taken so far. */
export interface TakeInRun {
	content: ModelInput;
	story: StoryIndex;
	/** The sentences of every article, to tell a copy by: indexed once, grown as entries are written. */
	copies: CopyIndex;
	takenIds: Set<string>;
	takenSources: Set<string>;
}

/**
 * A run over `content`: the story is indexed once, whatever the number of candidates.
 * `paragraphs` are the articles' plain paragraphs where the caller has them already
 * (`loadContent` does); else they are read from the bodies.
 */
export function startRun(content: ModelInput, paragraphs?: ReadonlyMap<string, readonly string[]>): TakeInRun {
	const paragraphsOf = (article: ModelInput['articles'][number]) => paragraphs?.get(article.id) ?? paragraphTexts(article.body ?? '');
	const texts = content.articles.map((article) => ({ id: article.id, paragraphs: paragraphsOf(article) }));
	return {
		content,
		story: indexStory(content, new Map(texts.map((each) => [each.id, each.paragraphs]))),
		copies: createCopyIndex(texts),
		takenIds: new Set(content.articles.map((article) => article.id)),
		takenSources: new Set(),
	};
}

/** Whether the editor named this candidate with `--include`: by its URL, guid or input. */
export function isIncluded(article: ExtractedArticle, include: ReadonlySet<string>): boolean {
	return [article.url, article.guid, article.origin].some((key) => key !== undefined && include.has(key));
}

/**
 * Decides what to do with one candidate, and, for one to write, adds it to the run's
 * story. The caller writes the files of a `write`.
 */
export async function takeIn(candidate: Candidate, run: TakeInRun, options: TakeInOptions, io: TakeInIO): Promise<Outcome> {
	const { article, fileName } = candidate;
	const included = isIncluded(article, options.include);
	const relevance = judgeRelevance(article, run.story);
	const language = await judgeLanguage(article, options.language);
	// A headline in another script is romanised for its id, where the address gives none to read.
	const latinTitle =
		!options.id && article.title && !isLatin(article.title) && !readableSlug(article.url) ? await romaniseHeadline(article.title, language.tag) : undefined;
	const decision = decide(article, run.content, {
		language,
		latinTitle,
		published: options.published,
		outlet: options.outlet,
		url: options.url,
		id: options.id,
		sourceName: fileName,
		relevance: included ? undefined : relevance,
		allowDuplicate: options.allowDuplicate,
		takenIds: run.takenIds,
		takenSources: run.takenSources,
		existingSource: fileName ? await io.existingSource(fileName) : undefined,
		copies: run.copies,
	});
	const base = { origin: article.origin, relevance, included };
	if (decision.action === 'skip') return { ...base, action: 'skip', reason: decision.reason, existing: decision.existing };
	if (decision.action === 'refuse') return { ...base, action: 'refuse', reason: decision.reason };
	run.takenIds.add(decision.id);
	run.takenSources.add(decision.sourceName);
	run.content = { ...run.content, articles: [...run.content.articles, decision.parsed as Entry<ArticleData>] };
	run.copies.add(decision.id, paragraphTexts(decision.parsed.body ?? ''));
	return { ...base, action: 'write', decision };
}
