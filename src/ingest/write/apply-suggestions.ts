/**
 * `--apply`: writes accepted suggestions into the stop and fact files, as text in and
 * text out. The article's id goes at the end of an event's `articles`, and a new
 * `{ article, passage, stance }` at the end of a claim's `sources`.
 *
 * The files are edited, not rewritten. The `yaml` Document API finds the lists (by
 * their place in the frontmatter, whatever their layout) and prints the new source
 * entry, and the new text goes in at the list's own place. Every other byte of the
 * file is kept: comments, quoting, flow lists such as `articles: [a, b]` beside padded
 * maps such as `{ lat: 37.5, lon: 127 }` (which no single setting of the printer
 * would reproduce), and the markdown body. Applying the same suggestions twice
 * changes nothing the second time.
 */
import { Document, isMap, isSeq, parseDocument, Scalar, type YAMLSeq } from 'yaml';
import type { Problem } from '../../lib/problems.ts';
import type { Stance } from '../../schema/index.ts';

/** The files to edit, each by its path, with its text. */
export interface ContentTexts {
	/** Stop files (`content/stops/<id>.md`), found by the file name. */
	stops: ReadonlyMap<string, string>;
	/** Claim files (`content/facts/<id>.md`), found by the file name. */
	facts: ReadonlyMap<string, string>;
}

/** The suggestions to apply: any `EventSuggestion` and `ClaimSuggestion` will do. */
export interface AcceptedSuggestions {
	events: readonly { stop: string; event: string }[];
	claims: readonly { claim: string; passage: string; stance: Stance; says?: string | undefined }[];
}

/** The files that changed, by path, with their new text; and what could not be applied. */
export interface AppliedTexts {
	stops: Map<string, string>;
	facts: Map<string, string>;
	problems: Problem[];
}

/**
 * Adds `articleId` to each suggested event's `articles` and to each suggested claim's
 * `sources` (with its passage and stance), where it is not there already. Returns
 * only the files whose text changed.
 */
export function applySuggestions(files: ContentTexts, articleId: string, suggestions: AcceptedSuggestions): AppliedTexts {
	const result: AppliedTexts = { stops: new Map(), facts: new Map(), problems: [] };
	const edit = (collection: 'stops' | 'facts', id: string, change: (file: string, text: string) => Edited) => {
		const file = fileOf(files[collection], id);
		if (file === undefined) {
			result.problems.push({ file: `content/${collection}/${id}.md`, field: 'file', expected: `expected the file among those given`, found: 'none' });
			return;
		}
		const text = result[collection].get(file) ?? files[collection].get(file) ?? '';
		const edited = change(file, text);
		if (!edited.ok) result.problems.push(edited.problem);
		else if (edited.text !== text) result[collection].set(file, edited.text);
	};
	for (const { stop, event } of suggestions.events) edit('stops', stop, (file, text) => addToEvent(file, text, event, articleId));
	for (const { claim, passage, stance, says } of suggestions.claims) {
		edit('facts', claim, (file, text) => addSource(file, text, { article: articleId, passage, stance, says }));
	}
	return result;
}

/** A file's new text, or why it could not be edited. */
export type Edited = { ok: true; text: string } | { ok: false; problem: Problem };

/** Appends `articleId` to the `articles` of the event `eventId` in a stop file, unless it is there. */
export function addToEvent(file: string, text: string, eventId: string, articleId: string): Edited {
	return editFrontmatter(file, text, (yaml, doc) => {
		const events = doc.get('events', true);
		const index = isSeq(events) ? events.items.findIndex((item) => isMap(item) && item.get('id') === eventId) : -1;
		const field = `events[${index}].articles`;
		if (index === -1) {
			const ids = isSeq(events) ? events.items.map((item) => (isMap(item) ? String(item.get('id')) : '?')) : [];
			return { ok: false, problem: { file, field: 'events', expected: `expected an event with the id "${eventId}"`, found: ids.length > 0 ? `only ${ids.join(', ')}` : 'no events' } };
		}
		const articles = doc.getIn(['events', index, 'articles'], true);
		if (!isSeq(articles)) return { ok: false, problem: { file, field, expected: 'expected a list of article ids', found: articles === undefined ? 'nothing' : 'something else' } };
		if (articles.items.some((item) => scalarValue(item) === articleId)) return { ok: true, text: yaml };
		return { ok: true, text: appendToSeq(yaml, articles, articleId, (indent, eol) => `${indent}- ${articleId}${eol}`) };
	}, (doc) => {
		const { events = [] } = doc.toJS() as { events?: { id?: unknown; articles?: unknown[] }[] };
		return events.some((event) => event.id === eventId && (event.articles ?? []).includes(articleId));
	});
}

/**
 * Appends `{ article, passage, stance, says }` (`says` where given) to a claim file's
 * `sources`, unless the article is already among them.
 */
