/**
 * The frontmatter of `content/articles/<id>.md`: one source article.
 *
 * The body is the article itself, in markdown, word for word. Everything that is not
 * the article's own text (bylines, datelines, scraping debris) lives here instead,
 * so that nothing is lost and nothing is silently dropped.
 *
 * Fixed by contract: `title`, `published`, `outlet`, `author`, `url`, `seed`,
 * `stops`, `countries`, `companies`, `people`, `summary`. Every other field is
 * optional, so an article with only those fields is valid.
 */
import { z } from 'zod';
import { dateOrDateTime, encodingLabel, entityId, idList, languageTag, text, webUrl } from './primitives.ts';

/** A piece of scraped page furniture taken out of the body, kept on record. */
export const removedPassage = z.strictObject({
	/** The removed text, exactly as it stood in the source. */
	text,
	/** Why it is not part of the article: "reading-time label", "photo caption", … */
	reason: text,
});

/** The fields of an article that we filled in ourselves, each with the reason. */
export const inferredFields = z.strictObject({
	/** Set when the source has no headline and the title is ours. */
	title: text.optional(),
	/** Set when the source states no publication date and we deduced it from the text. */
	published: text.optional(),
	/** Set when the byline had to be read rather than copied. */
	author: text.optional(),
	/**
	 * The stops ingest inferred though the text does not name them (from a country and the
	 * date), each by its id with the reason: `{ seoul: "named South Korea, where …" }`.
	 * Each must also be listed in `stops`: an editor who takes a stop out takes its note out.
	 */
	stops: z.record(entityId, text).optional(),
});

export const articleSchema = z.strictObject({
	/** The headline. Required. Where the source has none, ours, with `inferred.title` saying so. */
	title: text,
	/**
	 * When the article was published. Required. A calendar date (`2024-02-26`), or a
	 * date-time with an explicit offset (`2024-02-26T07:01:00+09:00`). Where the source
	 * states no date, `inferred.published` says how we arrived at this one.
	 */
	published: dateOrDateTime,
	/** The publisher, only where the source names it. Never guessed. */
	outlet: text.optional(),
	/** The author as the byline gives it. */
	author: text.optional(),
	/** The original address of the article, where known. */
	url: webUrl.optional(),
	/** A feed item's guid, where ingest took the article from a feed and the guid is not its `url`. */
	guid: text.optional(),
	/**
	 * The file name of the raw source in `content/sources/`: a plain text (`.txt`), a saved
	 * web page (`.html`), or a feed item (`.json`).
	 */
	seed: z
		.string()
		.regex(/^[\w.-]+\.(?:txt|html|json)$/, 'expected the file name of a source in content/sources/, such as "000_f52b9604c7569b30.txt" or "tokyo-wire.html"')
		.optional(),
	/**
	 * The encoding the kept source arrived in (`EUC-KR`, `Shift_JIS`), where it is not
	 * UTF-8. The source is kept byte for byte as it arrived, and the checker decodes it with
	 * this, as ingest did: a host may have said it only in its HTTP header.
	 */
	encoding: encodingLabel.optional(),
	/**
	 * The language the article is written in, as a BCP 47 tag: `en`, `ko`, `ja`. Ingest
	 * detects it (from the page's or feed's own statement, and the text); the editor may
	 * correct it. English where it is not given. The article's page marks its body with it.
	 */
	language: languageTag.default('en'),
	/**
	 * The id of an article with the same text (syndicated wire copy), where the editor
	 * keeps both on purpose (`npm run ingest -- --allow-duplicate`). The article page says
	 * so, and the duplicate check lets the pair pass.
	 */
	duplicateOf: entityId.optional(),
	/** Ids of the tour stops (`content/stops/`) the article covers. */
	stops: idList.default([]),
	/** Ids of the countries (`content/countries/`) the article mentions. */
	countries: idList.default([]),
	/** Ids of the companies (`content/companies/`) the article mentions. */
	companies: idList.default([]),
	/** Ids of the people (`content/people/`) the article mentions. */
	people: idList.default([]),
	/** One or two sentences of our own saying what the article reports. */
	summary: text.optional(),
	/** The byline and dateline exactly as the source printed them, moved out of the body. */
	dateline: text.optional(),
	/** Scraping debris removed from the body, each piece with its reason. */
	removed: z.array(removedPassage).default([]),
	/** Fields we filled in where the source was silent, each with the reason. */
	inferred: inferredFields.optional(),
});

/** An article's frontmatter as written in the file. */
export type ArticleInput = z.input<typeof articleSchema>;
/** An article's frontmatter after validation, with defaults filled in. */
export type ArticleData = z.output<typeof articleSchema>;
