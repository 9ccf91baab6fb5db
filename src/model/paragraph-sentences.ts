/**
 * The sentences of an article's paragraphs, split once. The content check (copies), the
 * model (mentions) and the dev server's next read all ask for the same paragraphs: the
 * split is kept for as long as the list of paragraphs lives, and a file that did not
 * change keeps its list from one read to the next (`src/content-files/load-content.ts`).
 *
 * The check runs in the config's module instance and the model in the pages', over the
 * same lists (the content snapshot's): the splits live in one well-known global slot of
 * the process, so that the model finds those the check made.
 */
import { splitSentences } from '../lib/sentences.ts';

interface Splits {
	split: WeakMap<readonly string[], readonly (readonly string[])[]>;
	distinct: WeakMap<readonly string[], ReadonlySet<string>>;
}

const SLOT = Symbol.for('zuckerberg-asia-tour.paragraph-sentences');
const holder = globalThis as { [SLOT]?: Splits };
const { split, distinct } = (holder[SLOT] ??= { split: new WeakMap(), distinct: new WeakMap() });

/** The sentences of each paragraph, in order: `splitSentences` of each. */
export function paragraphSentences(paragraphs: readonly string[]): readonly (readonly string[])[] {
	let sentences = split.get(paragraphs);
	if (!sentences) {
		sentences = paragraphs.map((paragraph) => splitSentences(paragraph));
		split.set(paragraphs, sentences);
	}
	return sentences;
}

/** Every distinct sentence of the paragraphs. */
export function distinctSentences(paragraphs: readonly string[]): ReadonlySet<string> {
	let set = distinct.get(paragraphs);
	if (!set) {
		set = new Set(paragraphSentences(paragraphs).flat());
		distinct.set(paragraphs, set);
	}
	return set;
}
