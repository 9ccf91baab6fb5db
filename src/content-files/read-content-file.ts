/**
 * Reads one content file: frontmatter and markdown body, with gray-matter.
 *
 * The YAML is read with js-yaml's core schema, which has no timestamp type: dates
 * stay the text they were written as, so the schema can refuse `2024-02-30` instead
 * of YAML quietly turning it into 1 March. Astro's build reads the files through
 * this same function (`load-content.ts`, for the snapshot the pages read), so the
 * checker and the build can never disagree about what a file says.
 */
import matter from 'gray-matter';
import yaml from 'js-yaml';
import type { Problem } from '../lib/problems.ts';

/** A file's raw, unvalidated content. */
export interface RawContentFile {
	/** The id: the file name without `.md`. */
	id: string;
	/** The path used in messages. */
	file: string;
	/** The frontmatter as parsed, not yet validated. */
	data: Record<string, unknown>;
	/** The markdown after the frontmatter. */
	body: string;
}

const KEBAB_CASE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** gray-matter options: YAML read with the core schema, which has no timestamps. */
const frontmatterOptions = {
	engines: { yaml: (source: string) => yaml.load(source, { schema: yaml.CORE_SCHEMA }) as object },
};

/**
 * Parses `text`, the content of the file at `file`, into its frontmatter and body.
 * Returns the problems instead where the file cannot be read as a content entry.
 */
export function parseContentFile(
	file: string,
	text: string,
): { ok: true; entry: RawContentFile } | { ok: false; problems: Problem[] } {
	const id = (file.split(/[\\/]/).at(-1) ?? '').replace(/\.md$/, '');
	const problems: Problem[] = [];
	if (!KEBAB_CASE_ID.test(id)) {
		problems.push({
			file,
			field: 'id (the file name)',
			expected: 'expected a kebab-case file name such as "south-korea.md"',
			found: JSON.stringify(id),
		});
	}

	const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
	if (lines[0]?.trim() !== '---') {
		problems.push({
			file,
			field: 'frontmatter',
			expected: 'expected a frontmatter block opened by "---" on line 1',
			found: lines[0]?.trim() ? JSON.stringify(lines[0].slice(0, 60)) : 'an empty first line',
		});
		return { ok: false, problems };
	}
	const closing = lines.findIndex((line, index) => index > 0 && line.trim() === '---');
	if (closing === -1) {
		problems.push({
			file,
			field: 'frontmatter',
			expected: 'expected a closing "---" line after the frontmatter opened on line 1',
			found: `none in all ${lines.length} lines`,
		});
		return { ok: false, problems };
	}

	let parsed: matter.GrayMatterFile<string>;
	try {
		parsed = matter(text, frontmatterOptions);
	} catch (error) {
		const reason = error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error);
		problems.push({ file, field: 'frontmatter', expected: 'expected valid YAML', found: `a YAML error: ${reason}` });
		return { ok: false, problems };
	}
	const data: unknown = parsed.data ?? {};
	if (typeof data !== 'object' || data === null || Array.isArray(data)) {
		problems.push({ file, field: 'frontmatter', expected: 'expected a mapping of fields', found: JSON.stringify(data) });
	}
	if (problems.length > 0) return { ok: false, problems };
	return { ok: true, entry: { id, file, data: data as Record<string, unknown>, body: parsed.content } };
}
