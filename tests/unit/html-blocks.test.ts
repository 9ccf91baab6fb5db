import { describe, expect, test } from 'vitest';
import { countWords, htmlFragmentToBlocks, htmlToText, lineClutterReason, tooLittleText } from '../../src/ingest/read/html-blocks.ts';

const sentence = 'Mark Zuckerberg met the heads of Samsung and LG in Seoul on Wednesday to talk about chips and headsets.';

describe('an article’s HTML as blocks', () => {
	test('reads paragraphs, sub-heads and lists as plain text with white space collapsed', () => {
		const { blocks, removed } = htmlFragmentToBlocks(`
			<p>First   paragraph,
				with <em>emphasis</em> and a <a href="/x">link</a>.</p>
			<h2>A sub-head</h2>
			<div>Loose text in a div<br>after a line break.</div>
			<ul><li>One;</li><li><p>Two,</p><p>in two parts;</p><ol><li>nested.</li></ol></li></ul>`);
		expect(blocks).toEqual([
			{ type: 'paragraph', text: 'First paragraph, with emphasis and a link.' },
			{ type: 'heading', text: 'A sub-head' },
			{ type: 'paragraph', text: 'Loose text in a div after a line break.' },
			{ type: 'list', items: ['One;', 'Two, in two parts;', 'nested.'] },
		]);
		expect(removed).toEqual([]);
	});

	test('records photo captions, by tag and by class, instead of keeping them as text', () => {
		const { blocks, removed } = htmlFragmentToBlocks(`
			<p>${sentence}</p>
			<figure><img src="a.jpg" alt="A photo"><figcaption>Zuckerberg in Seoul. Photo: Staff</figcaption></figure>
			<div class="photo_caption">Lee Jae-yong greets his guest.</div>
			<p>Photo: Presidential office</p>`);
		expect(blocks).toEqual([{ type: 'paragraph', text: sentence }]);
		expect(removed).toEqual([
			{ text: 'Zuckerberg in Seoul. Photo: Staff', reason: 'photo caption' },
			{ text: 'Lee Jae-yong greets his guest.', reason: 'photo caption' },
			{ text: 'Photo: Presidential office', reason: 'photo caption' },
		]);
	});

	test('records published and updated timestamps standing as a paragraph of their own, whatever their markup', () => {
		const { blocks, removed } = htmlFragmentToBlocks(`
			<p>Published Feb. 28, 2024 10:41 p.m. Updated Feb. 29, 2024 8:12 a.m.</p>
			<p>${sentence}</p>
			<div>Updated: 29 Feb 2024, 08:12 IST</div>
			<p>Zuckerberg was updated on the plans on Feb. 28.</p>`);
		expect(blocks).toEqual([
			{ type: 'paragraph', text: sentence },
			{ type: 'paragraph', text: 'Zuckerberg was updated on the plans on Feb. 28.' },
		]);
		expect(removed).toEqual([
			{ text: 'Published Feb. 28, 2024 10:41 p.m. Updated Feb. 29, 2024 8:12 a.m.', reason: 'date line' },
			{ text: 'Updated: 29 Feb 2024, 08:12 IST', reason: 'date line' },
		]);
	});

	test('records a photo caption even where it is longer than the text around it', () => {
		const caption = `${sentence} ${sentence}`;
		const { blocks, removed } = htmlFragmentToBlocks(`<p>Short text.</p><figure><img src="a.jpg" alt=""><figcaption>${caption}</figcaption></figure>`);
		expect(blocks).toEqual([{ type: 'paragraph', text: 'Short text.' }]);
		expect(removed).toEqual([{ text: caption, reason: 'photo caption' }]);
	});

	test('records page furniture by the class or id of its box, each line with the reason', () => {
		const { blocks, removed } = htmlFragmentToBlocks(`
			<p>${sentence}</p><p>${sentence}</p><p>${sentence}</p>
			<div class="newsletter-signup"><h3>Morning Briefing</h3><p>Get it every day.</p><button>Go</button></div>
			<div class="share-bar"><a href="#">Share on X</a></div>
			<section class="related-stories"><ul><li><a href="/a">Another story</a></li></ul></section>
			<div id="ad-mid-1" class="ad-slot"><span>Sponsor message</span></div>
			<amp-ad width="300" height="250"><div>Ad text</div></amp-ad>
			<div class="comments"><p>First!</p></div>
			<aside><p>A side box.</p></aside>`);
		expect(blocks).toHaveLength(3);
		expect(removed).toEqual([
			{ text: 'Morning Briefing', reason: 'newsletter box' },
			{ text: 'Get it every day.', reason: 'newsletter box' },
			{ text: 'Go', reason: 'newsletter box' },
			{ text: 'Share on X', reason: 'share buttons' },
			{ text: 'Another story', reason: 'related-stories list' },
			{ text: 'Sponsor message', reason: 'advertisement' },
			{ text: 'Ad text', reason: 'advertisement' },
			{ text: 'First!', reason: 'comments' },
			{ text: 'A side box.', reason: 'side box' },
		]);
	});

	test('records "Also read", "Read more", advertisement labels, bylines and date lines wherever they stand', () => {
		const lines = [
			'Also read: Meta’s Asia trip',
			'ALSO READ | Reliance shares close at a record high',
			'Read more: Samsung shares edge up',
			'Advertisement',
			'Story continues below advertisement',
			'By Kenji Arakawa and Mina Carter',
			'February 27, 2024 10:05 AM GMT+9',
			'Published 2024.02.28 14:30',
			'Last Updated: 1 March 2024, 19:20 IST',
			'Sign up for our daily newsletter on business in Asia.',
			'4 min read',
		];
		const { blocks, removed } = htmlFragmentToBlocks(lines.map((line) => `<p>${line}</p>`).join(''));
		expect(blocks).toEqual([]);
		expect(removed.map((removal) => removal.reason)).toEqual([
			'"Also read" link',
			'"Also read" link',
			'"Read more" link',
			'advertisement',
			'advertisement',
			'byline',
			'date line',
			'date line',
			'date line',
			'newsletter box',
			'reading-time label',
		]);
	});

	test('keeps sentences that only begin like furniture', () => {
		const lines = ['Read more widely, he said, and the models will improve.', 'By Tuesday the talks had ended.', 'Advertisement spending rose in February.', 'Related to this, LG said nothing.'];
		expect(lines.map(lineClutterReason)).toEqual([undefined, undefined, undefined, undefined]);
	});

	test('never turns code, styles, embeds or form fields into text, and leaves them out without a record', () => {
		const { blocks, removed } = htmlFragmentToBlocks(`
			<p>${sentence}<script>alert('SCRIPT')</script><style>p{}/*STYLE*/</style></p>
			<noscript>NOSCRIPT</noscript><template><p>TEMPLATE</p></template>
			<iframe src="https://www.youtube.com/embed/x">IFRAME</iframe><svg><text>SVG</text></svg>
			<object data="x.swf">OBJECT</object><textarea>TEXTAREA</textarea><select><option>OPTION</option></select>
			<ul><script>LISTSCRIPT</script><li>An item.</li></ul>`);
		expect(blocks).toEqual([
			{ type: 'paragraph', text: sentence },
			{ type: 'list', items: ['An item.'] },
		]);
		expect(removed).toEqual([]);
	});

	test('records hidden text instead of keeping it', () => {
		const { blocks, removed } = htmlFragmentToBlocks(`<p>${sentence}</p><p hidden>Hidden one.</p><div style="display: none">Hidden two.</div>`);
		expect(blocks).toEqual([{ type: 'paragraph', text: sentence }]);
		expect(removed).toEqual([
			{ text: 'Hidden one.', reason: 'hidden text' },
			{ text: 'Hidden two.', reason: 'hidden text' },
		]);
	});

	test('keeps a dateline whose parts are marked up inline, whatever their class', () => {
		const { blocks } = htmlFragmentToBlocks(
			`<p><span class="dateline">TOKYO</span>, <time class="date" datetime="2024-02-27">Feb 27</time> <span class="byline">(Pacific Wire)</span> - ${sentence}</p>`,
		);
		expect(blocks).toEqual([{ type: 'paragraph', text: `TOKYO, Feb 27 (Pacific Wire) - ${sentence}` }]);
	});

	test('keeps a paragraph wrapped whole in an inline element, whatever the element’s class', () => {
		const { blocks, removed } = htmlFragmentToBlocks(`<p>${sentence}</p><p><em class="author-note">${sentence}</em></p><p>${sentence}</p>`);
		expect(blocks).toHaveLength(3);
		expect(removed).toEqual([]);
	});

	test('takes out a byline and a date that stand alone in their box', () => {
		const { blocks, removed } = htmlFragmentToBlocks(`<div class="info"><span class="writer">Lee Ji-hoon</span> <span class="date">2024.02.28</span></div><p>${sentence}</p>`);
		expect(blocks).toEqual([{ type: 'paragraph', text: sentence }]);
		expect(removed).toEqual([
			{ text: 'Lee Ji-hoon', reason: 'byline' },
			{ text: '2024.02.28', reason: 'date line' },
		]);
	});

	test('never throws away a box holding most of the article, whatever its class says', () => {
		const { blocks, removed } = htmlFragmentToBlocks(`<div class="story share-enabled"><p>${sentence}</p><p>${sentence}</p></div><p>Short.</p>`);
		expect(blocks).toHaveLength(3);
		expect(removed).toEqual([]);
	});
});

