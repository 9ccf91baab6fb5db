/**
 * Where in its file a content problem is: the line and column of the field it names
 * (`published`, `sources[2].passage`, `inferred.stops.jamnagar`), for the dev server's
 * error overlay, which shows the file there as a code frame. The frontmatter is read
 * with the `yaml` package, whose nodes know their place in the text; a problem of the
 * body points at the body's first line, and one whose field cannot be found (a missing
 * field, a file that is not YAML) at the first line of the file.
 */
import { isMap, isNode, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { splitFrontmatter } from '../ingest/write/apply-suggestions.ts';

/** A place in a file: 1-based line and column. */
export interface FileLocation {
	line: number;
	column: number;
}

/** The keys of a field path: `events[2].people[0]` → `['events', 2, 'people', 0]`. */
export function fieldPathKeys(field: string): (string | number)[] {
	const keys: (string | number)[] = [];
	for (const part of field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
		if (part[2] !== undefined) keys.push(Number(part[2]));
		else if (part[1] !== undefined) keys.push(part[1]);
	}
	return keys;
}

/** The line and column of `field` in the content file `text`. */
export function locateField(text: string, field: string): FileLocation {
	const parts = splitFrontmatter(text);
	const first = { line: 1, column: 1 };
	if (!parts) return first;
	// Lines before the YAML: the opening `---`.
	const offsetLines = parts.before.split('\n').length - 1;
	if (field === 'body') return { line: offsetLines + parts.yaml.split('\n').length + 1, column: 1 };
	const counter = new LineCounter();
	const document = parseDocument(parts.yaml, { lineCounter: counter, keepSourceTokens: false });
	if (document.errors.length > 0) {
		const at = document.errors[0]?.linePos?.[0];
		return at ? { line: at.line + offsetLines, column: at.col } : first;
	}
	// The deepest node of the path that is there: a missing key points at its parent.
	let node: Node | undefined = document.contents ?? undefined;
	let place: [number, number, number] | undefined = node?.range ?? undefined;
	for (const key of fieldPathKeys(field)) {
		if (isMap(node)) {
			const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(key));
			if (!pair) break;
			place = isNode(pair.key) ? (pair.key.range ?? place) : place;
			node = isNode(pair.value) ? pair.value : undefined;
		} else if (isSeq(node) && typeof key === 'number') {
			const item = node.items[key];
			if (!isNode(item)) break;
			place = item.range ?? place;
			node = item;
		} else break;
	}
	if (!place) return first;
	const { line, col } = counter.linePos(place[0]);
	return { line: line + offsetLines, column: col };
}
