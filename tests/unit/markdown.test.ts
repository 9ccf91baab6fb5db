import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { parse } from 'node-html-parser';
import { describe, expect, test, vi } from 'vitest';
import { paragraphTexts } from '../../src/lib/markdown-blocks.ts';
import { passageAnchor } from '../../src/lib/passage-anchor.ts';
import type { NameTarget } from '../../src/lib/name-matcher.ts';
import { createUrls } from '../../src/lib/urls.ts';
import { markdownPlugins } from '../../src/markdown/index.ts';
import type { EntityKind } from '../../src/model/types.ts';

const names = new Map<string, NameTarget<EntityKind>>([
	['Samsung', { kind: 'company', id: 'samsung-electronics' }],
	['Jay Y. Lee', { kind: 'person', id: 'lee-jae-yong' }],
	['Seoul', { kind: 'stop', id: 'seoul' }],
]);

/** Renders markdown through Astro's own unified pipeline, with our plugins, as the build does. */
async function render(markdown: string, base = '/', passages = new Map<string, string[]>(), fileURL?: URL) {
	const processor = await createMarkdownProcessor({ smartypants: false, ...markdownPlugins({ story: () => ({ names, passages }), urls: createUrls(base) }) } as never);
	const { code } = await processor.render(markdown, fileURL ? { fileURL } : {});
	return { html: code, document: parse(code) };
}

describe('passage marks', () => {
	const file = new URL('file:///site/content/articles/story.md');

	test('mark each cited passage where it first stands, nested where one holds another, with its anchor', async () => {
		const passages = new Map([['story', ['Samsung and Jay Y. Lee met in Seoul.', 'Jay Y. Lee']]]);
		const { document } = await render('Before. Samsung and Jay Y. Lee met in Seoul. After.', '/', passages, file);
		const outer = document.getElementById(passageAnchor('Samsung and Jay Y. Lee met in Seoul.'));
		expect(outer?.tagName).toBe('MARK');
		expect(outer?.textContent).toBe('Samsung and Jay Y. Lee met in Seoul.');
		const inner = outer?.querySelector('mark');
		expect(inner?.id).toBe(passageAnchor('Jay Y. Lee'));
		// Entity links still work inside the marks.
		expect(inner?.querySelector('a')?.getAttribute('href')).toBe('/people/lee-jae-yong/');
	});

	test('fail the render, naming the article, when a cited passage is not in its text', async () => {
		// Astro's processor logs the error before it rethrows it: the log is captured, and checked, here.
		const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
		const message = 'Article "story": 1 cited passage could not be marked, because it crosses formatting or is not in the text: "Samsung never met."';
		try {
			await expect(render('Samsung met.', '/', new Map([['story', ['Samsung never met.']]]), file)).rejects.toThrow(message);
			expect(String(logged.mock.calls[0]?.[0])).toContain(message);
		} finally {
			logged.mockRestore();
		}
	});

	test('leave files that are not articles alone', async () => {
		const { document } = await render('Samsung met.', '/', new Map([['story', ['Samsung met.']]]), new URL('file:///site/content/stops/story.md'));
		expect(document.querySelectorAll('mark')).toHaveLength(0);
	});
});

describe('entity links', () => {
	test('link the first mention of each entity per section, and only the first', async () => {
		const { document } = await render('Samsung and Jay Y. Lee met in Seoul. Samsung said so.\n\n## Later\n\nSamsung again.');
		expect(document.querySelectorAll('a').map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
			['Samsung', '/companies/samsung-electronics/'],
			['Jay Y. Lee', '/people/lee-jae-yong/'],
			['Seoul', '/stops/seoul/'],
			['Samsung', '/companies/samsung-electronics/'],
		]);
	});

	test('leave headings, existing links and code alone', async () => {
		const { document } = await render('## Samsung\n\n[Samsung’s site](https://example.com) and `Samsung`.');
		expect(document.querySelectorAll('a').map((link) => link.getAttribute('href'))).toEqual(['https://example.com']);
	});

	test('follow the base path', async () => {
		const { document } = await render('Seoul.', '/tour/');
		expect(document.querySelector('a')?.getAttribute('href')).toBe('/tour/stops/seoul/');
	});
});

