/**
 * The story as it developed: each claim's history by publication date, from the day a
 * source first expected it to the day one first reported it, and the day one first
 * disputed it. Pure functions of the ledger and the articles' dates.
 */
import { compareText } from '../lib/compare.ts';
import { countOf, listInWords } from '../lib/plural.ts';
import type { Stance } from '../schema/index.ts';

/**
 * A turn in a claim's story, the first of its kind:
 * - `expected`: a source first reports it as expected, tentative or planned (`hedges`);
 * - `reported`: a source first reports it as fact (`states`);
 * - `disputed`: a source first gives another figure, date or name, or says it is not so.
 */
export type Milestone = 'expected' | 'reported' | 'disputed';

export const MILESTONE_LABELS: Record<Milestone, string> = {
	expected: 'First expected',
	reported: 'First reported',
	disputed: 'First disputed',
};

/** What each stance makes of a claim, in the story's terms. */
export function milestoneOf(stance: Stance): Milestone {
	return stance === 'hedges' ? 'expected' : stance === 'states' ? 'reported' : 'disputed';
}

/** One step of a claim's history: the sources of one publication day that share one stance. */
export interface ClaimStep {
	/** The sources' publication day, YYYY-MM-DD, as each article dates itself. */
	date: string;
	stance: Stance;
	/** The articles, in publication order. */
	articles: string[];
	/** What they give, in their own terms (each source's `says`), without repeats; empty where none says. */
	says: string[];
	/** The turn this step marks, where it is the first of its kind. */
	first?: Milestone | undefined;
}

/** A source as the history needs it: its article, stance and what it gives. */
interface DatedSource {
	article: string;
	stance: Stance;
	says?: string | undefined;
}

/**
 * A claim's history: its sources, taken in publication order, grouped by day and stance,
 * each group marked where it is the first to expect, report or dispute the claim. A
 * hedge after the first report marks no turn: the claim was expected before, or never.
 * `publishedOn` gives an article's publication day.
 */
export function claimHistory(sources: readonly DatedSource[], publishedOn: (article: string) => string): ClaimStep[] {
	const steps = new Map<string, ClaimStep>();
	const reached = new Set<Milestone>();
	for (const source of sources) {
		const date = publishedOn(source.article);
		const key = `${date} ${source.stance}`;
		let step = steps.get(key);
		if (!step) {
			const milestone = milestoneOf(source.stance);
			step = { date, stance: source.stance, articles: [], says: [], first: reached.has(milestone) ? undefined : milestone };
			reached.add(milestone);
			// Once reported, a claim is no longer news as an expectation: a later hedge is no turn.
			if (milestone === 'reported') reached.add('expected');
			steps.set(key, step);
		}
		step.articles.push(source.article);
		if (source.says && !step.says.includes(source.says)) step.says.push(source.says);
	}
	return [...steps.values()];
}

/** A claim whose story moved: it was expected, reported or disputed on more than one day. */
export interface Development {
	claim: string;
	/** The steps that mark a turn, in order: at least two, on different days. */
	turns: ClaimStep[];
}

/**
 * The claims whose story moved between publication days (first expected, then reported;
 * or reported, then disputed), in the order their stories settled: by the day of their
 * last turn, then in the ledger's order. A claim every source spoke to on one day did
 * not develop, and is left out.
 */
export function storyDevelopments(facts: readonly { id: string; history: readonly ClaimStep[] }[]): Development[] {
	return facts
		.map((fact, order) => ({ claim: fact.id, order, turns: fact.history.filter((step) => step.first) }))
		.filter(({ turns }) => new Set(turns.map((step) => step.date)).size > 1)
		.sort((a, b) => compareText(a.turns.at(-1)?.date ?? '', b.turns.at(-1)?.date ?? '') || a.order - b.order)
		.map(({ claim, turns }) => ({ claim, turns }));
}

/**
 * A turn in words, without its day: what happened and who said so, naming the outlets
 * where the sources name them and counting the rest.
 * `expected: slated to meet; tentatively scheduled (Bloomberg and 1 other)`,
 * `reported (2 sources)`.
 */
export function turnInWords(step: ClaimStep, outletOf: (article: string) => string | undefined): string {
	const outlets = [...new Set(step.articles.map(outletOf).filter((outlet) => outlet !== undefined))];
	const unnamed = step.articles.filter((article) => outletOf(article) === undefined).length;
	const who =
		outlets.length === 0
			? countOf(unnamed, 'source')
			: listInWords([...outlets, ...(unnamed > 0 ? [countOf(unnamed, 'other')] : [])]);
	const what = milestoneOf(step.stance);
	return `${what}${step.says.length > 0 ? `: ${step.says.join('; ')}` : ''} (${who})`;
}
