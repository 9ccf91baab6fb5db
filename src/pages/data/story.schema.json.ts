/** `/data/story.schema.json`: the JSON Schema of story.json, generated from its zod schema. */
import type { APIContext } from 'astro';
import { storyJsonSchema } from '../../schema/story-data.ts';
import { absoluteOn, urls } from '../../site.ts';

export function GET(context: APIContext) {
	const schema = storyJsonSchema(absoluteOn(context.site)(urls.path('data/story.schema.json')));
	return new Response(`${JSON.stringify(schema, null, '\t')}\n`, { headers: { 'Content-Type': 'application/schema+json; charset=utf-8' } });
}
