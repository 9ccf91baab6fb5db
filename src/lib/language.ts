/**
 * The languages of the site and of its sources. The site's own words are English
 * (`SITE_LANGUAGE`, the `lang` of every page); an article may be in another language
 * (its `language`, a BCP 47 tag), and wherever its words or its title appear they
 * carry that language, so that screen readers read them in it and browsers pick its
 * fonts (WCAG 3.1.2, language of parts).
 */

/** The language of the site's own words, and of every page's `<html lang>`. */
export const SITE_LANGUAGE = 'en';

/** A tag's primary language subtag, lower-cased: `en-GB` → `en`, `ko` → `ko`. */
export function primaryLanguage(tag: string): string {
	return (tag.split('-')[0] ?? tag).toLowerCase();
}

/**
 * The `lang` attribute for words in `tag` on a page in `pageLanguage`: the tag itself,
 * or undefined where the words are in the page's own language already, whatever their
 * region (Astro writes no attribute for undefined). `langAttribute('ko')` → `'ko'`;
 * `langAttribute('en')` and `langAttribute('en-GB')` → undefined.
 */
export function langAttribute(tag: string, pageLanguage: string = SITE_LANGUAGE): string | undefined {
	return primaryLanguage(tag) === primaryLanguage(pageLanguage) ? undefined : tag;
}

const displayNames = new Intl.DisplayNames(SITE_LANGUAGE, { type: 'language', fallback: 'code' });

/** A language's name in the site's language: `ko` → "Korean", `ja` → "Japanese", `pt-BR` → "Brazilian Portuguese". */
export function languageName(tag: string): string {
	return displayNames.of(tag) ?? tag;
}

/**
 * The language Pagefind indexes words in `tag` under: its primary subtag, so that
 * `en-GB` and `en` share the site's English index, and `ko` and `ja` have their own.
 */
export function searchLanguage(tag: string): string {
	return primaryLanguage(tag);
}

/**
 * The search languages of `tags` other than the page's own, each once, sorted: the
 * indexes the search page merges into its own (Pagefind loads only the index of the
 * page's language). `['en', 'ko', 'ja', 'ko-KR']` → `['ja', 'ko']`. Only languages the
 * build has: merging one it has not would fall back to the default index, twice.
 */
export function otherSearchLanguages(tags: Iterable<string>, pageLanguage: string = SITE_LANGUAGE): string[] {
	const own = searchLanguage(pageLanguage);
	return [...new Set([...tags].map(searchLanguage))].filter((language) => language !== own).sort();
}
