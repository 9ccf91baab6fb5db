/**
 * Proves an article body is its source, word for word.
 *
 * From the raw source text we take away what the entry records as moved or removed
 * (the headline, the dateline lines, each piece of debris); every sentence left must
 * then stand in the body. The other way round, every paragraph, heading and list item
 * of the body must stand in the source: nothing added, nothing reworded.
 */
import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { remark } from 'remark';
import type { ArticleData } from '../schema/index.ts';
import type { Problem } from '../lib/problems.ts';
import { splitSentences } from '../lib/sentences.ts';
import { collapseWhitespace } from '../lib/text.ts';

/** The text of each paragraph, heading and list item of a markdown body, as readers see it. */
export function bodyBlocks(markdown: string): string[] {
	const blocks: string[] = [];
	const visit = (node: Root | RootContent) => {
		if (node.type === 'paragraph' || node.type === 'heading') {
			blocks.push(collapseWhitespace(toString(node)));
			return;
		}
		if ('children' in node) for (const child of node.children) visit(child);
	};
	visit(remark().parse(markdown));
	return blocks.filter((block) => block !== '');
}

/**
 * Compares an article with its raw source and returns the differences as problems:
 * recorded removals that are not in the source, sentences of the source missing from
 * the body, and body text that is not in the source.
 */
export function compareWithSource(
	file: string,
	data: Pick<ArticleData, 'title' | 'dateline' | 'removed' | 'inferred' | 'seed'>,
	body: string,
	source: string,
	/**
	 * `text` for a plain-text source, which holds the headline and every removal;
	 * `extracted` for the text extracted from a web page or feed item, which holds
	 * neither (the headline comes from the page's data, and removals such as photo
	 * captions were taken out by the extraction, each on record).
	 */
	sourceKind: 'text' | 'extracted' = 'text',
): Problem[] {
	const problems: Problem[] = [];
	let remaining = source.replace(/\r\n?/g, '\n');

	const take = (text: string, field: string) => {
		const at = remaining.indexOf(text);
		if (at === -1) {
			problems.push({ file, field, expected: `expected text that occurs in the source ${data.seed}`, found: JSON.stringify(text) });
			return;
		}
		remaining = remaining.slice(0, at) + remaining.slice(at + text.length);
	};

	if (!data.inferred?.title && sourceKind === 'text') take(data.title, 'title');
	(data.dateline ?? '')
		.split('\n')
		.map((line) => line.trim())
		.filter((line) => line !== '')
		.forEach((line) => take(line, 'dateline'));
	data.removed.forEach((removal, index) => {
		if (sourceKind === 'text' || remaining.includes(removal.text)) take(removal.text, `removed[${index}].text`);
	});

	const blocks = bodyBlocks(body);
	const bodyText = blocks.join('\n');
	for (const line of remaining.split('\n')) {
		const prose = line.trim().replace(/^[-*•]\s+/, '');
		for (const sentence of splitSentences(prose)) {
			if (!bodyText.includes(sentence)) {
				problems.push({
					file,
					field: 'body',
					expected: `expected every sentence of the source ${data.seed} (or a record of its removal)`,
					found: `this sentence missing: ${JSON.stringify(sentence)}`,
				});
			}
		}
	}

	const sourceText = collapseWhitespace(source);
	for (const block of blocks) {
		if (!sourceText.includes(block)) {
			problems.push({
				file,
				field: 'body',
				expected: `expected only text that stands in the source ${data.seed}`,
				found: `text the source does not have: ${JSON.stringify(block.length > 100 ? `${block.slice(0, 99)}…` : block)}`,
			});
		}
	}
	return problems;
}
