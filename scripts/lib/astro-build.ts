/**
 * Runs a real `astro build` of this project into a folder of the caller's choosing,
 * with the Node that runs the caller (Node 22, from the `node` devDependency). Used by
 * the build-output tests and by `npm run check:site`.
 *
 * Every build gets a fresh cache folder of its own, removed when it ends: Astro's
 * `cacheDir` (where a build keeps the content layer's data store) and Vite's, through
 * `ASTRO_CACHE_DIR`, which `astro.config.mjs` reads. So no build reuses content from an
 * earlier one, and none touches the project's `node_modules/.astro` or `node_modules/.vite`.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const projectRoot = path.resolve(import.meta.dirname, '../..');

export interface BuildResult {
	ok: boolean;
	/** Everything Astro printed, stdout and stderr together. */
	output: string;
}

/**
 * The environment for a child process (a build, or a child Vitest): ours, less what
 * Vitest sets in its workers. Vitest puts `BASE_URL=/`, `MODE`, `NODE_ENV=test` and
 * friends into `process.env`, and a child Astro would take them for its own (a
 * `BASE_URL` of `/` overrides `BASE_PATH`).
 */
export function childEnvironment(extra: Record<string, string>): NodeJS.ProcessEnv {
	const inherited = Object.entries(process.env).filter(
		([name]) => !['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST'].includes(name) && !name.startsWith('VITEST'),
	);
	return { ...Object.fromEntries(inherited), ASTRO_TELEMETRY_DISABLED: '1', ...extra };
}

/**
 * Builds the site into `outDir`, with caches in a new temporary folder that is removed
 * afterwards; `env` sets SITE, BASE_PATH, CONTENT_DIR and the like.
 */
export async function astroBuild(
	outDir: string,
	env: Record<string, string> = {},
	options: {
		/** A cache folder to build with and keep, for a warm rebuild; by default a fresh one, removed after. */
		cacheDir?: string;
		/** The project to build: by default this one; else a copy of it (scripts/lib/dev-server.ts's copyProject). */
		root?: string;
	} = {},
): Promise<BuildResult> {
	const cacheDir = options.cacheDir ?? (await mkdtemp(path.join(tmpdir(), 'story-astro-cache-')));
	const root = options.root ?? projectRoot;
	try {
		const { stdout, stderr } = await run(process.execPath, [path.join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--outDir', outDir], {
			cwd: root,
			env: childEnvironment({ ...env, ASTRO_CACHE_DIR: cacheDir }),
			maxBuffer: 64 * 1024 * 1024,
		});
		return { ok: true, output: stdout + stderr };
	} catch (error) {
		const failure = error as { stdout?: string; stderr?: string };
		return { ok: false, output: (failure.stdout ?? '') + (failure.stderr ?? '') };
	} finally {
		if (!options.cacheDir) await rm(cacheDir, { recursive: true, force: true });
	}
}
