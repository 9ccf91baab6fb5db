import { describe, expect, test } from 'vitest';
import { loadContent } from '../../src/content-files/load-content.ts';
import { createNameMatcher, createPatternMatcher, lowerCaseStretches, nameKey, type NameTarget } from '../../src/lib/name-matcher.ts';
import { indexNames } from '../../src/model/references.ts';
import { realContentDir } from '../support/content-fixtures.ts';

const names = new Map<string, NameTarget>([
	['Samsung', { kind: 'company', id: 'samsung-electronics' }],
	['Samsung Electronics Co.', { kind: 'company', id: 'samsung-electronics' }],
	['Jay Y. Lee', { kind: 'person', id: 'lee-jae-yong' }],
	['Lee Jae-yong', { kind: 'person', id: 'lee-jae-yong' }],
	['LG', { kind: 'company', id: 'lg-electronics' }],
	['Meta', { kind: 'company', id: 'meta' }],
]);
const matcher = createNameMatcher(names);

test('prefers the longest name where names overlap', () => {
	const found = matcher.find('Samsung Electronics Co. Chairman Jay Y. Lee said');
	expect(found.map((match) => match.name)).toEqual(['Samsung Electronics Co.', 'Jay Y. Lee']);
});

test('resolves both spellings of one person to the same id', () => {
	const ids = matcher.find('Jay Y. Lee, also written Lee Jae-yong').map((match) => match.target.id);
	expect(ids).toEqual(['lee-jae-yong', 'lee-jae-yong']);
});

test('matches whole words only, possessives included', () => {
	expect(matcher.find('Metaverse, LGBT and Samsungs are not names').map((m) => m.name)).toEqual([]);
	expect(matcher.find("Meta's and LG’s plans").map((m) => m.name)).toEqual(['Meta', 'LG']);
});

test('reports where each match starts and ends', () => {
	expect(matcher.find('Ask LG.')).toEqual([{ name: 'LG', start: 4, end: 6, target: { kind: 'company', id: 'lg-electronics' } }]);
});

describe('the word-indexed matcher', () => {
	test('finds exactly what one pattern of every name finds, in every paragraph of the content', async () => {
		const { input, paragraphs } = await loadContent(realContentDir);
		const { names } = indexNames(input);
		const fast = createNameMatcher(names);
		const pattern = createPatternMatcher(names);
		const texts = [...paragraphs.values()].flat();
		expect(texts.length).toBeGreaterThan(20);
		for (const text of texts) expect(fast.find(text), text).toEqual(pattern.find(text));
		expect(texts.some((text) => fast.find(text).length > 1)).toBe(true);
	});

	test('agrees with the pattern where names share first words, nest, and touch punctuation', () => {
		const tricky = new Map<string, NameTarget>([
			...names,
			['Samsung Electronics', { kind: 'company', id: 'samsung-electronics' }],
			['Lee', { kind: 'person', id: 'lee' }],
			['Jae', { kind: 'person', id: 'jae' }],
			['Électricité de France', { kind: 'company', id: 'edf' }],
			['3M', { kind: 'company', id: '3m' }],
		]);
		const text = "Samsung Electronics Co.'s Lee, Jae-yong; Samsung Electronics; Électricité de France and 3M, not 3Ms or Lees: Lee Jae-yong.";
		expect(createNameMatcher(tricky).find(text)).toEqual(createPatternMatcher(tricky).find(text));
		expect(createNameMatcher(tricky).find(text).map((match) => match.name)).toEqual([
			'Samsung Electronics Co.',
			'Lee',
			'Jae',
			'Samsung Electronics',
			'Électricité de France',
			'3M',
			'Lee Jae-yong',
		]);
	});

	test('agrees with the pattern over spellings that differ in case, hyphens and spacing', () => {
		const spelled = new Map<string, NameTarget>([
			...names,
			['Yoon Suk Yeol', { kind: 'person', id: 'yoon-suk-yeol' }],
			['Cho Joo-wan', { kind: 'person', id: 'william-cho' }],
		]);
		const text = 'YOON SUK YEOL met Yoon Suk-yeol and Yoon Sukyeol; CHO JOO-WAN is Cho Joowan, and cho joo-wan; meta and lee are words.';
		expect(createNameMatcher(spelled).find(text)).toEqual(createPatternMatcher(spelled).find(text));
		expect(createNameMatcher(spelled).find(text).map((match) => match.name)).toEqual(['YOON SUK YEOL', 'Yoon Suk-yeol', 'Yoon Sukyeol', 'CHO JOO-WAN', 'Cho Joowan', 'cho joo-wan']);
	});
});

