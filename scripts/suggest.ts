/**
 * `npm run suggest -- <id>… [--apply] [--content DIR]`
 *
 * The suggestions for articles already in the story: the events of its stops they
 * report, and the claims of the fact ledger they speak to, each with its reason, as
 * `npm run ingest` gives them for a new article. Run it once the entry is filled in
 * (the README's step 3); `--apply` writes them into the stop and fact files, keeping
 * their comments and layout, and then checks the content. What an article already
 * stands in is not suggested again, so a second run changes nothing.
 *
 * An id that names no article gets one line, with the nearest id, and the exit code 1;
 * nothing is written for any id then.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkContent } from '../src/content-files/check-content.ts';
import { loadContent } from '../src/content-files/load-content.ts';
import { formatSuggestions, suggestionsFor } from '../src/ingest/judge/suggest.ts';
import { closest } from '../src/lib/closest.ts';
import { countOf } from '../src/lib/plural.ts';
import { displayPath, formatProblem } from '../src/lib/problems.ts';
import { applyToFiles } from '../src/ingest/write/suggestion-files.ts';

const usage = `Usage: npm run suggest -- <id>… [--apply] [--content DIR]

Suggests, for each article of the story named by its id (content/articles/<id>.md), the
events it reports and the claims of the fact ledger it speaks to.

  --apply          write them into content/stops/ and content/facts/, then check the content
  --content DIR    the content folder (default: $CONTENT_DIR or ./content)`;

const { values, positionals } = parseArgs({
	allowPositionals: true,
	options: {
		apply: { type: 'boolean', default: false },
		content: { type: 'string' },
		help: { type: 'boolean', short: 'h' },
	},
});
if (values.help) {
	console.log(usage);
	process.exit(0);
}
if (positionals.length === 0) {
	console.error(usage);
	process.exit(1);
}

const contentDir = path.resolve(values.content ?? process.env['CONTENT_DIR'] ?? 'content');
const loaded = await loadContent(contentDir);
const known = loaded.input.articles.map((article) => article.id);
const unknown = positionals.filter((id) => !known.includes(id));
if (unknown.length > 0) {
	for (const id of unknown) {
		const near = closest(id, known) ?? known.find((each) => each.startsWith(id));
		console.error(`${id}: expected the id of an article in ${displayPath(path.join(contentDir, 'articles'), process.cwd())}/${near ? ` (did you mean "${near}"?)` : ''}, found none. Nothing was written.`);
	}
	process.exit(1);
}

let applied = 0;
for (const id of positionals) {
	const entry = loaded.input.articles.find((article) => article.id === id);
	if (!entry) continue;
	// Each file is read again as it is applied to, so entries that share a claim add up.
	const suggestions = suggestionsFor(entry, loaded.input);
	console.log(`Suggestions for ${id}:`);
	for (const line of formatSuggestions(suggestions)) console.log(`  ${line}`);
	if (!values.apply || suggestions.events.length + suggestions.claims.length === 0) continue;
	const { changed, problems } = await applyToFiles(contentDir, id, suggestions);
	for (const problem of problems) console.error(`Not applied: ${formatProblem(problem)}`);
	if (changed.length > 0) console.log(`  Applied to ${changed.map((file) => displayPath(file, process.cwd())).join(', ')}.`);
	applied += changed.length;
}

if (values.apply) {
	const check = await checkContent(contentDir);
	console.log(`\n${applied > 0 ? `Applied the suggestions to ${countOf(applied, 'file')}.` : 'Nothing to apply.'} ${check.summary}`);
	for (const line of check.problemLines) console.error(line);
	if (!check.ok) process.exitCode = 1;
}
