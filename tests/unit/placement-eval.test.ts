/**
 * The judgement of ingest, measured on each labelled corpus (`CORPORA`: the one written
 * with the code, tests/fixtures/placement/, and the one written blind to it,
 * tests/fixtures/placement-blind/): the real ingest over three feeds modelled on real
 * outlets, scored against the labels by scripts/lib/placement-eval.ts. Every figure must
 * meet its target on each; EVALUATION.md has the tables, written by
 * `npm run eval:placement -- --write EVALUATION.md`.
 */
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { CORPORA, evaluatePlacement, inputsOf, meetsTargets, readLabels, TARGETS, type PlacementResult } from '../../scripts/lib/placement-eval.ts';
import { loadContent } from '../../src/content-files/load-content.ts';
import { projectContentDir, projectRoot } from '../support/content-fixtures.ts';

describe.each(CORPORA)('the corpus $dir', ({ dir, least, targets }) => {
	const corpus = path.join(projectRoot, dir);
	let result: PlacementResult;

	beforeAll(async () => {
		result = await evaluatePlacement(corpus, (await loadContent(projectContentDir)).input);
	}, 60_000);

	test(`has at least 3 inputs and ${least.items} items: ${least.onTopic} on the story, ${least.hardNegatives} hard negatives`, async () => {
		const labels = await readLabels(corpus);
		expect(inputsOf(labels).length).toBeGreaterThanOrEqual(3);
		expect(labels.about.length).toBeGreaterThan(40);
		expect(result.items).toBeGreaterThanOrEqual(least.items);
		expect(result.onTopic).toBeGreaterThanOrEqual(least.onTopic);
		expect(result.hardNegatives).toBeGreaterThanOrEqual(least.hardNegatives);
	});

	test('is judged by ingest to every target: relevance, claims, stances, events, entities, languages, and no alias differs, caption passage or mojibake', () => {
		expect(meetsTargets(result, targets), result.misses.join('\n')).toEqual([]);
	});

	test.each(Object.keys(TARGETS) as (keyof typeof TARGETS)[])('measures %s over something, not an empty set', (figure) => {
		expect(result.figures[figure].of).not.toMatch(/^0 of 0/);
	});

	test('keeps a gap between the scores of the story’s news and the rest, where the threshold lies', () => {
		expect(Math.min(...result.scores.onTopic)).toBeGreaterThan(Math.max(...result.scores.offTopic));
	});
});