describe('paragraph anchors', () => {
	test('number every paragraph, and put the id on the list item in a tight list', async () => {
		const markdown = 'One.\n\n- Two.\n- Three.\n\nFour.\n\n- Five.\n\n- Six.\n';
		const { document } = await render(markdown);
		expect(document.querySelectorAll('[id]').map((element) => `${element.tagName.toLowerCase()}#${element.id}`)).toEqual([
			'p#p-1', 'li#p-2', 'li#p-3', 'p#p-4', 'p#p-5', 'p#p-6',
		]);
		// The model numbers the same paragraphs the same way.
		expect(paragraphTexts(markdown)).toEqual(['One.', 'Two.', 'Three.', 'Four.', 'Five.', 'Six.']);
		for (const [index, text] of paragraphTexts(markdown).entries()) {
			expect(document.getElementById(`p-${index + 1}`)?.textContent.trim()).toBe(text);
		}
	});
});

describe('untrusted bodies', () => {
	const hostile = [
		'Before <script>alert("x")</script> after.',
		'<img src="x" onerror="alert(1)">',
		'<iframe src="https://evil.example"></iframe>',
		'[click me](javascript:alert(1)) and <a href="javascript:alert(2)">this</a>',
		'<svg onload="alert(3)"><circle r="1"/></svg>',
		'<div style="background:url(javascript:alert(4))" onclick="alert(5)">styled</div>',
		'![pic](javascript:alert(6))',
		'<style>body{display:none}</style>',
	].join('\n\n');

	test('never become markup that runs', async () => {
		const { document, html } = await render(hostile);
		expect(document.querySelectorAll('script, iframe, svg, style, img[onerror], object, embed')).toHaveLength(0);
		for (const element of document.querySelectorAll('*')) {
			for (const [attribute, value] of Object.entries(element.attributes)) {
				expect(attribute.toLowerCase(), element.outerHTML).not.toMatch(/^on/);
				expect(value.toLowerCase(), element.outerHTML).not.toContain('javascript:');
			}
		}
		expect(html).not.toMatch(/<script/i);
	});

	test('show raw HTML as the text it was, so nothing is silently lost', async () => {
		const { document } = await render(hostile);
		expect(document.textContent).toContain('<script>alert("x")</script>');
		expect(document.textContent).toContain('<img src="x" onerror="alert(1)">');
	});
});

describe('links that leave the site', () => {
	const markdown = 'See [the filing](https://example.com/filing), [write](mailto:desk@example.com), [Samsung](/companies/samsung-electronics/) and [below](#p-2).';
	const rels = (document: ReturnType<typeof parse>) => document.querySelectorAll('a').map((link) => [link.getAttribute('href'), link.getAttribute('rel') ?? null]);

	test('carry noopener noreferrer, and nofollow ugc in the words of an article, a third party\'s', async () => {
		const { document } = await render(markdown, '/', new Map(), new URL('file:///site/content/articles/story.md'));
		expect(rels(document)).toEqual([
			['https://example.com/filing', 'nofollow ugc noopener noreferrer'],
			['mailto:desk@example.com', 'nofollow ugc noopener noreferrer'],
			['/companies/samsung-electronics/', null],
			['#p-2', null],
		]);
	});

	test('carry noopener noreferrer alone in our own words, and leave the site\'s links as they are', async () => {
		const { document } = await render(markdown, '/', new Map(), new URL('file:///site/content/stops/seoul.md'));
		expect(rels(document)).toEqual([
			['https://example.com/filing', 'noopener noreferrer'],
			['mailto:desk@example.com', 'noopener noreferrer'],
			['/companies/samsung-electronics/', null],
			['#p-2', null],
		]);
	});
});

