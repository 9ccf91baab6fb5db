/**
 * The events of the story a candidate reports, or previews: those of its stops that one
 * of its sentences carries, by the event's counterpart and act (the LG meeting: LG or
 * William Cho, and a meeting, in one sentence), at a date that fits. A company named in
 * passing ("the Kospi rose as Samsung gained") is no report of the Samsung meeting,
 * and a sentence that denies the event ("no meeting with SK Telecom is planned") does
 * not report it either. An event with no counterpart but the subject (his arrival, his
 * developer meetings) is carried by its place and its own words.
 */
import { daysBetween, weekday } from '../../lib/calendar.ts';
import type { Figure } from '../../lib/figures.ts';
import type { ModelInput } from '../../model/types.ts';
import type { StopEventData } from '../../schema/index.ts';
import { calendarDay } from './place-article.ts';
import { actedBy, ACTS, meaningWords, readSentences } from './sentence-evidence.ts';
import { clausesOf, refutationIn } from './stance.ts';
import { TELLING_SHARE } from './claims.ts';
import { indexStory, type EntityKey, type StoryIndex } from './story-index.ts';

/**
 * How many days after publication an event may begin and still be suggested, as
 * previewed: an article can announce a meeting set for later in the week, but not
 * one a month away.
 */
export const PREVIEW_WINDOW_DAYS = 3;

/** What event suggestion needs to know about the article. */
export interface ArticleForEvents {
	/** The article's id, where it has one: events that already cite it are not suggested. */
	id?: string | undefined;
	/** `YYYY-MM-DD` or a date-time with offset; without it nothing is suggested. */
	published?: string | undefined;
	/** The stops it covers, inferred ones included: only their events are considered. */
	stops: readonly string[];
	/** The plain text of each paragraph, where the event must be carried. */
	paragraphs: readonly string[];
	/** Its headline, where it has one: whoever acts in it is the topic its first sentences' pronouns stand for. */
	title?: string | undefined;
}

/** Whether the article reports an event that has begun, or previews one to come. */
export type EventTiming = 'reported' | 'previewed';

export interface EventSuggestion {
	stop: string;
	/** The event's id within the stop. */
	event: string;
	timing: EventTiming;
	/** "names Samsung Electronics, Lee Jae-yong with "meet"; the day before publication". */
	reason: string;
	/** Higher is surer. */
	score: number;
}

/**
 * The events of the article's stops that a sentence of it carries, and that had begun
 * by its publication day, or began at most `PREVIEW_WINDOW_DAYS` after it; surest first.
 */
