/**
 * Citation marks for the cited passages of an article, as a good reference work prints
 * them: after the highlighted words, a small bracketed number for each claim of the fact
 * ledger that cites them ("[2]"), linked to that claim in the list below the article, and
 * a word for a quote of a stop page ("[quoted]"). The words of a passage stay exactly as
 * they were: the citation stands after its `<mark>`, never inside it, and after the
 * outermost mark where passages nest, naming what cites the inner ones too. So the
 * ledger's links still land on the exact words (`#q-…`), and `:target` highlights them.
 *
 * The marks are the markdown pipeline's (src/markdown/remark-passage-marks.ts); raw HTML
 * in a body is text, never markup, so every `<mark>` of a body is one of them.
 */

/** One thing that cites a passage. */
export interface PassageCitation {
	/** What the reader sees, in brackets: "2" for the second claim of the article's list, "quoted". */
	label: string;
	/** Where it leads: the claim in the list below the article (`#claim-…`), a stop's quotes. */
	href: string;
	/** What it says in full, for screen readers: "Claim 2: The LG meeting lasted two hours." */
	name: string;
}

/** Numbered citations first, in their order, then the others in the order given. */
function byLabel(a: PassageCitation, b: PassageCitation): number {
	const [x, y] = [Number(a.label), Number(b.label)];
	if (Number.isInteger(x) && Number.isInteger(y)) return x - y;
	return Number.isInteger(x) ? -1 : Number.isInteger(y) ? 1 : 0;
}

const MARK_TAG = /<mark\b[^>]*>|<\/mark>/g;
const ID_ATTRIBUTE = /\bid="([^"]*)"/;

/** Text for HTML, in an element or an attribute. */
export function escapeHtml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * The citation mark of a passage: `[1, 3]`, each number a link whose name says in full
 * what cites the words ("Claim 1: …"), shown on hover too. The text it adds to the page
 * is the brackets and numbers alone, as a reader copying the paragraph would want it.
 */
export function citationMarkHtml(citations: readonly PassageCitation[]): string {
	const links = citations.map(
		(citation) => `<a class="cite" href="${escapeHtml(citation.href)}" aria-label="${escapeHtml(citation.name)}" title="${escapeHtml(citation.name)}">${escapeHtml(citation.label)}</a>`,
	);
	return `<sup class="cites"><span aria-hidden="true">[</span>${links.join('<span aria-hidden="true">, </span>')}<span aria-hidden="true">]</span></sup>`;
}

/**
 * `html` with a citation mark after each outermost `<mark>` whose id (or that of a mark
 * inside it) `citations` knows, naming everything that cites it, each once: the numbers in
 * order, then the words. Marks with no citation are left as they are.
 */
export function addPassageCitations(html: string, citations: ReadonlyMap<string, readonly PassageCitation[]>): string {
	let out = '';
	let cursor = 0;
	let depth = 0;
	let group: PassageCitation[] = [];
	for (const match of html.matchAll(MARK_TAG)) {
		const tag = match[0];
		const end = match.index + tag.length;
		if (tag.startsWith('</')) {
			if (depth === 0) continue; // A stray closing tag: nothing to close.
			depth -= 1;
			if (depth > 0) continue;
			out += html.slice(cursor, end);
			cursor = end;
			const unique = [...new Map(group.map((citation) => [citation.href, citation])).values()].sort(byLabel);
			if (unique.length > 0) out += citationMarkHtml(unique);
			group = [];
		} else {
			if (depth === 0) group = [];
			depth += 1;
			const id = ID_ATTRIBUTE.exec(tag)?.[1];
			if (id) group.push(...(citations.get(id) ?? []));
		}
	}
	return out + html.slice(cursor);
}
