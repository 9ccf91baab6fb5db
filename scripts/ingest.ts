/**
 * `npm run ingest -- <source>… [options]`
 *
 * Takes news as it arrives, in any mix: plain-text files, saved web pages (`.html`),
 * http(s) URLs, and RSS 2.0, Atom 1.0 or JSON feeds (files or URLs). Each article
 * becomes `content/articles/<id>.md`, with its raw source kept in `content/sources/`,
 * placed in the story (stops, entities, inferred stops) and with suggested events and
 * claims; `--apply` writes those into the stop and fact files.
 *
 * This script is the I/O edge: it reads and fetches, hands the text to the pure stages
 * in `src/ingest/pipeline.ts`, writes what they decide, and prints the report. Bad
 * inputs are listed with one line each; the good ones are still written; the exit code
 * is 1 if any input was refused.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { reportOn } from '../src/content-files/check-content.ts';
import { loadContent, type ReadFiles } from '../src/content-files/load-content.ts';
import { checkIngestOptions } from '../src/ingest/options.ts';
import { extractInput, type InputText } from '../src/ingest/pipeline.ts';
import { startRun, takeIn } from '../src/ingest/take-in.ts';
import { fetchText, readTextFile } from '../src/ingest/read/read-input.ts';
import { formatSuggestions, suggestionsFor } from '../src/ingest/judge/suggest.ts';
import type { IngestRefusal } from '../src/ingest/types.ts';
import { countOf } from '../src/lib/plural.ts';
import { formatProblem } from '../src/lib/problems.ts';
import type { Entry } from '../src/model/types.ts';
import type { ArticleData } from '../src/schema/index.ts';
import { describeEntry } from '../src/ingest/report.ts';
import { contentIO, writeEntry } from '../src/ingest/write/entry-files.ts';
import { applyToFiles } from '../src/ingest/write/suggestion-files.ts';

const usage = `Usage: npm run ingest -- <source>… [options]

A source is a plain-text file, a saved web page (.html), an http(s) URL, or an RSS,
Atom or JSON feed (a file or a URL). Give as many as you like.

  --published DATE   the publication date, YYYY-MM-DD or a date-time with offset
                     (2024-02-29T09:30+09:00), where the source gives none or gives it wrong
  --outlet NAME      the publisher, where the source names it
  --url URL          the article's original http(s) address
  --id ID            the entry's id (kebab-case), instead of one made from the headline
  --language TAG     the article's language (en, ko, ja), instead of the one detected
                     (these five apply to a single article, not to a feed)
  --apply            write the suggested events and claims into content/stops/ and content/facts/
  --include KEY      take in the item with this URL or guid (or this input) although its
                     relevance to the story is below the threshold (repeatable)
  --allow-duplicate  keep an article whose text is already in the story, marked duplicateOf
  --content DIR      the content folder to add to (default: $CONTENT_DIR or ./content)`;

const { values, positionals } = parseArgs({
	allowPositionals: true,
	options: {
		published: { type: 'string' },
		outlet: { type: 'string' },
		url: { type: 'string' },
		id: { type: 'string' },
		language: { type: 'string' },
		content: { type: 'string' },
		apply: { type: 'boolean', default: false },
		include: { type: 'string', multiple: true, default: [] },
		'allow-duplicate': { type: 'boolean', default: false },
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
if (positionals.length === 0) fail(usage);
const optionProblems = checkIngestOptions(values);
if (optionProblems.length > 0) fail([...optionProblems, 'Nothing was written.'].join('\n'));
const perArticle = (['published', 'outlet', 'url', 'id', 'language'] as const).filter((name) => values[name] !== undefined);
if (perArticle.length > 0 && positionals.length > 1) {
	fail(`${perArticle.map((name) => `--${name}`).join(', ')} apply to one article; give one source with them. Nothing was written.`);
}

const contentDir = path.resolve(values.content ?? process.env['CONTENT_DIR'] ?? 'content');
// Files read once: the check after --apply parses again only the files it changed.
const reads: ReadFiles = new Map();
const loaded = await loadContent(contentDir, process.cwd(), reads);
if (loaded.problems.length > 0) {
	console.warn(`Note: the existing content has ${countOf(loaded.problems.length, 'problem')}; run npm run check:content. Placing uses the records that are valid.`);
}
// Entries written by this run join the story, so that later inputs see them.
const run = startRun(loaded.input, loaded.paragraphs);

const refused: IngestRefusal[] = [];
const skipped: { origin: string; reason: string }[] = [];
const written: { id: string; origin: string; entry: Entry<ArticleData>; file: string }[] = [];
/** Entries already in the story that this run's inputs were, whose suggestions --apply takes. */
const existing = new Set<string>();
const report: string[] = [];
const io = contentIO(contentDir);
const options = {
	published: values.published,
	outlet: values.outlet,
	url: values.url,
	id: values.id,
	language: values.language,
	allowDuplicate: values['allow-duplicate'],
	include: new Set(values.include),
};

