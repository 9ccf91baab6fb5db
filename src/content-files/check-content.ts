/**
 * The content check, as both the command line (`npm run check:content`) and the
 * build (`src/integrations/content-check.ts`) run it: one line per problem, then a
 * summary.
 */
import { formatProblem } from '../lib/problems.ts';
import { collectionNames } from '../schema/index.ts';
import { loadContent, type LoadedContent } from './load-content.ts';

export interface ContentReport {
	ok: boolean;
	/** One line per problem: `file: field: expected …, found …`. */
	problemLines: string[];
	/** A line saying what was checked and how it went. */
	summary: string;
}

/** Checks every file under `contentDir`; never throws for bad content, only reports it. */
export async function checkContent(contentDir: string, displayRoot = process.cwd()): Promise<ContentReport> {
	return reportOn(await loadContent(contentDir, displayRoot));
}

/** The report on content already loaded. */
export function reportOn({ problems, counts }: LoadedContent): ContentReport {
	const files = new Set(problems.map((problem) => problem.file));
	const tally = collectionNames.map((name) => `${counts[name]} ${name}`).join(', ');
	return {
		ok: problems.length === 0,
		problemLines: problems.map(formatProblem),
		summary:
			problems.length === 0
				? `Content is valid: ${tally}.`
				: `Content check failed: ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${files.size} file${files.size === 1 ? '' : 's'} (read ${tally}).`,
	};
}
