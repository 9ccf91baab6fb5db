/**
 * The GitHub workflows, every file of .github/workflows checked by a real workflow
 * validator (@action-validator/cli, offline, against GitHub's schemas), every action
 * from outside GitHub pinned by commit SHA, and each workflow held to what it promises:
 * the update workflow a schedule off the hour, a run by hand, the update with its
 * suggestions, the check and the build before anything is proposed; the checks workflow
 * the content check, the tests and the build on every pull request.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import yaml from 'js-yaml';
import { describe, expect, test } from 'vitest';
import { SCHEDULE_MINUTES } from '../../src/feeds/politeness.ts';
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
		expect(files).toEqual(['checks.yml', 'pages.yml', 'update.yml']);
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

/** A workflow's steps, job by job, as the tests read them. */
type Workflow = { on: Record<string, unknown>; jobs: Record<string, { 'runs-on'?: string; steps: { uses?: string; run?: string; with?: Record<string, string | number> }[] }> };

async function readWorkflows(): Promise<Map<string, Workflow>> {
	const files = (await readdir(workflows)).filter((name) => /\.ya?ml$/.test(name)).sort();
	return new Map(await Promise.all(files.map(async (file) => [file, yaml.load(await readFile(path.join(workflows, file), 'utf8')) as Workflow] as const)));
}

describe('every workflow', () => {
	test("pins each action from outside GitHub's own (actions/*) by commit SHA, the same SHA wherever it is used", async () => {
		const pins = new Map<string, Set<string>>();
		for (const [file, workflow] of await readWorkflows()) {
			for (const step of Object.values(workflow.jobs).flatMap((job) => job.steps)) {
				if (!step.uses || step.uses.startsWith('actions/')) continue;
				expect(step.uses, file).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
				const [action = '', sha = ''] = step.uses.split('@');
				pins.set(action, new Set([...(pins.get(action) ?? []), sha]));
			}
		}
		for (const [action, shas] of pins) expect(shas.size, action).toBe(1);
	});
});

describe('the checks workflow', () => {
	test('runs on every pull request, installs on Node 22 as the others do, then checks the content, runs the tests and builds', async () => {
		const workflow = (await readWorkflows()).get('checks.yml');
		expect(workflow && 'pull_request' in workflow.on).toBe(true);
		const steps = Object.values(workflow?.jobs ?? {}).flatMap((job) => job.steps);
		expect(steps.find((step) => step.uses?.startsWith('actions/setup-node@'))?.with?.['node-version']).toBe(22);
		const runs = steps.map((step) => step.run ?? '');
		const order = ['npm install', 'npm run check:content', 'npm test', 'npm run build'].map((command) => runs.findIndex((each) => each.trim() === command));
		expect(order.every((index) => index >= 0)).toBe(true);
		expect([...order].sort((a, b) => a - b)).toEqual(order);
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
		// Every SCHEDULE_MINUTES, as the reader's rules count on (src/feeds/politeness.ts).
		expect(cron?.split(' ')[1]).toBe(`*/${SCHEDULE_MINUTES / 60}`);
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
