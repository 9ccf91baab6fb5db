/**
 * The browser suite's global setup: the site built under `/tour/` and served there, so
 * the checks can prove the sub-path deploy in a real browser, not only the root one.
 *
 * It builds with `BASE_PATH=/tour/` into a temporary folder through the same helper as
 * `npm run check:site` (scripts/lib/astro-build.ts: a fresh cache folder of its own, and
 * no second build running at once in the project folder, since `npm run build` has
 * finished before Playwright starts). A real nginx (scripts/lib/nginx.ts) then serves it
 * under `/tour/` on a free port of 127.0.0.1, built for that very origin. The folder and
 * the origin reach the tests through the environment (TOUR_ENV in site-urls.ts); the
 * teardown it returns stops nginx and removes the folder.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { astroBuild } from '../../scripts/lib/astro-build.ts';
import { freePort } from '../../scripts/lib/free-port.ts';
import { startNginx } from '../../scripts/lib/nginx.ts';
import { TOUR_BASE, TOUR_ENV } from './site-urls.ts';

/** Builds and serves the /tour/ site; resolves to the teardown that undoes both. */
export default async function serveTourBuild(): Promise<() => Promise<void>> {
	const started = Date.now();
	const work = await mkdtemp(path.join(tmpdir(), 'story-browser-tour-'));
	try {
		const dir = path.join(work, 'dist');
		const port = await freePort();
		const origin = `http://127.0.0.1:${port}`;
		const build = await astroBuild(dir, { SITE: origin, BASE_PATH: TOUR_BASE });
		if (!build.ok) throw new Error(`The ${TOUR_BASE} build for the browser checks failed:\n${build.output}`);
		const nginx = await startNginx([{ dir, base: TOUR_BASE, port }]);
		process.env[TOUR_ENV.dir] = dir;
		process.env[TOUR_ENV.origin] = origin;
		console.log(`Built the site under ${TOUR_BASE} and served it at ${origin}${TOUR_BASE} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
		return async () => {
			try {
				await nginx.stop();
			} finally {
				await rm(work, { recursive: true, force: true });
			}
		};
	} catch (error) {
		await rm(work, { recursive: true, force: true });
		throw error;
	}
}
