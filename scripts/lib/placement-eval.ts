/**
 * The placement evaluation: the real ingest (src/ingest/take-in.ts, then the
 * suggestions of src/ingest/judge/suggest.ts) over a labelled corpus of feeds, scored
 * against its labels (tests/fixtures/placement/labels.yaml documents them).
 *
 * It runs as `npm run ingest -- <feed>…` would, feed after feed, each item seeing those
 * taken in before it, over a copy of the story held in memory; nothing is written. Then
 * it measures what an editor would check:
 * - relevance: precision and recall of the items taken in (a copy refused as such
 *   counts as taken in: the judgement of relevance was right);
 * - claims: precision and recall of the claims suggested for the items taken in, and
 *   how many of the right ones have the right stance;
 * - events: precision of the events suggested;
 * - entities: the share of the ids each item must list, and must not, that it gets right;
 * - differs made from a name that is the claim's own (an alias), and passages taken from
 *   a caption, which must both be none;
 * - the outlets' boilerplate recorded as removed, and no more: a line removed as
 *   boilerplate that the labels do not list as such is article text wrongly removed.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import yaml from 'js-yaml';
import { extractInput } from '../../src/ingest/pipeline.ts';
import { decodeBytes } from '../../src/ingest/read/decode.ts';
import { languageOfScript } from '../../src/ingest/read/language.ts';
import { startRun, takeIn, type Outcome } from '../../src/ingest/take-in.ts';
import type { ClaimSuggestion } from '../../src/ingest/judge/claims.ts';
import { nameKey } from '../../src/lib/name-matcher.ts';
import { indexNames } from '../../src/model/references.ts';
import type { ModelInput } from '../../src/model/types.ts';
import type { Stance } from '../../src/schema/index.ts';
import { suggestionsFor } from '../../src/ingest/judge/suggest.ts';
import { BOILERPLATE_REASONS } from '../../src/ingest/read/boilerplate.ts';

/** One item's labels (see the header of labels.yaml). */
export interface ItemLabel {
	/** The feed (or, for a page, the `file`) it comes from. */
	feed?: string;
	file?: string;
	/** A feed item's guid; none for a page. */
	guid?: string;
	relevant: boolean;
	/** The language it is written in; English where not given. */
	language?: string;
	/** The stop it belongs to, where it is on the story: its entry must list it. */
	stop?: string;
	copyOf?: string;
	claims?: Record<string, Stance>;
	acceptable?: Record<string, Stance[]>;
	events?: string[];
	acceptableEvents?: string[];
	must?: string[];
	mustNot?: string[];
	boilerplate?: string[];
	note?: string;
}

/** One input of a corpus: a feed or a page, with the charset a host would send for it (`none` for no charset). */
export interface CorpusInput {
	file: string;
	modelledOn?: string;
	servedCharset?: string;
}

export interface Labels {
	/** What the corpus is and who wrote it, for EVALUATION.md. */
	about: string;
	/** Its inputs: `feeds` (the English corpora) or `files` (feeds and pages, in their encodings). */
	feeds?: CorpusInput[];
	files?: CorpusInput[];
	items: ItemLabel[];
}

/** A corpus's inputs, whichever way its labels list them. */
export function inputsOf(labels: Labels): CorpusInput[] {
	return [...(labels.feeds ?? []), ...(labels.files ?? [])];
}

/** What a corpus must hold at least, where its line in `CORPORA` says nothing else: the issue's minimum. */
export const LEAST = { items: 30, onTopic: 12, hardNegatives: 15 } as const;

/** A labelled corpus: its folder, and how the evaluation uses it. */
export interface Corpus {
	/** The folder, from the project's root: its feeds and pages, and their `labels.yaml`. */
	dir: string;
	/** The least it must hold (`LEAST` where not given). */
	least?: { items: number; onTopic: number; hardNegatives: number };
	/** Its own targets, where they differ from `TARGETS`. */
	targets?: Partial<Record<keyof typeof TARGETS, number>>;
	/**
	 * Whether the relevance threshold is fitted on it (`fitThreshold`). A corpus held out
	 * from the code, which no one tuned on, is measured and not fitted on, so that its
	 * figures stay an honest measure.
	 */
	fitsThreshold?: boolean;
}

