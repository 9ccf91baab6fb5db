/**
 * The timeline: every event and every publication, in order.
 *
 * Dates are local calendar days: an event on 29 February in Seoul is on the 29th,
 * whatever the reader's zone. Within a day, items that span several days or have
 * no time come first, then timed items by clock time, events before publications.
 */
import { compareText } from '../lib/compare.ts';
import type { ArticleNode, EventNode, TimelineItem } from './types.ts';

/** Orders events by local day, then untimed before timed, then clock time, then anchor. */
export function compareEvents(a: EventNode, b: EventNode): number {
	return compareLocalTime(a, b) || compareText(a.anchor, b.anchor);
}

/** Orders by local day, then untimed before timed, then clock time. */
function compareLocalTime(a: { date: string; time?: string | undefined }, b: { date: string; time?: string | undefined }): number {
	return (
		compareText(a.date, b.date) ||
		Number(a.time !== undefined) - Number(b.time !== undefined) ||
		compareText(a.time ?? '', b.time ?? '')
	);
}

export function buildTimeline(events: readonly EventNode[], articles: readonly ArticleNode[]): TimelineItem[] {
	const items: TimelineItem[] = [
		...events.map(
			(event): TimelineItem => ({
				kind: 'event',
				anchor: event.anchor,
				date: event.date,
				endDate: event.endDate,
				time: event.time,
				timeZone: event.timeZone,
				event,
			}),
		),
		...articles.map(
			(article): TimelineItem => ({
				kind: 'publication',
				anchor: `published-${article.id}`,
				date: article.publishedParts.date,
				time: article.publishedParts.time,
				offset: article.publishedParts.offset,
				article: article.id,
			}),
		),
	];
	return items.sort(
		(a, b) => compareLocalTime(a, b) || kindRank(a) - kindRank(b) || compareText(a.anchor, b.anchor),
	);
}

/** The days the timeline covers, each with its items, for a page grouped by day. */
export function groupByDay(items: readonly TimelineItem[]): { date: string; items: TimelineItem[] }[] {
	const days: { date: string; items: TimelineItem[] }[] = [];
	for (const item of items) {
		const last = days.at(-1);
		if (last?.date === item.date) last.items.push(item);
		else days.push({ date: item.date, items: [item] });
	}
	return days;
}

function kindRank(item: TimelineItem): number {
	return item.kind === 'event' ? 0 : 1;
}
