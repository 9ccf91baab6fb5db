/** The RSS feed: the newest articles (up to FEED_LIMIT), newest first, with their full text. */
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { bodyHtml, story } from '../data.ts';
import { absolutiseLinks, DUBLIN_CORE_NAMESPACE, itemLanguage } from '../lib/feed.ts';
import { SITE_LANGUAGE } from '../lib/language.ts';
import { FEED_LIMIT } from '../lib/limits.ts';
import { absoluteOn, SITE_NAME, urls } from '../site.ts';

export async function GET(context: APIContext) {
	const absolute = absoluteOn(context.site);
	const newest = story.articles.slice(-FEED_LIMIT).reverse();
	const bodies = await Promise.all(newest.map((article) => bodyHtml('articles', article.id)));
	return rss({
		title: SITE_NAME,
		description: "Mark Zuckerberg's February–March 2024 tour of Asia, from the source articles.",
		site: absolute(urls.home()),
		trailingSlash: true,
		// Each item says its language (Dublin Core): the channel's is the site's, English.
		xmlns: { dc: DUBLIN_CORE_NAMESPACE },
		items: newest.map((article, index) => ({
			title: article.title,
			link: urls.page('article', article.id),
			pubDate: new Date(article.publishedParts.offset ? article.published : `${article.published}T00:00:00Z`),
			description: article.summary,
			content: absolutiseLinks(bodies[index] ?? '', absolute),
			...(article.author ? { author: article.author } : {}),
			categories: [...article.stops.map((id) => story.stop(id).city), ...article.companies.map((id) => story.company(id).name)],
			customData: itemLanguage(article.language),
		})),
		customData: `<language>${SITE_LANGUAGE}</language>`,
	});
}
