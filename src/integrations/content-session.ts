/**
 * An Astro integration that reports the content check, renders the bodies, and keeps
 * the dev server's content live.
 *
 * - When Astro starts (build, dev, sync), it reports the check of the snapshot that
 *   `astro.config.mjs` took: `astro build` stops there with the checker's one-line
 *   messages, before it renders or writes a single page. It is the build's only
 *   content check: `npm run build` is `astro build`.
 * - Before a build bundles the pages, it renders every body the last build did not
 *   (`src/content-files/rendered-bodies.ts`), and says how many; it loads the mentions
 *   the last build found in each article, and saves this build's when it is done
 *   (`src/content-files/mention-memo.ts`).
 * - In the dev server, every change under the content folder (a file saved, added or
 *   deleted) takes a new snapshot, which reads again only the files the watcher saw change, prints
 *   its check in the terminal, and has the pages' data (`src/data.ts`) evaluated again
 *   with it, then the browser reload. The next page shows the change, or, if the change
 *   broke the content, the error overlay shows the same lines as `npm run check:content`.
 */
import type { AstroConfig, AstroIntegration, AstroIntegrationLogger } from 'astro';
import { isRunnableDevEnvironment, type HotPayload, type ViteDevServer } from 'vite';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { currentSnapshot, keepReads, takeSnapshot, unchangedSinceLastRead, type ContentSnapshot } from '../content-files/content-snapshot.ts';
import { configureBodies, renderAll } from '../content-files/rendered-bodies.ts';
import { loadMentionMemo, saveMentionMemo } from '../content-files/mention-memo.ts';
import { contentErrorPayload, type ContentErrorPayload } from '../content-files/overlay-error.ts';
import { locateField } from '../content-files/problem-location.ts';

const HINT = 'Fix each line above in the file it names, then build again. `npm run check:content` checks without building.';

/** How long the dev server waits after a change for more (an editor saving several files). */
const SETTLE_MS = 25;

/** `first`: the snapshot `astro.config.mjs` took. */
export function contentSession(first: ContentSnapshot): AstroIntegration {
	let config: AstroConfig;
	return {
		name: 'story-content-session',
		hooks: {
			'astro:config:setup': ({ logger, command }) => {
				report(first, logger, 'Read and checked');
				if (!first.report.ok && command !== 'dev') {
					// A build stops here with the lines alone: a stack trace would only bury them.
					logger.error(HINT);
					process.exit(1);
				}
			},
			'astro:config:done': ({ config: done }) => {
				config = done;
				configureBodies({
					base: done.base,
					shared: { image: done.image, syntaxHighlight: done.markdown.syntaxHighlight, shikiConfig: done.markdown.shikiConfig, gfm: done.markdown.gfm, smartypants: done.markdown.smartypants },
					cacheDir: fileURLToPath(done.cacheDir),
				});
			},
			'astro:build:start': async ({ logger }) => {
				await loadMentionMemo(fileURLToPath(config.cacheDir));
				for (const { collection, rendered, total, seconds } of await renderAll()) {
					if (total > 0) logger.info(`${collection}: rendered ${rendered} of ${total} bodies in ${seconds.toFixed(2)} s; ${total - rendered} unchanged since the last build.`);
				}
			},
			// The mentions found in each article, and the reads of the content files, for the next
			// build (src/content-files/mention-memo.ts, content-snapshot.ts).
			'astro:build:done': async () => {
				await saveMentionMemo(fileURLToPath(config.cacheDir));
				await keepReads(fileURLToPath(config.cacheDir));
			},
			'astro:server:setup': ({ server, logger }) => {
				const contentDir = first.contentDir;
				const dataModule = fileURLToPath(new URL('data.ts', config.srcDir));
				// Vite watches the project; a content folder elsewhere (CONTENT_DIR) is added.
				server.watcher.add(contentDir);
				let timer: NodeJS.Timeout | undefined;
				let running: Promise<void> | undefined;
				let again = false;
				// The files seen to change since the last read; undefined once a folder was
				// added or removed, when every file is read again.
				let changedFiles: Set<string> | undefined = new Set();
				const reload = async () => {
					const changed = changedFiles;
					changedFiles = new Set();
					const snapshot = await takeSnapshot(contentDir, undefined, changed);
					report(snapshot, logger, 'Read again and checked');
					evaluateAgain(server, dataModule);
				};
				// One reload at a time; changes made during one are picked up by the next.
				const schedule = () => {
					if (running) {
						again = true;
						return;
					}
					running = reload()
						.catch((error: unknown) => logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error)))
						.finally(() => {
							running = undefined;
							if (again) {
								again = false;
								schedule();
							}
							release();
						});
				};
				// Waiters for the moment no change is waiting or being read.
				let settled: Array<() => void> = [];
				const onChange = (changed: string, folder: boolean) => {
					if (!isInside(changed, contentDir) || unchangedSinceLastRead(changed)) return;
					if (folder) changedFiles = undefined;
					else changedFiles?.add(path.resolve(changed));
					logger.info(`${path.relative(process.cwd(), changed)} changed; reading the content again.`);
					clearTimeout(timer);
					timer = setTimeout(() => {
						timer = undefined;
						schedule();
					}, SETTLE_MS);
				};
				for (const event of ['add', 'change', 'unlink'] as const) server.watcher.on(event, (file) => onChange(file, false));
				for (const event of ['addDir', 'unlinkDir'] as const) server.watcher.on(event, (folder) => onChange(folder, true));
				// A page asked for while a change is being read waits for it, so that the
				// first request after a save never gets the content from before it.
				const busy = () => timer !== undefined || running !== undefined;
				const release = () => {
					if (busy()) return;
					for (const resolve of settled) resolve();
					settled = [];
				};
				server.middlewares.use((_request, _response, next) => {
					if (!busy()) return next();
					settled.push(() => next());
				});
				// While the content fails its check, every page answers 500 and the overlay shows
				// the checker's lines, with the first problem's file at its line: Astro never
				// renders the page, so neither the old content, nor a stack trace, nor a second
				// report of the same lines in the terminal (the reload above printed them once).
				const publicDir = fileURLToPath(config.publicDir);
				server.middlewares.use((request, response, next) => {
					const snapshot = currentSnapshot();
					const url = new URL(request.url ?? '/', 'http://localhost');
					if (!snapshot || snapshot.report.ok || request.method !== 'GET' || !readsContent(url.pathname, config.base, publicDir)) return next();
					const payload = overlayFor(snapshot);
					// Astro's own wrapper of the channel passes a payload marked as ready straight through.
					response.on('close', () => setTimeout(() => server.environments.client.hot.send(payload as unknown as HotPayload), 200));
					response.writeHead(500, { 'Content-Type': 'text/html; charset=utf-8' });
					response.end(`<!doctype html><title>The content has problems</title><script type="module" src="${config.base.replace(/\/?$/, '/')}@vite/client"></script>`);
				});
			},
		},
	};
}

