import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { feedItemSourceBlocks, feedItemToArticle, outletOfFeedTitle, parseFeed, type FeedItem, type ParsedFeed } from '../../src/ingest/read/feed.ts';
import type { ExtractedArticle } from '../../src/ingest/types.ts';
import { extractWebPage } from '../../src/ingest/read/web-page.ts';
import { projectRoot } from '../support/content-fixtures.ts';

const fixture = (name: string) => readFile(path.join(projectRoot, 'tests', 'fixtures', 'web', name), 'utf8');

async function feedOf(name: string): Promise<ParsedFeed> {
	const result = parseFeed(await fixture(name), name);
	if (!result.ok) throw new Error(`refused: ${result.refusal.reason}`);
	return result.feed;
}

function item(feed: ParsedFeed, index: number): FeedItem {
	const found = feed.items[index];
	if (!found) throw new Error(`no item ${index}`);
	return found;
}

function articleOf(feed: ParsedFeed, index: number): ExtractedArticle {
	const result = feedItemToArticle(item(feed, index), feed, `feed item ${index + 1}`);
	if (!result.ok) throw new Error(`refused: ${result.refusal.reason}`);
	return result.article;
}

describe('an RSS 2.0 feed', () => {
	test('gives its channel title and every item, the unrelated ones too', async () => {
		const feed = await feedOf('feed.rss');
		expect(feed.format).toBe('rss');
		expect(feed.title).toBe('Pacific Wire');
		expect(feed.items.map((entry) => entry.title)).toEqual([
			'Zuckerberg meets Kishida in Tokyo as Meta pitches Llama to Japan',
			'Kawasaki Frontale held to a draw by Ulsan in Champions League',
			'Zuckerberg heads for Seoul after Tokyo talks',
		]);
	});

	test('reads an item’s full content:encoded, its guid, its dc:creators and its pubDate with the offset it states', async () => {
		expect(item(await feedOf('feed.rss'), 0)).toMatchObject({
			link: 'https://www.pacificwire.example/world/asia-pacific/zuckerberg-meets-kishida-2024-02-27/',
			guid: 'pacificwire:2024:0227:0105',
			published: '2024-02-27T10:05:00+09:00',
			publishedAsStated: 'Tue, 27 Feb 2024 10:05:00 +0900',
			authors: ['Kenji Arakawa', 'Mina Carter'],
			summary: 'Meta CEO Mark Zuckerberg met Japanese Prime Minister Fumio Kishida in Tokyo on Tuesday.',
			contentHtml: expect.stringContaining('<h2>Headsets and chips</h2>'),
			provenance: { title: 'feed item title', url: 'feed item link', published: 'feed item pubDate', author: 'feed item dc:creator' },
		});
	});

	test('links the first item to the same address as the Pacific Wire page', async () => {
		const page = extractWebPage(await fixture('tokyo-wire.html'), 'tokyo-wire.html');
		expect(page.ok && page.article.url).toBe(item(await feedOf('feed.rss'), 0).link);
	});

	test('keeps a numeric guid exact, the name of an RSS author, and GMT as +00:00', async () => {
		const feed = await feedOf('feed.rss');
		expect(item(feed, 1)).toMatchObject({ authors: ['Daichi Mori'], provenance: { author: 'feed item author' } });
		expect(item(feed, 2)).toMatchObject({ guid: '00042017', published: '2024-02-27T18:45:00+00:00' });
	});

	test('falls back to the whole description, never truncated, where an item has no content:encoded', async () => {
		const content = item(await feedOf('feed.rss'), 1).contentHtml ?? '';
		expect(content.length).toBeGreaterThan(250);
		expect(content).toContain('This feed item is a made-up fixture for tests.</p>');
	});
});

describe('an Atom 1.0 feed', () => {
	test('reads an entry’s escaped HTML content, its alternate link, its authors and its published date over its updated one', async () => {
		const feed = await feedOf('feed.atom');
		expect(feed).toMatchObject({ format: 'atom', title: 'Seoul Daily Ledger' });
		expect(item(feed, 0)).toMatchObject({
			title: 'Zuckerberg meets the South Korean President, Samsung & LG chiefs',
			link: 'https://www.seouldailyledger.example/business/2024/02/28/zuckerberg-samsung-lg/',
			guid: 'tag:seouldailyledger.example,2024:article-20240228-0042',
			published: '2024-02-28T14:30:00+09:00',
			authors: ['Lee Ji-hoon', 'Park Soo-min'],
			contentHtml: expect.stringMatching(/^<p>Seoul, Feb 28 \(IANS\) Meta CEO/),
			provenance: { published: 'feed item published', author: 'feed item author' },
		});
	});

	test('reads XHTML content as markup, and takes the feed’s author and the updated date where the entry has none', async () => {
		expect(item(await feedOf('feed.atom'), 1)).toMatchObject({
			contentHtml: expect.stringMatching(/^<div xmlns="http:\/\/www.w3.org\/1999\/xhtml"><p>LG Electronics/),
			authors: ['Seoul Daily Ledger'],
			published: '2024-02-28T16:10:00Z',
			provenance: { published: 'feed item updated', author: 'feed author' },
		});
		expect(articleOf(await feedOf('feed.atom'), 1).blocks[0]).toEqual({
			type: 'paragraph',
			text: 'LG Electronics and Meta will talk about extended reality headsets, an official of the presidential office told reporters on Wednesday — the second such meeting this year.',
		});
	});
});

