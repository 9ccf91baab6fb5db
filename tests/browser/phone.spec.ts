/**
 * The fact ledger on a phone (390 × 844, an iPhone 12 to 15): the reader scrolls only
 * down. Neither the page nor anything in the ledger scrolls sideways, and the ledger
 * fits the width of the screen, so every claim and every source's stance can be read
 * without panning. A wide table in a horizontal scroller (ScrollTable.astro) fails this.
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
