/**
 * The content as this process last read it: every file read, parsed and checked once
 * (`loadContent`), with what the markdown pipeline needs from the whole story (every
 * name, every cited passage) and what a rendered body depends on besides its text.
 *
 * `astro.config.mjs` takes the first snapshot before Astro starts. `src/data.ts` builds
 * the model from it (its entries, paragraphs and check), the markdown plugins read its
 * names and passages, and `rendered-bodies.ts` renders its bodies. In the dev server,
 * `src/integrations/content-session.ts` takes a new snapshot after every change under
 * `content/` (reading again only the files whose text changed), then has the pages'
 * data evaluated again, so the next page shows the change, or the problem it made.
 *
 * The config, the integration and the pages are loaded as separate module instances,
 * so the snapshot passes through one well-known global slot of the process.
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { deserialize, serialize } from 'node:v8';
import path from 'node:path';
import type { NameTarget } from '../lib/name-matcher.ts';
import { collectPassages } from '../model/facts.ts';
import { indexNames } from '../model/references.ts';
import type { EntityKind } from '../model/types.ts';
import { reportOn, type ContentReport } from './check-content.ts';
import { loadContent, textDigest, type ChangedFiles, type LoadedContent, type ReadFiles } from './load-content.ts';

export interface ContentSnapshot {
	/** Names this read, unique across processes: the pages know by it that the data store holds this snapshot's entries. */
	id: string;
	/** The folder read. */
	contentDir: string;
	/** What was read: the entries that passed their schemas, their paragraphs, every problem. */
	content: LoadedContent;
	/** The check's lines and summary, as `npm run check:content` prints them. */
	report: ContentReport;
	/** Every name and alias, with the entity it links to. */
	names: ReadonlyMap<string, NameTarget<EntityKind>>;
	/** The cited passages of each article, by id. */
	passages: ReadonlyMap<string, readonly string[]>;
	/** How long reading and checking took, in seconds. */
	seconds: number;
	/** 1 for the first read in this process, then one more for each read after a change. */
	generation: number;
}

interface Slot {
	snapshot?: ContentSnapshot;
	/** The digest of what every body depends on: base path, names, the pipeline's code. */
	shared?: string | undefined;
	/** The base path and the pipeline's code digest, fixed for the life of the process. */
	fixed?: { base: string; code: string };
	/** Every file read so far, with what it gave: the next read parses only the files that changed. */
	reads?: ReadFiles;
	/** The digest of the code the reads were made by, where they are kept between builds (`readsKeptIn`). */
	readsCode?: string | undefined;
}

const SLOT = Symbol.for('zuckerberg-asia-tour.content-snapshot');

function slot(): Slot {
	const holder = globalThis as { [SLOT]?: Slot };
	holder[SLOT] ??= {};
	return holder[SLOT];
}