describe('a JSON Feed 1.1', () => {
	test('reads content_html, the authors, the id and the date', async () => {
		const feed = await feedOf('feed.json');
		expect(feed).toMatchObject({ format: 'json', title: 'Gujarat Morning Post' });
		expect(item(feed, 0)).toMatchObject({
			guid: '88412',
			link: 'https://gujaratmorningpost.example/gujarat/jamnagar/zuckerberg-lands-in-jamnagar-ambani-pre-wedding',
			published: '2024-03-01T19:20:00+05:30',
			authors: ['Ritu Desai'],
			contentHtml: expect.stringContaining('Reliance Industries chairman Mukesh Ambani.</p>'),
			provenance: { published: 'feed item date_published', author: 'feed item authors', url: 'feed item url' },
		});
	});

	test('turns content_text into paragraphs, and takes the feed’s authors where the item has none', async () => {
		const feed = await feedOf('feed.json');
		expect(item(feed, 1)).toMatchObject({ authors: ['Gujarat Morning Post Desk'], provenance: { author: 'feed authors' } });
		expect(articleOf(feed, 1).blocks.map((block) => block.type === 'paragraph' && block.text.slice(0, 20))).toEqual(['Business leaders and', 'The guest list also ']);
	});
});

describe('a feed item as an article', () => {
	test('takes its blocks from the item’s HTML, cleaned as a page is, with captions and "Also read" lines on record', async () => {
		const article = articleOf(await feedOf('feed.rss'), 0);
		expect(article.blocks.map((block) => (block.type === 'list' ? 'list' : `${block.type}: ${block.text.slice(0, 30)}`))).toEqual([
			'paragraph: TOKYO, Feb 27 (Pacific Wire) -',
			'paragraph: The two discussed generative a',
			'heading: Headsets and chips',
			'paragraph: Zuckerberg is also expected to',
			'paragraph: This feed item is a made-up fi',
		]);
		expect(article.blocks[0]).toMatchObject({ text: expect.stringContaining('the company’s Llama') });
		expect(article.removed).toEqual([
			{ text: "Meta CEO Mark Zuckerberg arrives at the prime minister's office in Tokyo, Japan, February 27, 2024. Pacific Wire/Staff Photographer", reason: 'photo caption' },
			{ text: "Also read: Meta's Asia trip: what to watch", reason: '"Also read" link' },
		]);
	});

	test('takes the outlet from the channel title and the rest from the item, each with its provenance', async () => {
		expect(articleOf(await feedOf('feed.rss'), 0)).toMatchObject({
			origin: 'feed item 1',
			title: 'Zuckerberg meets Kishida in Tokyo as Meta pitches Llama to Japan',
			outlet: 'Pacific Wire',
			authors: ['Kenji Arakawa', 'Mina Carter'],
			published: '2024-02-27T10:05:00+09:00',
			url: 'https://www.pacificwire.example/world/asia-pacific/zuckerberg-meets-kishida-2024-02-27/',
			guid: 'pacificwire:2024:0227:0105',
			provenance: { outlet: 'feed channel title', title: 'feed item title', url: 'feed item link', author: 'feed item dc:creator', published: 'feed item pubDate' },
		});
	});

	test.each([
		['Han River Wire: Technology', 'Han River Wire'],
		['The Korea Ledger : Business', 'The Korea Ledger'],
		['BBC News - Asia', 'BBC News'],
		['Nikkei Asia | Tech', 'Nikkei Asia'],
		['Asia Tech Desk', 'Asia Tech Desk'],
		['かわせみ通信\u3000国際・経済', 'かわせみ通信'],
		['かわせみ通信｜国際・経済', 'かわせみ通信'],
		['東亜新報 ： 経済', '東亜新報'],
		['한빛일보\u3000|\u3000산업', '한빛일보'],
		['동방경제 · 산업', '동방경제'],
		['동방경제 > 산업', '동방경제'],
		['かわせみ通信 ・ 国際', 'かわせみ通信'],
		['メタ・プラットフォームズ速報', 'メタ・プラットフォームズ速報'],
		['Yahoo!ニュース・トピックス', 'Yahoo!ニュース・トピックス'],
	])('names the outlet of the feed "%s" as %s, without its section', (title, outlet) => {
		expect(outletOfFeedTitle(title)).toBe(outlet);
	});

	test('gives no guid where the guid is simply the link', async () => {
		expect(articleOf(await feedOf('feed.rss'), 1).guid).toBeUndefined();
	});

	test('keeps the item as JSON for its source, with the date as the feed states it', async () => {
		const feed = await feedOf('feed.rss');
		const article = articleOf(feed, 0);
		expect(article.source.extension).toBe('json');
		expect(JSON.parse(article.source.text)).toEqual({
			feedTitle: 'Pacific Wire',
			title: 'Zuckerberg meets Kishida in Tokyo as Meta pitches Llama to Japan',
			link: 'https://www.pacificwire.example/world/asia-pacific/zuckerberg-meets-kishida-2024-02-27/',
			guid: 'pacificwire:2024:0227:0105',
			published: 'Tue, 27 Feb 2024 10:05:00 +0900',
			authors: ['Kenji Arakawa', 'Mina Carter'],
			contentHtml: item(feed, 0).contentHtml,
		});
	});

	test('is refused where the item holds only a summary, pointing to its page', async () => {
		expect(feedItemToArticle(item(await feedOf('feed.rss'), 2), { title: 'Pacific Wire' }, 'feed item 3')).toEqual({
			ok: false,
			refusal: {
				origin: 'feed item 3',
				reason: "the feed item's text has only 8 words in 1 paragraph, too little for an article (a summary?): ingest its page instead, https://www.pacificwire.example/world/asia-pacific/zuckerberg-heads-for-seoul-2024-02-27/",
			},
		});
		expect(feedItemToArticle({ authors: [], provenance: {} }, {}, 'feed item 4')).toEqual({
			ok: false,
			refusal: { origin: 'feed item 4', reason: 'the feed item has no text (no content, description or summary)' },
		});
	});
});

