/**
 * `npm run ingest -- <file.txt> [--published DATE] [--outlet NAME] [--url URL] [--id ID] [--content DIR]`
 *
 * Turns a plain-text article (first line the headline, like the seeds) into
 * `content/articles/<id>.md`, keeps the raw text in `content/sources/`, and prints
 * what it detected and what a person still has to fill in. It checks every option,
 * and the entry it composes, before it writes anything, and it never overwrites.
 */
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadContent } from '../src/content-files/load-content.ts';
import { parseContentFile } from '../src/content-files/read-content-file.ts';
import { checkIngestOptions } from '../src/ingest/ingest-options.ts';
import { countOf } from '../src/lib/plural.ts';
import { displayPath, formatProblem } from '../src/lib/problems.ts';
import { composeEntry, idFromTitle } from '../src/ingest/compose-entry.ts';
import { parsePlainTextArticle } from '../src/ingest/parse-plain-text.ts';

const usage = `Usage: npm run ingest -- <file.txt> [options]

  --published DATE  the publication date, YYYY-MM-DD or a date-time with offset
                    (2024-02-29T09:30+09:00), where the text gives none or gives it wrong
  --outlet NAME     the publisher, where the source names it
  --url URL         the article's original http(s) address
  --id ID           the entry's id (kebab-case), instead of one made from the headline
  --content DIR     the content folder to add to (default: $CONTENT_DIR or ./content)`;

const { values, positionals } = parseArgs({
	allowPositionals: true,
	options: {
		published: { type: 'string' },
		outlet: { type: 'string' },
		url: { type: 'string' },
		id: { type: 'string' },
		content: { type: 'string' },
		help: { type: 'boolean', short: 'h' },
	},
});

function fail(message: string): never {
	console.error(message);
	process.exit(1);
}

if (values.help) {
	console.log(usage);
	process.exit(0);
}
const [source] = positionals;
if (!source || positionals.length > 1) fail(usage);
const optionProblems = checkIngestOptions(values);
if (optionProblems.length > 0) fail([...optionProblems, 'Nothing was written.'].join('\n'));

const contentDir = path.resolve(values.content ?? process.env['CONTENT_DIR'] ?? 'content');
const text = await readFile(source, 'utf8').catch(() => fail(`Cannot read ${source}: no such file, or not readable.`));
const parsed = parsePlainTextArticle(text);

const id = values.id ?? (parsed.title ? idFromTitle(parsed.title) : undefined);
if (!id) fail(`${source} has no headline to make an id from: pass --id <kebab-case-id>.`);

const target = path.join(contentDir, 'articles', `${id}.md`);
const seed = path.basename(source);
const seedTarget = path.join(contentDir, 'sources', seed);

// Refuse before writing anything, so a refused run leaves no half an entry behind.
const exists = async (file: string) => readFile(file).then((bytes) => bytes, () => undefined);
if (await exists(target)) fail(`${displayPath(target, process.cwd())} already exists; ingest never overwrites. Pass --id to choose another id.`);
const existingSeed = await exists(seedTarget);
if (existingSeed && !existingSeed.equals(Buffer.from(text))) {
	fail(`${displayPath(seedTarget, process.cwd())} already exists with other text; rename the source file.`);
}

const { input, problems } = await loadContent(contentDir);
if (problems.length > 0) {
	console.warn(`Note: the existing content has ${countOf(problems.length, 'problem')}; run npm run check:content. Detection uses the records that are valid.`);
}
const twin = input.articles.find((article) => article.data.seed === seed || (values.url !== undefined && article.data.url === values.url));
if (twin) fail(`${source} is already in the story as ${twin.file ?? twin.id}; ingest adds each article once.`);
const entry = composeEntry(parsed, input, {
	published: values.published,
	outlet: values.outlet,
	url: values.url,
	seed,
});
// The entry must parse as a content file before it is written: what is merely missing
// (a date the text does not give) is listed below, but nothing malformed is written.
const composed = parseContentFile(displayPath(target, process.cwd()), entry.text);
if (!composed.ok) fail([...composed.problems.map(formatProblem), 'Nothing was written.'].join('\n'));

if (!existingSeed) await copyFile(source, seedTarget);
await writeFile(target, entry.text, { flag: 'wx' });

const list = (ids: string[]) => (ids.length > 0 ? ids.join(', ') : '(none)');
const report = [
	`Wrote ${displayPath(target, process.cwd())} (source kept as ${displayPath(seedTarget, process.cwd())}).`,
	'',
	'Detected:',
	`  title      ${parsed.title ?? '(none)'}`,
	`  published  ${values.published ?? parsed.published ?? '(none)'}${!values.published && parsed.published ? ' (from the dateline)' : ''}`,
	`  outlet     ${values.outlet ?? parsed.outlet ?? '(none)'}`,
	`  author     ${parsed.author ?? '(none)'}`,
	`  stops      ${list(entry.detected.stops)}`,
	`  countries  ${list(entry.detected.countries)}`,
	`  companies  ${list(entry.detected.companies)}`,
	`  people     ${list(entry.detected.people)}`,
	`  names      ${entry.detected.names.map((each) => `"${each.name}" → ${each.id}`).join(', ') || '(none)'}`,
];
if (parsed.removed.length > 0) {
	report.push('', 'Removed as debris (recorded under "removed" in the entry):');
	for (const each of parsed.removed) report.push(`  "${each.text}": ${each.reason}`);
}
if (parsed.flagged.length > 0) {
	report.push('', 'Kept, but please check:');
	for (const each of parsed.flagged) report.push(`  "${each.text.slice(0, 80)}": ${each.reason}`);
}
report.push('', 'Still to fill in:');
for (const each of entry.toFill) report.push(`  ${each.field}: ${each.hint}`);
report.push(
	'  stops, countries, companies, people: check the detected lists; a stop the text covers without naming it must be added by hand.',
	'',
	'Then run: npm run check:content',
);
console.log(report.join('\n'));
