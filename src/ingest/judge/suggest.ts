/**
 * The suggestions for an article, as the report prints them: the events of the story it
 * reports (events.ts) and the claims of the fact ledger it speaks to (claims.ts), each
 * with its reason. Nothing here writes: `write/apply-suggestions.ts` does that, with
 * `--apply`.
 */
import type { ClaimSuggestion } from './claims.ts';
import type { EventSuggestion } from './events.ts';

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