describe('the blocks of a stored feed item', () => {
	test.each([
		['feed.rss', 0],
		['feed.rss', 1],
		['feed.atom', 0],
		['feed.atom', 1],
		['feed.json', 0],
		['feed.json', 1],
	])('are exactly the blocks extracted from %s item %i', async (name, index) => {
		const article = articleOf(await feedOf(name), index);
		expect(article.blocks.length).toBeGreaterThan(1);
		expect(feedItemSourceBlocks(article.source.text)).toEqual(article.blocks);
	});

	test('cannot be read from JSON that is not a stored item', () => {
		expect(() => feedItemSourceBlocks('{"title": "no content"}')).toThrow('expected a stored feed item');
	});
});

describe('a feed that cannot be read', () => {
	test.each([
		['a truncated RSS feed', 'malformed.rss', 'not well-formed XML: the text ends before <rss> is closed (truncated?)'],
		['a web page', 'tokyo-wire.html', 'not well-formed XML'],
	])('is refused in one line: %s', async (_what, name, reason) => {
		expect(parseFeed(await fixture(name), name)).toEqual({ ok: false, refusal: { origin: name, reason } });
	});

	test.each([
		['text that is not XML', 'Zuckerberg met Kishida in Tokyo.', 'not a feed: the text is neither XML nor JSON (it starts "Zuckerberg met Kishida in Tokyo.")'],
		['well-formed XML that is no feed', '<?xml version="1.0"?><html><body><p>x</p></body></html>', "not a feed: the XML's root element is <html>, not <rss>, <feed> (Atom) or <rdf:RDF>"],
		['an Atom feed without entries', '<feed xmlns="http://www.w3.org/2005/Atom"><title>Empty</title></feed>', 'the Atom feed has no entries'],
		['JSON that is not a JSON Feed', '{"version": "1.0", "items": []}', 'not a feed: JSON, but not a JSON Feed (its "version" is "1.0", not "https://jsonfeed.org/version/1.1")'],
		['a JSON Feed without items', '{"version": "https://jsonfeed.org/version/1.1", "title": "x"}', 'the JSON Feed has no "items" list'],
	])('is refused in one line: %s', (_what, text, reason) => {
		expect(parseFeed(text, 'input')).toEqual({ ok: false, refusal: { origin: 'input', reason } });
	});

	test('is refused in one line: JSON that does not parse', () => {
		const result = parseFeed('{"version": "https://jsonfeed.org/version/1.1", "items": [', 'input');
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.refusal.reason).toMatch(/^not a feed: not valid JSON \([^\n]+\)$/);
	});
});
