import { describe, expect, test } from 'vitest';
import { absolutiseLinks } from '../../src/lib/feed.ts';
import { serialiseJsonLd } from '../../src/lib/structured-data.ts';
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

	test('escape < in JSON-LD, so no value can close its script element', () => {
		const text = serialiseJsonLd({ name: '</script><script>alert(1)</script>' });
		expect(text).not.toContain('</script>');
		expect(JSON.parse(text)).toEqual({ name: '</script><script>alert(1)</script>' });
	});
});
