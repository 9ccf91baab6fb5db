/**
 * Runs `astro dev` on a temporary copy of this project, on 127.0.0.1, for the
 * dev-server test (`tests/editor/live-content.test.ts`) and the bench's dev reload.
 *
 * The copy has the project's source, config and content, and a link to its
 * `node_modules`; Astro's and Vite's caches go to a folder of the copy's own
 * (`ASTRO_CACHE_DIR`). So a dev server started here never shares `.astro/` with a
 * build of the project, and never writes into the project at all.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { childEnvironment } from './astro-build.ts';
import { freePort } from './free-port.ts';

const projectRoot = path.resolve(import.meta.dirname, '../..');
/** What a copy of the project needs to run: source, static files, config, manifest. */
const PROJECT_FILES = ['src', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json'];

/** Copies the project (content from `contentDir`, by default its own) into a new temporary folder. */
export async function copyProject(contentDir = path.join(projectRoot, 'content')): Promise<string> {
	const dir = await mkdtemp(path.join(tmpdir(), 'story-project-'));
	for (const name of PROJECT_FILES) await cp(path.join(projectRoot, name), path.join(dir, name), { recursive: true });
	await cp(contentDir, path.join(dir, 'content'), { recursive: true });
	await symlink(path.join(projectRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
	return dir;
}

export interface DevServer {
	/** The server's address, ending in `/`. */
	url: string;
	/** Everything the server printed so far, stdout and stderr together. */
	output(): string;
	/** Waits until the output, from `from` (a length of `output()`) on, matches `pattern`. */
	waitFor(pattern: RegExp, options?: { from?: number; timeoutMs?: number }): Promise<string>;
	/** Stops the server and waits for it to exit. */
	stop(): Promise<void>;
}


/** Starts `astro dev` in `projectDir` (a copy from `copyProject`) and waits until it serves. */
export async function startDevServer(projectDir: string, env: Record<string, string> = {}): Promise<DevServer> {
	const port = await freePort();
	const child: ChildProcess = spawn(
		process.execPath,
		[path.join(projectDir, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
		{ cwd: projectDir, env: childEnvironment({ ...env, ASTRO_CACHE_DIR: path.join(projectDir, '.cache') }), stdio: ['ignore', 'pipe', 'pipe'] },
	);
	let text = '';
	const listeners = new Set<() => void>();
	const append = (chunk: Buffer) => {
		// Astro colours its log; the tests read the words.
		text += chunk.toString('utf8').replace(/\u001b\[[0-9;]*m/g, '');
		for (const listener of listeners) listener();
	};
	child.stdout?.on('data', append);
	child.stderr?.on('data', append);
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

	const waitFor: DevServer['waitFor'] = (pattern, { from = 0, timeoutMs = 60_000 } = {}) =>
		new Promise((resolve, reject) => {
			const check = () => {
				const match = pattern.exec(text.slice(from));
				if (match) {
					done();
					resolve(match[0]);
				}
			};
			const timer = setTimeout(() => {
				done();
				reject(new Error(`The dev server did not print ${pattern} within ${timeoutMs} ms. It printed:\n${text.slice(from)}`));
			}, timeoutMs);
			const gone = () => {
				done();
				reject(new Error(`The dev server exited before printing ${pattern}. It printed:\n${text}`));
			};
			const done = () => {
				clearTimeout(timer);
				listeners.delete(check);
				child.off('exit', gone);
			};
			listeners.add(check);
			child.once('exit', gone);
			check();
		});

	const stop = async () => {
		if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
		await exited;
	};
	try {
		await waitFor(/watching for file changes/, { timeoutMs: 120_000 });
	} catch (error) {
		await stop();
		throw error;
	}
	return { url: `http://127.0.0.1:${port}/`, output: () => text, waitFor, stop };
}

/** Stops the server, then removes the project copy. */
export async function removeProject(projectDir: string, server?: DevServer): Promise<void> {
	await server?.stop();
	await rm(projectDir, { recursive: true, force: true });
}