/**
 * Every labelled corpus, each a folder of feeds (and pages) with its `labels.yaml`: the one
 * list the evaluation, its test and EVALUATION.md read, so that a new corpus is one line
 * here (a test fails for a folder of tests/fixtures/ with labels that is not listed).
 * - placement: written with the code;
 * - placement-blind: written blind to the code, from the story and the label format alone,
 *   but the code was tuned on its misses since;
 * - cjk: Korean and Japanese pages and feeds in UTF-8, EUC-KR and Shift_JIS, written blind
 *   too and tuned on since. In another language, fewer claims may be suggested (their
 *   words are not the ledger's), so no recall is asked of it;
 * - placement-heldout: written blind to the code, and at first held out (measured, never
 *   fitted); the code was tuned on its misses since (relevance of a passing recollection,
 *   names in lower-case lines, future tense as a hedge, counterparts named besides, days of
 *   another act, digest intros), so the threshold is fitted on it too;
 * - placement-heldout-2: written blind to the code after that, and held out: measured,
 *   never fitted on. Its first measure met every target but the boilerplate removed (0.82:
 *   update notes, a labelled reporter's e-mail line, "Watch:" lines), whose rules were made
 *   general for those kinds since.
 */
export const CORPORA: readonly Corpus[] = [
	{ dir: 'tests/fixtures/placement', fitsThreshold: true },
	{ dir: 'tests/fixtures/placement-blind', fitsThreshold: true },
	{ dir: 'tests/fixtures/cjk', least: { items: 20, onTopic: 10, hardNegatives: 8 }, targets: { claimRecall: 0 }, fitsThreshold: true },
	{ dir: 'tests/fixtures/placement-heldout', fitsThreshold: true },
	{ dir: 'tests/fixtures/placement-heldout-2' },
];

/**
 * How the relevance threshold is fitted on the scores of labelled items: where the scores
 * of the story's news and of the rest do not overlap, the middle of the gap between the
 * lowest of the one and the highest of the other (the widest margin on both sides);
 * where they overlap, the threshold with the best F1, in the middle of the run of
 * thresholds that give it. Rounded to `THRESHOLD_STEP`, so that the constant moves only
 * when the scores do.
 */
export interface ThresholdFit {
	threshold: number;
	/** The unrounded value. */
	exact: number;
	method: 'gap midpoint' | 'best F1';
	/** The highest score of an item off the story, and the lowest of one on it. */
	highestOff: number;
	lowestOn: number;
	/** Precision and recall at the fitted threshold, over the items it was fitted on. */
	precision: number;
	recall: number;
	items: number;
}

/** The step the fitted threshold is rounded to. */
export const THRESHOLD_STEP = 0.05;

/** Fits the relevance threshold to the scores of the story's news (`onTopic`) and the rest (`offTopic`). */
export function fitThreshold(onTopic: readonly number[], offTopic: readonly number[]): ThresholdFit {
	const highestOff = Math.max(0, ...offTopic);
	const lowestOn = Math.min(1, ...onTopic);
	const measure = (threshold: number) => {
		const taken = onTopic.filter((score) => score >= threshold).length;
		const wrong = offTopic.filter((score) => score >= threshold).length;
		const precision = taken + wrong === 0 ? 1 : taken / (taken + wrong);
		const recall = onTopic.length === 0 ? 1 : taken / onTopic.length;
		return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
	};
	let exact: number;
	let method: ThresholdFit['method'];
	if (highestOff < lowestOn) {
		exact = (highestOff + lowestOn) / 2;
		method = 'gap midpoint';
	} else {
		// Every threshold between two neighbouring scores gives the same figures: try the midpoints.
		const scores = [...new Set([...onTopic, ...offTopic])].sort((a, b) => a - b);
		const candidates = scores.slice(1).map((score, index) => (score + (scores[index] ?? 0)) / 2);
		const f1s = candidates.map((threshold) => measure(threshold).f1);
		const best = Math.max(...f1s);
		const bestAt = candidates.filter((_, index) => f1s[index] === best);
		exact = ((bestAt[0] ?? 0.5) + (bestAt.at(-1) ?? 0.5)) / 2;
		method = 'best F1';
	}
	const threshold = Math.round(Math.round(exact / THRESHOLD_STEP) * THRESHOLD_STEP * 100) / 100;
	const { precision, recall } = measure(threshold);
	return { threshold, exact, method, highestOff, lowestOn, precision, recall, items: onTopic.length + offTopic.length };
}