describe('case', () => {
	const spelled = new Map<string, NameTarget>([
		...names,
		['Yoon Suk Yeol', { kind: 'person', id: 'yoon-suk-yeol' }],
		['Lee', { kind: 'person', id: 'lee' }],
		['Mark Zuckerberg', { kind: 'person', id: 'mark-zuckerberg' }],
	]);

	test('is ignored for a name of two or more words, written in lower case', () => {
		const found = createNameMatcher(spelled).find('the meta chief met president yoon suk-yeol, said mark zuckerberg and samsung electronics co.');
		expect(found.map((match) => [match.name, match.target.id])).toEqual([
			['yoon suk-yeol', 'yoon-suk-yeol'],
			['mark zuckerberg', 'mark-zuckerberg'],
			['samsung electronics co.', 'samsung-electronics'],
		]);
	});

	test('is kept for a name of one word, whose lower case may be a common word: "meta", "lee" and "lg" are no names', () => {
		expect(createNameMatcher(spelled).find('a meta study in the lee of the hill, lg or not')).toEqual([]);
		expect(createNameMatcher(spelled).find('Meta in the Lee of LG').map((match) => match.name)).toEqual(['Meta', 'Lee', 'LG']);
	});

	test('is treated alike by the word-indexed matcher and the pattern it is tested against', () => {
		const text = 'president yoon suk yeol and YOON SUK-YEOL met lee, Lee and jay y. lee of samsung electronics co.';
		expect(createNameMatcher(spelled).find(text)).toEqual(createPatternMatcher(spelled).find(text));
	});
});

describe('a line that has lost its capitals', () => {
	const spelled = new Map<string, NameTarget>([
		...names,
		['Zuckerberg', { kind: 'person', id: 'mark-zuckerberg' }],
		['William Cho', { kind: 'person', id: 'william-cho' }],
		['J.Y. Lee', { kind: 'person', id: 'lee-jae-yong' }],
		['Seoul', { kind: 'stop', id: 'seoul' }],
	]);
	const reading = createNameMatcher(spelled, { lowerCaseLines: true });
	const found = (text: string) => reading.find(text).map((match) => [match.name, match.target.id]);
	const headline = "meta's zuckerberg huddles with lg's william cho, samsung's j.y. lee as seoul visit kicks off";

	test('has every name matched in any case, where the sentence is written wholly in lower case', () => {
		expect(found(headline)).toEqual([
			['meta', 'meta'],
			['zuckerberg', 'mark-zuckerberg'],
			['lg', 'lg-electronics'],
			['william cho', 'william-cho'],
			['samsung', 'samsung-electronics'],
			['j.y. lee', 'lee-jae-yong'],
			['seoul', 'seoul'],
		]);
	});

	test('keeps a name of one word to its capital in the sentences around it that have capitals', () => {
		const text = `Tech Wrap: the meta study is out. ${headline}. LG said the lee of the hill was calm.`;
		expect(found(text).map(([name]) => name)).toEqual(['meta', 'zuckerberg', 'lg', 'william cho', 'samsung', 'j.y. lee', 'seoul', 'LG']);
		expect(found(`The meta study came out in seoul on Monday.\n${headline}`).map(([name]) => name)).toEqual(['meta', 'zuckerberg', 'lg', 'william cho', 'samsung', 'j.y. lee', 'seoul']);
	});

	test('is a sentence or a line, not a lone lower-case word or a short tag', () => {
		expect(lowerCaseStretches('meta')).toEqual([]);
		expect(found('tags: meta, seoul')).toEqual([]);
		expect(lowerCaseStretches(`Apple calls off its car.\n${headline}`)).toEqual([{ start: 25, end: 25 + headline.length }]);
	});

	test('does not end at the full stop of an initial or of "Co."', () => {
		expect(lowerCaseStretches('Samsung Electronics Co. chairman lee met him in seoul on wednesday')).toEqual([]);
		expect(lowerCaseStretches(headline)).toEqual([{ start: 0, end: headline.length }]);
	});

	test('is read alike by the word-indexed matcher and the pattern it is tested against', () => {
		const text = `Lee met lee. ${headline}. a meta study in the lee of the hill, lg or not`;
		expect(reading.find(text)).toEqual(createPatternMatcher(spelled, { lowerCaseLines: true }).find(text));
	});

	test('is read so only by a matcher made to: by default a name of one word needs its capital everywhere', () => {
		expect(createNameMatcher(spelled).find(headline).map((match) => match.name)).toEqual(['william cho', 'j.y. lee']);
	});
});

