/**
 * Does a candidate belong to the story? A score from 0 to 1, and the evidence for it in
 * words, for every text, page or feed item before anything is written.
 *
 * The evidence is what news clustering uses (Miranda et al., EMNLP 2018: TF-IDF
 * similarity, named entities by role, and time), read as a careful editor reads:
 * - **who acts**: the story's subject (whoever takes part in most of its events: Mark
 *   Zuckerberg, and Meta) as the actor of a sentence (by name, as "he", as "the Meta
 *   chief"; judge/actors.ts), or as the one a counterpart meets ("Yoon met Zuckerberg"),
 *   above all in the headline and the lead. A sentence in which someone else acts is no
 *   evidence ("Huang met Lee, a day after the Meta founder left the city"); a mere
 *   mention of the subject counts for little, and outside the headline and lead for less;
 * - **whom he meets, and where**: a counterpart of the story's events (Lee Jae-yong,
 *   Samsung, President Yoon) or a stop of it named in a sentence in which he acts;
 * - **whose news it is**: where someone else acts in the headline or the first sentence,
 *   and the subject is in neither, the item is that person's news, whatever the rest of
 *   it recalls of his;
 * - **when**: published within the story's span, or near it; the score fades with each
 *   week beyond;
 * - **how it reads**: the TF-IDF cosine of its headline with the story's headlines, and of
 *   its body with the story's bodies.
 *
 * One place or one company named alone is never enough: without the subject, the
 * evidence counts for a quarter. The threshold is fitted on the labelled corpora
 * (scripts/lib/placement-eval.ts, `fitThreshold`; EVALUATION.md), not guessed.
 */
import { daysBetween, formatDayMonth } from '../../lib/calendar.ts';
import { listInWords } from '../../lib/plural.ts';
import { splitSentences } from '../../lib/sentences.ts';
import type { ExtractedArticle } from '../types.ts';
import type { Clause } from './actors.ts';
import { calendarDay } from './place-article.ts';
import { isOthersSentence, readTexts, takesPart, type SentenceEvidence } from './sentence-evidence.ts';
import type { EntityKey, StoryIndex } from './story-index.ts';

/**
 * The least score of an item the story takes in. It is fitted on the labelled corpora:
 * `fitThreshold` in scripts/lib/placement-eval.ts puts it in the middle of the widest gap
 * between the scores of the story's news and of the rest, and a test holds this constant
 * to what the fit gives (EVALUATION.md, "The threshold").
 */
export const RELEVANCE_THRESHOLD = 0.55;