describe('enough text for an article', () => {
	const paragraph = (words: number) => ({ type: 'paragraph' as const, text: Array.from({ length: words }, () => 'word').join(' ') });

	test('asks for two paragraphs and forty words', () => {
		expect(tooLittleText([paragraph(20), paragraph(20)])).toBeUndefined();
		expect(tooLittleText([paragraph(20), paragraph(19)])).toBe('only 39 words in 2 paragraphs');
		expect(tooLittleText([paragraph(60)])).toBe('only 60 words in 1 paragraph');
		expect(tooLittleText([{ type: 'list', items: ['a', 'b'] }])).toBe('no paragraphs');
	});

	test('takes a single paragraph that is a story of its own, as a broadcaster’s feed carries its short reports, but not a teaser', () => {
		const story = (sentences: number, words: number) => ({ type: 'paragraph' as const, text: Array.from({ length: sentences }, () => `${Array.from({ length: words }, () => 'word').join(' ')}.`).join(' ').replace(/(^|\. )w/g, '$1W') });
		expect(tooLittleText([story(4, 30)])).toBeUndefined();
		expect(tooLittleText([story(2, 60)])).toBe('only 120 words in 1 paragraph');
		expect(tooLittleText([story(4, 10)])).toBe('only 40 words in 1 paragraph');
		expect(tooLittleText([{ type: 'paragraph', text: '韓国を訪れているメタのザッカーバーグCEOは28日、ソウルでサムスン電子の李在鎔会長と会談しました。両氏はソウル市内にあるサムスンの迎賓館で夕食をともにしながら、AI向けの半導体について意見を交わしたということです。29日には尹錫悦大統領と会談する予定です。' }])).toBeUndefined();
	});

	test('does not count paragraphs that are nothing but links', () => {
		const { blocks, linkOnly } = htmlFragmentToBlocks(
			Array.from({ length: 4 }, (_, index) => `<p><a href="/${index}">${sentence}</a></p>`).join(''),
		);
		expect(blocks).toHaveLength(4);
		expect(tooLittleText(blocks)).toBeUndefined();
		expect(tooLittleText(blocks, linkOnly)).toBe('no paragraphs');
	});

	test('counts each Chinese or Japanese character as a word', () => {
		expect(countWords('Meta CEO 마크 저커버그')).toBe(4);
		expect(countWords('岸田首相と会談')).toBe(7);
	});
});

describe('a title with markup', () => {
	test('becomes its text, entities decoded', () => {
		expect(htmlToText('Samsung &amp; LG <b>chiefs</b>&#8217; talks')).toBe('Samsung & LG chiefs’ talks');
	});
});
