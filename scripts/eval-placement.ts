/**
 * `npm run eval:placement [-- --corpus DIR] [--content DIR] [--misses] [--write FILE]`
 *
 * Runs the real ingest over each labelled corpus of feeds (`CORPORA`: the one written
 * with the code, and the one written blind to it; or only `--corpus DIR`) and prints how
 * well it judges: relevance precision and recall, claim suggestions' precision and
 * recall, stance accuracy, event precision and entity accuracy, each against its target.
 * `--misses` lists every wrong or missed judgement; `--write EVALUATION.md` writes the
 * tables there. Exits 1 if a figure misses its target on any corpus.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadContent } from '../src/content-files/load-content.ts';
import { CORPORA, evaluatePlacement, inputsOf, isCount, meetsTargets, readLabels, TARGETS, type Labels, type PlacementResult } from './lib/placement-eval.ts';
import { RELEVANCE_THRESHOLD } from '../src/ingest/judge/relevance.ts';

const { values } = parseArgs({
	options: {
		corpus: { type: 'string' },
		content: { type: 'string' },
		misses: { type: 'boolean', default: false },
		write: { type: 'string' },
	},
});
const projectRoot = path.resolve(import.meta.dirname, '..');
const corpora = values.corpus
	? [{ dir: path.resolve(values.corpus), targets: CORPORA.find((corpus) => path.join(projectRoot, corpus.dir) === path.resolve(values.corpus ?? ''))?.targets ?? {} }]
	: CORPORA.map((corpus) => ({ dir: path.join(projectRoot, corpus.dir), targets: corpus.targets ?? {} }));
const contentDir = path.resolve(values.content ?? process.env['CONTENT_DIR'] ?? path.join(projectRoot, 'content'));
const { input } = await loadContent(contentDir);
const evaluated: { dir: string; labels: Labels; result: PlacementResult; table: string }[] = [];
let failed = false;
for (const { dir, targets } of corpora) {
	const result = await evaluatePlacement(dir, input);
	const table = report(result, targets);
	evaluated.push({ dir, labels: await readLabels(dir), result, table });
	console.log(`${path.relative(projectRoot, dir) || dir}\n\n${table}\n`);
	if (values.misses) console.log(['Misses:', ...(result.misses.length > 0 ? result.misses.map((line) => `  ${line}`) : ['  none']), ''].join('\n'));
	for (const { figure, value, target } of meetsTargets(result, targets)) {
		failed = true;
		console.error(`${path.basename(dir)}: ${figure}: ${value.toFixed(2)}, against a target of ${target}`);
	}
}
if (values.write) await writeFile(path.resolve(values.write), evaluationPage(evaluated));
process.exitCode = failed ? 1 : 0;

/** The figures as a markdown table, each with what it was measured over and its target. */
function report(result: PlacementResult, own: Partial<Record<keyof typeof TARGETS, number>>): string {
	const labels: Record<keyof typeof TARGETS, string> = {
		relevancePrecision: 'Relevance: precision (items taken in that are the story’s news)',
		relevanceRecall: 'Relevance: recall (the story’s news taken in)',
		claimPrecision: 'Claims suggested: precision (the item speaks to the claim)',
		claimRecall: 'Claims suggested: recall (of the labelled claims)',
		stanceAccuracy: 'Stance right, of the right claim suggestions',
		eventPrecision: 'Events suggested: precision',
		entityAccuracy: 'Entities: must and must-not ids right',
		aliasDiffers: '"Differs" made from an alias (at most)',
		captionPassages: 'Passages taken from a caption (at most)',
		boilerplateRemoved: 'Outlet boilerplate recorded as removed',
		boilerplateOverRemoved: 'Article text removed as boilerplate (at most)',
		languageAccuracy: 'Language recorded right',
		mojibake: 'Entries with mojibake (at most)',
	};
	const rows = (Object.keys(TARGETS) as (keyof typeof TARGETS)[]).map((figure) => {
		const { value, of } = result.figures[figure];
		const target = own[figure] ?? TARGETS[figure];
		const count = isCount(figure);
		const met = count ? value <= target : value >= target;
		return `| ${labels[figure]} | ${count ? String(value) : value.toFixed(2)} | ${of} | ${target === 0 && !count ? 'none' : target} | ${met ? 'met' : '**not met**'} |`;
	});
	return [
		`Corpus: ${result.items} items (${result.onTopic} on the story; ${result.offTopic} not, ${result.hardNegatives} of them labelled hard negatives); relevance threshold ${RELEVANCE_THRESHOLD}.`,
		'',
		'| Figure | Value | Over | Target | |',
		'| --- | ---: | --- | ---: | --- |',
		...rows,
	].join('\n');
}

