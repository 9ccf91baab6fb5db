/** `/data/story.json`: the story as open data (see src/schema/story-data.ts). */
import type { APIContext } from 'astro';
import { story } from '../../data.ts';
import { toStoryData } from '../../model/story-data.ts';
import { absoluteOn, urls } from '../../site.ts';

export function GET(context: APIContext) {
	const data = toStoryData(story, urls, absoluteOn(context.site));
	return new Response(`${JSON.stringify(data, null, '\t')}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
