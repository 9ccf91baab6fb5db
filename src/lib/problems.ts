/**
 * A problem found in the content, reported as one line a person can act on:
 *
 *     content/articles/foo.md: published: expected a real date (YYYY-MM-DD) …, found "2024-02-30"
 */
import path from 'node:path';

export interface Problem {
	/** The file, relative to the project (or `<collection>/<id>` where there is no file). */
	file: string;
	/** The field, as a path into the frontmatter: `events[2].people[0]`; `frontmatter` or `body` for the file itself. */
	field: string;
	/** What was expected, starting with "expected". */
	expected: string;
	/** What was found, for a person: `"2024-02-30"`, `nothing (the field is missing)`. */
	found: string;
}

/** The one-line form of a problem. */
export function formatProblem(problem: Problem): string {
	return `${problem.file}: ${problem.field}: ${problem.expected}, found ${problem.found}`;
}

/** A field path for readers: `['events', 2, 'people', 0]` → `events[2].people[0]`. */
export function formatFieldPath(path: ReadonlyArray<PropertyKey>): string {
	let field = '';
	for (const key of path) {
		if (typeof key === 'number') field += `[${key}]`;
		else field += field ? `.${String(key)}` : String(key);
	}
	return field || 'frontmatter';
}

/** A value as a reader would recognise it in the file, shortened when long. */
export function describeFound(value: unknown): string {
	if (value === undefined) return 'nothing (the field is missing)';
	if (value === null) return 'an empty value';
	if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : `a list (${shorten(JSON.stringify(value))})`;
	if (value instanceof Date) return `a date object (${value.toISOString()})`;
	if (typeof value === 'object') return `a mapping (${shorten(JSON.stringify(value))})`;
	if (typeof value === 'string') return value.trim() === '' ? 'an empty text' : shorten(JSON.stringify(value));
	return `${typeof value} ${String(value)}`;
}

function shorten(text: string, limit = 80): string {
	return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}

/** Thrown where content cannot be used; its message lists every problem, one per line. */
export class ContentError extends Error {
	readonly problems: readonly Problem[];

	constructor(summary: string, problems: readonly Problem[]) {
		super([`${summary}:`, ...problems.map(formatProblem)].join('\n'));
		this.name = 'ContentError';
		this.problems = problems;
	}
}

/** A file path for messages: relative to `root` when inside it, absolute otherwise. */
export function displayPath(file: string, root: string): string {
	const relative = path.relative(root, file);
	return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}