/** Fits the threshold on the corpora marked `fitsThreshold`, from their results. */
export function fitOnCorpora(results: readonly { corpus: Corpus; result: PlacementResult }[]): ThresholdFit {
	const used = results.filter(({ corpus }) => corpus.fitsThreshold);
	return fitThreshold(
		used.flatMap(({ result }) => result.scores.onTopic),
		used.flatMap(({ result }) => result.scores.offTopic),
	);
}

/** The key an item is known by in reports: its guid, or its page's file. */
export function itemKey(label: ItemLabel): string {
	return label.guid ?? label.file ?? label.feed ?? '';
}

/** A corpus's labels. */
export async function readLabels(corpusDir: string): Promise<Labels> {
	return yaml.load(await readFile(path.join(corpusDir, 'labels.yaml'), 'utf8')) as Labels;
}

/** The targets of the judgement issue, each the least (or, for counts, the most) a figure may be. */
export const TARGETS = {
	relevancePrecision: 0.95,
	relevanceRecall: 0.9,
	claimPrecision: 0.85,
	claimRecall: 0.6,
	stanceAccuracy: 0.85,
	eventPrecision: 0.9,
	entityAccuracy: 0.95,
	aliasDiffers: 0,
	captionPassages: 0,
	boilerplateRemoved: 1,
	boilerplateOverRemoved: 0,
	languageAccuracy: 1,
	mojibake: 0,
} as const;

/** Figures that count what must not happen, whose target is the most they may be. */
const COUNTS: ReadonlySet<keyof typeof TARGETS> = new Set(['aliasDiffers', 'captionPassages', 'boilerplateOverRemoved', 'mojibake']);

/** Whether a figure counts what must not happen (its target is a most), rather than a share (its target is a least). */
export function isCount(figure: keyof typeof TARGETS): boolean {
	return COUNTS.has(figure);
}

/** A figure with what it was measured over: `{ value: 0.9, of: '9 of 10' }`. */
export interface Figure {
	value: number;
	of: string;
}

export interface PlacementResult {
	items: number;
	onTopic: number;
	/** Items not of the story. */
	offTopic: number;
	/** Of those, the ones labelled hard negatives: they name the story's places, companies or people. */
	hardNegatives: number;
	figures: Record<keyof typeof TARGETS, Figure>;
	/** Relevance precision and recall at other thresholds, for the fit. */
	sweep: { threshold: number; precision: number; recall: number }[];
	/** The scores of the items on and off the story: the gap the threshold sits in. */
	scores: { onTopic: number[]; offTopic: number[] };
	/** One line per miss, for reading what went wrong. */
	misses: string[];
}

/** A fraction as a figure; an empty measure counts as perfect (nothing was wrong). */
function ratio(right: number, all: number): Figure {
	return { value: all === 0 ? 1 : right / all, of: `${right} of ${all}` };
}