describe('a name in another spelling', () => {
	test('matches whatever its case, hyphens and spacing, and resolves to the same entity', () => {
		const spelled = new Map<string, NameTarget>([['Yoon Suk Yeol', { kind: 'person', id: 'yoon-suk-yeol' }], ...names]);
		expect(createNameMatcher(spelled).find('President Yoon Suk-yeol met LEE JAE-YONG').map((match) => [match.name, match.target.id])).toEqual([
			['Yoon Suk-yeol', 'yoon-suk-yeol'],
			['LEE JAE-YONG', 'lee-jae-yong'],
		]);
	});

	test('never matches a lower-case word for a capitalised name', () => {
		expect(matcher.find('a meta-analysis of lg panels').map((match) => match.name)).toEqual([]);
	});

	test('has one key for all its spellings, by which the model tells two entities that claim it', () => {
		expect(nameKey('Yoon Suk-yeol')).toBe(nameKey('YOON SUK YEOL'));
		expect(nameKey('Lee Jae-yong')).toBe(nameKey('Lee Jaeyong'));
		expect(nameKey('Lee Jae-yong')).not.toBe(nameKey('Jay Y. Lee'));
	});
});

describe('names in Korean and Japanese', () => {
	const cjk = createNameMatcher(
		new Map<string, NameTarget>([
			['이재용', { kind: 'person', id: 'lee-jae-yong' }],
			['삼성전자', { kind: 'company', id: 'samsung-electronics' }],
			['LG전자', { kind: 'company', id: 'lg-electronics' }],
			['메타', { kind: 'company', id: 'meta' }],
			['마크 저커버그', { kind: 'person', id: 'mark-zuckerberg' }],
			['서울', { kind: 'stop', id: 'seoul' }],
			['ザッカーバーグ', { kind: 'person', id: 'mark-zuckerberg' }],
			['マーク・ザッカーバーグ', { kind: 'person', id: 'mark-zuckerberg' }],
			['岸田', { kind: 'person', id: 'fumio-kishida' }],
			['サムスン電子', { kind: 'company', id: 'samsung-electronics' }],
			['李在鎔', { kind: 'person', id: 'lee-jae-yong' }],
			['メタ', { kind: 'company', id: 'meta' }],
		]),
	);
	const names = (text: string) => cjk.find(text).map((match) => match.name);

	test('matches a Korean name with the particle its word ends in, and leaves the particle out of the match', () => {
		expect(names('이재용 회장은 삼성전자와 LG전자의 사장을 서울에서 만났다.')).toEqual(['이재용', '삼성전자', 'LG전자', '서울']);
		expect(names('마크 저커버그는 이재용을 만났다.')).toEqual(['마크 저커버그', '이재용']);
	});

	test('does not match a Korean word that goes on past the name other than with a particle', () => {
		expect(names('메타버스와 서울대 연구진')).toEqual([]);
	});

	test('finds Japanese names among the words of a run with no spaces, and never inside a longer word', () => {
		expect(names('ザッカーバーグ氏は岸田首相と会談した。')).toEqual(['ザッカーバーグ', '岸田']);
		expect(names('マーク・ザッカーバーグ最高経営責任者はサムスン電子の李在鎔会長と')).toEqual(['マーク・ザッカーバーグ', 'サムスン電子', '李在鎔']);
		expect(names('メタバース事業')).toEqual([]);
	});

	test('reports where a match stands in the text, as it is written there', () => {
		const text = '【ソウル共同】米メタのザッカーバーグCEOは28日';
		for (const match of cjk.find(text)) expect(text.slice(match.start, match.end)).toBe(match.name);
		expect(names(text)).toEqual(['メタ', 'ザッカーバーグ']);
	});

	test('finds in Korean and Japanese exactly what the plain matcher finds', () => {
		const map = new Map<string, NameTarget>([
			['이재용', { kind: 'person', id: 'lee-jae-yong' }],
			['삼성', { kind: 'company', id: 'samsung-electronics' }],
			['삼성전자', { kind: 'company', id: 'samsung-electronics' }],
			['サムスン', { kind: 'company', id: 'samsung-electronics' }],
			['サムスン電子', { kind: 'company', id: 'samsung-electronics' }],
		]);
		const text = '삼성전자와 삼성의 이재용은 サムスン電子とサムスンの';
		expect(createNameMatcher(map).find(text)).toEqual(createPatternMatcher(map).find(text));
	});
});
