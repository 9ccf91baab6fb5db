/**
 * Runs a real `astro build` of this project into a folder of the caller's choosing,
 * with the Node that runs the tests (Node 22, from the `node` devDependency).
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const projectRoot = path.resolve(import.meta.dirname, '../..');
const astroBin = path.join(projectRoot, 'node_modules', 'astro', 'bin', 'astro.mjs');

export interface BuildResult {
	ok: boolean;
	/** Everything Astro printed, stdout and stderr together. */
	output: string;
}

export async function astroBuild(outDir: string, env: Record<string, string> = {}): Promise<BuildResult> {
	try {
		const { stdout, stderr } = await run(process.execPath, [astroBin, 'build', '--outDir', outDir], {
			cwd: projectRoot,
			env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
			maxBuffer: 64 * 1024 * 1024,
		});
		return { ok: true, output: stdout + stderr };
	} catch (error) {
		const failure = error as { stdout?: string; stderr?: string };
		return { ok: false, output: (failure.stdout ?? '') + (failure.stderr ?? '') };
	}
}
