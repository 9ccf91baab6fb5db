/**
 * The frontmatter of `content/overview/tour.md`: the short summary of the tour on the
 * home page, written by us, one sentence at a time, each with its sources.
 */
import { z } from 'zod';
import { idList, text } from './primitives.ts';

/** One sentence of the summary and the articles it is drawn from. */
export const overviewSentence = z.strictObject({
	/** The sentence, in our words. */
	text,
	/** Ids of the articles that state what the sentence says. At least one. */
	articles: idList.refine((ids) => ids.length > 0, 'expected at least one article the sentence comes from'),
});

export const overviewSchema = z.strictObject({
	/** The heading over the summary. */
	title: text,
	/** The summary, in reading order. */
	sentences: z.array(overviewSentence).min(1, 'expected at least one sentence'),
});

export type OverviewData = z.output<typeof overviewSchema>;
