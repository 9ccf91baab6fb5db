/**
 * The route map reads on any screen: its land, sea, route and stops contrast at 3:1 or
 * more (WCAG 1.4.11, graphics a reader must see), and its labels at 4.5:1 against their
 * halo, in light and in dark mode. The colours are read from the site's stylesheet as
 * the browser would: the map's own rules (`.route-map .land { fill: … }`), their custom
 * properties resolved against `:root`, then against the dark scheme's `:root`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { contrastRatio, parseHexColour, relativeLuminance } from '../../src/lib/contrast.ts';
import { projectRoot } from '../support/content-fixtures.ts';

interface CssBlock {
	prelude: string;
	declarations: Map<string, string>;
	children: CssBlock[];
}

/** A stylesheet as nested blocks: enough of CSS for rules, @media and @container. */
function parseCss(css: string): CssBlock {
	const root: CssBlock = { prelude: '', declarations: new Map(), children: [] };
	const stack = [root];
	let text = '';
	const declare = (into: CssBlock) => {
		for (const part of text.split(';')) {
			const colon = part.indexOf(':');
			if (colon > 0) into.declarations.set(part.slice(0, colon).trim(), part.slice(colon + 1).trim());
		}
		text = '';
	};
	for (const character of css.replace(/\/\*[\s\S]*?\*\//g, '')) {
		const current = stack.at(-1) as CssBlock;
		if (character === '{') {
			// What stands before the brace, after the last declaration, names the block.
			const at = text.lastIndexOf(';');
			const prelude = text.slice(at + 1).trim();
			text = text.slice(0, at + 1);
			declare(current);
			const block: CssBlock = { prelude, declarations: new Map(), children: [] };
			current.children.push(block);
			stack.push(block);
		} else if (character === '}') {
			declare(current);
			stack.pop();
		} else {
			text += character;
		}
	}
	return root;
}

const css = parseCss(readFileSync(path.join(projectRoot, 'src/styles/global.css'), 'utf8'));
const rule = (within: CssBlock, selector: string) => within.children.find((block) => block.prelude.split(',').map((each) => each.trim()).includes(selector));
const dark = css.children.find((block) => /^@media \(prefers-color-scheme: dark\)$/.test(block.prelude));

/** The custom properties of each scheme: the light ones, and the dark ones over them. */
const schemes = {
	light: new Map(rule(css, ':root')?.declarations),
	dark: new Map([...(rule(css, ':root')?.declarations ?? []), ...(dark ? (rule(dark, ':root')?.declarations ?? []) : [])]),
};

/** A value with its `var(--…)` resolved in `scheme`, to a colour. */
function resolve(value: string, scheme: Map<string, string>): string {
	const reference = /^var\((--[\w-]+)\)$/.exec(value.trim());
	if (!reference) return value.trim();
	const next = scheme.get(reference[1] as string);
	if (next === undefined) throw new Error(`${reference[1]} is not defined`);
	return resolve(next, scheme);
}

/** The colour the map's rules give a property, the last rule winning, in each scheme: `.route-map .land` `fill`. */
function mapColour(selector: string, property: string, scheme: Map<string, string>): string {
	const value = css.children
		.filter((block) => block.prelude.split(',').map((each) => each.trim()).includes(selector))
		.map((block) => block.declarations.get(property))
		.filter((each) => each !== undefined)
		.at(-1);
	if (!value) throw new Error(`global.css has no ${property} for ${selector}`);
	return resolve(value, scheme);
}

/** What each part of the map is drawn in. */
const parts = (scheme: Map<string, string>) => ({
	sea: mapColour('.route-map svg', 'background', scheme),
	land: mapColour('.route-map .land', 'fill', scheme),
	'the countries of the tour': mapColour('.route-map .visited', 'fill', scheme),
	route: mapColour('.route-map .route', 'stroke', scheme),
	"the route's casing": mapColour('.route-map .route-casing', 'stroke', scheme),
	stop: mapColour('.route-map .marker circle', 'fill', scheme),
	'the current stop': mapColour('.route-map .marker.current circle', 'fill', scheme),
	label: mapColour('.route-map text', 'fill', scheme),
	"the label's halo": mapColour('.route-map text.halo', 'fill', scheme),
});

type Part = keyof ReturnType<typeof parts>;

/** The pairs that must tell apart, and by how much; of parts drawn together (a line on its casing), either will do. */
const PAIRS: [Part | Part[], Part, number][] = [
	['land', 'sea', 3],
	['the countries of the tour', 'sea', 3],
	['route', 'land', 3],
	['route', 'the countries of the tour', 3],
	// Over the sea the route stands out by itself, or on its casing, which the sea sets off.
	[['route', "the route's casing"], 'sea', 3],
	['route', "the route's casing", 3],
	['stop', 'land', 3],
	['stop', 'the countries of the tour', 3],
	['the current stop', 'land', 3],
	['the current stop', 'the countries of the tour', 3],
	['label', "the label's halo", 4.5],
];

describe('contrast, as WCAG 2 computes it', () => {
	test('runs from 1, a colour against itself, to 21, black against white, in either order', () => {
		expect(contrastRatio('#000', '#fff')).toBeCloseTo(21, 5);
		expect(contrastRatio('#fff', '#000')).toBeCloseTo(21, 5);
		expect(contrastRatio('#52758f', '#52758f')).toBe(1);
		// WebAIM's checker gives 4.54:1 for #767676 on white.
		expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
		expect(relativeLuminance('#ffffff')).toBe(1);
	});

	test('reads #rgb and #rrggbb, and refuses anything else', () => {
		expect(parseHexColour('#fa0')).toEqual([255, 170, 0]);
		expect(parseHexColour('#52758F')).toEqual([82, 117, 143]);
		expect(() => parseHexColour('rebeccapurple')).toThrow('is not a colour written as #rgb or #rrggbb');
	});
});

describe('the route map', () => {
	test('has a dark scheme of its own', () => {
		expect(dark, 'global.css has a @media (prefers-color-scheme: dark) block').toBeDefined();
		expect(schemes.dark.get('--map-sea')).not.toBe(schemes.light.get('--map-sea'));
	});

	for (const [name, scheme] of Object.entries(schemes)) {
		test(`tells land from sea, and the route and its stops from the land, at 3:1 or more in ${name} mode`, () => {
			const colours = parts(scheme);
			const weak = PAIRS.flatMap(([either, b, least]) => {
				const best = [either]
					.flat()
					.map((a) => ({ a, ratio: contrastRatio(colours[a], colours[b]) }))
					.sort((x, y) => y.ratio - x.ratio)[0] as { a: Part; ratio: number };
				const { a, ratio } = best;
				return ratio < least ? [`${a} (${colours[a]}) against ${b} (${colours[b]}): ${ratio.toFixed(2)}:1, under ${least}:1`] : [];
			});
			expect(weak).toEqual([]);
		});
	}
});
