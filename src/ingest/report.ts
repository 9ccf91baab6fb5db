/**
 * The report on an entry that ingest wrote, as `npm run ingest` and `npm run update`
 * print it: its relevance with the evidence, where each value came from, what it names,
 * the new names it brings, what was removed, and what is left to fill in.
 */
import { displayPath } from '../lib/problems.ts';
import { paragraphTexts } from '../lib/markdown-blocks.ts';
import { findNewNames, newNameLine } from './judge/new-names.ts';
import { relevanceLine } from './judge/relevance.ts';
import type { TakeInRun } from './take-in.ts';
import type { ExtractedArticle } from './types.ts';
import type { WriteOutcome } from './write/entry-files.ts';

/** The report on one written entry: its relevance, where each value came from, what it names and lacks. */
export function describeEntry(
	outcome: WriteOutcome,
	files: { entryFile: string; sourceFile: string },
	article: Pick<ExtractedArticle, 'removed' | 'flagged'>,
	run: TakeInRun,
	displayRoot: string,
): string[] {
	const here = (file: string) => displayPath(file, displayRoot);
	const { decision } = outcome;
	const { entry } = decision;
	const { detected, inferredStops, datelineStop } = entry.placement;
	const list = (ids: readonly string[]) => (ids.length > 0 ? ids.join(', ') : '(none)');
	const lines = [
		'',
		`${here(files.entryFile)} (source kept as ${here(files.sourceFile)})`,
		...(outcome.relevance ? [`  relevance  ${relevanceLine(outcome.relevance)}${outcome.included ? ' (taken in with --include)' : ''}`] : []),
		...entry.metadata.map(({ field, value, from }) => `  ${field.padEnd(10)} ${value}  [from ${from}]`),
		`  stops      ${list(detected.stops)}${datelineStop ? ` (the dateline names ${datelineStop})` : ''}`,
		...inferredStops.map(({ stop, reason }) => `             + ${stop}, inferred: ${reason}`),
		`  countries  ${list(detected.countries)}`,
		`  companies  ${list(detected.companies)}`,
		`  people     ${list(detected.people)}`,
	];
	const newNames = findNewNames(`${decision.parsed.data.title}\n${paragraphTexts(decision.parsed.body ?? '').join('\n')}`, run.story);
	if (newNames.length > 0) {
		lines.push(`  new names  ${newNames.map((name) => newNameLine(name, run.story)).join('; ')}: not in the story; add them to content/people/ (or as aliases) if it needs them`);
	}
	if (decision.parsed.data.duplicateOf) lines.push(`  duplicateOf ${decision.parsed.data.duplicateOf} (kept with --allow-duplicate)`);
	if (article.removed.length > 0) lines.push('  Removed (recorded under "removed"):', ...article.removed.map((each) => `    "${each.text.slice(0, 80)}": ${each.reason}`));
	if (article.flagged.length > 0) lines.push('  Kept, but please check:', ...article.flagged.map((each) => `    "${each.text.slice(0, 80)}": ${each.reason}`));
	lines.push('  To fill in:', ...entry.toFill.map(({ field, hint }) => `    ${field}: ${hint}`));
	return lines;
}
