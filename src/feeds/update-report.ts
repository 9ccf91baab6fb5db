/**
 * The report of a refresh (refresh.ts), as the terminal shows it and as markdown for the
 * body of the update's pull request. Pure: the command prints and writes them.
 */
import { countOf } from '../lib/plural.ts';
import type { UpdateReport } from './refresh.ts';

/** How many feeds were polled and how many were not due, one line per feed, then each entry written with what is left to fill in and its suggestions, then what was skipped. */
export function reportLines(report: UpdateReport): string[] {
	const polled = report.feeds.filter((feed) => feed.polled).length;
	const notDue = report.feeds.length - polled;
	return [
		`Polled ${polled} of ${countOf(report.feeds.length, 'subscription')}${notDue > 0 ? `; ${notDue} not due` : ''}:`,
		...report.feeds.map(({ subscription, line }) => `  ${subscription.name ?? subscription.url}: ${line}`),
		...(report.written.length > 0 ? ['', `Wrote ${countOf(report.written.length, 'article')}:`, ...report.written.flatMap((each) => each.lines)] : []),
		...(report.skipped.length > 0 ? ['', 'Skipped:', ...report.skipped.map((line) => `  ${line}`)] : []),
	];
}

/** The report as markdown, for the body of the update's pull request. */
export function summaryMarkdown(report: UpdateReport, applied: boolean): string {
	const cell = (text: string) => text.replace(/\|/g, '\\|');
	const { written } = report;
	return [
		'## Story update',
		'',
		`${written.length === 0 ? 'No new article.' : `${countOf(written.length, 'new article')}, each to review: fill in its summary, check its stops, people and companies, and each suggestion${applied ? ' applied' : ''}.`} Polled on ${report.polledAt.toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
		'',
		'| Feed | Result |',
		'| --- | --- |',
		...report.feeds.map(({ subscription, line }) => `| ${cell(subscription.name ?? subscription.url)} | ${cell(line)} |`),
		...(written.length > 0 ? ['', '### New articles', '', ...written.map(({ file, title, feed }) => `- \`${file}\`: ${title} (${feed})`)] : []),
		'',
		'<details><summary>The whole report</summary>',
		'',
		'```',
		...reportLines(report),
		'```',
		'',
		'</details>',
		'',
	].join('\n');
}
