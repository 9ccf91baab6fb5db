/**
 * What a rendered body depends on besides its own text: the names the entity links
 * resolve, the base path of their URLs, the passages the fact ledger cites in it, and
 * the code of the markdown pipeline itself. `astro.config.mjs` publishes it once per
 * run, before any body is rendered; the loader folds it into each entry's digest, so
 * that Astro's content layer keeps the rendered HTML of an unchanged body from one
 * build to the next, and renders again exactly the bodies whose inputs changed.
 *
 * The config and the loader are loaded as separate modules, so the context passes
 * through one well-known global slot of the process.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export interface RenderContext {
	/** The base path the entity links are built for: `/` or `/tour/`. */
	base: string;
	/** Every name and alias, with what it links to. */
	names: ReadonlyMap<string, { kind: string; id: string }>;
	/** The cited passages of each article, by id. */
	passages: ReadonlyMap<string, readonly string[]>;
	/** A digest of the markdown pipeline's source (`src/markdown/`, `src/lib/`) and of the versions that render it. */
	code: string;
}

interface PublishedContext {
	shared: string;
	passages: ReadonlyMap<string, readonly string[]>;
}

const SLOT = Symbol.for('zuckerberg-asia-tour.render-context');

function slot(): { [SLOT]?: PublishedContext } {
	return globalThis as { [SLOT]?: PublishedContext };
}

function digest(value: unknown): string {
	return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

/** Publishes the context of this run, for the loader. */
export function publishRenderContext(context: RenderContext): void {
	const names = [...context.names].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	slot()[SLOT] = { shared: digest([context.base, names, context.code]), passages: context.passages };
}

/**
 * The part of a body's digest that comes from outside the body, for the entry `id` of
 * `collection`; undefined where no context was published (then nothing may be reused).
 */
export function renderContextDigest(collection: string, id: string): string | undefined {
	const published = slot()[SLOT];
	if (!published) return undefined;
	return digest([published.shared, collection === 'articles' ? (published.passages.get(id) ?? []) : []]);
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
