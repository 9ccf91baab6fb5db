import { expect, test } from 'vitest';
import { splitSentences } from '../../src/lib/sentences.ts';

test('splits at a full stop, question or exclamation mark followed by a capital', () => {
	expect(splitSentences('He met Lee. They talked! Why? Nobody said.')).toEqual(['He met Lee.', 'They talked!', 'Why?', 'Nobody said.']);
});

test('keeps initials and company suffixes inside their sentence', () => {
	expect(splitSentences('He’ll also meet Samsung Electronics Co. Chairman Jay Y. Lee to discuss AI. Then he left.')).toEqual([
		'He’ll also meet Samsung Electronics Co. Chairman Jay Y. Lee to discuss AI.',
		'Then he left.',
	]);
});

test('ends a sentence after a closing quotation mark', () => {
	expect(splitSentences('He said it was “massive.” By the end of 2024, more.')).toEqual(['He said it was “massive.”', 'By the end of 2024, more.']);
});

test('does not split inside a number or before a lower-case word', () => {
	expect(splitSentences('It is 2.5 times larger. e.g. this stays.')).toEqual(['It is 2.5 times larger. e.g. this stays.']);
});

test('splits Japanese at 。！？, with or without a space, keeping closing brackets with their sentence', () => {
	expect(splitSentences('岸田首相と会談した。両氏はAIについて話した！「本当に？」と記者は尋ねた。')).toEqual(['岸田首相と会談した。', '両氏はAIについて話した！', '「本当に？」と記者は尋ねた。']);
});

test('splits Korean at a full stop followed by a space, though no capital follows', () => {
	expect(splitSentences('저커버그는 이재용 회장을 만났다. 두 사람은 AI 반도체를 논의했다. Meta said so.')).toEqual(['저커버그는 이재용 회장을 만났다.', '두 사람은 AI 반도체를 논의했다.', 'Meta said so.']);
});