export function addSource(file: string, text: string, source: { article: string; passage: string; stance: Stance; says?: string | undefined }): Edited {
	return editFrontmatter(file, text, (yaml, doc) => {
		const sources = doc.get('sources', true);
		if (!isSeq(sources) || sources.flow) {
			return { ok: false, problem: { file, field: 'sources', expected: 'expected a block list of sources ("- article: …" lines)', found: sources === undefined ? 'nothing' : 'another layout' } };
		}
		if (sources.items.some((item) => isMap(item) && item.get('article') === source.article)) return { ok: true, text: yaml };
		const passage = quoted(source.passage);
		const says = source.says === undefined ? {} : { says: quoted(source.says) };
		const entry = new Document([{ article: source.article, passage, stance: source.stance, ...says }]).toString({ lineWidth: 0 });
		return { ok: true, text: appendToSeq(yaml, sources, source.article, (indent, eol) => entry.trimEnd().split('\n').map((line) => `${indent}${line}${eol}`).join('')) };
	}, (doc) => {
		const sources = doc.toJS() as { sources?: { article?: unknown; passage?: unknown; stance?: unknown }[] };
		return (sources.sources ?? []).some((each) => each.article === source.article && each.passage === source.passage && each.stance === source.stance);
	});
}

/** A string scalar written in double quotes, as the content files write passages. */
function quoted(value: string): Scalar<string> {
	const scalar = new Scalar(value);
	scalar.type = Scalar.QUOTE_DOUBLE;
	return scalar;
}

/**
 * Applies `change` to the YAML between the first two `---` lines of `text`, keeping
 * everything else byte for byte; then parses the result again and checks `holds`, so
 * that an edit the file's layout defeated is reported, never written.
 */
function editFrontmatter(
	file: string,
	text: string,
	change: (yaml: string, doc: Document.Parsed) => Edited,
	holds: (doc: Document.Parsed) => boolean,
): Edited {
	const parts = splitFrontmatter(text);
	if (!parts) return { ok: false, problem: { file, field: 'frontmatter', expected: 'expected a frontmatter block between two "---" lines', found: 'none' } };
	const doc = parseDocument(parts.yaml);
	if (doc.errors.length > 0) return { ok: false, problem: { file, field: 'frontmatter', expected: 'expected valid YAML', found: `a YAML error: ${doc.errors[0]?.message.split('\n')[0] ?? ''}` } };
	const changed = change(parts.yaml, doc);
	if (!changed.ok || changed.text === parts.yaml) return changed.ok ? { ok: true, text } : changed;
	const check = parseDocument(changed.text);
	if (check.errors.length > 0 || !holds(check)) {
		return { ok: false, problem: { file, field: 'frontmatter', expected: 'expected the edit to leave valid YAML holding the new entry', found: 'a layout it could not be made in; add it by hand' } };
	}
	return { ok: true, text: parts.before + changed.text + parts.after };
}

/** `text` cut into the opening `---` line, the YAML, and the rest from the closing `---` line on. */
export function splitFrontmatter(text: string): { before: string; yaml: string; after: string } | undefined {
	const opening = /^\uFEFF?---[ \t]*\r?\n/.exec(text);
	if (!opening) return undefined;
	const rest = text.slice(opening[0].length);
	const match = /(^|\n)---[ \t]*(?:\r?\n|$)/.exec(rest);
	if (!match) return undefined;
	const end = opening[0].length + match.index + match[1]!.length;
	return { before: text.slice(0, opening[0].length), yaml: text.slice(opening[0].length, end), after: text.slice(end) };
}

/**
 * `yaml` with a new last item in `seq`: in a flow list, `, <value>` after the last item
 * (`[a, b]` → `[a, b, c]`); in a block list, the lines `block` makes, indented as the
 * first item, after the last item's line.
 */
function appendToSeq(yaml: string, seq: YAMLSeq, value: string, block: (indent: string, eol: string) => string): string {
	const eol = yaml.includes('\r\n') ? '\r\n' : '\n';
	const last = seq.items.at(-1) as { range?: [number, number, number] } | undefined;
	const [start, end] = seq.range ?? [0, 0];
	if (seq.flow) {
		if (!last?.range) return `${yaml.slice(0, start)}[${value}]${yaml.slice(end)}`;
		return `${yaml.slice(0, last.range[1])}, ${value}${yaml.slice(last.range[1])}`;
	}
	const lineStart = yaml.lastIndexOf('\n', start - 1) + 1;
	// The first item's column; in a nested list (`- - a`) what stands before it counts as spaces.
	const indent = yaml.slice(lineStart, start).replace(/[^\t]/g, ' ');
	const after = last?.range ? last.range[1] : end;
	const lineEnd = yaml[after - 1] === '\n' ? after : yaml.indexOf('\n', after) + 1 || yaml.length;
	const tail = lineEnd === yaml.length && !yaml.endsWith('\n') ? eol : '';
	return `${yaml.slice(0, lineEnd)}${tail}${block(indent, eol)}${yaml.slice(lineEnd)}`;
}

/** The value of a scalar node, or the item itself. */
function scalarValue(item: unknown): unknown {
	return item instanceof Scalar ? item.value : item;
}

/** The path among `texts` whose file name is `<id>.md`. */
function fileOf(texts: ReadonlyMap<string, string>, id: string): string | undefined {
	return [...texts.keys()].find((file) => (file.split(/[\\/]/).at(-1) ?? '') === `${id}.md`);
}
