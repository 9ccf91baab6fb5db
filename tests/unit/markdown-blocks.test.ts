/**
 * The paragraphs of a body, the fast way for plain prose, and remark's way for the rest:
 * the two must always agree, or a passage's anchor would land on the wrong paragraph.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { loadContent } from '../../src/content-files/load-content.ts';
import { paragraphTexts, plainParagraphTexts, remarkParagraphTexts } from '../../src/lib/markdown-blocks.ts';
import { realContentDir } from '../support/content-fixtures.ts';

describe('the paragraphs of a body', () => {
	test('of plain prose are read without remark, exactly as remark reads them', () => {
		const body = 'First paragraph,\nover two lines.\n\n## A sub-head\n\nSecond  paragraph.   \n\n\n   Third one.\n';
		expect(plainParagraphTexts(body)).toEqual(['First paragraph, over two lines.', 'Second paragraph.', 'Third one.']);
		expect(plainParagraphTexts(body)).toEqual(remarkParagraphTexts(body));
	});

	test.each([
		['emphasis', 'It was *very* big.'],
		['a link', 'See [the page](https://example.org).'],
		['an entity', 'Samsung &amp; LG.'],
		['a list', '- one\n- two'],
		['an ordered list', '1. first\n2. second'],
		['a quote', '> quoted'],
		['a setext heading', 'Title\n===='],
		['indented code', '    code'],
		['an escape', 'Not \\*emphasis\\*.'],
		['HTML', '<b>bold</b> text'],
	])('are left to remark where the body holds %s', (_kind, body) => {
		expect(plainParagraphTexts(body)).toBeUndefined();
		expect(paragraphTexts(body)).toEqual(remarkParagraphTexts(body));
	});

	test('agree with remark for every article of the content', async () => {
		const { input } = await loadContent(realContentDir);
		for (const article of input.articles) expect(paragraphTexts(article.body ?? ''), article.id).toEqual(remarkParagraphTexts(article.body ?? ''));
	});

	test('agree with remark over random bodies of words, marks and blank lines', () => {
		const pieces = fc.constantFrom('Zuckerberg', 'met', 'Lee.', 'He', 'said', '1.', '-', '#', '##', '*', '_', '&', '[x]', '<i>', '\\', ' ', '  ', '\n', '\n\n', '\n   \n', '    ', '>', '=', '`', '2)', 'ü', '3');
		fc.assert(
			fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
				const body = parts.join(' ').replace(/ \n /g, '\n');
				expect(paragraphTexts(body)).toEqual(remarkParagraphTexts(body));
			}),
			{ seed: 20_240_228, numRuns: 2_000 },
		);
	});
});
