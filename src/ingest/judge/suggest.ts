/**
 * The suggestions for an article: the events of the story it reports (events.ts) and the
 * claims of the fact ledger it speaks to (claims.ts), each with its reason, and the
 * report's lines for them. Nothing here writes: `write/suggestion-files.ts` does that,
 * with `--apply`.
 */
import { paragraphTexts } from '../../lib/markdown-blocks.ts';
import type { Entry, ModelInput } from '../../model/types.ts';
import type { ArticleData } from '../../schema/index.ts';
import { suggestClaims, type ClaimSuggestion } from './claims.ts';
import { suggestEvents, type EventSuggestion } from './events.ts';
import type { StoryIndex } from './story-index.ts';

export interface EntrySuggestions {
	events: EventSuggestion[];
	claims: ClaimSuggestion[];
}

/**
 * The events and claims of the story an entry speaks to, that do not cite it yet: so a
 * suggestion once applied is not made again. `story` is the run's index, where the
 * caller has one (`npm run ingest` and `npm run update` do).
 */
export function suggestionsFor(entry: Entry<ArticleData>, content: ModelInput, story?: StoryIndex): EntrySuggestions {
	const paragraphs = paragraphTexts(entry.body ?? '');
	return {
		events: suggestEvents({ id: entry.id, published: entry.data.published, stops: entry.data.stops, paragraphs, title: entry.data.title }, content, story),
		claims: suggestClaims({ id: entry.id, paragraphs, title: entry.data.title, published: entry.data.published }, content, story),
	};
}

/**
 * The suggestions as report lines, one section each for what there is:
 *
 *     Suggested events (add with --apply):
 *       seoul#samsung-meeting: shares Samsung Electronics, Lee Jae-yong; the day before publication
 *     Suggested claims (add with --apply):
 *       meta-compute-h100 (differs): "…" — gives 600,000 where the sources say 350,000; …
 *     Inferred stops:
 *       seoul: named South Korea, where Seoul is the story's only stop, …
 *
 * Where there is nothing to suggest, one line says so.
 */
export function formatSuggestions(suggestions: {
	events: readonly Pick<EventSuggestion, 'stop' | 'event' | 'timing' | 'reason'>[];
	claims: readonly Pick<ClaimSuggestion, 'claim' | 'passage' | 'stance' | 'reason'>[];
	stops?: readonly { stop: string; reason: string }[] | undefined;
}): string[] {
	const { events, claims, stops = [] } = suggestions;
	const lines: string[] = [];
	if (events.length > 0) {
		lines.push('Suggested events (add with --apply):');
		for (const each of events) lines.push(`  ${each.stop}#${each.event}${each.timing === 'previewed' ? ' (previewed)' : ''}: ${each.reason}`);
	}
	if (claims.length > 0) {
		lines.push('Suggested claims (add with --apply):');
		for (const each of claims) lines.push(`  ${each.claim} (${each.stance}): "${each.passage}" — ${each.reason}`);
	}
	if (stops.length > 0) {
		lines.push('Inferred stops:');
		for (const each of stops) lines.push(`  ${each.stop}: ${each.reason}`);
	}
	return lines.length > 0 ? lines : ['No events or claims to suggest.'];
}


