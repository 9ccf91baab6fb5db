/**
 * The content check, as both the command line (`npm run check:content`) and the
 * build (`src/integrations/content-check.ts`) run it: one line per problem, then a
 * summary.
 */
import { countOf } from '../lib/plural.ts';
import { formatProblem } from '../lib/problems.ts';
import { collectionNames } from '../schema/index.ts';
import { loadContent, type LoadedContent } from './load-content.ts';

export interface ContentReport {
	ok: boolean;
	/**
	 * One line per problem: `file: field: expected …, found …`; then one line for each
	 * unusable record that others refer to, whose references were not checked.
	 */
	problemLines: string[];
	/** One line per warning, `warning: file: field: expected …, found …`: reported, but the check still passes. */
	warningLines: string[];
	/** A line saying what was checked and how it went. */
	summary: string;
}

/** Checks every file under `contentDir`; never throws for bad content, only reports it. */
export async function checkContent(contentDir: string, displayRoot = process.cwd()): Promise<ContentReport> {
	return reportOn(await loadContent(contentDir, displayRoot));
}

/** The report on content already loaded. */
export function reportOn({ problems, notes, warnings, counts }: LoadedContent): ContentReport {
	const files = new Set(problems.map((problem) => problem.file));
	const tally = collectionNames.map((name) => `${counts[name]} ${name}`).join(', ');
	const warned = warnings.length > 0 ? ` With ${countOf(warnings.length, 'warning')}.` : '';
	return {
		ok: problems.length === 0,
		problemLines: [...problems.map(formatProblem), ...notes],
		warningLines: warnings.map((warning) => `warning: ${formatProblem(warning)}`),
		summary:
			problems.length === 0
				? `Content is valid: ${tally}.${warned}`
				: `Content check failed: ${countOf(problems.length, 'problem')} in ${countOf(files.size, 'file')} (read ${tally}).${warned}`,
	};
}
