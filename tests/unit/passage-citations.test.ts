import { parse } from 'node-html-parser';
import { describe, expect, test } from 'vitest';
import { addPassageCitations, citationMarkHtml, type PassageCitation } from '../../src/lib/passage-citations.ts';

const claim = (n: number, statement: string): PassageCitation => ({ label: String(n), href: `#claim-${n}`, name: `Claim ${n}: ${statement}` });
const quoted: PassageCitation = { label: 'quoted', href: '/stops/seoul/#quotes', name: 'quoted on the page of Seoul' };

describe('citation marks after cited passages', () => {
	test('set a bracketed number after the marked words, linked to the claim and named by it, the words untouched', () => {
		const html = '<p id="p-1">He met <mark id="q-a" class="passage">Lee Jae-yong on Wednesday</mark> in Seoul.</p>';
		const document = parse(addPassageCitations(html, new Map([['q-a', [claim(2, 'He met Lee.')]]])));
		const mark = document.getElementById('q-a');
		expect(mark?.textContent).toBe('Lee Jae-yong on Wednesday');
		const cites = mark?.nextElementSibling;
		expect(cites?.tagName).toBe('SUP');
		expect(cites?.textContent).toBe('[2]');
		const link = cites?.querySelector('a');
		expect(link?.getAttribute('href')).toBe('#claim-2');
		expect(link?.getAttribute('aria-label')).toBe('Claim 2: He met Lee.');
		expect(document.querySelector('p')?.textContent).toBe('He met Lee Jae-yong on Wednesday[2] in Seoul.');
	});

	test('name what cites a passage held inside another after the outer one, numbers in order, words last, each once', () => {
		const html = '<p><mark id="q-outer" class="passage">On Wednesday he spent <mark id="q-inner" class="passage">two hours</mark> with Cho</mark>.</p>';
		const citations = new Map([
			['q-outer', [claim(6, 'Outer.'), claim(3, 'Outer too.')]],
			['q-inner', [quoted, claim(2, 'Inner.'), claim(3, 'Outer too.')]],
		]);
		const document = parse(addPassageCitations(html, citations));
		expect(document.getElementById('q-outer')?.textContent).toBe('On Wednesday he spent two hours with Cho');
		expect(document.getElementById('q-inner')?.textContent).toBe('two hours');
		expect(document.querySelectorAll('sup.cites').map((sup) => sup.textContent)).toEqual(['[2, 3, 6, quoted]']);
		expect(document.getElementById('q-outer')?.nextElementSibling?.classList.contains('cites')).toBe(true);
	});

	test('leave marks that nothing cites, and HTML with no mark, as they are', () => {
		const html = '<p><mark id="q-x" class="passage">Words.</mark> More.</p>';
		expect(addPassageCitations(html, new Map())).toBe(html);
		expect(addPassageCitations('<p>No marks.</p>', new Map([['q-x', [claim(1, 'X.')]]]))).toBe('<p>No marks.</p>');
	});

	test('escape what a claim says, in its name and its link', () => {
		const html = citationMarkHtml([{ label: '1', href: '#claim-a"b', name: 'Claim 1: <b>"bold"</b> & more' }]);
		expect(html).toContain('aria-label="Claim 1: &lt;b&gt;&quot;bold&quot;&lt;/b&gt; &amp; more"');
		expect(html).toContain('href="#claim-a&quot;b"');
		expect(parse(html).querySelectorAll('b')).toHaveLength(0);
	});
});
