/**
 * Does a candidate belong to the story? A score from 0 to 1, and the evidence for it in
 * words, for every text, page or feed item before anything is written.
 *
 * The evidence is what news clustering uses (Miranda et al., EMNLP 2018: TF-IDF
 * similarity, named entities by role, and time), read as a careful editor reads:
 * - **who acts**: the story's subject (whoever takes part in most of its events: Mark
 *   Zuckerberg, and Meta) named in the text, and above all in its headline;
 * - **whom he meets, and where**: a counterpart of the story's events (Lee Jae-yong,
 *   Samsung, President Yoon) or a stop of it named in the same sentence as the subject
 *   (or as "he", once the subject is named);
 * - **when**: published within the story's span, or near it; the score fades with each
 *   week beyond;
 * - **how it reads**: the TF-IDF cosine of its words with the story's own articles.
 *
 * One place or one company named alone is never enough: without the subject, the
 * evidence counts for a quarter. The threshold is fitted on the labelled corpus in
 * tests/fixtures/placement/ (EVALUATION.md), not guessed.
 */
import { daysBetween, formatDayMonth } from '../../lib/calendar.ts';
import { listInWords } from '../../lib/plural.ts';
import { splitSentences } from '../../lib/sentences.ts';
import type { ExtractedArticle } from '../types.ts';
import { calendarDay } from './place-article.ts';
import type { EntityKey, StoryIndex } from './story-index.ts';

/** The least score of an item the story takes in: fitted on the labelled corpus (EVALUATION.md). */
export const RELEVANCE_THRESHOLD = 0.5;

/** The weights of the evidence, each a share of what makes an item certain. */
export const WEIGHTS = {
	/** The subject person named in the text. */
	subjectPerson: 1,
	/** …and in the headline. */
	subjectInHeadline: 0.5,
	/** Only the subject company named, not the person. */
	subjectCompanyOnly: 0.3,
	/** A counterpart named in one sentence with the subject (at most `MOST_COUNTERPARTS` count). */
	counterpartWithSubject: 0.8,
	/** A counterpart named, but not with the subject. */
	counterpartAlone: 0.15,
	/** A stop named in one sentence with the subject. */
	stopWithSubject: 0.8,
	/** A stop named, but not with the subject. */
	stopAlone: 0.25,
	/** The country of a stop named in one sentence with the subject ("Zuckerberg in South Korea"). */
	countryWithSubject: 0.4,
	/** Times the best cosine of the text with an article of the story. */
	similarity: 2.5,
	/** What the evidence counts for where the subject is not named at all. */
	withoutSubject: 0.25,
	/**
	 * What the score counts for where the subject is named, but with nothing of the tour:
	 * no counterpart, stop or country of a stop in a sentence with him (his other news).
	 */
	withoutTour: 0.6,
} as const;

/** Counterparts that count, each once: three names do not make an item three times surer. */
export const MOST_COUNTERPARTS = 2;

/** Days before the story's first stop and after its last within which news counts in full. */
export const SPAN_MARGIN_DAYS = 7;

/** Beyond that margin, the score halves with every so many days. */
export const HALF_LIFE_DAYS = 7;

/** The cosine from which a story article counts as close to the candidate, for the report. */
export const CLOSE_COSINE = 0.2;

export interface Relevance {
	/** From 0 (nothing of the story) to 1 (certainly the story's news), two decimals. */
	score: number;
	relevant: boolean;
	/** The evidence, in words: "names Mark Zuckerberg and Lee Jae-yong, Seoul, 28 Feb; body close to 3 articles of the story". */
	evidence: string;
}

/** Pronouns that carry the subject person on, once he has been named. */
const HE = /\b(?:he|his|him)\b/i;

