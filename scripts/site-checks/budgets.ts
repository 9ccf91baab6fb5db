/**
 * Check 7, the byte budgets on the build output:
 * - zero bytes of JavaScript on every page but /search/ (JSON-LD is data, not script);
 * - each page's HTML plus its CSS at most 30 KB gzipped, the route map included.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { readPages } from '../lib/dist.ts';
import { defineSiteCheck } from './types.ts';

export const PAGE_BUDGET_BYTES = 30 * 1024;

export interface PageWeight {
	url: string;
	/** HTML plus linked CSS, gzipped. */
	gzipped: number;
	/** Bytes of JavaScript the page runs: inline scripts and script files. */
	javascript: number;
}

/** The weight of every page of a build. */
export async function weighPages(dir: string, base: string): Promise<PageWeight[]> {
	const weights: PageWeight[] = [];
	const fileFor = (src: string) => path.join(dir, src.slice(base.length));
	for (const page of (await readPages(dir, base)).values()) {
		const css = await Promise.all(
			page.document
				.querySelectorAll('link[rel="stylesheet"][href]')
				.map((link) => readFile(fileFor(link.getAttribute('href') ?? ''))),
		);
		let javascript = 0;
		for (const script of page.document.querySelectorAll('script')) {
			if (script.getAttribute('type') === 'application/ld+json') continue;
			const src = script.getAttribute('src');
			javascript += src ? (await readFile(fileFor(src))).length : Buffer.byteLength(script.textContent);
		}
		const gzipped = gzipSync(Buffer.from(page.html)).length + css.reduce((sum, sheet) => sum + gzipSync(sheet).length, 0);
		weights.push({ url: page.url, gzipped, javascript });
	}
	return weights.sort((a, b) => b.gzipped - a.gzipped);
}

export const budgets = defineSiteCheck({
	name: 'Budgets (no JavaScript but on /search/; HTML + CSS ≤ 30 KB gzipped per page)',
	needs: ['root'],
	async run({ root }) {
		const weights = await weighPages(root.dir, root.base);
		const failures: string[] = [];
		for (const weight of weights) {
			if (weight.url !== `${root.base}search/` && weight.javascript > 0) {
				failures.push(`${weight.url} runs ${weight.javascript} bytes of JavaScript; only /search/ may`);
			}
			if (weight.gzipped > PAGE_BUDGET_BYTES) {
				failures.push(`${weight.url} weighs ${weight.gzipped} bytes of HTML + CSS gzipped, over the ${PAGE_BUDGET_BYTES}-byte budget`);
			}
		}
		const heaviest = weights[0];
		if (heaviest) console.log(`    heaviest page: ${heaviest.url}, ${(heaviest.gzipped / 1024).toFixed(1)} KB gzipped`);
		return failures;
	},
});
