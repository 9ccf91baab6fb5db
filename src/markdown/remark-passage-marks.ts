/**
 * Marks every cited passage of an article: the exact words become
 * `<mark class="passage" id="q-…">`, so a link from the fact ledger lands on them and
 * `:target` highlights them, with no JavaScript. A passage held inside another is
 * marked inside it. The article is known by its file path (the loader passes it).
 *
 * A passage that cannot be marked (it crosses formatting, or is not there) fails the
 * build: a ledger link must never point at nothing.
 */
import type { Emphasis, Parent, PhrasingContent, Root, RootContent, Text } from 'mdast';
import type {} from 'mdast-util-to-hast';
import type { VFile } from 'vfile';
import { countOf, plural } from '../lib/plural.ts';
import { passageAnchor } from '../lib/passage-anchor.ts';
import { collapseWhitespace } from '../lib/text.ts';

export interface PassageMarkOptions {
	/** The cited passages of each article, by article id: read for each body, so they may change between bodies. */
	passages: () => ReadonlyMap<string, readonly string[]>;
}

/** The article id of a file under an `articles/` folder, or undefined for any other file. */
export function articleIdOf(filePath: string | undefined): string | undefined {
	return filePath ? /[\\/]articles[\\/]([a-z0-9-]+)\.md$/.exec(filePath)?.[1] : undefined;
}

interface Range {
	start: number;
	end: number;
	words: string;
}

export function remarkPassageMarks(options: PassageMarkOptions) {
	return (tree: Root, file: VFile) => {
		const article = articleIdOf(file.path);
		const wanted = article ? options.passages().get(article) : undefined;
		if (!article || !wanted || wanted.length === 0) return;
		const pending = new Set(wanted.map(collapseWhitespace));

		const visit = (parent: Parent) => {
			for (let index = 0; index < parent.children.length; index++) {
				const child = parent.children[index] as RootContent;
				if (child.type === 'text' && pending.size > 0) {
					const ranges = findRanges(child.value, pending);
					if (ranges.length === 0) continue;
					for (const range of ranges) pending.delete(range.words);
					const replacement = markRanges(child.value, 0, child.value.length, ranges);
					parent.children.splice(index, 1, ...(replacement as RootContent[]));
					index += replacement.length - 1;
				} else if ('children' in child) {
					visit(child);
				}
			}
		};
		visit(tree);

		if (pending.size > 0) {
			throw new Error(
				`Article "${article}": ${countOf(pending.size, 'cited passage')} could not be marked, because ${plural(pending.size, 'it crosses', 'they cross')} formatting or ${plural(pending.size, 'is', 'are')} not in the text: ${[...pending].map((words) => JSON.stringify(words)).join('; ')}`,
			);
		}
	};
}

/** Where each pending passage first stands in `text`. */
function findRanges(text: string, pending: ReadonlySet<string>): Range[] {
	const ranges: Range[] = [];
	for (const words of pending) {
		const start = text.indexOf(words);
		if (start !== -1) ranges.push({ start, end: start + words.length, words });
	}
	// Outer passages first, so that a passage held in another is marked inside it.
	return ranges.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** The text between `from` and `to`, with the ranges inside it marked, nested where they nest. */
function markRanges(text: string, from: number, to: number, ranges: readonly Range[]): PhrasingContent[] {
	const nodes: PhrasingContent[] = [];
	let cursor = from;
	for (let index = 0; index < ranges.length; index++) {
		const range = ranges[index] as Range;
		if (range.start < cursor) continue; // Inside a range already marked.
		const inner = ranges.slice(index + 1).filter((other) => other.start >= range.start && other.end <= range.end);
		if (range.start > cursor) nodes.push(textNode(text.slice(cursor, range.start)));
		const mark: Emphasis = {
			type: 'emphasis',
			children: markRanges(text, range.start, range.end, inner),
			data: { hName: 'mark', hProperties: { id: passageAnchor(range.words), className: ['passage'] } },
		};
		nodes.push(mark);
		cursor = range.end;
	}
	if (cursor < to) nodes.push(textNode(text.slice(cursor, to)));
	return nodes;
}

function textNode(value: string): Text {
	return { type: 'text', value };
}
