/**
 * Renders many markdown bodies at once on worker threads, one per core: the markdown
 * step of a cold build is the largest part of the content layer's work, and Astro's
 * `renderMarkdown` runs on the main thread only. Each worker builds the same processor
 * as `astro.config.mjs` (`storyMarkdownProcessor`) with the same Astro settings, so a
 * body renders to the same HTML on any thread. A few bodies (a warm rebuild, an edit in
 * the dev server) are not worth starting workers for: the caller renders them itself.
 */
import type { MarkdownHeading } from '@astrojs/markdown-remark';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { NameTarget } from '../lib/name-matcher.ts';
import type { EntityKind } from '../model/types.ts';

/** Below this many bodies, rendering on the main thread is faster than starting workers. */
export const PARALLEL_MIN_BODIES = 200;

export interface RenderJob {
	id: string;
	body: string;
	/** The file's URL, as text: it tells the passage marker which article it renders. */
	fileURL: string;
}

/** What Astro's content layer stores as an entry's `rendered`. */
export interface RenderedBody {
	html: string;
	metadata: { headings?: MarkdownHeading[]; imagePaths: string[]; [key: string]: unknown };
}

export interface WorkerSetup {
	base: string;
	names: ReadonlyMap<string, NameTarget<EntityKind>>;
	passages: ReadonlyMap<string, readonly string[]>;
	/** Astro's markdown settings, as the content layer passes them to `createRenderer`. */
	shared: Record<string, unknown>;
}

export interface RenderReply {
	rendered: Array<{ id: string } & RenderedBody>;
	error?: string;
}

const WORKER = new URL('./render-worker.ts', import.meta.url);

/**
 * Whether bodies can be rendered on workers here: the worker's source must be on disk
 * (it is, unless this module was bundled elsewhere), and the settings must cross
 * threads (a Shiki transformer, say, is a function and cannot).
 */
export function canRenderInParallel(setup: WorkerSetup): boolean {
	if (WORKER.protocol !== 'file:' || !existsSync(fileURLToPath(WORKER))) return false;
	try {
		structuredClone(setup.shared);
		return true;
	} catch {
		return false;
	}
}

/** Renders `jobs` on worker threads and returns each body's HTML, by id. Throws a body's render error, naming nothing else. */
export async function renderBodies(jobs: readonly RenderJob[], setup: WorkerSetup): Promise<Map<string, RenderedBody>> {
	const count = Math.max(1, Math.min(availableParallelism(), Math.ceil(jobs.length / PARALLEL_MIN_BODIES)));
	const workers = Array.from({ length: count }, () => new Worker(WORKER, { workerData: setup }));
	try {
		// Contiguous shares of similar size; the workers run them side by side.
		const share = Math.ceil(jobs.length / count);
		const replies = await Promise.all(
			workers.map(
				(worker, index) =>
					new Promise<RenderReply>((resolve, reject) => {
						worker.once('message', resolve);
						worker.once('error', reject);
						worker.once('exit', (code) => reject(new Error(`A markdown render worker stopped (exit code ${code}) before it answered.`)));
						worker.postMessage(jobs.slice(index * share, (index + 1) * share));
					}),
			),
		);
		const rendered = new Map<string, RenderedBody>();
		for (const reply of replies) {
			if (reply.error) throw new Error(reply.error);
			for (const { id, html, metadata } of reply.rendered) rendered.set(id, { html, metadata });
		}
		return rendered;
	} finally {
		await Promise.all(workers.map((worker) => worker.terminate()));
	}
}
