/**
 * The GitHub workflows, checked by a real workflow validator (@action-validator/cli,
 * offline, against GitHub's schemas), and the update workflow held to what it promises:
 * a schedule off the hour, a run by hand, the update with its suggestions, the check
 * and the build before anything is proposed, and the pull request action pinned by
 * commit SHA.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import yaml from 'js-yaml';
import { describe, expect, test } from 'vitest';
import { projectRoot, removeDir } from '../support/content-fixtures.ts';

const run = promisify(execFile);
const workflows = path.join(projectRoot, '.github', 'workflows');
const validator = path.join(projectRoot, 'node_modules', '@action-validator', 'cli', 'cli.mjs');

/** Runs the validator on a file; resolves with its exit code and output. */
async function validate(file: string): Promise<{ code: number; output: string }> {
	return run(process.execPath, [validator, file]).then(
		({ stdout, stderr }) => ({ code: 0, output: `${stdout}${stderr}` }),
		(error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, output: `${error.stdout}${error.stderr}` }),
	);
}

describe('the workflows', { timeout: 30_000 }, () => {
	test('each passes the workflow validator', async () => {
		const files = (await readdir(workflows)).filter((name) => /\.ya?ml$/.test(name)).sort();
		expect(files).toEqual(['pages.yml', 'update.yml']);
		for (const file of files) expect(await validate(path.join(workflows, file)), file).toMatchObject({ code: 0 });
	});

	test('a broken one fails it, so the check can fail', async () => {
		const dir = await mkdtemp(path.join(tmpdir(), 'story-workflow-'));
		try {
			const broken = path.join(dir, 'broken.yml');
			await writeFile(broken, (await readFile(path.join(workflows, 'update.yml'), 'utf8')).replace('runs-on: ubuntu-latest', 'runs-onn: ubuntu-latest'));
			const { code, output } = await validate(broken);
			expect(code).not.toBe(0);
			expect(output).toMatch(/runs-onn/);
		} finally {
			await removeDir(dir);
		}
	});
});

describe('the update workflow', () => {
	test('runs on a schedule off the hour and by hand, updates, checks and builds, then proposes one pull request with a pinned action', async () => {
		const workflow = yaml.load(await readFile(path.join(workflows, 'update.yml'), 'utf8')) as {
			on: { schedule: { cron: string }[]; workflow_dispatch: unknown };
			jobs: { update: { steps: { uses?: string; run?: string; with?: Record<string, string> }[] } };
		};
		const [cron] = workflow.on.schedule.map((each) => each.cron);
		expect(cron?.split(' ')[0]).toMatch(/^[1-9]\d?$/);
		expect('workflow_dispatch' in workflow.on).toBe(true);
		const steps = workflow.jobs.update.steps;
		const runs = steps.map((step) => step.run ?? '');
		const order = ['npm run update -- --apply --summary', 'npm run check:content', 'npm run build'].map((command) => runs.findIndex((each) => each.includes(command)));
		expect(order.every((index) => index >= 0)).toBe(true);
		expect([...order].sort((a, b) => a - b)).toEqual(order);
		const pull = steps.findIndex((step) => step.uses?.startsWith('peter-evans/create-pull-request@'));
		expect(steps[pull]?.uses).toMatch(/^peter-evans\/create-pull-request@[0-9a-f]{40}$/);
		expect(pull).toBeGreaterThan(Math.max(...order));
		expect(steps[pull]?.with?.['body-path']).toContain('update.md');
	});
});
