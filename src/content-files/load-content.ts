/**
 * Reads and validates a whole content directory, with no Astro involved:
 * every collection's files through `parseContentFile`, every frontmatter through
 * its zod schema, then every reference across collections.
 */
import { hash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { collectionDefinitions, collectionNames, type CollectionName } from '../schema/index.ts';
import { displayPath, type Problem } from '../lib/problems.ts';
import { compareText } from '../lib/compare.ts';
import { findModelProblems } from '../model/build-model.ts';
import { paragraphTexts } from '../lib/markdown-blocks.ts';
import type { Target } from '../model/references.ts';
import type { Entry, ModelInput } from '../model/types.ts';
import { parseContentFile, type RawContentFile } from './read-content-file.ts';
import { validateFrontmatter } from './schema-problems.ts';
import { feedItemSourceBlocks } from '../ingest/read/feed.ts';
import { htmlSourceBlocks } from '../ingest/read/web-page.ts';
import { decodeBytes } from '../ingest/read/decode.ts';
import { compareWithSource } from './source-fidelity.ts';
import type { ArticleData } from '../schema/index.ts';
import { readState, readSubscriptions, STATE_FILE, SUBSCRIPTIONS_FILE } from '../feeds/subscriptions.ts';

export interface LoadedContent {
	/** The entries that passed their schema, ready for `buildModel`. */
	input: ModelInput;
	/** Every problem found, in file order. Empty when the content is sound. */
	problems: Problem[];
	/**
	 * One line for each record that could not be used but that other records refer to:
	 * "(references to x not checked: content/articles/x.md could not be read)".
	 */
	notes: string[];
	/** Articles that lack a field the editor should fill in (a summary): reported, but not fatal. */
	warnings: Problem[];
	/** How many files were read, by collection: each file once, whatever its problems. */
	counts: Record<CollectionName, number>;
	/** The plain-text paragraphs of each article in `input`, by id: parsed once, for the check and the model. */
	paragraphs: Map<string, string[]>;
}

/**
 * What reading one file gave, kept from one read of a folder to the next (the dev
 * server reads the whole folder after every change): a file whose text is unchanged
 * is not parsed, validated or split into paragraphs again.
 */
export interface ReadFile {
	/** The file's text; or, for a read kept from an earlier build, only its digest (`textDigest`). */
	text?: string | undefined;
	digest?: string | undefined;
	parsed: ReturnType<typeof parseContentFile>;
	validated?: ReturnType<typeof validateContentFile>;
	paragraphs?: string[];
	/** An article's fidelity check, with the kept source (`seed`, `encoding`) it was run against. */
	fidelity?: { seed: string; encoding: string | undefined; problems: Problem[] };
}

/** The digest of a file's text, by which a read kept from an earlier build is known to hold. */
export function textDigest(text: string): string {
	return hash('sha1', text, 'base64');
}

/** Earlier reads, by absolute path. */
export type ReadFiles = Map<string, ReadFile>;

/**
 * Which files may differ from their earlier read: the absolute paths a watcher reported
 * since then. Undefined means any file may, and every file is read again.
 */
export type ChangedFiles = ReadonlySet<string> | undefined;

/** Whether the earlier read of `absolute` still holds without looking at the file. */
function stillHolds(absolute: string, reads: ReadFiles, changed: ChangedFiles): boolean {
	return changed !== undefined && reads.has(absolute) && !changed.has(absolute);
}

/** A file in a collection's folder that could not be read as a content entry. */
export interface UnreadableFile {
	/** The id its name gives it. */
	id: string;
	/** The path used in messages. */
	file: string;
}

/**
 * The markdown files of one collection, sorted by name, each read from disk.
 * `displayRoot` is the folder paths in messages are relative to.
 */
export async function readCollectionFiles(
	contentDir: string,
	collection: CollectionName,
	displayRoot = process.cwd(),
	/** Earlier reads to reuse where a file's text is unchanged; this read's are added. */
	reads: ReadFiles = new Map(),
	/** The files that may have changed since those reads; the others are not read again. */
	changed?: ChangedFiles,
): Promise<{ files: RawContentFile[]; problems: Problem[]; unreadable: UnreadableFile[]; count: number }> {
	const directory = path.join(contentDir, collection);
	const files: RawContentFile[] = [];
	const problems: Problem[] = [];
	const unreadable: UnreadableFile[] = [];
	let names: string[];
	try {
		names = (await readdir(directory)).filter((name) => !name.startsWith('.')).sort(compareText);
	} catch {
		const problem = { file: displayPath(directory, displayRoot), field: 'directory', expected: `expected a folder of ${collection}`, found: 'none' };
		return { files, problems: [problem], unreadable, count: 0 };
	}
	for (const name of names) {
		const absolute = path.resolve(directory, name);
		const file = displayPath(absolute, displayRoot);
		if (!name.endsWith('.md')) {
			problems.push({ file, field: 'file name', expected: 'expected a markdown file ending in .md', found: JSON.stringify(name) });
			continue;
		}
		// Read in one call each: for thousands of small files, much faster than
		// fs/promises, whose open, stat, read and close are four trips each.
		let read = reads.get(absolute);
		const text = stillHolds(absolute, reads, changed) && read?.text !== undefined ? read.text : readFileSync(absolute, 'utf8');
		if (read && read.text === undefined && read.digest === textDigest(text)) read.text = text;
		if (read?.text !== text) {
			read = { text, parsed: parseContentFile(file, text) };
			reads.set(absolute, read);
		}
		const result = read.parsed;
		if (result.ok) files.push(result.entry);
		else {
			problems.push(...result.problems);
			unreadable.push({ id: name.replace(/\.md$/, ''), file });
		}
	}
	return { files, problems, unreadable, count: names.length };
}

/** Validates one raw file against its collection's schema and body rule. */
export function validateContentFile(
	collection: CollectionName,
	raw: RawContentFile,
): { ok: true; entry: Entry<unknown> } | { ok: false; problems: Problem[] } {
	const definition = collectionDefinitions[collection];
	const result = validateFrontmatter(definition.schema, raw.data, raw.file);
	const problems = result.ok ? [] : result.problems;
	if (definition.bodyRequired && raw.body.trim() === '') {
		problems.push({
			file: raw.file,
			field: 'body',
			expected: `expected the ${definition.noun}'s text in markdown below the frontmatter`,
			found: 'an empty body',
		});
	}
	if (!result.ok || problems.length > 0) return { ok: false, problems };
	return { ok: true, entry: { id: raw.id, data: result.data, body: raw.body, file: raw.file } };
}

/**
 * Reads, validates and cross-checks every collection under `contentDir`. `reads`
 * holds earlier reads of the folder: a file whose text is unchanged is not parsed,
 * validated, split into paragraphs or compared with its kept source again
 * (`src/content-files/content-snapshot.ts`). Given `changed`, the files outside it are
 * not even read: the dev server passes the files its watcher saw change.
 */
export async function loadContent(contentDir: string, displayRoot = process.cwd(), reads: ReadFiles = new Map(), changed?: ChangedFiles): Promise<LoadedContent> {
	const problems: Problem[] = [];
	const input = {} as Record<CollectionName, Entry<unknown>[]>;
	const counts = {} as Record<CollectionName, number>;
	const heldBack: Partial<Record<Target, Map<string, string>>> = {};
	for (const collection of collectionNames) {
		const read = await readCollectionFiles(contentDir, collection, displayRoot, reads, changed);
		problems.push(...read.problems);
		counts[collection] = read.count;
		input[collection] = [];
		// A record whose file is unusable is held back: references to it are not
		// checked, so its own problem is the only one reported for it.
		const held = new Map(read.unreadable.map(({ id, file }) => [id, `${file} could not be read`]));
		for (const raw of read.files) {
			const earlier = reads.get(path.resolve(contentDir, collection, `${raw.id}.md`));
			const result = earlier?.validated ?? validateContentFile(collection, raw);
			if (earlier) earlier.validated = result;
			if (result.ok) input[collection].push(result.entry);
			else {
				problems.push(...result.problems);
				held.set(raw.id, `${raw.file} did not pass its schema`);
			}
		}
		if (isTarget(collection)) heldBack[collection] = held;
	}
	const modelInput = input as unknown as ModelInput;
	const paragraphsOf = (article: Entry<ArticleData>): string[] => {
		const earlier = reads.get(path.resolve(contentDir, 'articles', `${article.id}.md`));
		if (!earlier) return paragraphTexts(article.body ?? '');
		return (earlier.paragraphs ??= paragraphTexts(article.body ?? ''));
	};
	const paragraphs = new Map(modelInput.articles.map((article) => [article.id, paragraphsOf(article)] as const));
	const model = findModelProblems(modelInput, heldBack, paragraphs);
	problems.push(...model.problems);
	problems.push(...(await findSourceProblems(contentDir, modelInput.articles, reads, changed)));
	problems.push(...(await findSubscriptionProblems(contentDir, displayRoot)));
	return { input: modelInput, problems, notes: model.notes, warnings: findMissingSummaries(modelInput.articles), counts, paragraphs };
}

function isTarget(collection: CollectionName): collection is Target {
	return collection !== 'overview' && collection !== 'facts';
}

/**
 * Articles without a `summary`. The site can show them (the title stands in), so this
 * is a warning, not a failure: ingest leaves the summary for the editor to write.
 */
export function findMissingSummaries(articles: readonly Entry<ArticleData>[]): Problem[] {
	return articles
		.filter((article) => !article.data.summary)
		.map((article) => ({
			file: article.file ?? `articles/${article.id}`,
			field: 'summary',
			expected: 'expected one or two sentences of our own saying what the article reports (shown in article lists and as the page description)',
			found: 'nothing (the field is missing)',
		}));
}

/**
 * The text an article must keep, from its raw source: a plain text as it is; a saved
 * page or feed item as the text its extraction yields, one block a line.
 */
export function sourceText(seed: string, source: string): [string, 'text' | 'extracted'] {
	if (seed.endsWith('.txt')) return [source, 'text'];
	const blocks = seed.endsWith('.html') ? htmlSourceBlocks(source) : feedItemSourceBlocks(source);
	const lines = blocks.flatMap((block) => (block.type === 'list' ? block.items.map((item) => `- ${item}`) : [block.text]));
	return [lines.join('\n'), 'extracted'];
}

/**
 * For every article that names its raw source (`seed`), proves that the body keeps
 * every sentence of `content/sources/<seed>` and adds none. An article with no `seed`
 * (written by hand, with no kept source) has nothing to be compared with.
 */
async function findSourceProblems(contentDir: string, articles: readonly Entry<ArticleData>[], reads: ReadFiles, changed: ChangedFiles): Promise<Problem[]> {
	const problems: Problem[] = [];
	for (const article of articles) {
		// An article's earlier check holds while its file, its seed and the kept source are unchanged.
		const read = reads.get(path.resolve(contentDir, 'articles', `${article.id}.md`));
		const { seed, encoding } = article.data;
		const source = seed ? path.resolve(contentDir, 'sources', seed) : undefined;
		const earlier = read?.fidelity;
		if (earlier && changed && earlier.seed === (seed ?? '') && earlier.encoding === encoding && !(source && changed.has(source))) {
			problems.push(...earlier.problems);
			continue;
		}
		const found = await compareWithKeptSource(contentDir, article);
		if (read) read.fidelity = { seed: seed ?? '', encoding, problems: found };
		problems.push(...found);
	}
	return problems;
}

/**
 * The text of an article's kept source (`content/sources/<seed>`), decoded as ingest
 * decoded it: by the encoding the entry records, else as the source declares it (a BOM,
 * a `<meta charset>`), else as UTF-8. Or the problem that stops it being read.
 */
export async function readKeptSource(contentDir: string, article: Entry<ArticleData>): Promise<{ ok: true; text: string } | { ok: false; problem: Problem }> {
	const file = article.file ?? `articles/${article.id}`;
	const seed = article.data.seed ?? '';
	const bytes = await readFile(path.join(contentDir, 'sources', seed)).catch(() => undefined);
	if (bytes === undefined) {
		return { ok: false, problem: { file, field: 'seed', expected: 'expected the name of a file in content/sources/', found: `"${seed}", which does not exist` } };
	}
	const { encoding } = article.data;
	const decoded = decodeBytes(bytes, encoding ? `text/plain; charset=${encoding}` : undefined, seed.endsWith('.html') ? 'html' : 'text');
	if (!decoded.ok) {
		return { ok: false, problem: { file, field: encoding ? 'encoding' : 'seed', expected: 'expected a kept source that decodes as its encoding', found: `"${seed}", of which ${decoded.reason}` } };
	}
	return { ok: true, text: decoded.text };
}

/**
 * The fidelity check of one article, exactly as `check:content` runs it: its kept source
 * read from `content/sources/`, the text extracted from it where it is a page or a feed
 * item, and the body compared with that. No problem for an article without a `seed`.
 */
export async function compareWithKeptSource(contentDir: string, article: Entry<ArticleData>): Promise<Problem[]> {
	if (!article.data.seed) return [];
	const file = article.file ?? `articles/${article.id}`;
	const kept = await readKeptSource(contentDir, article);
	if (!kept.ok) return [kept.problem];
	const source = kept.text;
	let extracted: ReturnType<typeof sourceText>;
	try {
		extracted = sourceText(article.data.seed, source);
	} catch (error) {
		const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
		return [{ file, field: 'seed', expected: 'expected a source that ingest can read again (a feed item is kept as the JSON ingest wrote)', found: `"${article.data.seed}", which cannot be read: ${reason}` }];
	}
	return compareWithSource(file, article.data, article.body ?? '', ...extracted);
}

/**
 * The feeds the story follows (`subscriptions.yaml`) and what `npm run update` keeps of
 * them (`subscriptions.state.json`), checked like every content file. Both are optional.
 */
async function findSubscriptionProblems(contentDir: string, displayRoot: string): Promise<Problem[]> {
	const problems: Problem[] = [];
	const listFile = path.join(contentDir, SUBSCRIPTIONS_FILE);
	const list = await readFile(listFile, 'utf8').catch(() => undefined);
	if (list !== undefined) problems.push(...readSubscriptions(displayPath(listFile, displayRoot), list).problems);
	const stateFile = path.join(contentDir, STATE_FILE);
	const state = await readFile(stateFile, 'utf8').catch(() => undefined);
	if (state !== undefined) problems.push(...readState(displayPath(stateFile, displayRoot), state).problems);
	return problems;
}
