/**
 * A short label for each source, which a reader can tell from the others wherever the
 * sources are listed (the ledger's columns, citations, coverage, claim pages): its outlet
 * where the source names one, else its byline, else a short form of its headline, and
 * its day. "Bloomberg, 26 February"; "Nicholas, 26 February"; "“Zuckerberg meets LG,
 * Samsung…”, 29 February". Derived from the content, never written by hand; where two
 * would read the same, each gets a short form of its headline too, and the label stays
 * one the full title is a step away from (its link, its tooltip).
 */
import { formatDayMonth } from '../lib/calendar.ts';

/** What a label is made of. */
export interface LabelledSource {
	id: string;
	title: string;
	outlet?: string | undefined;
	author?: string | undefined;
	/** `YYYY-MM-DD`, the day the source was published, in its own zone. */
	date: string;
}

/** The most characters of a headline a label quotes. */
export const HEADLINE_CHARACTERS = 32;

/** The first words of a headline, in quotation marks, cut at a word (or, in an unspaced script, a character) with an ellipsis. */
export function shortHeadline(title: string, most = HEADLINE_CHARACTERS): string {
	const text = title.trim();
	if ([...text].length <= most) return `“${text}”`;
	const cut = [...text].slice(0, most).join('');
	const atWord = cut.replace(/[\s,;:–—-]+\S*$/u, '');
	return `“${(atWord.length >= most / 2 ? atWord : cut).replace(/[\s,;:.–—-]+$/u, '')}…”`;
}

/** Who a source is: its outlet, else its byline, else its headline in short. */
function whoOf(source: LabelledSource): string {
	return source.outlet?.trim() || source.author?.trim() || shortHeadline(source.title);
}

/** Whether a source's label is made of its headline, which is in the source's own language. */
export function labelQuotesHeadline(source: Pick<LabelledSource, 'outlet' | 'author'>): boolean {
	return !source.outlet?.trim() && !source.author?.trim();
}

/** The label of every source, by id, each distinct from the others. */
export function labelSources(sources: readonly LabelledSource[]): Map<string, string> {
	const base = new Map(sources.map((source) => [source.id, `${whoOf(source)}, ${formatDayMonth(source.date)}`]));
	const count = (labels: Map<string, string>) => {
		const counts = new Map<string, number>();
		for (const label of labels.values()) counts.set(label, (counts.get(label) ?? 0) + 1);
		return counts;
	};
	// Two of one outlet on one day: each says which, by its headline.
	const counts = count(base);
	const labels = new Map(
		sources.map((source) => {
			const label = base.get(source.id) ?? '';
			const headline = shortHeadline(source.title);
			return [source.id, (counts.get(label) ?? 0) > 1 && !label.startsWith(headline) ? `${whoOf(source)}: ${headline}, ${formatDayMonth(source.date)}` : label];
		}),
	);
	// The same headline too (a syndicated copy): a number, in the order given.
	const again = count(labels);
	const seen = new Map<string, number>();
	return new Map(
		[...labels].map(([id, label]) => {
			if ((again.get(label) ?? 0) < 2) return [id, label];
			const nth = (seen.get(label) ?? 0) + 1;
			seen.set(label, nth);
			return [id, `${label} (${nth})`];
		}),
	);
}
