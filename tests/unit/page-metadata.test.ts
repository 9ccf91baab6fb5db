import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { readPageMetadata, stripSiteSuffix } from '../../src/ingest/read/page-metadata.ts';
import { projectRoot } from '../support/content-fixtures.ts';

const fixture = async (name: string) => parseHTML(await readFile(path.join(projectRoot, 'tests', 'fixtures', 'web', name), 'utf8')).document;
const page = (head: string, body = '') => parseHTML(`<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`).document;
const jsonLd = (value: unknown) => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;

describe('a page’s own metadata', () => {
	test('takes every value from the JSON-LD first, over og tags, meta tags and the <title>', async () => {
		expect(readPageMetadata(await fixture('tokyo-wire.html'), 'https://mirror.example/tokyo')).toEqual({
			title: 'Zuckerberg meets Kishida in Tokyo as Meta pitches Llama to Japan',
			outlet: 'Pacific Wire',
			authors: ['Kenji Arakawa', 'Mina Carter'],
			published: '2024-02-27T10:05:00+09:00',
			url: 'https://www.pacificwire.example/world/asia-pacific/zuckerberg-meets-kishida-2024-02-27/',
			language: 'en',
			provenance: {
				title: 'json-ld headline',
				outlet: 'json-ld publisher',
				author: 'json-ld author',
				published: 'json-ld datePublished',
				url: 'link rel=canonical',
				language: '<html lang>',
			},
		});
	});

	test('reads a page with og tags only, and no author address as a name', async () => {
		expect(readPageMetadata(await fixture('seoul-daily.html'))).toEqual({
			title: 'Zuckerberg meets the South Korean President, Samsung and LG chiefs',
			outlet: 'Seoul Daily Ledger',
			authors: ['Lee Ji-hoon'],
			published: '2024-02-28T14:30:00+09:00',
			url: 'https://www.seouldailyledger.example/news/articleView.html?idxno=20240228042',
			language: 'en',
			provenance: { title: 'og:title', outlet: 'og:site_name', author: 'meta author', published: 'article:published_time', url: 'og:url', language: '<html lang>' },
		});
	});

	test('takes the language from the JSON-LD inLanguage first, then <html lang>, og:locale and content-language', () => {
		const read = (html: string) => {
			const { language, provenance } = readPageMetadata(parseHTML(html).document);
			return [language, provenance.language];
		};
		expect(read(`<html lang="en"><head>${jsonLd({ '@type': 'NewsArticle', headline: 'x', inLanguage: 'ko-KR' })}</head></html>`)).toEqual(['ko-KR', 'json-ld inLanguage']);
		expect(read(`<html><head>${jsonLd({ '@type': 'NewsArticle', headline: 'x', inLanguage: { '@type': 'Language', name: 'Japanese', alternateName: 'ja' } })}</head></html>`)).toEqual(['ja', 'json-ld inLanguage']);
		expect(read('<html lang="ja"><head></head></html>')).toEqual(['ja', '<html lang>']);
		expect(read('<html><head><meta property="og:locale" content="ko_KR"></head></html>')).toEqual(['ko_KR', 'og:locale']);
		expect(read('<html><head><meta http-equiv="Content-Language" content="ko"></head></html>')).toEqual(['ko', 'meta content-language']);
	});

	test('follows @id references inside a JSON-LD @graph, and skips a script that is not valid JSON', async () => {
		const metadata = readPageMetadata(await fixture('jamnagar-post.html'));
		expect(metadata).toMatchObject({
			title: 'Zuckerberg lands in Jamnagar for Ambani pre-wedding celebrations',
			outlet: 'Gujarat Morning Post',
			authors: ['Ritu Desai'],
			published: '2024-03-01T19:20:00+05:30',
			provenance: { title: 'json-ld headline', outlet: 'json-ld publisher', author: 'json-ld author', published: 'json-ld datePublished' },
		});
	});

	test('resolves a relative canonical link against the page address, and without one falls back to og:url', async () => {
		const document = await fixture('jamnagar-post.html');
		expect(readPageMetadata(document, 'https://gujaratmorningpost.example/?p=88412')).toMatchObject({
			url: 'https://gujaratmorningpost.example/gujarat/jamnagar/zuckerberg-lands-in-jamnagar-ambani-pre-wedding',
			provenance: { url: 'link rel=canonical' },
		});
		expect(readPageMetadata(document)).toMatchObject({
			url: 'https://gujaratmorningpost.example/gujarat/jamnagar/zuckerberg-lands-in-jamnagar-ambani-pre-wedding',
			provenance: { url: 'og:url' },
		});
	});

	test('falls back to the page address, and to nothing where there is none', () => {
		expect(readPageMetadata(page('<title>A page</title>'), 'https://example.com/a')).toMatchObject({ url: 'https://example.com/a', provenance: { url: 'page address' } });
		expect(readPageMetadata(page('<link rel="canonical" href="javascript:alert(1)">')).url).toBeUndefined();
	});

	test('takes the <title> last, without a suffix that names the site', () => {
		const metadata = readPageMetadata(page('<title>Zuckerberg in Seoul - Pacific Wire</title><meta property="og:site_name" content="Pacific Wire">'));
		expect(metadata).toMatchObject({ title: 'Zuckerberg in Seoul', provenance: { title: '<title>', outlet: 'og:site_name' } });
	});

	test('reads authors as a string, an object or a list, and from meta tags without "By"', () => {
		const article = (author: unknown) => page(jsonLd({ '@type': 'NewsArticle', headline: 'H', author }));
		expect(readPageMetadata(article('Kim Min-ji')).authors).toEqual(['Kim Min-ji']);
		expect(readPageMetadata(article({ '@type': 'Person', name: 'Kim Min-ji' })).authors).toEqual(['Kim Min-ji']);
		expect(readPageMetadata(article([{ name: 'A. Roe' }, 'B. Doe', { name: 'A. Roe' }])).authors).toEqual(['A. Roe', 'B. Doe']);
		expect(readPageMetadata(page('<meta name="author" content="By  Jane Roe">'))).toMatchObject({ authors: ['Jane Roe'], provenance: { author: 'meta author' } });
		expect(readPageMetadata(page('<meta property="article:author" content="https://facebook.com/x"><meta property="article:author" content="Jane Roe">'))).toMatchObject({
			authors: ['Jane Roe'],
			provenance: { author: 'article:author' },
		});
	});

	test('finds the article in a JSON-LD list, by any of its types', () => {
		const document = page(jsonLd([{ '@type': 'WebSite', name: 'Site' }, { '@type': ['ReportageNewsArticle'], headline: 'The headline', publisher: 'Ledger' }]));
		expect(readPageMetadata(document)).toMatchObject({ title: 'The headline', outlet: 'Ledger' });
	});

	test('keeps the offset of article:published_time, and cuts a time without one back to the day, saying so', () => {
		expect(readPageMetadata(page('<meta property="article:published_time" content="2024-02-27T01:05:00.000Z">')).published).toBe('2024-02-27T01:05:00Z');
		expect(readPageMetadata(page(jsonLd({ '@type': 'NewsArticle', datePublished: '2024-02-27T10:05:00' })))).toMatchObject({
			published: '2024-02-27',
			provenance: { published: 'json-ld datePublished (its time 10:05 has no UTC offset; only the date is kept)' },
		});
	});

	test('prefers a later source that gives the same day with its offset to a time without one', () => {
		const document = page(jsonLd({ '@type': 'NewsArticle', datePublished: '2024-02-27T10:05:00' }) + '<meta property="article:published_time" content="2024-02-27T10:05:00+09:00">');
		expect(readPageMetadata(document)).toMatchObject({ published: '2024-02-27T10:05:00+09:00', provenance: { published: 'article:published_time' } });
	});

	test('reads a <time datetime> in the article as a last resort, and skips dates that do not read', () => {
		const document = page('<meta property="article:published_time" content="last Tuesday">', '<time datetime="2024-01-01">Elsewhere</time><article><time datetime="2024-02-28T07:12+09:00">28 Feb</time></article>');
		expect(readPageMetadata(document)).toMatchObject({ published: '2024-02-28T07:12+09:00', provenance: { published: '<time datetime>' } });
	});

	test('says nothing, and does not throw, where the page has no metadata or only broken JSON-LD', () => {
		expect(readPageMetadata(page('<script type="application/ld+json">{ "headline": </script>'))).toEqual({ authors: [], provenance: {} });
	});
});

