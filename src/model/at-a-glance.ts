/**
 * The story at a glance, as the home page's and the stop pages' cards show it: for
 * each stop, its dates, whom he met there, what happened, how many articles cover it and
 * how far their sources agree on its claims; for the whole story, the same agreement
 * counts over the ledger. Everything is read from the model: no page writes a key fact
 * by hand, so a new article, event or claim shows in the cards on the next build.
 */
import type { Agreement, FactNode } from './facts.ts';
import type { StoryModel } from './types.ts';

/** The agreements in the order the cards list them: settled first, disputed last. */
export const AGREEMENT_ORDER: readonly Agreement[] = ['agreed', 'confirmed-later', 'single-source', 'unconfirmed', 'disputed'];

/** How many claims have each agreement, with the total. */
export interface AgreementCounts {
	total: number;
	counts: Record<Agreement, number>;
}

/** The claims of `facts` by agreement. */
export function agreementCounts(facts: readonly Pick<FactNode, 'agreement'>[]): AgreementCounts {
	const counts: Record<Agreement, number> = { agreed: 0, 'confirmed-later': 0, 'single-source': 0, unconfirmed: 0, disputed: 0 };
	for (const fact of facts) counts[fact.agreement] += 1;
	return { total: facts.length, counts };
}

/**
 * The people the story follows: whoever takes part in more than half of its events, as
 * ingest reads the story (`SUBJECT_SHARE` in src/ingest/judge/story-index.ts). Mark
 * Zuckerberg, here; nobody, for a story with no people at its events.
 */
export function storySubjects(story: Pick<StoryModel, 'events'>): ReadonlySet<string> {
	const count = new Map<string, number>();
	for (const event of story.events) for (const person of new Set(event.people)) count.set(person, (count.get(person) ?? 0) + 1);
	return new Set([...count].filter(([, events]) => events > story.events.length * 0.5).map(([person]) => person));
}

/** One stop's key facts. */
export interface StopGlance {
	id: string;
	/** The people he met: those of its events, but for the story's subject, in the order the events name them. */
	met: string[];
	/** The companies of its events. */
	companies: string[];
	/** Its events' anchors and titles, in time order. */
	events: { anchor: string; title: string }[];
	/** How many articles cover it. */
	articles: number;
	/** Its claims by agreement. */
	claims: AgreementCounts;
}

/** The key facts of the stop `id`. `subjects` are the story's (storySubjects), left out of whom he met. */
export function stopGlance(story: Pick<StoryModel, 'stop' | 'fact'>, id: string, subjects: ReadonlySet<string>): StopGlance {
	const stop = story.stop(id);
	return {
		id,
		met: stop.people.filter((person) => !subjects.has(person)),
		companies: stop.companies,
		events: stop.events.map((event) => ({ anchor: event.anchor, title: event.title })),
		articles: stop.articles.length,
		claims: agreementCounts(stop.facts.map((fact) => story.fact(fact))),
	};
}
