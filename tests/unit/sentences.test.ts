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

test('keeps a run of initials inside its sentence: "J.Y. Lee" is one name', () => {
	expect(splitSentences('When Zuckerberg dined with Samsung Chairman J.Y. Lee in Seoul, chips came first. Then he left.')).toEqual([
		'When Zuckerberg dined with Samsung Chairman J.Y. Lee in Seoul, chips came first.',
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

test('splits Korean after a syllable and a full stop where the next sentence starts with a day, a bracket, a quote or a Latin word', () => {
	expect(splitSentences('저커버그는 28일 이재용 회장을 만났다. 29일에는 윤석열 대통령을 예방했다.')).toEqual(['저커버그는 28일 이재용 회장을 만났다.', '29일에는 윤석열 대통령을 예방했다.']);
	expect(splitSentences('두 사람은 AI 반도체를 논의했다. (서울=연합뉴스) 저커버그는 떠났다. "협력이 중요하다"고 그는 말했다. iPhone 얘기는 없었다. Meta는 답하지 않았다.')).toEqual([
		'두 사람은 AI 반도체를 논의했다.',
		'(서울=연합뉴스) 저커버그는 떠났다.',
		'"협력이 중요하다"고 그는 말했다.',
		'iPhone 얘기는 없었다.',
		'Meta는 답하지 않았다.',
	]);
	expect(splitSentences('회동은 2시간 동안 이어졌다고 한다?” 3월 1일 인도로 떠났다.')).toEqual(['회동은 2시간 동안 이어졌다고 한다?”', '3월 1일 인도로 떠났다.']);
});

test('keeps English abbreviations and decimals before a digit inside their sentence, in English or among Korean words', () => {
	expect(splitSentences('Shares rose in the U.S. 3.5 percent on Feb. 29 after the talks.')).toEqual(['Shares rose in the U.S. 3.5 percent on Feb. 29 after the talks.']);
	expect(splitSentences('메타 주가는 U.S. 3.5% 올랐고 Feb. 29 발표가 있었다.')).toEqual(['메타 주가는 U.S. 3.5% 올랐고 Feb. 29 발표가 있었다.']);
});
