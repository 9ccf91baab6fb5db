/**
 * The site on a phone.
 * - The fact ledger (390 × 844, an iPhone 12 to 15): the reader scrolls only down. Neither
 *   the page nor anything in the ledger scrolls sideways, and the ledger fits the width of
 *   the screen, so every claim and every source's stance can be read without panning. A
 *   wide table in a horizontal scroller (ScrollTable.astro) fails this.
 * - Home, a stop, the ledger and an article at 320 px (an iPhone SE) and 390 px: no text is
 *   drawn under 14 px (SVG text measured as drawn, at the map's scale); the route map's
 *   labels are drawn at 14 px or more, inside the map and clear of each other; and no span
 *   of dates (`.date-range`, "28–29 February 2024") breaks over two lines or runs off the screen.
 */
import { expect, test } from './fixtures.ts';

const PHONE = { width: 390, height: 844 };

test.use({ viewport: PHONE });

/** How the page and its ledger fit the screen, measured in the browser. */
interface LedgerFit {
	/** The width of the layout viewport, less any scrollbar. */
	viewport: number;
	page: { scrollWidth: number; clientWidth: number };
	/** What scrolls sideways inside the ledger's region, each with its widths. */
	scrollers: string[];
	/** The ledger table's left and right edges, in CSS pixels from the viewport's left. */
	ledger: { selector: string; left: number; right: number };
}

for (const url of ['/facts/', '/facts/disputed/']) {
	test(`on a ${PHONE.width} px phone, ${url} scrolls sideways neither the page nor anything in its ledger`, async ({ page }) => {
		await page.goto(url);
		const ledger = page.locator('table.ledger');
		await expect(ledger, `${url} shows the fact ledger, a table.ledger`).toHaveCount(1);

		const fit = await ledger.evaluate((table): LedgerFit => {
			/** An element as a reader of the failure can find it: tag, id, classes, role and label. */
			const describe = (element: Element): string => {
				const label = element.getAttribute('aria-label');
				return [
					element.tagName.toLowerCase(),
					element.id ? `#${element.id}` : '',
					[...element.classList].map((name) => `.${name}`).join(''),
					element.getAttribute('role') ? `[role=${element.getAttribute('role')}]` : '',
					label ? `[aria-label="${label.length > 40 ? `${label.slice(0, 40)}…` : label}"]` : '',
				].join('');
			};
			const scrolling = document.scrollingElement ?? document.documentElement;
			// The ledger's region: the scroll box ScrollTable wraps it in, if it still has one.
			const region = table.closest('[role="region"], .table-scroll') ?? table;
			const scrollers = [region, ...region.querySelectorAll('*')].flatMap((element) => {
				const { overflowX } = getComputedStyle(element);
				if (overflowX !== 'auto' && overflowX !== 'scroll') return [];
				if (element.scrollWidth <= element.clientWidth + 1) return [];
				return [`${describe(element)} (overflow-x: ${overflowX}) holds ${element.scrollWidth} px of content in a ${element.clientWidth} px box`];
			});
			const box = table.getBoundingClientRect();
			return {
				viewport: document.documentElement.clientWidth,
				page: { scrollWidth: scrolling.scrollWidth, clientWidth: scrolling.clientWidth },
				scrollers,
				ledger: { selector: describe(table), left: Math.round(box.left), right: Math.round(box.right) },
			};
		});

		const problems: string[] = [];
		if (fit.page.scrollWidth > fit.page.clientWidth) {
			problems.push(`${url}: the page scrolls sideways: ${fit.page.scrollWidth} px of content in a ${fit.page.clientWidth} px window`);
		}
		for (const scroller of fit.scrollers) problems.push(`${url}: ${scroller}, so it scrolls sideways`);
		if (fit.ledger.left < 0 || fit.ledger.right > fit.viewport) {
			problems.push(
				`${url}: the ledger ${fit.ledger.selector} spans ${fit.ledger.left}–${fit.ledger.right} px (${fit.ledger.right - fit.ledger.left} px wide), beyond the ${fit.viewport} px viewport`,
			);
		}
		expect(problems, `${url} at ${PHONE.width} × ${PHONE.height}`).toEqual([]);
	});
}

/** A phone's widths: the narrowest in use (an iPhone SE, 320 px) and the common one (390 px). */
const PHONE_WIDTHS = [320, 390] as const;

/** The smallest text a phone may show, in CSS px (a little under 14, for rounding). */
const LEAST_TEXT_PX = 13.95;

/**
 * The pages a reader reads on a phone: home, a stop, the ledger and an article, the stop
 * and the article the first the home page and the articles' index link to.
 */