/** Scores an extracted article against the story. */
export function judgeRelevance(article: Pick<ExtractedArticle, 'title' | 'blocks' | 'published'>, story: StoryIndex): Relevance {
	const body = article.blocks.flatMap((block) => (block.type === 'list' ? block.items : [block.text]));
	const sentences = [...(article.title ? [article.title] : []), ...body.flatMap(splitSentences)];
	const keysIn = (text: string) => new Set(story.matcher.find(text).map((match) => `${match.target.kind}:${match.target.id}` as EntityKey));
	const headline = article.title ? keysIn(article.title) : new Set<EntityKey>();

	const subjects = [...story.subject];
	const subjectPeople = subjects.filter((key) => key.startsWith('person:'));
	const named = new Set<EntityKey>();
	const withSubject = new Set<EntityKey>();
	let subjectSeen = false;
	for (const sentence of sentences) {
		const keys = keysIn(sentence);
		for (const key of keys) named.add(key);
		const subjectHere = subjects.some((key) => keys.has(key)) || (subjectSeen && subjectPeople.length > 0 && HE.test(sentence));
		if (subjectPeople.some((key) => keys.has(key))) subjectSeen = true;
		if (subjectHere) for (const key of keys) withSubject.add(key);
	}

	const evidence: string[] = [];
	let sum = 0;
	const person = subjectPeople.filter((key) => named.has(key));
	const company = subjects.filter((key) => !key.startsWith('person:') && named.has(key));
	if (person.length > 0) {
		sum += WEIGHTS.subjectPerson;
		if (person.some((key) => headline.has(key))) sum += WEIGHTS.subjectInHeadline;
	} else if (company.length > 0) sum += WEIGHTS.subjectCompanyOnly;

	const counterparts = [...story.counterparts].filter((key) => named.has(key));
	const meeting = counterparts.filter((key) => withSubject.has(key));
	sum += Math.min(meeting.length, MOST_COUNTERPARTS) * WEIGHTS.counterpartWithSubject;
	sum += Math.min(counterparts.length - meeting.length, MOST_COUNTERPARTS) * WEIGHTS.counterpartAlone;
	const stops = [...named].filter((key) => key.startsWith('stop:'));
	if (stops.some((key) => withSubject.has(key))) sum += WEIGHTS.stopWithSubject;
	else if (stops.length > 0) sum += WEIGHTS.stopAlone;
	const countries = [...story.stopCountries].filter((key) => withSubject.has(key));
	if (countries.length > 0) sum += WEIGHTS.countryWithSubject;
	const ofTheTour = meeting.length > 0 || stops.some((key) => withSubject.has(key)) || countries.length > 0;

	const close = story.similar(sentences.join('\n'), 10);
	const best = close[0]?.score ?? 0;
	sum += WEIGHTS.similarity * best;

	const hasSubject = person.length > 0 || company.length > 0;
	if (!hasSubject) sum *= WEIGHTS.withoutSubject;
	const day = calendarDay(article.published);
	const time = timeFactor(day, story.span);
	const tour = hasSubject && !ofTheTour ? WEIGHTS.withoutTour : 1;
	const score = Math.round((1 - Math.exp(-sum / 2)) * time * tour * 100) / 100;

	const who = [...person, ...company.filter(() => person.length === 0), ...meeting].map(story.nameOf);
	if (who.length > 0) evidence.push(`names ${listInWords(who)}${stops.length > 0 ? `, ${listInWords(stops.map(story.nameOf))}` : ''}`);
	else if (named.size > 0) evidence.push(`names ${listInWords([...named].slice(0, 4).map(story.nameOf))}`);
	if (named.size === 0) evidence.push('names nothing of the story');
	else if (!hasSubject) evidence.push(`but not ${listInWords(subjects.map(story.nameOf))}`);
	else if (!ofTheTour) evidence.push('with no counterpart, stop or country of the story in a sentence with them');
	const others = counterparts.filter((key) => !meeting.includes(key));
	if (hasSubject && others.length > 0) evidence.push(`${listInWords(others.map(story.nameOf))} not with ${listInWords(subjects.map(story.nameOf))}`);
	if (day) evidence.push(time < 1 ? `${formatDayMonth(day)}, ${distanceInWords(day, story.span)}` : formatDayMonth(day));
	else evidence.push('no date');
	const near = close.filter((each) => each.score >= CLOSE_COSINE).length;
	evidence.push(near > 0 ? `body close to ${near} article${near === 1 ? '' : 's'} of the story` : `body close to no article of the story (best ${best.toFixed(2)})`);
	return { score, relevant: score >= RELEVANCE_THRESHOLD, evidence: evidence.join('; ').replace(/; but not/, ', but not') };
}

/** 1 within the story's span and its margin; halving with every `HALF_LIFE_DAYS` beyond; 1 where either date is unknown. */
export function timeFactor(day: string | undefined, span: StoryIndex['span']): number {
	const outside = daysOutside(day, span);
	return outside <= 0 ? 1 : 0.5 ** (outside / HALF_LIFE_DAYS);
}

/** How many days a day lies beyond the story's span and its margin (0 or less within). */
function daysOutside(day: string | undefined, span: StoryIndex['span']): number {
	if (!day || !span) return 0;
	return Math.max(daysBetween(day, span.start) - SPAN_MARGIN_DAYS, daysBetween(span.end, day) - SPAN_MARGIN_DAYS, 0);
}

/** "16 days before the story", "a month after it". */
function distanceInWords(day: string, span: StoryIndex['span']): string {
	if (!span) return '';
	const before = daysBetween(day, span.start);
	return before > 0 ? `${before} days before the story` : `${daysBetween(span.end, day)} days after it`;
}

/** The report line of a judgement: "0.82: names Mark Zuckerberg and Lee Jae-yong, Seoul; 28 February; body close to 3 articles of the story". */
export function relevanceLine(relevance: Relevance): string {
	return `${relevance.score.toFixed(2)}: ${relevance.evidence}`;
}