export function suggestEvents(article: ArticleForEvents, input: ModelInput, story: StoryIndex = indexStory(input)): EventSuggestion[] {
	const published = calendarDay(article.published);
	if (published === undefined) return [];
	const sentences = readSentences(article.paragraphs, story, article.title).filter((sentence) => !sentence.credit);
	// The words of each event's title, but its names; and which of them tell an event
	// from the others (few titles use them: "partners", not "meeting").
	const keysOf = new Map<StopEventData, string[]>();
	const usage = new Map<string, number>();
	for (const event of input.stops.flatMap((stop) => stop.data.events)) {
		const names = new Set(story.matcher.find(event.title).flatMap((match) => meaningWords(match.name)));
		const keys = meaningWords(event.title).filter((word) => !names.has(word));
		keysOf.set(event, keys);
		for (const word of keys) usage.set(word, (usage.get(word) ?? 0) + 1);
	}
	const most = Math.max(2, Math.floor(keysOf.size * TELLING_SHARE));
	const telling = (word: string) => (usage.get(word) ?? 0) <= most;
	const suggestions: (EventSuggestion & { date: string; order: number })[] = [];
	for (const stop of input.stops) {
		if (!article.stops.includes(stop.id)) continue;
		for (const event of stop.data.events) {
			if (article.id !== undefined && event.articles.includes(article.id)) continue;
			if (daysBetween(published, event.date) > PREVIEW_WINDOW_DAYS) continue;
			const counterparts = [...event.people.map((id) => `person:${id}` as const), ...event.companies.map((id) => `company:${id}` as const)].filter(
				(key: EntityKey) => !story.subject.has(key),
			);
			const participants = new Set<EntityKey>([...event.people.map((id) => `person:${id}` as const), ...event.companies.map((id) => `company:${id}` as const)]);
			const takesPart = [...participants].some((key) => story.subject.has(key));
			// Its place: the stop, and a country only where the title names it ("a ski trip in Japan").
			const inTitle = story.matcher.find(event.title).map((match) => `${match.target.kind}:${match.target.id}` as EntityKey);
			const places: EntityKey[] = [`stop:${stop.id}`, ...inTitle.filter((key) => key.startsWith('country:'))];
			const keys = keysOf.get(event) ?? [];
			let best: { score: number; named: string[]; said: string[] } | undefined;
			// Meeting someone is the act of every event that has someone to meet, whatever its title says.
			const acts = counterparts.length > 0 ? [...new Set([...keys, ...ACTS])] : keys;
			for (const sentence of sentences) {
				const named = counterparts.filter((key) => sentence.entities.has(key));
				const said = acts.filter((word) => sentence.words.has(word));
				// With no counterpart of its own, the event is not one whose sentence names another's.
				const othersNamed = [...sentence.entities.keys()].some((key) => story.counterparts.has(key));
				const carried =
					counterparts.length > 0
						? named.length > 0 && said.length > 0
						: !othersNamed && places.some((key) => sentence.entities.has(key)) && said.length >= Math.max(1, Math.ceil(keys.length / 3)) && said.some(telling);
				if (!carried) continue;
				// Whose act it is: the subject's, where he takes part in the event, and never someone else's.
				const actSpans = sentence.wordSpans.filter((span) => said.includes(span.word));
				if (!actedBy(sentence, actSpans, participants, takesPart)) continue;
				// The day: a weekday, date, month or year the sentence gives must fit the event's days.
				if (!fitsDays([...sentence.figures, ...relativeMonths(sentence.text, published)], event)) continue;
				// With no counterpart, the subject must be at the place, not coming from it ("flew in from Seoul").
				if (counterparts.length === 0 && places.every((key) => (sentence.entitySpans.get(key) ?? []).every((span) => /\bfrom\s+$/i.test(sentence.text.slice(0, span.start))))) continue;
				// A clause that denies the act does not report the event.
				const clauses = clausesOf(sentence.text).filter((clause) => said.some((word) => meaningWords(clause).includes(word)));
				if (clauses.some((clause) => refutationIn(clause))) continue;
				const score = named.length * 2 + said.length;
				if (!best || score > best.score) best = { score, named: named.map((key) => sentence.entities.get(key) ?? story.nameOf(key)), said };
			}
			if (!best) continue;
			suggestions.push({
				stop: stop.id,
				event: event.id,
				timing: event.date <= published ? 'reported' : 'previewed',
				reason: `${best.named.length > 0 ? `names ${best.named.join(', ')} with ` : ''}${best.said.map((word) => `"${word}"`).join(', ')}; ${dateRelation(event, published)}`,
				score: best.score,
				date: event.date,
				order: stop.data.order,
			});
		}
	}
	return suggestions
		.sort((a, b) => b.score - a.score || (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) || a.order - b.order)
		.map(({ date: _date, order: _order, ...suggestion }) => suggestion);
}

/**
 * When the event stands from the publication day, for readers: "the day before
 * publication", "under way at publication", "2 days after publication".
 */
export function dateRelation(event: Pick<StopEventData, 'date' | 'endDate'>, published: string): string {
	const end = event.endDate ?? event.date;
	const days = (count: number) => (count === 1 ? 'the day' : `${count} days`);
	if (published < event.date) return `${days(daysBetween(published, event.date))} after publication`;
	if (published > end) {
		return `${event.endDate && event.endDate !== event.date ? 'ended ' : ''}${days(daysBetween(end, published))} before publication`;
	}
	if (event.date === end) return 'the day of publication';
	return published === event.date ? 'began the day of publication' : 'under way at publication';
}

/**
 * Whether the days a sentence gives (weekdays, dates, months, years) all fall within an
 * event's days: "in June" is no report of a meeting in February, whatever else fits.
 */
export function fitsDays(figures: readonly Figure[], event: Pick<StopEventData, 'date' | 'endDate'>): boolean {
	const days: string[] = [];
	for (let day = event.date; day <= (event.endDate ?? event.date); day = nextDay(day)) days.push(day);
	return figures.every((figure) => {
		if (figure.kind === 'year') return days.some((day) => day.startsWith(figure.value));
		if (figure.kind === 'month') return days.some((day) => day.slice(5, 7) === figure.value);
		if (figure.kind === 'date') return days.some((day) => day.slice(5) === figure.value);
		if (figure.kind === 'weekday') return days.some((day) => weekday(day).toLowerCase() === figure.value);
		return true;
	});
}

/** Months named from the publication day ("next month", "last month", "this month"), as month figures. */
export function relativeMonths(text: string, published: string): Figure[] {
	const month = Number(published.slice(5, 7));
	const shift: Record<string, number> = { last: -1, previous: -1, this: 0, next: 1, coming: 1 };
	return [...text.matchAll(/\b(last|previous|this|next|coming) month\b/gi)].map((match) => {
		const value = ((month - 1 + (shift[(match[1] ?? '').toLowerCase()] ?? 0) + 12) % 12) + 1;
		return { kind: 'month', value: String(value).padStart(2, '0'), unit: '', text: match[0] };
	});
}

/** The calendar day after `day`, `YYYY-MM-DD`. */
function nextDay(day: string): string {
	const [year, month, date] = day.split('-').map(Number) as [number, number, number];
	return new Date(Date.UTC(year, month - 1, date + 1)).toISOString().slice(0, 10);
}