async function readingPages(page: import('@playwright/test').Page): Promise<string[]> {
	await page.goto('/');
	const stop = await page.locator('.stop-cards a[href*="/stops/"]').first().getAttribute('href');
	await page.goto('/articles/');
	const article = await page.locator('main a[href*="/articles/"]:not([href$="/articles/"])').first().getAttribute('href');
	return ['/', stop ?? '/stops/', '/facts/', article ?? '/articles/'];
}

for (const width of PHONE_WIDTHS) {
	test(`on a ${width} px phone, no text of home, a stop, the ledger or an article is drawn smaller than 14 px`, async ({ page }) => {
		await page.setViewportSize({ width, height: PHONE.height });
		const small: string[] = [];
		for (const url of await readingPages(page)) {
			await page.goto(url);
			const found = await page.evaluate((least) => {
				const hiddenByClip = (element: Element) => {
					for (let at: Element | null = element; at; at = at.parentElement) {
						const style = getComputedStyle(at);
						if (style.clipPath !== 'none' && at.getBoundingClientRect().width <= 1) return true;
					}
					return false;
				};
				const out: string[] = [];
				const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
				for (let node = walker.nextNode(); node; node = walker.nextNode()) {
					const text = (node.textContent ?? '').trim();
					const element = node.parentElement;
					if (!text || !element || element.closest('script, style, title, [hidden]')) continue;
					if (element.getClientRects().length === 0 || hiddenByClip(element)) continue;
					const style = getComputedStyle(element);
					if (style.visibility === 'hidden') continue;
					// SVG text is set in the map's units: what the reader sees is that size times the map's scale.
					const ctm = element instanceof SVGGraphicsElement ? element.getScreenCTM() : null;
					const drawn = Number.parseFloat(style.fontSize) * (ctm ? Math.hypot(ctm.a, ctm.b) : 1);
					if (drawn < least) out.push(`"${text.slice(0, 40)}" in <${element.tagName.toLowerCase()}${element.className && typeof element.className === 'string' ? ` class="${element.className}"` : ''}> at ${drawn.toFixed(1)} px`);
				}
				return [...new Set(out)];
			}, LEAST_TEXT_PX);
			small.push(...found.map((line) => `${url}: ${line}`));
		}
		expect(small).toEqual([]);
	});

	test(`on a ${width} px phone, the map's labels are drawn at 14 px or more, clear of each other, and no span of dates breaks`, async ({ page }) => {
		await page.setViewportSize({ width, height: PHONE.height });
		const problems: string[] = [];
		const pages = await readingPages(page);
		for (const url of pages) {
			await page.goto(url);
			const found = await page.evaluate((least) => {
				const out: string[] = [];
				for (const map of document.querySelectorAll('figure.route-map svg')) {
					const frame = map.getBoundingClientRect();
					const labels = [...map.querySelectorAll<SVGTextElement>('a.marker text')];
					if (labels.length === 0) out.push('the map has no labels');
					const boxes = labels.map((label) => ({ label, box: label.getBoundingClientRect() }));
					for (const { label, box } of boxes) {
						const ctm = label.getScreenCTM();
						const drawn = Number.parseFloat(getComputedStyle(label).fontSize) * (ctm ? Math.hypot(ctm.a, ctm.b) : 1);
						if (drawn < least) out.push(`the label "${label.textContent}" is drawn at ${drawn.toFixed(1)} px`);
						if (box.left < frame.left - 1 || box.right > frame.right + 1 || box.top < frame.top - 1 || box.bottom > frame.bottom + 1) {
							out.push(`the label "${label.textContent}" runs out of the map`);
						}
					}
					for (const [index, a] of boxes.entries()) {
						for (const b of boxes.slice(index + 1)) {
							if (a.box.left < b.box.right && b.box.left < a.box.right && a.box.top < b.box.bottom && b.box.top < a.box.bottom) {
								out.push(`the labels "${a.label.textContent}" and "${b.label.textContent}" overlap`);
							}
						}
					}
				}
				const ranges = [...document.querySelectorAll('.date-range')].filter((range) => range.getClientRects().length > 0);
				for (const range of ranges) {
					const lines = range.getClientRects().length;
					if (lines > 1) out.push(`"${range.textContent}" breaks over ${lines} lines`);
					if (range.getBoundingClientRect().right > document.documentElement.clientWidth) out.push(`"${range.textContent}" runs past the screen's edge`);
				}
				return { out, ranges: ranges.length, maps: document.querySelectorAll('figure.route-map svg').length };
			}, LEAST_TEXT_PX);
			problems.push(...found.out.map((line) => `${url}: ${line}`));
			// Home and the stop show the route map and the stops' dates.
			if (url === pages[0] || url === pages[1]) {
				if (found.maps === 0) problems.push(`${url}: no route map`);
				if (found.ranges === 0) problems.push(`${url}: no span of dates, as a .date-range`);
			}
		}
		expect(problems).toEqual([]);
	});
}
