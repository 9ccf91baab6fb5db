/**
 * `npm run update [-- --apply] [--force] [--summary FILE] [--resume URL] [--timeout S] [--content DIR]`
 *
 * Polls every feed of `content/subscriptions.yaml` that is due, politely, and takes its
 * new items in through the same path as `npm run ingest` (src/feeds/refresh.ts). It
 * prints one line per feed, then the entries written with what is left to fill in;
 * `--summary FILE` writes the same as markdown, for a pull request.
 *
 * It exits 0 when the run completes, even where feeds failed: they are reported and
 * recorded. It exits 1 when its own input is bad (the subscriptions file, the state
 * file, a `--resume` that names no feed), and 2 when an option is (unknown, without its
 * value, out of range), printing one line and the usage; either way it polls nothing.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { refreshFeeds } from '../src/feeds/refresh.ts';
import { reportLines, summaryMarkdown } from '../src/feeds/update-report.ts';
import { countOf } from '../src/lib/plural.ts';

const usage = `Usage: npm run update -- [--apply] [--force] [--summary FILE] [--resume URL] [--timeout SECONDS] [--content DIR]

Polls the feeds of content/subscriptions.yaml that are due, and takes their new items
in as npm run ingest does.

  --apply           write the suggested events and claims into content/stops/ and content/facts/
  --force           poll feeds before their interval is up (never before a Retry-After, nor a paused feed)
  --summary FILE    write the report as markdown, for a pull request
  --resume URL      poll a paused feed again (repeatable)
  --timeout SECONDS how long one feed may take to answer (default 15)
  --content DIR     the content folder (default: $CONTENT_DIR or ./content)`;

const { values } = readOptions();
if (values.help) {
	console.log(usage);
	process.exit(0);
}
const timeoutSeconds = values.timeout === undefined ? 15 : Number(values.timeout);
if (!(timeoutSeconds > 0)) usageError(`--timeout: expected a number of seconds above 0, found ${JSON.stringify(values.timeout)}.`);

const outcome = await refreshFeeds({
	contentDir: path.resolve(values.content ?? process.env['CONTENT_DIR'] ?? 'content'),
	now: new Date(),
	force: values.force,
	apply: values.apply,
	resume: values.resume,
	timeoutMs: timeoutSeconds * 1000,
	displayRoot: process.cwd(),
});
if (!outcome.ok) fail(outcome.problems);
const { report } = outcome;
if (report.note) console.warn(report.note);
console.log(reportLines(report).join('\n'));
for (const line of report.notApplied) console.error(line);
if (report.check) {
	console.log(`\nApplied the suggestions to ${countOf(report.applied, 'file')}. ${report.check.summary}`);
	for (const line of report.check.problemLines) console.error(line);
}
if (report.written.length > 0) console.log('\nThen fill in what each entry lists under "To fill in", and run: npm run check:content');
if (values.summary) await writeFile(path.resolve(values.summary), summaryMarkdown(report, values.apply));

/** The options, or one line on the first that is wrong, with the usage, and exit 2. */
function readOptions() {
	try {
		return parseArgs({
			options: {
				apply: { type: 'boolean', default: false },
				force: { type: 'boolean', default: false },
				summary: { type: 'string' },
				resume: { type: 'string', multiple: true, default: [] },
				timeout: { type: 'string' },
				content: { type: 'string' },
				help: { type: 'boolean', short: 'h' },
			},
		});
	} catch (error) {
		// node:util's parseArgs throws a TypeError with a code; say the same in one line of ours.
		const code = (error as { code?: string }).code;
		const named = /'(-[^' ]+|[^' ]+)/.exec((error as Error).message)?.[1] ?? '';
		if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') usageError(`${named}: expected one of the options below, found an option npm run update does not know.`);
		if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
			usageError(/does not take an argument/.test((error as Error).message) ? `${named}: expected no value (it is a switch), found one.` : `${named}: expected a value after it, found none.`);
		}
		if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') usageError(`${named}: expected an option, found an argument (npm run update polls the subscriptions file; it takes no sources).`);
		throw error;
	}
}

/** A wrong option: one line naming it, the usage, nothing polled, exit 2. */
function usageError(line: string): never {
	console.error(`${line}\n\n${usage}`);
	process.exit(2);
}

function fail(lines: readonly string[]): never {
	console.error([...lines, 'Nothing was polled.'].join('\n'));
	process.exit(1);
}
