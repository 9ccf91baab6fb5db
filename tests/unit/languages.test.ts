/**
 * Reading an article's language, and making an id for a headline in any script.
 */
import { describe, expect, test } from 'vitest';
import { idFor, readableSlug } from '../../src/ingest/pipeline.ts';
import { judgeLanguage, languageOfScript, primaryTag } from '../../src/ingest/read/language.ts';
import { romaniseHeadline } from '../../src/ingest/write/romanise.ts';

const article = (text: string, language?: string, from?: string) => ({
	title: undefined,
	blocks: [{ type: 'paragraph' as const, text }],
	language,
	provenance: from ? { language: from } : {},
});

describe('the language of an article', () => {
	test('is told by its script first: Hangul is Korean, kana are Japanese, though the feed says otherwise', async () => {
		expect(await judgeLanguage(article('저커버그 메타 CEO가 28일 서울에서 이재용 삼성전자 회장과 회동했다.', 'en', 'feed language'))).toEqual({
			tag: 'ko',
			from: 'the text (Hangul), though feed language says en',
		});
		expect(await judgeLanguage(article('ザッカーバーグ氏は岸田首相と会談した。', 'ja-JP', '<html lang>'))).toEqual({ tag: 'ja', from: 'the text (kana and kanji), as <html lang> says ja-JP' });
	});

	test('is detected by eld in a Latin script, with what the page declares as evidence', async () => {
		expect(await judgeLanguage(article('Meta chief executive Mark Zuckerberg met Samsung chairman Lee Jae-yong in Seoul on Wednesday evening.', 'en', '<html lang>'))).toEqual({
			tag: 'en',
			from: 'the text (eld), as <html lang> says en',
		});
		expect((await judgeLanguage(article('Le patron de Meta a rencontré mercredi soir le président de Samsung à Séoul pour parler de puces.'))).tag).toBe('fr');
	});

	test('is the editor’s where given, over everything else', async () => {
		expect(await judgeLanguage(article('저커버그가 서울에 왔다.'), 'ja')).toEqual({ tag: 'ja', from: '--language' });
	});

	test('reads a tag’s primary language, and no script in a text of figures', () => {
		expect(primaryTag('ko-KR')).toBe('ko');
		expect(primaryTag('en_US')).toBe('en');
		expect(languageOfScript('2024 · 350,000')).toBeUndefined();
	});
});

describe('an entry’s id', () => {
	test('comes from a headline in Latin letters, as always', () => {
		expect(idFor({ title: 'Zuckerberg meets Lee in Seoul', url: 'https://news.example/a/AKR123' })).toBe('zuckerberg-meets-lee-in-seoul');
	});

	test('comes from the address’s slug where it reads as words, for a headline in another script', () => {
		expect(idFor({ title: '저커버그, 서울서 이재용 회장과 회동', url: 'https://news.example/2024/02/28/zuckerberg-meets-lee-jae-yong-in-seoul' })).toBe('zuckerberg-meets-lee-jae-yong-in-seoul');
		expect(readableSlug('https://news.example/view.php?ud=20240228000912')).toBeUndefined();
		expect(readableSlug('https://news.example/view/AKR20240228123400003')).toBeUndefined();
		expect(readableSlug('https://news.example/2024/02/28/LGXR7QK2Z5HDBM.html')).toBeUndefined();
	});

	test('comes from the romanised headline where the address is a code', async () => {
		const title = '저커버그, 서울서 이재용 회장과 회동…AI 반도체 협력';
		const latin = await romaniseHeadline(title, 'ko');
		expect(latin).toMatch(/jeokeobeogeu\s+seoulseo\s+ijaeyong\s+hoejanggwa\s+hoedong\s+ai\s+bandoche/i);
		expect(idFor({ title, url: 'https://news.example/view/AKR20240228123400003' }, latin)).toBe('jeokeobeogeu-seoulseo-ijaeyong-hoejanggwa-hoedong-ai'); // cut at a word, at most about 60 characters
		expect(await romaniseHeadline('岸田首相と会談', 'ja')).toMatch(/^kishida shushō to kaidan$/);
	});

	test('reads full-width letters and half-width kana in their compatibility form: "ＡＩ" gives `ai`, never `a-i`', async () => {
		const title = 'ｻﾞｯｶｰﾊﾞｰｸﾞ氏、岸田首相とＡＩで会談';
		const latin = await romaniseHeadline(title, 'ja');
		expect(idFor({ title, url: 'https://news.example/articles/DGXZQO1234' }, latin)).toBe('zakkabagu-shi-kishida-shusho-to-ai-de-kaidan');
		expect(idFor({ title: 'ＡＩ ｃｈｉｐｓ ａｎｄ Ｌｌａｍａ ３' })).toBe('ai-chips-and-llama-3');
		expect(readableSlug('https://news.example/2024/02/27/ＡＩ-ｃｈｉｐ-ｔａｌｋｓ')).toBe('ai-chip-talks');
	});

	test('comes from the outlet, the day and a short hash where nothing else reads, the same for the same article', () => {
		const item = { title: '中国語の見出し', url: 'https://news.example/view/8731', outlet: 'Han River Wire', published: '2024-02-28T09:00:00+09:00' };
		expect(idFor(item)).toMatch(/^han-river-wire-2024-02-28-[0-9a-f]{8}$/);
		expect(idFor(item)).toBe(idFor({ ...item }));
		expect(idFor({ ...item, url: 'https://news.example/view/8732' })).not.toBe(idFor(item));
	});
});
