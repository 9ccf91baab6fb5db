/**
 * The browser suite's global setup: every site the tests read, built and served the way
 * a host serves it. Each is served by a real nginx on 127.0.0.1 (scripts/lib/nginx.ts)
 * with the README's own nginx example for its path, so the pages come with the headers
 * the README tells deployers to send, and both policies, the page's and the host's,
 * are enforced by the browser, as they would be in production.
 *
 * - `root`: `dist/`, which `npm run build` wrote before Playwright started;
 * - `tour`: a copy of the content with the Korean and Japanese fixture articles added
 *   (tests/support/language-fixtures.ts), built under `/tour/` into a temporary folder, so
 *   that the checks of Korean and Japanese pages always have such pages to check;
 * - `editor`: a copy of the content with news added by the README's steps
 *   (tests/support/editor-path.ts), built at `/` into a temporary folder.
 *
 * Builds go through scripts/lib/astro-build.ts (a fresh cache folder each), one at a time.
 * The sites reach the tests through the environment (SITES_ENV); the teardown this
 * returns stops nginx and removes every temporary folder.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { astroBuild } from '../../scripts/lib/astro-build.ts';
import { freePort } from '../../scripts/lib/free-port.ts';
import { startReadmeNginx } from '../../scripts/lib/nginx.ts';
import { copyContent, realContentDir } from '../support/content-fixtures.ts';
import { addNewsByTheReadmeSteps } from '../support/editor-path.ts';
import { addLanguageFixtures } from '../support/language-fixtures.ts';
import { projectRoot, ROOT_DIST, SITES_ENV, type ServedSite, type SiteName } from './sites.ts';

/** Builds and serves every site; resolves to the teardown that undoes it all. */
export default async function serveSites(): Promise<() => Promise<void>> {
	const started = Date.now();
	const work = await mkdtemp(path.join(tmpdir(), 'story-browser-sites-'));
	const cleanUp: Array<() => Promise<void>> = [() => rm(work, { recursive: true, force: true })];
	const teardown = async () => {
		for (const step of cleanUp.reverse()) await step().catch((error: unknown) => console.error(error));
	};
	try {
		const ports: Record<SiteName, number> = { root: await freePort(), tour: await freePort(), editor: await freePort() };
		const origin = (name: SiteName) => `http://127.0.0.1:${ports[name]}`;

		const tourContent = await copyContent();
		cleanUp.push(() => rm(tourContent, { recursive: true, force: true }));
		await addLanguageFixtures(tourContent);
		const tourDir = path.join(work, 'tour');
		await build(tourDir, { SITE: origin('tour'), BASE_PATH: '/tour/', CONTENT_DIR: tourContent }, 'the /tour/ build with the Korean and Japanese articles');

		const editorContent = await copyContent();
		cleanUp.push(() => rm(editorContent, { recursive: true, force: true }));
		const added = await addNewsByTheReadmeSteps(editorContent);
		const editorDir = path.join(work, 'editor');
		await build(editorDir, { SITE: origin('editor'), CONTENT_DIR: editorContent }, 'the build with news added by the README steps');

		const sites: Record<SiteName, ServedSite> = {
			root: { name: 'root', dir: ROOT_DIST, contentDir: realContentDir, origin: origin('root'), base: '/' },
			tour: { name: 'tour', dir: tourDir, contentDir: tourContent, origin: origin('tour'), base: '/tour/' },
			editor: { name: 'editor', dir: editorDir, contentDir: editorContent, origin: origin('editor'), base: '/' },
		};
		const nginx = await startReadmeNginx(
			Object.values(sites).map((site) => ({ dir: site.dir, base: site.base, port: ports[site.name] })),
			projectRoot,
		);
		cleanUp.push(() => nginx.stop());
		process.env[SITES_ENV] = JSON.stringify(sites);
		console.log(
			`Served ${Object.values(sites).map((site) => `${site.name} at ${site.origin}${site.base}`).join(', ')} with the README's nginx examples ` +
				`(the /tour/ site has the Korean and Japanese fixture articles added, the editor's site ${added.map((each) => `a ${each.kind}`).join(', ')}), in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
		);
		return teardown;
	} catch (error) {
		await teardown();
		throw error;
	}
}

async function build(dir: string, env: Record<string, string>, what: string): Promise<void> {
	const result = await astroBuild(dir, env);
	if (!result.ok) throw new Error(`${what} for the browser checks failed:\n${result.output}`);
}
