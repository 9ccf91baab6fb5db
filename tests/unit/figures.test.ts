import { describe, expect, test } from 'vitest';
import { contentWords, stem } from '../../src/lib/content-words.ts';
import { comparable, findFigures, sameFigure } from '../../src/lib/figures.ts';

/** The figures of a text as `kind value unit` strings, for short assertions. */
const figures = (text: string) => findFigures(text).map(({ kind, value, unit }) => [kind, value, unit].filter(Boolean).join(' '));

describe('key figures', () => {
	test('normalises amounts written with commas, suffixes and words', () => {
		expect(figures('350,000 H100 chips, 600k GPUs, 1.5 billion dollars and two hours')).toEqual([
			'amount 350000 h100',
			'amount 600000 gpu',
			'amount 1500000000 dollar',
			'amount 2 hour',
		]);
	});

	test('reads "350,000" and "350k" as the same figure', () => {
		const [written, short] = [...findFigures('350,000 chips'), ...findFigures('350k chips')];
		expect(written && short && sameFigure(written, short)).toBe(true);
	});

	test('reads years, days of the month either way round, and weekdays', () => {
		expect(figures('In 2013 and 2014')).toEqual(['year 2013', 'year 2014']);
		expect(figures('on March 1, and on 1 March')).toEqual(['date 03-01', 'date 03-01']);
		expect(figures('today (Thursday, February 29)')).toEqual(['weekday thursday', 'date 02-29']);
	});

	test('reads a month named without its day, in English, Korean and Japanese, and "May" only where the month is meant', () => {
		expect(figures('Altman plans to visit Seoul in June, and again in March 2024.')).toEqual(['month 06', 'month 03', 'year 2024']);
		expect(figures('He met Lee on March 1, not in early-March talks.')).toEqual(['date 03-01', 'month 03']);
		expect(figures('3월 방한, 6月に訪日')).toEqual(['month 03', 'month 06']);
		expect(figures('He may visit in May, or in Feb 2025.')).toEqual(['month 05', 'month 02', 'year 2025']);
		expect(figures('Marching on, May I?')).toEqual([]);
	});

	test('takes the unit of a hyphenated amount', () => {
		expect(figures('The three-day festivities')).toEqual(['amount 3 day']);
	});

	test('reads percentages and sums of money as amounts of their own kind', () => {
		expect(figures('up 12% to $2bn')).toEqual(['amount 12 percent', 'amount 2000000000 money']);
		const [share, sum] = findFigures('12% and $12');
		expect(share && sum && comparable(share, sum)).toBe(false);
	});

	test('does not read model numbers as figures', () => {
		expect(figures('the H100, the Quest 3 headset, Llama 3 and the Galaxy S23')).toEqual([]);
	});

	test('still reads a small number after a capitalised word that is not a name', () => {
		expect(figures('In 30 minutes')).toEqual(['amount 30 minute']);
	});

	test('leaves out number words with no unit after them', () => {
		expect(figures('two of the five sources')).toEqual(['amount 5 source']);
	});

	test('compares amounts of time only in the same unit, and counts of things with each other', () => {
		const [hours, days] = findFigures('two hours and three days');
		const [chips, gpus] = findFigures('350,000 chips or 600k GPUs');
		expect(hours && days && comparable(hours, days)).toBe(false);
		expect(chips && gpus && comparable(chips, gpus)).toBe(true);
		expect(chips && hours && comparable(chips, hours)).toBe(false);
	});
});

describe('content words', () => {
	test('keeps the words that carry meaning, stemmed, each once', () => {
		expect(contentWords('He said the meetings were tentatively scheduled, and the meeting discussed chips.')).toEqual([
			'meet',
			'tentatively',
			'schedul',
			'discuss',
			'chip',
		]);
	});

	test('leaves out months, weekdays and numbers, which are figures', () => {
		expect(contentWords('On Thursday, 29 February, two hours')).toEqual(['hour']);
	});

	test('splits hyphenated words and drops possessives', () => {
		expect(contentWords("Samsung's pre-wedding")).toEqual(['samsung', 'pre', 'wedd']);
	});

	test('stems irregular forms too', () => {
		expect(['met', 'talks', 'celebrations', 'companies'].map(stem)).toEqual(['meet', 'talk', 'celebration', 'company']);
	});
});

test('reads Korean and Japanese days and weekdays as the English ones', () => {
	const values = (text: string) => findFigures(text).map((figure) => `${figure.kind}:${figure.value}`);
	expect(values('저커버그는 2월 28일 수요일 서울에서')).toEqual(['date:02-28', 'weekday:wednesday']);
	expect(values('ザッカーバーグ氏は2月27日（火曜日）に岸田首相と')).toEqual(['date:02-27', 'weekday:tuesday']);
	expect(values('이재용 회장과 28일(수) 회동했다')).toEqual(['weekday:wednesday']);
});
