/**
 * The command-line options of `npm run ingest`, checked before anything is written:
 * each value must be one the article schema would accept, so a mistyped date or
 * address is refused at once, naming the option, instead of landing in a file that
 * only the later check rejects.
 */
import type { z } from 'zod';
import { describeFound } from '../lib/problems.ts';
import { articleSchema } from '../schema/article.ts';
import { entityId } from '../schema/primitives.ts';

export interface IngestOptions {
	/** `--published`: the publication date, where the text gives none or gives it wrong. */
	published?: string | undefined;
	/** `--outlet`: the publisher, where the source names it. */
	outlet?: string | undefined;
	/** `--url`: the article's original address. */
	url?: string | undefined;
	/** `--id`: the entry's id, instead of one made from the headline. */
	id?: string | undefined;
	/** `--language`: the article's language (`ko`), where ingest would detect it wrong. */
	language?: string | undefined;
}

const fieldSchemas: Record<keyof IngestOptions, z.ZodType> = {
	published: articleSchema.shape.published,
	outlet: articleSchema.shape.outlet.unwrap(),
	url: articleSchema.shape.url.unwrap(),
	id: entityId,
	language: articleSchema.shape.language.unwrap(),
};

/**
 * One line per option whose value the entry could not hold:
 * `--published: expected a real date (YYYY-MM-DD) …, found "2024-02-30"`. Empty when all are sound.
 */
export function checkIngestOptions(options: IngestOptions): string[] {
	const lines: string[] = [];
	for (const [name, schema] of Object.entries(fieldSchemas) as [keyof IngestOptions, z.ZodType][]) {
		const value = options[name];
		if (value === undefined) continue;
		const result = schema.safeParse(value);
		if (result.success) continue;
		const message = result.error.issues[0]?.message ?? 'expected a valid value';
		lines.push(`--${name}: ${message.startsWith('expected') ? message : `expected ${message}`}, found ${describeFound(value)}`);
	}
	return lines;
}