/** Runs the evaluation over the corpus in `corpusDir`, with `content` as the story it starts from. */
export async function evaluatePlacement(corpusDir: string, content: ModelInput): Promise<PlacementResult> {
	const labels = await readLabels(corpusDir);
	const labelOf = (file: string, single: boolean, guid: string | undefined, url: string | undefined) =>
		labels.items.find((item) => (item.feed ?? item.file) === file && (single ? item.guid === undefined : item.guid === guid || item.guid === url));
	const run = startRun(content);
	const outcomes: { label: ItemLabel; outcome: Outcome; removed: string[]; asBoilerplate: string[]; captions: string[] }[] = [];
	const misses: string[] = [];
	for (const input of inputsOf(labels)) {
		// Decoded as `npm run ingest` decodes what a host sends: by the charset it names, else by what the bytes declare.
		const bytes = await readFile(path.join(corpusDir, input.file));
		const extension = path.extname(input.file).toLowerCase();
		const served = input.servedCharset && input.servedCharset !== 'none' ? `${extension === '.html' ? 'text/html' : 'application/xml'}; charset=${input.servedCharset}` : undefined;
		const decoded = decodeBytes(bytes, served, extension === '.html' ? 'html' : extension === '.json' ? 'unknown' : 'xml');
		if (!decoded.ok) throw new Error(`${input.file} could not be decoded: ${decoded.reason}`);
		const extracted = extractInput({ origin: input.file, text: decoded.text, kind: extension, bytes, encoding: decoded.encoding });
		if (extracted.refusals.length > 0) throw new Error(`${input.file} could not be read: ${extracted.refusals.map((each) => each.reason).join('; ')}`);
		for (const skipped of extracted.skipped) misses.push(`${skipped.origin}: not read (${skipped.reason})`);
		for (const article of extracted.articles) {
			const label = labelOf(input.file, extracted.format !== 'feed', article.guid, article.url);
			if (!label) throw new Error(`${input.file}: no label for the item ${article.guid ?? article.url ?? article.origin}`);
			const outcome = await takeIn({ article }, run, { allowDuplicate: false, include: new Set() }, { existingSource: async () => undefined });
			const captions = article.removed.filter((each) => /caption/i.test(each.reason)).map((each) => each.text);
			const asBoilerplate = article.removed.filter((each) => BOILERPLATE_REASONS.has(each.reason)).map((each) => each.text);
			outcomes.push({ label, outcome, removed: article.removed.map((each) => each.text), asBoilerplate, captions });
		}
	}
	for (const label of labels.items) {
		if (!outcomes.some((each) => each.label === label)) misses.push(`${label.feed ?? label.file} ${itemKey(label)}: labelled, but not read from it`);
	}

	// Relevance: taken in (written, or refused as a copy) against the labels.
	const takenIn = (outcome: Outcome) => outcome.action === 'write' || (outcome.action === 'refuse' && /same text as the article/.test(outcome.reason));
	let truePositives = 0;
	let falsePositives = 0;
	let falseNegatives = 0;
	for (const { label, outcome } of outcomes) {
		const taken = takenIn(outcome);
		if (taken && label.relevant) truePositives++;
		if (taken && !label.relevant) {
			falsePositives++;
			misses.push(`relevance: took in ${itemKey(label)} (${label.note ?? 'off the story'}) at ${outcome.relevance?.score.toFixed(2)}`);
		}
		if (!taken && label.relevant) {
			falseNegatives++;
			misses.push(`relevance: left out ${itemKey(label)} at ${outcome.relevance?.score.toFixed(2)}: ${outcome.action === 'write' ? '' : outcome.reason}`);
		}
		if (label.copyOf && !(outcome.action === 'refuse' && /same text as the article/.test(outcome.reason))) {
			misses.push(`copy: ${itemKey(label)} is a copy of ${label.copyOf}, but was ${outcome.action === 'write' ? 'written' : `${outcome.action}ped: ${outcome.reason}`}`);
		}
	}

	// Suggestions, as ingest makes them once every item is in: for the items written.
	const written = outcomes.flatMap((each) => (each.outcome.action === 'write' ? [each] : []));
	let claimsSuggested = 0;
	let claimsRight = 0;
	let claimsRequired = 0;
	let claimsFound = 0;
	let stancesRight = 0;
	let eventsSuggested = 0;
	let eventsRight = 0;
	let entityChecks = 0;
	let entitiesRight = 0;
	let aliasDiffers = 0;
	let captionPassages = 0;
	let boilerplateExpected = 0;
	let boilerplateRemoved = 0;
	let overRemoved = 0;
	let removedAsBoilerplate = 0;
	let languagesRight = 0;
	let mojibake = 0;
	const { names } = indexNames(run.content);
	for (const { label, outcome, removed, asBoilerplate, captions } of written) {
		if (outcome.action !== 'write' || !label.relevant) continue;
		const entry = run.content.articles.find((article) => article.id === outcome.decision.id);
		if (!entry) continue;
		const { events, claims } = suggestionsFor(entry, run.content, run.story);
		const expectedClaims = label.claims ?? {};
		claimsRequired += Object.keys(expectedClaims).length;
		for (const suggestion of claims) {
			claimsSuggested++;
			const stances = expectedClaims[suggestion.claim] ? [expectedClaims[suggestion.claim] as Stance] : label.acceptable?.[suggestion.claim];
			if (!stances) {
				misses.push(`claim: ${itemKey(label)} suggested ${suggestion.claim} (${suggestion.stance}): "${suggestion.passage}" — ${suggestion.reason}`);
				continue;
			}
			claimsRight++;
			if (expectedClaims[suggestion.claim]) claimsFound++;
			if (stances.includes(suggestion.stance)) stancesRight++;
			else misses.push(`stance: ${itemKey(label)} ${suggestion.claim} is ${stances.join(' or ')}, suggested ${suggestion.stance}: "${suggestion.passage}" — ${suggestion.reason}`);
			if (isAliasDiffer(suggestion, names, run.content)) {
				aliasDiffers++;
				misses.push(`alias differs: ${itemKey(label)} ${suggestion.claim}: "${suggestion.says}" names the claim's own entity`);
			}
			if (captions.some((caption) => caption.includes(suggestion.passage) || suggestion.passage.includes(caption))) {
				captionPassages++;
				misses.push(`caption passage: ${itemKey(label)} ${suggestion.claim}: "${suggestion.passage}"`);
			}
		}
		for (const [claim, stance] of Object.entries(expectedClaims)) {
			if (!claims.some((suggestion) => suggestion.claim === claim)) misses.push(`claim: ${itemKey(label)} missed ${claim} (${stance})`);
		}
		for (const event of events) {
			eventsSuggested++;
			const key = `${event.stop}#${event.event}`;
			if ((label.events ?? []).includes(key) || (label.acceptableEvents ?? []).includes(key)) eventsRight++;
			else misses.push(`event: ${itemKey(label)} suggested ${key} (${event.reason})`);
		}
		const listed = new Set([...entry.data.stops, ...entry.data.countries, ...entry.data.companies, ...entry.data.people]);
		const language = label.language ?? 'en';
		if (entry.data.language === language) languagesRight++;
		else misses.push(`language: ${itemKey(label)} is ${language}, written as ${entry.data.language}`);
		// Mojibake: a replacement character, or text whose script is not its language's.
		const text = `${entry.data.title}\n${entry.body ?? ''}`;
		const script = languageOfScript(text)?.tag;
		if (text.includes('\uFFFD') || (language === 'ko' || language === 'ja' ? script !== language : script !== undefined)) {
			mojibake++;
			misses.push(`mojibake: ${itemKey(label)} reads as ${script ?? 'Latin'} text: "${text.slice(0, 60)}"`);
		}
		if (label.stop && !entry.data.stops.includes(label.stop)) misses.push(`stop: ${itemKey(label)} is at ${label.stop}, listed at ${entry.data.stops.join(', ') || 'no stop'}`);
		for (const id of label.stop && !(label.must ?? []).includes(label.stop) ? [label.stop] : []) {
			entityChecks++;
			if (listed.has(id)) entitiesRight++;
		}
		for (const id of label.must ?? []) {
			entityChecks++;
			if (listed.has(id)) entitiesRight++;
			else misses.push(`entity: ${itemKey(label)} does not list ${id}`);
		}
		for (const id of label.mustNot ?? []) {
			entityChecks++;
			if (!listed.has(id)) entitiesRight++;
			else misses.push(`entity: ${itemKey(label)} lists ${id}, which it must not`);
		}
		for (const line of label.boilerplate ?? []) {
			boilerplateExpected++;
			if (removed.includes(line) && !(entry.body ?? '').includes(line)) boilerplateRemoved++;
			else misses.push(`boilerplate: ${itemKey(label)} kept "${line}"`);
		}
		for (const line of asBoilerplate) {
			removedAsBoilerplate++;
			if ((label.boilerplate ?? []).includes(line)) continue;
			overRemoved++;
			misses.push(`over-removal: ${itemKey(label)} removed "${line}" as boilerplate, which the labels do not list as such`);
		}
	}

	const onTopic = outcomes.filter(({ label }) => label.relevant);
	const scoresOf = (relevant: boolean) => outcomes.filter(({ label }) => label.relevant === relevant).map(({ outcome }) => outcome.relevance?.score ?? 0).sort((a, b) => a - b);
	const sweep = [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8].map((threshold) => {
		const taken = outcomes.filter(({ outcome }) => (outcome.relevance?.score ?? 0) >= threshold);
		const right = taken.filter(({ label }) => label.relevant).length;
		return { threshold, precision: taken.length === 0 ? 1 : right / taken.length, recall: onTopic.length === 0 ? 1 : right / onTopic.length };
	});
	return {
		items: outcomes.length,
		onTopic: onTopic.length,
		offTopic: labels.items.filter((item) => !item.relevant).length,
		hardNegatives: labels.items.filter((item) => !item.relevant && /\bhard negative\b/i.test(item.note ?? '')).length,
		figures: {
			relevancePrecision: ratio(truePositives, truePositives + falsePositives),
			relevanceRecall: ratio(truePositives, truePositives + falseNegatives),
			claimPrecision: ratio(claimsRight, claimsSuggested),
			claimRecall: ratio(claimsFound, claimsRequired),
			stanceAccuracy: ratio(stancesRight, claimsRight),
			eventPrecision: ratio(eventsRight, eventsSuggested),
			entityAccuracy: ratio(entitiesRight, entityChecks),
			aliasDiffers: { value: aliasDiffers, of: `${aliasDiffers} of ${claimsSuggested} suggestions` },
			captionPassages: { value: captionPassages, of: `${captionPassages} of ${claimsSuggested} suggestions` },
			boilerplateRemoved: ratio(boilerplateRemoved, boilerplateExpected),
			boilerplateOverRemoved: { value: overRemoved, of: `${overRemoved} of ${removedAsBoilerplate} lines removed as boilerplate` },
			languageAccuracy: ratio(languagesRight, written.filter(({ label }) => label.relevant).length),
			mojibake: { value: mojibake, of: `${mojibake} of ${written.filter(({ label }) => label.relevant).length} entries` },
		},
		sweep,
		scores: { onTopic: scoresOf(true), offTopic: scoresOf(false) },
		misses,
	};
}

