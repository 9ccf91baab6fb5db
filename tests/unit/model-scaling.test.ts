/**
 * buildModel stays linear: the time per record at 20,000 articles is compared with the
 * time per record at 2,000, in the same run, with a generous factor. A quadratic step
 * (every article against every article, every claim against every article) makes the
 * large run markedly slower per record, not about as fast.
 */
import { expect, test } from 'vitest';
import { buildModel } from '../../src/model/index.ts';
import { syntheticStory } from '../support/synthetic-story.ts';

function millisecondsPerArticle(articles: number): number {
	const input = syntheticStory(articles);
	const started = performance.now();
	const model = buildModel(input);
	const elapsed = performance.now() - started;
	expect(model.articles).toHaveLength(articles);
	return elapsed / articles;
}

test('building the model takes about as long per record at 20,000 articles as at 2,000', { timeout: 240_000 }, () => {
	millisecondsPerArticle(500); // Warm up the JIT, so the first size is not penalised.
	const small = millisecondsPerArticle(2_000);
	const large = millisecondsPerArticle(20_000);
	console.log(`buildModel: ${small.toFixed(3)} ms per article at 2,000; ${large.toFixed(3)} ms per article at 20,000 (ratio ${(large / small).toFixed(2)})`);
	// Linear growth measures about 1 here. A list of every silent article on every claim,
	// the quadratic step this test was tuned on, measured 2.4; 2 catches it and still
	// leaves a noisy machine twice the room linear growth needs.
	expect(large / small).toBeLessThan(2);
});
