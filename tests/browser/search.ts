/**
 * Searching, for the specs that search (reader.spec.ts, accessibility.spec.ts): every
 * result of a query, and what to search for in the Korean and Japanese articles of a
 * site's content, taken from the content under test and never written into a spec, so
 * that the news an editor adds is what is searched.
 */
import type { Page } from '@playwright/test';
import { loadContent } from '../../src/content-files/load-content.ts';
import { langAttribute } from '../../src/lib/language.ts';
import { expect } from './fixtures.ts';

/** The results of a search, all of them: Pagefind's UI shows a few, then more on request. */
export async function searchResults(page: Page, query: string): Promise<string[]> {
	await page.getByRole('textbox', { name: /search/i }).fill(query);
	const results = page.locator('.pagefind-ui__result-link');
	await expect(results.first()).toBeVisible();
	const more = page.getByRole('button', { name: /load more/i });
	while (await more.isVisible()) {
		const shown = await results.count();
		await more.click();
		await expect(results).not.toHaveCount(shown);
	}
	return results.evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
}

/** One search for words of an article not in English. */
export interface ForeignQuery {
	article: string;
	lang: string;
	query: string;
	/** Whether the words stand in the text only with more letters after them: a Korean name and its particle (이재용은). */
	particle: boolean;
}

/** The letters of a language's own script, for the languages the story's sources write in. */
const SCRIPT: Record<string, RegExp> = {
	ko: /^\p{Script=Hangul}+$/u,
	ja: /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+$/u,
};

/**
 * For each article of the content not in English: a name of a person or company it
 * lists, written in the article's own script, that stands verbatim in its text; and for
 * a Korean article, one that stands there only with a particle after it, where there is
 * one, to be found by the bare name (Pagefind matches the beginnings of words, and has
 * no Korean stemming).
 */
export async function foreignQueries(contentDir: string): Promise<ForeignQuery[]> {
	const { input } = await loadContent(contentDir);
	const namesOf = new Map([...input.people, ...input.companies].map((entity) => [entity.id, [entity.data.name, ...entity.data.aliases]]));
	return input.articles.flatMap((article) => {
		const lang = article.data.language;
		const script = SCRIPT[(lang.split('-')[0] ?? lang).toLowerCase()];
		if (!langAttribute(lang) || !script) return [];
		const body = article.body ?? '';
		const names = [...article.data.people, ...article.data.companies].flatMap((id) => namesOf.get(id) ?? []).filter((name) => script.test(name) && body.includes(name));
		// Whether every occurrence of a name runs on into more letters of its script.
		const onlyWithParticle = (name: string) => [...body.matchAll(new RegExp(name, 'gu'))].every((match) => script.test(body[match.index + name.length] ?? ' '));
		const queries: ForeignQuery[] = names.slice(0, 1).map((query) => ({ article: article.id, lang, query, particle: false }));
		const withParticle = lang.toLowerCase().startsWith('ko') ? names.find(onlyWithParticle) : undefined;
		if (withParticle && withParticle !== queries[0]?.query) queries.push({ article: article.id, lang, query: withParticle, particle: true });
		else if (withParticle) queries[0]!.particle = true;
		return queries;
	});
}
