import { describe, expect, test } from 'vitest';
import { absolutiseLinks, DUBLIN_CORE_NAMESPACE, itemLanguage } from '../../src/lib/feed.ts';
import { newsArticle, serialiseJsonLd } from '../../src/lib/structured-data.ts';
import { buildModel } from '../../src/model/index.ts';
import { article, smallStory } from '../support/entries.ts';
import { absoluteUrl, createUrls, normaliseBase } from '../../src/lib/urls.ts';

describe('site URLs', () => {
	test('normalise any spelling of the base path', () => {
		expect(['', '/', 'tour', '/tour', '/tour/', 'tour/'].map(normaliseBase)).toEqual(['/', '/', '/tour/', '/tour/', '/tour/', '/tour/']);
	});

	test('put every page under the base path, with a trailing slash', () => {
		const urls = createUrls('/tour');
		expect(urls.home()).toBe('/tour/');
		expect(urls.page('person', 'lee-jae-yong')).toBe('/tour/people/lee-jae-yong/');
		expect(urls.page('article', 'a', 'p-3')).toBe('/tour/articles/a/#p-3');
		expect(urls.event('seoul', 'seoul-yoon-meeting')).toBe('/tour/stops/seoul/#seoul-yoon-meeting');
		expect(urls.timeline('published-a')).toBe('/tour/timeline/#published-a');
		expect(urls.section('company')).toBe('/tour/companies/');
		expect(urls.feed()).toBe('/tour/rss.xml');
		expect(urls.previewImage('stop-seoul')).toBe('/tour/previews/stop-seoul.png');
	});

	test('make absolute URLs for feeds and canonical links', () => {
		expect(absoluteUrl('/tour/stops/seoul/', 'https://example.org')).toBe('https://example.org/tour/stops/seoul/');
	});
});

describe('feed and structured data', () => {
	test('turn root-relative links into absolute ones for feed readers', () => {
		expect(absolutiseLinks('<a href="/tour/a/">x</a> <a href="https://b.org/">y</a>', (path) => absoluteUrl(path, 'https://example.org'))).toBe(
			'<a href="https://example.org/tour/a/">x</a> <a href="https://b.org/">y</a>',
		);
	});

	test('give each feed item its language in Dublin Core’s element', () => {
		expect(itemLanguage('ko')).toBe('<dc:language>ko</dc:language>');
		expect(itemLanguage('pt-BR')).toBe('<dc:language>pt-BR</dc:language>');
		expect(DUBLIN_CORE_NAMESPACE).toBe('http://purl.org/dc/elements/1.1/');
		expect(() => itemLanguage('ko</dc:language><x>')).toThrow('expected a BCP 47 language tag');
	});

	test('say in a NewsArticle the language it is written in, English where the content gives none', () => {
		const input = smallStory();
		input.articles = [...input.articles, article('seoul-dinner', { title: '이재용과 만찬', language: 'ko', published: '2024-02-28' })];
		const story = buildModel(input);
		const absolute = (path: string) => absoluteUrl(path, 'https://example.org');
		expect(newsArticle(story.article('seoul-dinner'), '/articles/seoul-dinner/', absolute)).toMatchObject({ headline: '이재용과 만찬', inLanguage: 'ko' });
		expect(newsArticle(story.article('late'), '/articles/late/', absolute)).toMatchObject({ inLanguage: 'en' });
	});

	test('escape < in JSON-LD, so no value can close its script element', () => {
		const text = serialiseJsonLd({ name: '</script><script>alert(1)</script>' });
		expect(text).not.toContain('</script>');
		expect(JSON.parse(text)).toEqual({ name: '</script><script>alert(1)</script>' });
	});
});
