/**
 * `npm run check:content [-- --content <dir>]`: validates every content file against
 * the zod schemas in `src/schema/` and every reference between them, without Astro.
 * Prints one line per problem and exits 1 if there is any; warnings (an article with
 * no summary) are printed too, and do not change the exit code.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkContent } from '../src/content-files/check-content.ts';

const { values } = parseArgs({
	options: { content: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
});
if (values.help) {
	console.log('Usage: npm run check:content [-- --content <dir>]\nDefault directory: $CONTENT_DIR or ./content');
	process.exit(0);
}

const contentDir = path.resolve(values.content ?? process.env['CONTENT_DIR'] ?? 'content');
const report = await checkContent(contentDir);
for (const line of report.problemLines) console.error(line);
for (const line of report.warningLines) console.warn(line);
(report.ok ? console.log : console.error)(report.summary);
process.exitCode = report.ok ? 0 : 1;