describe('the " - Site name" suffix of a title', () => {
	test('is removed after a hyphen, a bar or a dash when it names the site', () => {
		expect(stripSiteSuffix('Headline - Pacific Wire', ['Pacific Wire'])).toBe('Headline');
		expect(stripSiteSuffix('Headline | seoul daily ledger', ['Seoul Daily Ledger'])).toBe('Headline');
		expect(stripSiteSuffix('Headline — Gujarat Morning Post', [undefined, 'Gujarat Morning Post'])).toBe('Headline');
	});

	test('is removed after a full-width bar or colon, or an ideographic space, as Japanese and Korean sites write it', () => {
		expect(stripSiteSuffix('ザッカーバーグ氏、岸田首相と会談｜かわせみ通信', ['かわせみ通信'])).toBe('ザッカーバーグ氏、岸田首相と会談');
		expect(stripSiteSuffix('ザッカーバーグ氏、岸田首相と会談 ： 東亜新報', ['東亜新報'])).toBe('ザッカーバーグ氏、岸田首相と会談');
		expect(stripSiteSuffix('ザッカーバーグ氏、岸田首相と会談\u3000かわせみ通信', ['かわせみ通信'])).toBe('ザッカーバーグ氏、岸田首相と会談');
		expect(stripSiteSuffix('저커버그, 이재용 회장과 회동 · 한빛일보', ['한빛일보'])).toBe('저커버그, 이재용 회장과 회동');
		// Unspaced, a middle dot or a hyphen joins words: the title stays whole.
		expect(stripSiteSuffix('メタ・プラットフォームズ', ['プラットフォームズ'])).toBe('メタ・プラットフォームズ');
	});

	test('stays where it names something else, or is the whole title', () => {
		expect(stripSiteSuffix('Zuckerberg meets Kishida - Tokyo', ['Pacific Wire'])).toBe('Zuckerberg meets Kishida - Tokyo');
		expect(stripSiteSuffix('Headline - Pacific Wire', [])).toBe('Headline - Pacific Wire');
		expect(stripSiteSuffix('Pacific Wire', ['Pacific Wire'])).toBe('Pacific Wire');
	});
});