/** The weights of the evidence, each a share of what makes an item certain. */
export const WEIGHTS = {
	/** The subject person acting in the text (in the headline or lead; elsewhere times `outsideLead`). */
	subjectPerson: 1,
	/** …and in the headline, acting or named. */
	subjectInHeadline: 0.5,
	/** Only the subject company acting, not the person. */
	subjectCompanyOnly: 0.3,
	/** The subject named, but not acting: in the headline or lead (elsewhere times `outsideLead`). */
	subjectMentioned: 0.4,
	/** A counterpart named in a sentence in which the subject acts (at most `MOST_COUNTERPARTS` count). */
	counterpartWithSubject: 0.8,
	/** A counterpart named, but not with the subject. */
	counterpartAlone: 0.15,
	/** A stop named in a sentence in which the subject acts. */
	stopWithSubject: 0.8,
	/** A stop named, but not with the subject. */
	stopAlone: 0.25,
	/** The country of a stop named in a sentence in which the subject acts ("Zuckerberg in South Korea"). */
	countryWithSubject: 0.4,
	/** Times the best cosine of the headline with a headline of the story. */
	titleSimilarity: 1,
	/** Times the best cosine of the body with a body of the story. */
	bodySimilarity: 2,
	/** What evidence from outside the headline and the lead counts for. */
	outsideLead: 0.5,
	/** What the evidence counts for where the subject is not named at all, or only where someone else acts. */
	withoutSubject: 0.25,
	/**
	 * What it counts for where the subject is only named, outside the headline and lead, and
	 * never acts; or where he acts only in recollections of a past act outside them
	 * ("Zuckerberg discussed AI with Yoon last week"), which are not the item's news.
	 */
	mentionedInPassing: 0.35,
	/**
	 * What it counts for where the subject acts, but not in the headline nor the lead: the
	 * story's news names him acting there, so an item that leaves him to its body is at most
	 * a passing recollection ("South Korea to host AI summit …; Zuckerberg discussed AI
	 * with Yoon in Seoul").
	 */
	actsOutsideLead: 0.5,
	/** What it counts for where someone else acts in the headline or first sentence, and the subject is in neither: another person's news. */
	othersNews: 0.3,
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

/**
 * Words that date an act before the item's own news, as a recollection: "last week", "the
 * week before", "earlier this month", "a few days ago", "during his visit". Outside the
 * headline and lead, an act so dated is recalled, not reported.
 */
export const RECOLLECTION =
	/\b(?:last (?:week|month|year)|the (?:day|week|month|year) before|(?:a|one|two|three|four|five|several|a few) (?:days?|weeks?|months?) (?:ago|earlier|before)|(?:days|weeks|months) (?:ago|earlier)|earlier (?:this|that|last) (?:week|month|year)|(?:during|on|in the course of) (?:his|her|their|the) (?:recent |earlier |last |previous )?(?:visit|trip|tour|stay|stop|swing)\b|when (?:he|she|they) (?:visited|was in|were in|came to|stopped in))/iu;

/** The lead: the first paragraph, and the second too where the first is shorter than this many words (a standfirst or a label). */
export const LEAD_WORDS = 12;

export interface Relevance {
	/** From 0 (nothing of the story) to 1 (certainly the story's news), two decimals. */
	score: number;
	relevant: boolean;
	/** The evidence, in words: "names Mark Zuckerberg and Lee Jae-yong, Seoul; 28 February; body close to 3 articles of the story, title to 2". */
	evidence: string;
}

/** Where a sentence stands: its weight as evidence. */
type Place = 'headline' | 'lead' | 'body';

/** What one sentence says of the subject. */
interface SentenceJudgement {
	place: Place;
	/** Whether the subject acts in it (or is the one met), in a sentence not someone else's. */
	acts: boolean;
	/** Whether it names the subject, in a sentence not someone else's. */
	named: boolean;
	/** Whether the subject person (not only his company) acts or is named. */
	person: boolean;
	/** Whether someone else acts in it, and the subject is not in its main clause. */
	othersSentence: boolean;
	/** The entities it names where the subject acts with them. */
	withSubject: EntityKey[];
	/** The subject's entities it names or refers to ("the Meta chief" is Mark Zuckerberg), in a sentence not someone else's. */
	subjectKeys: EntityKey[];
	evidence: SentenceEvidence;
}

/** Scores an extracted article against the story. */
export function judgeRelevance(article: Pick<ExtractedArticle, 'title' | 'blocks' | 'published'>, story: StoryIndex): Relevance {
	const paragraphs = article.blocks.flatMap((block) => (block.type === 'list' ? block.items : [block.text]));
	const firstWords = (paragraphs[0] ?? '').split(/\s+/).length;
	const leadParagraphs = firstWords < LEAD_WORDS ? 2 : 1;
	const placed: { text: string; place: Place }[] = [
		...(article.title ? [{ text: article.title, place: 'headline' as const }] : []),
		...paragraphs.flatMap((paragraph, index) => splitSentences(paragraph).map((text) => ({ text, place: index < leadParagraphs ? ('lead' as const) : ('body' as const) }))),
	];
	const read = readTexts(
		placed.map((each) => each.text),
		story,
	);
	const subjects = [...story.subject];
	const isSubject = (key: EntityKey) => story.subject.has(key);
	const judged = read.map((evidence, index) => judgeSentence(evidence, placed[index]?.place ?? 'body', isSubject));

	const weight = (place: Place) => (place === 'body' ? WEIGHTS.outsideLead : 1);
	const best = (values: number[]) => Math.max(0, ...values);
	const named = new Set(judged.flatMap((each) => [...each.evidence.entities.keys()]));
	const evidence: string[] = [];
	let sum = 0;

	// Who acts: the subject, by how plainly and where.
	const personActs = best(judged.filter((each) => each.acts && each.person).map((each) => weight(each.place)));
	const companyActs = best(judged.filter((each) => each.acts).map((each) => weight(each.place)));
	const mentioned = best(judged.filter((each) => each.named).map((each) => weight(each.place)));
	if (personActs > 0) sum += WEIGHTS.subjectPerson * personActs;
	else if (companyActs > 0) sum += WEIGHTS.subjectCompanyOnly * companyActs;
	else if (mentioned > 0) sum += WEIGHTS.subjectMentioned * mentioned;
	if (judged.some((each) => each.place === 'headline' && (each.acts || each.named) && each.person)) sum += WEIGHTS.subjectInHeadline;

	// Whom he meets and where: in sentences in which he acts, by where they stand.
	const withSubject = new Map<EntityKey, number>();
	for (const each of judged) for (const key of each.withSubject) withSubject.set(key, Math.max(withSubject.get(key) ?? 0, weight(each.place)));
	const counterparts = [...story.counterparts].filter((key) => named.has(key));
	const meeting = counterparts.filter((key) => withSubject.has(key));
	const meetingWeights = meeting.map((key) => withSubject.get(key) ?? 0).sort((a, b) => b - a);
	sum += meetingWeights.slice(0, MOST_COUNTERPARTS).reduce((total, each) => total + each * WEIGHTS.counterpartWithSubject, 0);
	sum += Math.min(counterparts.length - meeting.length, MOST_COUNTERPARTS) * WEIGHTS.counterpartAlone;
	const stops = [...named].filter((key) => key.startsWith('stop:'));
	const stopsWithSubject = stops.filter((key) => withSubject.has(key));
	if (stopsWithSubject.length > 0) sum += WEIGHTS.stopWithSubject * best(stopsWithSubject.map((key) => withSubject.get(key) ?? 0));
	else if (stops.length > 0) sum += WEIGHTS.stopAlone;
	const countries = [...story.stopCountries].filter((key) => withSubject.has(key));
	if (countries.length > 0) sum += WEIGHTS.countryWithSubject * best(countries.map((key) => withSubject.get(key) ?? 0));
	const ofTheTour = meeting.length > 0 || stopsWithSubject.length > 0 || countries.length > 0;

	// How it reads: the headline against the story's headlines, the body against its bodies.
	const titleClose = article.title ? story.similar(article.title, 10, 'title') : [];
	const bodyClose = story.similar(paragraphs.join('\n'), 10, 'body');
	const titleBest = titleClose[0]?.score ?? 0;
	const bodyBest = bodyClose[0]?.score ?? 0;
	sum += WEIGHTS.titleSimilarity * titleBest + WEIGHTS.bodySimilarity * bodyBest;

	// Whose news it is: the subject's, his in passing, someone else's, or no one's of the story.
	const acts = personActs > 0 || companyActs > 0;
	const inLead = judged.some((each) => each.place !== 'body' && (each.acts || each.named));
	const hasSubject = acts || mentioned > 0;
	// Whose news it is, the headline and the first sentence say: "OpenAI's Altman to visit Seoul".
	const opening = judged.filter((each, index) => each.place === 'headline' || index === judged.findIndex((other) => other.place !== 'headline'));
	const othersLead = opening.some((each) => each.othersSentence) && !opening.some((each) => each.acts || each.named);
	// Whether it is his news at all: he acts in the headline or the lead, or only further down,
	// and there perhaps only in recollections of what he did before.
	const actsInLead = judged.some((each) => each.place !== 'body' && each.acts);
	const recalled = (each: SentenceJudgement) => each.place === 'body' && RECOLLECTION.test(each.evidence.text);
	const onlyRecalled = acts && !actsInLead && judged.every((each) => !each.acts || recalled(each));
	const subjectFactor = !hasSubject
		? WEIGHTS.withoutSubject
		: (!acts && !inLead) || onlyRecalled
			? WEIGHTS.mentionedInPassing
			: !actsInLead && acts
				? WEIGHTS.actsOutsideLead
				: 1;
	const whose = hasSubject && othersLead ? WEIGHTS.othersNews : 1;
	const day = calendarDay(article.published);
	const time = timeFactor(day, story.span);
	const tour = hasSubject && !ofTheTour ? WEIGHTS.withoutTour : 1;
	const score = Math.round((1 - Math.exp(-sum / 2)) * time * tour * subjectFactor * whose * 100) / 100;

	const subjectNamed = subjects.filter((key) => judged.some((each) => each.subjectKeys.includes(key)));
	const person = subjectNamed.filter((key) => key.startsWith('person:'));
	const shown = person.length > 0 ? person : subjectNamed.length > 0 ? subjectNamed : acts ? subjects.filter((key) => key.startsWith('person:')) : [];
	const who = [...shown, ...meeting].map(story.nameOf);
	if (who.length > 0) evidence.push(`names ${listInWords(who)}${stops.length > 0 ? `, ${listInWords(stops.map(story.nameOf))}` : ''}`);
	else if (named.size > 0) evidence.push(`names ${listInWords([...named].slice(0, 4).map(story.nameOf))}`);
	if (named.size === 0 && !hasSubject) evidence.push('names nothing of the story');
	else if (!hasSubject) {
		const inOthers = judged.some((each) => each.othersSentence && subjects.some((key) => each.evidence.entities.has(key)));
		evidence.push(inOthers ? `but ${listInWords(subjects.map(story.nameOf))} only where someone else acts` : `but not ${listInWords(subjects.map(story.nameOf))}`);
	}
	else if (othersLead) evidence.push(`someone else's news (${opening.find((each) => each.othersSentence)?.evidence.reading.actor.text} acts in the headline and lead)`);
	else if (!acts && !inLead) evidence.push(`${listInWords(subjects.map(story.nameOf))} only named in passing`);
	else if (onlyRecalled) evidence.push(`${listInWords(subjects.map(story.nameOf))} only recalled, acting before, outside the headline and lead`);
	else if (!actsInLead && acts) evidence.push(`${listInWords(subjects.map(story.nameOf))} not acting in the headline or lead`);
	if (hasSubject && !ofTheTour) evidence.push('with no counterpart, stop or country of the story in a sentence with them');
	const others = counterparts.filter((key) => !meeting.includes(key));
	if (hasSubject && others.length > 0) evidence.push(`${listInWords(others.map(story.nameOf))} not with ${listInWords(subjects.map(story.nameOf))}`);
	if (day) evidence.push(time < 1 ? `${formatDayMonth(day)}, ${distanceInWords(day, story.span)}` : formatDayMonth(day));
	else evidence.push('no date');
	evidence.push(closenessInWords(titleClose, bodyClose, Boolean(article.title)));
	return { score, relevant: score >= RELEVANCE_THRESHOLD, evidence: evidence.join('; ').replace(/; but /, ', but ') };
}

/**
 * What one sentence says of the subject: whether he acts in it (its actor, by name,
 * pronoun or title; or named in a clause that says a meeting or a journey, as the one
 * met), whether it names him, and whom and where he acts with. A sentence in which
 * someone else acts, and whose main clause does not name him, says nothing of him. A
 * Korean or Japanese sentence, not read for its actor, speaks of him where it names him.
 */
function judgeSentence(evidence: SentenceEvidence, place: Place, isSubject: (key: EntityKey) => boolean): SentenceJudgement {
	const { reading } = evidence;
	const namesSubject = [...evidence.entities.keys()].some(isSubject);
	const personNamed = [...evidence.entities.keys()].some((key) => isSubject(key) && key.startsWith('person:'));
	const othersSentence = isOthersSentence(evidence);
	const named = [...evidence.entities.keys()].filter(isSubject);
	const inClauses = (clauses: readonly Clause[]) =>
		[...evidence.entitySpans].filter(([, spans]) => spans.some((span) => clauses.some((clause) => clause.spans.some((each) => span.start >= each.start && span.start < each.end)))).map(([key]) => key);
	// In someone else's sentence, only a clause in which he is met says whom and where: "…, after CEO William Cho met Meta chief Mark Zuckerberg in Seoul".
	if (othersSentence) return { place, acts: false, named: false, person: false, othersSentence, withSubject: inClauses(reading.clauses.filter((clause) => takesPart(evidence, clause))), subjectKeys: [], evidence };
	if (reading.unread) {
		return { place, acts: namesSubject, named: namesSubject, person: personNamed, othersSentence, withSubject: namesSubject ? [...evidence.entities.keys()] : [], subjectKeys: named, evidence };
	}
	const acting = reading.clauses.filter((clause) => clause.actor.role === 'subject' || takesPart(evidence, clause));
	const acts = acting.length > 0;
	const personIn = (clause: Clause) =>
		[...evidence.entitySpans].some(([key, spans]) => isSubject(key) && key.startsWith('person:') && spans.some((span) => clause.spans.some((each) => span.start >= each.start && span.end <= each.end)));
	const person = acting.some((clause) => clause.actor.keys.some((key) => key.startsWith('person:')) || personIn(clause));
	// Whom and where he acts with: what the sentence names, but in clauses in which someone else acts.
	const inOthersClauses = (start: number) => reading.clauses.some((clause) => clause.actor.role === 'other' && !clause.subjectNamed && clause.spans.some((each) => start >= each.start && start < each.end));
	const withSubject = acts ? [...evidence.entitySpans].filter(([, spans]) => spans.some((span) => !inOthersClauses(span.start))).map(([key]) => key) : [];
	const subjectKeys = [...new Set([...named, ...acting.flatMap((clause) => clause.actor.keys.filter(isSubject))])];
	return { place, acts, named: namesSubject || acts, person: acts ? person : personNamed, othersSentence, withSubject, subjectKeys, evidence };
}

/** "body close to 3 articles of the story, title to 2", or how close the best came. */
function closenessInWords(titleClose: readonly { score: number }[], bodyClose: readonly { score: number }[], hasTitle: boolean): string {
	const near = (close: readonly { score: number }[]) => close.filter((each) => each.score >= CLOSE_COSINE).length;
	const [titles, bodies] = [near(titleClose), near(bodyClose)];
	const best = (close: readonly { score: number }[]) => (close[0]?.score ?? 0).toFixed(2);
	const body = bodies > 0 ? `body close to ${bodies} article${bodies === 1 ? '' : 's'} of the story` : `body close to no article of the story (best ${best(bodyClose)})`;
	const title = !hasTitle ? '' : titles > 0 ? `, title to ${titles}` : `, title to none (best ${best(titleClose)})`;
	return `${body}${title}`;
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

/** The report line of a judgement: "0.82: names Mark Zuckerberg and Lee Jae-yong, Seoul; 28 February; body close to 3 articles of the story, title to 2". */
export function relevanceLine(relevance: Relevance): string {
	return `${relevance.score.toFixed(2)}: ${relevance.evidence}`;
}