function digest(value: unknown): string {
	return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

/**
 * Reads and checks `contentDir`, and makes the result the current snapshot.
 * `base` (the site's base path) and `code` (`markdownCodeDigest`) are what else the
 * rendered bodies depend on; they are given once, by the first read. `changed` (absolute
 * paths) names the only files that may differ from the last read, as a watcher saw
 * them; without it, every file is read again.
 */
export async function takeSnapshot(contentDir: string, fixed?: { base: string; code: string }, changed?: ChangedFiles): Promise<ContentSnapshot> {
	const state = slot();
	if (fixed) state.fixed = fixed;
	const started = performance.now();
	state.reads ??= new Map();
	const content = await loadContent(contentDir, process.cwd(), state.reads, changed);
	const { names } = indexNames(content.input);
	const snapshot: ContentSnapshot = {
		id: randomUUID(),
		contentDir,
		content,
		report: reportOn(content),
		names,
		passages: collectPassages(content.input),
		seconds: (performance.now() - started) / 1000,
		generation: (state.snapshot?.generation ?? 0) + 1,
	};
	const sortedNames = [...names].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	state.shared = state.fixed ? digest([state.fixed.base, sortedNames, state.fixed.code]) : undefined;
	state.snapshot = snapshot;
	return snapshot;
}

/**
 * Whether `file` (an absolute path) holds what the last snapshot read from it: a watcher
 * reports one save more than once, and an unchanged file needs no new snapshot.
 */
export function unchangedSinceLastRead(file: string): boolean {
	const read = slot().reads?.get(path.resolve(file));
	if (!read) return false;
	try {
		return read.text !== undefined && readFileSync(file, 'utf8') === read.text;
	} catch {
		return false;
	}
}

/** The file in the cache folder that keeps a build's reads of the content for the next. */
export const KEPT_READS_FILE = 'story-content-reads.bin';

/**
 * Takes the reads a build kept in `cacheDir` (`keepReads`) as this process's earlier
 * reads, where they were made by the same code (`code`, `contentCodeDigest`): a file
 * whose text has the digest it had then is not parsed or validated again. Before the
 * first snapshot; nothing where there is no file, or one of other code.
 */
export async function readsKeptIn(cacheDir: string, code: string): Promise<void> {
	const state = slot();
	state.readsCode = code;
	try {
		const kept = deserialize(await readFile(path.join(cacheDir, KEPT_READS_FILE))) as { code?: string; reads?: ReadFiles };
		if (kept.code === code && kept.reads instanceof Map) state.reads = kept.reads;
	} catch {
		// Nothing kept: every file is read.
	}
}

/**
 * Keeps this process's reads of the content in `cacheDir` for the next build, with their
 * texts as digests, those of files still there; where `readsKeptIn` was called.
 */
export async function keepReads(cacheDir: string): Promise<void> {
	const { reads, readsCode: code } = slot();
	if (!reads || code === undefined) return;
	const digested: ReadFiles = new Map(
		[...reads]
			.filter(([file]) => existsSync(file))
			.map(([file, read]) => [file, { ...read, text: undefined, digest: read.digest ?? (read.text === undefined ? undefined : textDigest(read.text)) }]),
	);
	await mkdir(cacheDir, { recursive: true });
	const target = path.join(cacheDir, KEPT_READS_FILE);
	await writeFile(`${target}.tmp`, serialize({ code, reads: digested }));
	await rename(`${target}.tmp`, target);
}

/**
 * A digest of the code that reads and checks the content (the schemas, the readers, the
 * helpers they use) and of the packages installed: reads kept by other code are not used.
 */
export async function contentCodeDigest(projectRoot: string): Promise<string> {
	const hasher = createHash('sha256');
	for (const folder of ['src/schema', 'src/content-files', 'src/lib', 'src/model']) {
		for (const name of (await readdir(path.join(projectRoot, folder))).sort()) {
			if (name.endsWith('.ts')) hasher.update(name).update(await readFile(path.join(projectRoot, folder, name)));
		}
	}
	hasher.update(await readFile(path.join(projectRoot, 'package-lock.json')).catch(() => Buffer.from('no lockfile')));
	return hasher.digest('hex');
}

/** The snapshot taken last in this process, if any. */
export function currentSnapshot(): ContentSnapshot | undefined {
	return slot().snapshot;
}

/**
 * The part of a body's digest that comes from outside the body, for the entry `id` of
 * `collection`: the shared context and, for an article, the passages cited in it.
 * Undefined where no base path and code were given (then nothing may be reused).
 */
export function renderContextDigest(collection: string, id: string): string | undefined {
	const { snapshot, shared } = slot();
	if (!snapshot || !shared) return undefined;
	return digest([shared, collection === 'articles' ? (snapshot.passages.get(id) ?? []) : []]);
}

/** A digest of the files the markdown pipeline is made of, and of the packages that run it. */
export async function markdownCodeDigest(projectRoot: string): Promise<string> {
	const hash = createHash('sha256');
	for (const folder of ['src/markdown', 'src/lib']) {
		for (const name of (await readdir(path.join(projectRoot, folder))).sort()) {
			if (name.endsWith('.ts')) hash.update(name).update(await readFile(path.join(projectRoot, folder, name)));
		}
	}
	for (const pkg of ['astro', '@astrojs/markdown-remark', 'rehype-sanitize', 'remark']) {
		const manifest = await readFile(path.join(projectRoot, 'node_modules', pkg, 'package.json'), 'utf8').catch(() => '{}');
		hash.update(`${pkg}@${(JSON.parse(manifest) as { version?: string }).version ?? '?'}`);
	}
	return hash.digest('hex');
}
