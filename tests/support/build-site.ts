/**
 * Vitest global setup: builds the site from the real content once, into a temporary
 * folder, and hands its path to the build-output tests as `distDir`. The tests never
 * depend on a `dist/` left over from an earlier build.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { astroBuild } from '../../scripts/lib/astro-build.ts';

declare module 'vitest' {
	export interface ProvidedContext {
		distDir: string;
	}
}

export default async function setup(project: TestProject) {
	const distDir = await mkdtemp(path.join(tmpdir(), 'story-dist-'));
	const build = await astroBuild(distDir);
	if (!build.ok) throw new Error(`The site did not build:\n${build.output}`);
	project.provide('distDir', distDir);
	return async () => rm(distDir, { recursive: true, force: true });
}