/** A `differs` whose `says` is a name of one of the claim's own entities: a spelling, not a difference. */
function isAliasDiffer(suggestion: ClaimSuggestion, names: ReturnType<typeof indexNames>['names'], content: ModelInput): boolean {
	if (suggestion.stance !== 'differs' || !suggestion.says) return false;
	const fact = (content.facts ?? []).find((each) => each.id === suggestion.claim);
	if (!fact) return false;
	const own = new Set([...fact.data.people.map((id) => `person:${id}`), ...fact.data.companies.map((id) => `company:${id}`)]);
	const key = nameKey(suggestion.says);
	return [...names].some(([name, target]) => nameKey(name) === key && own.has(`${target.kind}:${target.id}`));
}

/** The figures that miss their targets (`TARGETS`, with a corpus's own where it has them). */
export function meetsTargets(result: PlacementResult, own: Partial<Record<keyof typeof TARGETS, number>> = {}): { figure: keyof typeof TARGETS; value: number; target: number }[] {
	return (Object.keys(TARGETS) as (keyof typeof TARGETS)[])
		.map((figure) => ({ figure, value: result.figures[figure].value, target: own[figure] ?? TARGETS[figure] }))
		.filter(({ figure, value, target }) => (isCount(figure) ? value > target : value < target));
}