/** EVALUATION.md: the corpora, how the figures were measured, the tables, and the fit of the threshold. */
function evaluationPage(evaluated: readonly { dir: string; labels: Labels; result: PlacementResult; table: string }[]): string {
	const corpusSection = ({ dir, labels, result, table }: (typeof evaluated)[number]) => {
		const highestOff = result.scores.offTopic.at(-1) ?? 0;
		const lowestOn = result.scores.onTopic[0] ?? 1;
		const where = path.relative(projectRoot, dir) || dir;
		return `## \`${where}/\`

${labels.about}

${inputsOf(labels).map((feed) => `- \`${feed.file}\`${feed.modelledOn ? `: ${feed.modelledOn}` : ''}${feed.servedCharset ? ` (served with ${feed.servedCharset === 'none' ? 'no charset' : `charset=${feed.servedCharset}`})` : ''}`).join('\n')}

${table}

On this corpus, the items of the story score from ${lowestOn.toFixed(2)} up, and the others at most ${highestOff.toFixed(2)}.

| Threshold | Precision | Recall |
| ---: | ---: | ---: |
${result.sweep.map((row) => `| ${row.threshold.toFixed(1)} | ${row.precision.toFixed(2)} | ${row.recall.toFixed(2)} |`).join('\n')}

Scores of the items on the story: ${result.scores.onTopic.map((score) => score.toFixed(2)).join(', ')}.

Scores of the others: ${result.scores.offTopic.map((score) => score.toFixed(2)).join(', ')}.
`;
	};
	return `# Evaluation: how ingest judges the news

Written by \`scripts/eval-placement.ts\`; do not edit by hand. Re-run with:

\`\`\`sh
npm run eval:placement -- --write EVALUATION.md
\`\`\`

\`tests/unit/placement-eval.test.ts\` runs the same evaluation in \`npm test\` and fails if any
figure misses its target on any corpus.

## How it is measured

Each corpus is a folder of feeds written for the project, each modelled on a kind of
outlet that covered the tour, with the labels of every item in its \`labels.yaml\`. The
evaluation (\`scripts/lib/placement-eval.ts\`) runs the real ingest
(\`src/ingest/take-in.ts\`, then the suggestions \`npm run ingest\` and \`npm run suggest\`
make) over the feeds of a corpus in turn, starting from the story in \`content/\`, in
memory. Then, against the labels:
- an item counts as taken in if it was written, or refused as a copy of an item taken in
  before it (its relevance was judged right);
- a claim suggestion is right if the item speaks to that claim (\`claims\`, or
  \`acceptable\` for claims an editor might also cite); recall counts the \`claims\` only;
  stance accuracy is over the right suggestions;
- an event suggestion is right if it is among \`events\` or \`acceptableEvents\`;
- entities: each id of \`must\` listed in the entry, and each of \`mustNot\` not listed.

The first corpus was written with the code; the second and the third were written blind
to it, by a writer who had read only the story and the label format. Their figures are
the honest measure of how ingest does on news it was not tuned on. The third holds
Korean and Japanese pages and feeds, in UTF-8, EUC-KR and Shift_JIS, some served with no
charset: each is decoded as \`npm run ingest\` decodes what a host sends. Claims are
suggested by the ledger's own words, which are English, so fewer may be suggested for
an article in another language: that corpus asks precision of them, not recall.

## The threshold

An item is taken in when its relevance score is at least the threshold
(\`RELEVANCE_THRESHOLD\` in \`src/ingest/judge/relevance.ts\`, now ${RELEVANCE_THRESHOLD}), fitted on the
corpora below: it sits in the gap between the lowest score of the story's news and the
highest of the rest, in the lower half of it, since items of the story that name the
subject less plainly score lower than these, while the other news of the same people
scores no higher.

${evaluated.map(corpusSection).join('\n')}`;
}
