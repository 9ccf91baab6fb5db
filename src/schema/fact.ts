/**
 * The frontmatter of `content/facts/<id>.md`: one claim of the fact ledger, with every
 * source that speaks to it, each by the exact words it uses. The body, optional, is a
 * note of our own on the claim.
 */
import { z } from 'zod';
import { entityId, idList, text } from './primitives.ts';

/**
 * How a source treats the claim:
 * - `states`: reports it as fact;
 * - `hedges`: reports it as expected, tentative or planned;
 * - `differs`: gives a different figure, date or name;
 * - `contradicts`: says it is not so.
 */
export const stance = z.enum(['states', 'hedges', 'differs', 'contradicts'], {
	error: 'expected one of "states", "hedges", "differs", "contradicts"',
});

/** One source's words on the claim. */
export const factSource = z.strictObject({
	/** The id of the article (`content/articles/`). */
	article: entityId,
	/** The exact words of the article, verbatim; the build fails if they are not in it. */
	passage: text,
	/** How the words treat the claim. */
	stance,
	/**
	 * What this source gives, in short and in its own terms: its figure, date, name or
	 * wording ("600k H100-equivalent", "tentatively scheduled"). Required where the
	 * source differs or contradicts, so the ledger can show how without opening the
	 * claim; optional elsewhere, where it names what the source agrees on. The story's
	 * history uses it too ("26 Feb: tentatively scheduled").
	 */
	says: text.optional(),
	/**
	 * Our English rendering of the passage, where the article is in another language: the
	 * passage stays verbatim in its own ("이재용 회장은 …"), and the claim's page shows this
	 * beside it.
	 */
	gloss: text.optional(),
	/** Our note on this source's reading, where it needs one. */
	note: text.optional(),
});

export const factSchema = z
	.strictObject({
		/** The claim, in our own words. */
		statement: text,
		/**
		 * What kind of claim it is: `fact` (the default); `quote`, a remark that the
		 * sources word differently; or `name`, one entity the sources name differently.
		 * For quotes and names the page shows the variants together.
		 */
		kind: z.enum(['fact', 'quote', 'name']).default('fact'),
		/** The id of the stop the claim is about, where it is about one. */
		stop: entityId.optional(),
		/** Ids of the people the claim is about. */
		people: idList.default([]),
		/** Ids of the companies the claim is about. */
		companies: idList.default([]),
		/** Ids of the countries the claim is about. */
		countries: idList.default([]),
		/** For a quote: the id of the person who said it. */
		speaker: entityId.optional(),
		/** Every source that speaks to the claim, one entry per article. At least one. */
		sources: z.array(factSource).min(1, 'expected at least one source: there is no claim without one'),
	})
	.superRefine((fact, context) => {
		// Each article speaks once: a second citation is reported where it stands, naming the first.
		const first = new Map<string, number>();
		fact.sources.forEach((source, index) => {
			const earlier = first.get(source.article);
			if (earlier === undefined) first.set(source.article, index);
			else
				context.addIssue({
					code: 'custom',
					path: ['sources', index, 'article'],
					message: `expected each article once among the sources, but "${source.article}" is already sources[${earlier}]; keep its strongest passage`,
					input: source.article,
				});
		});
		// A source that differs or contradicts says what it gives instead.
		fact.sources.forEach((source, index) => {
			if ((source.stance === 'differs' || source.stance === 'contradicts') && !source.says)
				context.addIssue({
					code: 'custom',
					path: ['sources', index, 'says'],
					message: `expected what this source gives instead, in short (its figure, date, name or wording), since its stance is "${source.stance}"`,
					input: source.says,
				});
		});
	});

export type FactData = z.output<typeof factSchema>;
export type Stance = z.output<typeof stance>;