describe('Korean and Japanese bodies', () => {
	const cjkNames = new Map<string, NameTarget<EntityKind>>([
		['이재용', { kind: 'person', id: 'lee-jae-yong' }],
		['저커버그', { kind: 'person', id: 'mark-zuckerberg' }],
		['삼성전자', { kind: 'company', id: 'samsung-electronics' }],
		['서울', { kind: 'stop', id: 'seoul' }],
		['岸田文雄', { kind: 'person', id: 'fumio-kishida' }],
		['岸田', { kind: 'person', id: 'fumio-kishida' }],
		['メタ', { kind: 'company', id: 'meta' }],
		['東京', { kind: 'stop', id: 'tokyo' }],
	]);
	const file = new URL('file:///site/content/articles/korean.md');
	async function renderCjk(markdown: string, passages = new Map<string, string[]>()) {
		const processor = await createMarkdownProcessor({ smartypants: false, ...markdownPlugins({ story: () => ({ names: cjkNames, passages }), urls: createUrls('/') }) } as never);
		return parse((await processor.render(markdown, { fileURL: file })).code);
	}
	const links = (document: ReturnType<typeof parse>) => document.querySelectorAll('a').map((link) => [link.textContent, link.getAttribute('href')]);

	test('link a Korean name that a particle follows, the link covering the name and not the particle', async () => {
		const document = await renderCjk('이재용은 서울에서 저커버그와 만났다.');
		expect(links(document)).toEqual([
			['이재용', '/people/lee-jae-yong/'],
			['서울', '/stops/seoul/'],
			['저커버그', '/people/mark-zuckerberg/'],
		]);
		expect(document.querySelector('p')?.textContent).toBe('이재용은 서울에서 저커버그와 만났다.');
	});

	test('link the first mention per section in Korean too, again after a heading', async () => {
		const document = await renderCjk('이재용은 삼성전자를 이끈다. 이재용과 저커버그가 만났다.\n\n## 다음 날\n\n이재용의 말이다.');
		expect(links(document)).toEqual([
			['이재용', '/people/lee-jae-yong/'],
			['삼성전자', '/companies/samsung-electronics/'],
			['저커버그', '/people/mark-zuckerberg/'],
			['이재용', '/people/lee-jae-yong/'],
		]);
	});

	test('never link a Korean word that only begins with a name', async () => {
		const document = await renderCjk('서울대학교 이재용씨 이재용님의');
		// 서울대학교 (Seoul National University) is no mention of the stop; 이재용씨 is the name and an honorific.
		expect(links(document)).toEqual([['이재용', '/people/lee-jae-yong/']]);
	});

	test('link Japanese names inside unspaced text, whole words only, the longest name first', async () => {
		const document = await renderCjk('岸田文雄首相は東京で米メタの幹部と会った。メタバースの話も出た。\n\n## 翌日\n\n岸田首相は語った。');
		expect(links(document)).toEqual([
			['岸田文雄', '/people/fumio-kishida/'],
			['東京', '/stops/tokyo/'],
			['メタ', '/companies/meta/'],
			['岸田', '/people/fumio-kishida/'],
		]);
	});

	test('mark a cited Korean or Japanese passage, its names linked inside the mark, and number its paragraphs', async () => {
		const passages = new Map([['korean', ['이재용은 서울에서 저커버그와 만났다', '岸田文雄首相は東京で会談した。']]]);
		const document = await renderCjk('첫 문단이다.\n\n이재용은 서울에서 저커버그와 만났다. 그 뒤의 문장.\n\n岸田文雄首相は東京で会談した。その後。', passages);
		expect(document.querySelectorAll('p').map((paragraph) => paragraph.id)).toEqual(['p-1', 'p-2', 'p-3']);
		const korean = document.getElementById(passageAnchor('이재용은 서울에서 저커버그와 만났다'));
		expect(korean?.tagName).toBe('MARK');
		expect(korean?.textContent).toBe('이재용은 서울에서 저커버그와 만났다');
		expect(korean?.querySelectorAll('a').map((link) => link.textContent)).toEqual(['이재용', '서울', '저커버그']);
		const japanese = document.getElementById(passageAnchor('岸田文雄首相は東京で会談した。'));
		expect(japanese?.textContent).toBe('岸田文雄首相は東京で会談した。');
		expect(japanese?.closest('p')?.id).toBe('p-3');
	});
});