for (const source of positionals) {
	const read = await readInput(source);
	if (!read.ok) {
		refused.push(read.refusal);
		continue;
	}
	const extracted = extractInput(read.input);
	refused.push(...extracted.refusals);
	skipped.push(...extracted.skipped);
	for (const article of extracted.articles) {
		// A file keeps its own name in content/sources/; a fetched page or a feed item is named after its entry.
		const fileName = extracted.format !== 'feed' && !/^https?:/.test(source) ? path.basename(source) : undefined;
		const outcome = await takeIn({ article, fileName }, run, options, io);
		if (outcome.action === 'skip') {
			skipped.push({ origin: article.origin, reason: outcome.reason });
			// Already in the story: with --apply, its suggestions are taken now (the editor
			// may have filled the entry in since it was written).
			if (outcome.existing && values.apply) existing.add(outcome.existing);
			continue;
		}
		if (outcome.action === 'refuse') {
			refused.push({ origin: article.origin, reason: outcome.reason });
			continue;
		}
		const files = await writeEntry(contentDir, outcome, article, process.cwd());
		if (!files.ok) {
			refused.push({ origin: article.origin, reason: files.reason });
			continue;
		}
		written.push({ id: outcome.decision.id, origin: article.origin, entry: outcome.decision.parsed, file: files.entryFile });
		report.push(...describeEntry(outcome, files, article, run, process.cwd()));
	}
}
const content = run.content;

let applied = false;
const entriesToSuggest = [...written.map(({ id, entry }) => ({ id, entry })), ...[...existing].flatMap((id) => {
	const entry = content.articles.find((article) => article.id === id);
	return entry ? [{ id, entry }] : [];
})];
for (const { id, entry } of entriesToSuggest) {
	const suggestions = suggestionsFor({ ...entry, id }, content, run.story);
	report.push('', `Suggestions for ${id}${existing.has(id) ? ' (already in the story)' : ''}:`, ...formatSuggestions(suggestions).map((line) => `  ${line}`));
	if (values.apply && (suggestions.events.length > 0 || suggestions.claims.length > 0)) {
		const { changed, problems } = await applyToFiles(contentDir, id, suggestions);
		for (const problem of problems) console.error(`Not applied: ${formatProblem(problem)}`);
		if (changed.length > 0) applied = true;
	}
}

if (written.length > 0) report.unshift(`Wrote ${countOf(written.length, 'article')}.`);
if (skipped.length > 0) report.push('', 'Skipped:', ...skipped.map(({ origin, reason }) => `  ${origin}: ${reason}`));
console.log(report.join('\n'));
if (applied) {
	const check = reportOn(await loadContent(contentDir, process.cwd(), reads));
	console.log(`\nApplied the suggestions. ${check.summary}`);
	for (const line of check.problemLines) console.error(line);
}
if (refused.length > 0) {
	console.error(['', `Refused ${countOf(refused.length, 'input')}; nothing was written for ${refused.length === 1 ? 'it' : 'them'}:`, ...refused.map(({ origin, reason }) => `  ${origin}: ${reason}`)].join('\n'));
	process.exitCode = 1;
} else if (written.length > 0) {
	console.log('\nThen fill in what each entry lists under "To fill in", and run: npm run check:content');
}

/** Reads a file or fetches a URL. */
async function readInput(source: string): Promise<{ ok: true; input: InputText } | { ok: false; refusal: IngestRefusal }> {
	if (/^https?:\/\//i.test(source)) {
		const fetched = await fetchText(source);
		if (!fetched.ok) return fetched;
		return { ok: true, input: { origin: source, text: fetched.text, kind: fetched.contentType, url: fetched.finalUrl, bytes: fetched.bytes, encoding: fetched.encoding } };
	}
	const file = await readTextFile(source);
	if (!file.ok) return file;
	return { ok: true, input: { origin: source, text: file.text, kind: path.extname(source).toLowerCase(), bytes: file.bytes, encoding: file.encoding } };
}
