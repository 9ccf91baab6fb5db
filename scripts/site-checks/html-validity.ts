/**
 * Check 3, HTML validity: the W3C Nu HTML checker (vnu.jar, on Java) over every page
 * of the root build. The gate is zero errors.
 *
 * The checker's CSS part lags behind browsers: it does not know container queries or the
 * `vector-effect` property, both in every current browser (Baseline 2023 and earlier). Its
 * messages about exactly those features are set aside, by name, in `UNKNOWN_TO_THE_CHECKER`;
 * every other CSS message still fails the check.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { defineSiteCheck } from './types.ts';

const run = promisify(execFile);

export const htmlValidity = defineSiteCheck({
	name: 'HTML validity (W3C Nu HTML checker, vnu.jar)',
	needs: ['root'],
	async run({ root, projectRoot }) {
		const jar = path.join(projectRoot, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');
		const result = await run('java', ['-jar', jar, '--skip-non-html', '--errors-only', '--format', 'json', root.dir], {
			maxBuffer: 64 * 1024 * 1024,
		}).then(
			({ stdout, stderr }) => ({ output: stderr || stdout, failed: false }),
			(error: { stdout?: string; stderr?: string; code?: number | string; message: string }) => {
				if (error.code === 'ENOENT') throw new Error('Java is not installed: the Nu HTML checker needs it (apt-get install default-jre-headless).');
				return { output: error.stderr || error.stdout || error.message, failed: true };
			},
		);
		const messages = parseMessages(result.output);
		if (result.failed && messages.length === 0) return [`the Nu HTML checker failed to run: ${result.output.trim().slice(0, 500)}`];
		return messages
			.filter((message) => message.type === 'error' || message.subType === 'fatal')
			.filter((message) => !UNKNOWN_TO_THE_CHECKER.some((pattern) => pattern.test(message.message)))
			.map((message) => {
				const page = message.url ? path.relative(root.dir, new URL(message.url).pathname) : '(unknown page)';
				return `${page}:${message.lastLine ?? '?'}: ${message.message}`;
			});
	},
});

/** CSS the checker reports as unknown although browsers support it, one pattern per feature. */
export const UNKNOWN_TO_THE_CHECKER: readonly RegExp[] = [
	/^CSS: Unrecognized at-rule “@container”/,
	/^CSS: “container(-type|-name)?”: Property “container(-type|-name)?” doesn't exist\.?$/,
	/^CSS: “vector-effect”: Property “vector-effect” doesn't exist\.?$/,
];

interface NuMessage {
	type: string;
	subType?: string;
	url?: string;
	lastLine?: number;
	message: string;
}

function parseMessages(output: string): NuMessage[] {
	const start = output.indexOf('{');
	if (start === -1) return [];
	return (JSON.parse(output.slice(start)) as { messages: NuMessage[] }).messages;
}
