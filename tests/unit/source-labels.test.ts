import { describe, expect, test } from 'vitest';
import { labelSources, shortHeadline } from '../../src/model/source-labels.ts';

describe('a source’s short label', () => {
	test('is its outlet, else its byline, else its headline in short, with its day', () => {
		const labels = labelSources([
			{ id: 'a', title: 'Zuckerberg poised for a packed week in Asia', outlet: 'Bloomberg', date: '2024-02-26' },
			{ id: 'b', title: 'Zuckerberg’s Asia Expedition', author: 'Nicholas', date: '2024-02-26' },
			{ id: 'c', title: 'Zuckerberg meets LG, Samsung chiefs in Seoul as Meta ramps up AI ambitions', date: '2024-02-29' },
		]);
		expect([...labels.values()]).toEqual(['Bloomberg, 26 February', 'Nicholas, 26 February', '“Zuckerberg meets LG, Samsung…”, 29 February']);
	});

	test('says which of one outlet’s sources of one day it is, by its headline, and numbers copies that share that too', () => {
		const labels = labelSources([
			{ id: 'a', title: 'Zuckerberg meets Kishida', outlet: 'Kyodo', date: '2024-02-27' },
			{ id: 'b', title: 'Zuckerberg flies to Seoul', outlet: 'Kyodo', date: '2024-02-27' },
			{ id: 'c', title: 'Zuckerberg flies to Seoul', outlet: 'Kyodo', date: '2024-02-27' },
		]);
		expect([...labels.values()]).toEqual([
			'Kyodo: “Zuckerberg meets Kishida”, 27 February',
			'Kyodo: “Zuckerberg flies to Seoul”, 27 February (1)',
			'Kyodo: “Zuckerberg flies to Seoul”, 27 February (2)',
		]);
		expect(new Set(labels.values()).size).toBe(3);
	});

	test('cuts a headline at a word, or in an unspaced script at a character', () => {
		expect(shortHeadline('Zuckerberg meets LG, Samsung chiefs in Seoul as Meta ramps up AI ambitions')).toBe('“Zuckerberg meets LG, Samsung…”');
		expect(shortHeadline('ザッカーバーグ氏、岸田首相と面会　生成AIで意見交換、日本での開発者会議も')).toMatch(/^“ザッカーバーグ氏、岸田首相と面会[^”]*…”$/);
		expect(shortHeadline('Short')).toBe('“Short”');
	});
});
