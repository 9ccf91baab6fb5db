/**
 * Zod's validation issues, turned into problems a person can act on: the file, the
 * field, what was expected and what was found.
 */
import type { z } from 'zod';
import { closest } from '../lib/closest.ts';
import { describeFound, formatFieldPath, type Problem } from '../lib/problems.ts';

type Issue = z.core.$ZodIssue;

/** Validates `data` against `schema`; returns the parsed data, or the problems. */
export function validateFrontmatter<Schema extends z.ZodType>(
	schema: Schema,
	data: unknown,
	file: string,
): { ok: true; data: z.output<Schema> } | { ok: false; problems: Problem[] } {
	const result = schema.safeParse(data);
	if (result.success) return { ok: true, data: result.data };
	return {
		ok: false,
		problems: result.error.issues.flatMap((issue) => issueToProblems(issue, file, data, schema)),
	};
}

function issueToProblems(issue: Issue, file: string, data: unknown, schema: z.ZodType): Problem[] {
	if (issue.code === 'unrecognized_keys') {
		const known = knownKeysAt(schema, issue.path);
		const parent = valueAt(data, issue.path);
		return issue.keys.map((key) => {
			const suggestion = closest(key, known);
			return {
				file,
				field: formatFieldPath([...issue.path, key]),
				expected: `expected no field of this name${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`,
				found: describeFound(isRecord(parent) ? parent[key] : undefined),
			};
		});
	}
	// The raw value at the field is what the person wrote there (a refinement of an
	// object would report the whole object as its input).
	const value = valueAt(data, issue.path);
	return [{ file, field: formatFieldPath(issue.path), expected: expectedText(issue, value === undefined), found: describeFound(value) }];
}

/** What the schema wanted, phrased as "expected …", saying so when the field is simply missing. */
function expectedText(issue: Issue, missing: boolean): string {
	const expected = describeExpected(issue);
	return issue.code === 'invalid_type' && missing ? `${expected} (the field is required)` : expected;
}

function describeExpected(issue: Issue): string {
	// Our own messages already read "expected …".
	if (issue.message.startsWith('expected')) return issue.message;
	switch (issue.code) {
		case 'invalid_type':
			return `expected ${withArticle(issue.expected)}`;
		case 'invalid_value':
			return `expected one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
		default:
			// zod's own wording, "Too small: expected number to be >0", minus its label.
			return issue.message.replace(/^[A-Z][\w ]*: (?=expected)/, '').replace(/^(?!expected)/, 'expected a valid value: ');
	}
}

function withArticle(type: string): string {
	const noun = type === 'array' ? 'list' : type === 'object' ? 'mapping' : type === 'string' ? 'text' : type;
	return /^[aeiou]/.test(noun) ? `an ${noun}` : noun === 'text' ? noun : `a ${noun}`;
}

/** The field names the schema accepts for the object at `path`: the candidates for a typo. */
function knownKeysAt(schema: z.ZodType, path: ReadonlyArray<PropertyKey>): string[] {
	let node: unknown = schema;
	for (const key of path) {
		node = unwrap(node);
		const def = definitionOf(node);
		if (def?.type === 'object' && typeof key === 'string') node = (def['shape'] as Record<string, unknown>)[key];
		else if (def?.type === 'array') node = def['element'];
		else return [];
	}
	const def = definitionOf(unwrap(node));
	return def?.type === 'object' ? Object.keys(def['shape'] as object) : [];
}

/** Looks through optional, default, nullable and pipe wrappers to the schema inside. */
function unwrap(node: unknown): unknown {
	let def = definitionOf(node);
	while (def && ['optional', 'default', 'prefault', 'nullable', 'pipe', 'readonly'].includes(def.type)) {
		node = def['innerType'] ?? def['in'];
		def = definitionOf(node);
	}
	return node;
}

function definitionOf(node: unknown): ({ type: string } & Record<string, unknown>) | undefined {
	return (node as { _zod?: { def?: { type: string } & Record<string, unknown> } } | undefined)?._zod?.def;
}

function valueAt(data: unknown, path: ReadonlyArray<PropertyKey>): unknown {
	let value = data;
	for (const key of path) value = isRecord(value) || Array.isArray(value) ? (value as never)[key] : undefined;
	return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
