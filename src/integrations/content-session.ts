/**
 * An Astro integration that reports the content check, and keeps the dev server's
 * content live.
 *
 * - When Astro starts (build, dev, sync), it reports the check of the snapshot that
 *   `astro.config.mjs` took: `astro build` stops there with the checker's one-line
 *   messages, before it renders or writes a single page. It is the build's only
 *   content check: `npm run build` is `astro build`.
 * - In the dev server, every change under the content folder (a file saved, added or
 *   deleted) takes a new snapshot, prints its check in the terminal, and has Astro run
 *   the loaders again. The next page shows the change; or, if the change broke the
 *   content, the error overlay shows the same lines as `npm run check:content`.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import path from 'node:path';
import { CHECK_LOADER, CONTENT_LOADER } from '../content-files/astro-loader.ts';
import { takeSnapshot, type ContentSnapshot } from '../content-files/content-snapshot.ts';

const HINT = 'Fix each line above in the file it names, then build again. `npm run check:content` checks without building.';

/** How long the dev server waits after a change for more (an editor saving several files). */
const SETTLE_MS = 25;

/** `first`: the snapshot `astro.config.mjs` took. */
export function contentSession(first: ContentSnapshot): AstroIntegration {
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
			'astro:server:setup': ({ server, refreshContent, logger }) => {
				if (!refreshContent) return;
				const contentDir = first.contentDir;
				// Vite watches the project; a content folder elsewhere (CONTENT_DIR) is added.
				server.watcher.add(contentDir);
				let timer: NodeJS.Timeout | undefined;
				let running: Promise<void> | undefined;
				let again = false;
				const reload = async () => {
					const snapshot = await takeSnapshot(contentDir);
					report(snapshot, logger, 'Read again and checked');
					await refreshContent({ loaders: [CONTENT_LOADER, CHECK_LOADER] });
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
				const onChange = (changed: string) => {
					if (!isInside(changed, contentDir)) return;
					logger.info(`${path.relative(process.cwd(), changed)} changed; reading the content again.`);
					clearTimeout(timer);
					timer = setTimeout(() => {
						timer = undefined;
						schedule();
					}, SETTLE_MS);
				};
				for (const event of ['add', 'change', 'unlink', 'addDir', 'unlinkDir'] as const) server.watcher.on(event, onChange);
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
			},
		},
	};
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
