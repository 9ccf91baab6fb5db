/**
 * The judgement of ingest, measured on each labelled corpus (`CORPORA`, the one list of
 * them): the real ingest over feeds modelled on real outlets, scored against the labels by
 * scripts/lib/placement-eval.ts. Every figure must meet its target on each, and the
 * relevance threshold ingest ships must be the one fitted on them; EVALUATION.md has the
 * tables, written by `npm run eval:placement -- --write EVALUATION.md`.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { CORPORA, evaluatePlacement, fitOnCorpora, fitThreshold, inputsOf, LEAST, meetsTargets, readLabels, TARGETS, type PlacementResult } from '../../scripts/lib/placement-eval.ts';
import { loadContent } from '../../src/content-files/load-content.ts';
import { RELEVANCE_THRESHOLD } from '../../src/ingest/judge/relevance.ts';
import { projectContentDir, projectRoot } from '../support/content-fixtures.ts';

/** Each corpus evaluated once, whichever test asks first. */
const evaluated = new Map<string, Promise<PlacementResult>>();
function resultOf(dir: string): Promise<PlacementResult> {
	let result = evaluated.get(dir);
	if (!result) {
		result = loadContent(projectContentDir).then(({ input }) => evaluatePlacement(path.join(projectRoot, dir), input));
		evaluated.set(dir, result);
	}
	return result;
}

describe.each(CORPORA)('the corpus $dir', ({ dir, least = LEAST, targets }) => {
	const corpus = path.join(projectRoot, dir);
	let result: PlacementResult;

	beforeAll(async () => {
		result = await resultOf(dir);
	}, 60_000);

	test(`has at least 3 inputs and ${least.items} items: ${least.onTopic} on the story, ${least.hardNegatives} hard negatives`, async () => {
		const labels = await readLabels(corpus);
		expect(inputsOf(labels).length).toBeGreaterThanOrEqual(3);
		expect(labels.about.length).toBeGreaterThan(40);
		expect(result.items).toBeGreaterThanOrEqual(least.items);
		expect(result.onTopic).toBeGreaterThanOrEqual(least.onTopic);
		expect(result.hardNegatives).toBeGreaterThanOrEqual(least.hardNegatives);
	});

	test('is judged by ingest to every target: relevance, claims, stances, events, entities, languages, and no alias differs, caption passage, over-removal or mojibake', () => {
		expect(meetsTargets(result, targets), result.misses.join('\n')).toEqual([]);
	});

	test.each(Object.keys(TARGETS) as (keyof typeof TARGETS)[])('measures %s over something, not an empty set', (figure) => {
		expect(result.figures[figure].of).not.toMatch(/^0 of 0/);
	});

	test('keeps a gap between the scores of the story’s news and the rest, where the threshold lies', () => {
		expect(Math.min(...result.scores.onTopic)).toBeGreaterThan(Math.max(...result.scores.offTopic));
	});
});

describe('the corpora', () => {
	test('are every folder of tests/fixtures/ with labels, so that a new corpus is one line in CORPORA', async () => {
		const fixtures = path.join(projectRoot, 'tests/fixtures');
		const labelled: string[] = [];
		for (const name of await readdir(fixtures)) {
			const labels = await stat(path.join(fixtures, name, 'labels.yaml')).catch(() => undefined);
			if (labels?.isFile()) labelled.push(`tests/fixtures/${name}`);
		}
		expect(CORPORA.map((corpus) => corpus.dir).sort()).toEqual(labelled.sort());
	});

	test('give, by the fit, the relevance threshold ingest ships: RELEVANCE_THRESHOLD is what fitThreshold finds on them', async () => {
		const results = await Promise.all(CORPORA.map(async (corpus) => ({ corpus, result: await resultOf(corpus.dir) })));
		const fit = fitOnCorpora(results);
		expect(fit.items).toBeGreaterThan(60);
		expect(RELEVANCE_THRESHOLD).toBe(fit.threshold);
		expect(RELEVANCE_THRESHOLD).toBeGreaterThan(fit.highestOff);
		expect(RELEVANCE_THRESHOLD).toBeLessThanOrEqual(fit.lowestOn);
	}, 120_000);
});

describe('fitting the threshold', () => {
	test('puts it in the middle of the gap between the rest and the story’s news, rounded to a step of 0.05', () => {
		expect(fitThreshold([0.72, 0.85, 0.9], [0.05, 0.2, 0.37])).toMatchObject({ method: 'gap midpoint', threshold: 0.55, highestOff: 0.37, lowestOn: 0.72, precision: 1, recall: 1 });
	});

	test('takes the best F1 where the scores overlap, in the middle of the thresholds that give it', () => {
		const fit = fitThreshold([0.4, 0.8, 0.9], [0.1, 0.5, 0.2]);
		expect(fit.method).toBe('best F1');
		expect(fit.exact).toBeCloseTo(0.3);
		expect(fit).toMatchObject({ threshold: 0.3, precision: 0.75, recall: 1 });
	});
});