/**
 * Has every server environment evaluate `file` again, and every module that imports
 * it, on the next request, with Astro's route cache cleared (as Astro does when its own
 * content changes); then reloads the browser.
 */
function evaluateAgain(server: ViteDevServer, file: string): void {
	for (const environment of Object.values(server.environments)) {
		if (!isRunnableDevEnvironment(environment)) continue;
		const evaluated = environment.runner.evaluatedModules;
		const pending = [...(evaluated.getModulesByFile(file) ?? [])];
		const seen = new Set<(typeof pending)[number]>();
		for (let node = pending.pop(); node; node = pending.pop()) {
			if (seen.has(node)) continue;
			seen.add(node);
			evaluated.invalidateModule(node);
			for (const importer of node.importers) {
				const module = evaluated.getModuleById(importer);
				if (module) pending.push(module);
			}
		}
		environment.hot.send('astro:content-changed', {});
	}
	server.environments.client.hot.send({ type: 'full-reload', path: '*' });
}

/** Prints a snapshot's check: its warnings, then its summary, or its problem lines. */
function report(snapshot: ContentSnapshot, logger: AstroIntegrationLogger, verb: string): void {
	for (const line of snapshot.report.warningLines) logger.warn(line);
	if (snapshot.report.ok) logger.info(`${snapshot.report.summary} ${verb} in ${snapshot.seconds.toFixed(2)} s.`);
	else logger.error([snapshot.report.summary, ...snapshot.report.problemLines].join('\n'));
}

function isInside(file: string, folder: string): boolean {
	const relative = path.relative(folder, path.resolve(file));
	return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/**
 * Whether a request is for something built from the content (a page, the feed, the open
 * data, a preview image), as against Vite's own modules and the files of `public/`.
 */
function readsContent(pathname: string, base: string, publicDir: string): boolean {
	const prefix = base.replace(/\/?$/, '/');
	const local = pathname.startsWith(prefix) ? pathname.slice(prefix.length - 1) : pathname;
	if (/^\/(?:@|__|node_modules\/|src\/|_astro\/|\.astro\/)/.test(local)) return false;
	const file = path.join(publicDir, decodeURIComponent(local));
	return !(file.startsWith(publicDir) && existsSync(file) && !local.endsWith('/'));
}

/** The overlay for a snapshot whose check failed: its lines, and the first problem's file at its field. */
function overlayFor(snapshot: ContentSnapshot): ContentErrorPayload {
	const first = snapshot.content.problems[0];
	if (!first) return contentErrorPayload(snapshot.report);
	const file = path.resolve(first.file);
	try {
		const text = readFileSync(file, 'utf8');
		return contentErrorPayload(snapshot.report, { file, text, at: locateField(text, first.field) });
	} catch {
		return contentErrorPayload(snapshot.report);
	}
}
