/**
 * Headlines in Korean and Japanese, written in Latin letters, so that an entry's id (a
 * kebab-case ASCII file name and URL) can be read: Korean by the Revised Romanization
 * (es-hangul's `romanize`), Japanese by Hepburn (kuroshiro over the kuromoji analyser,
 * whose dictionary ships with it: kanji are read in context, nothing is downloaded).
 * The Japanese analyser takes about 2 s to load, so it is loaded once, and only for a
 * Japanese headline that needs it.
 */
import { romanize } from 'es-hangul';
import KuroshiroModule from 'kuroshiro';
import AnalyzerModule from 'kuroshiro-analyzer-kuromoji';

interface Kuroshiro {
	init(analyzer: unknown): Promise<void>;
	convert(text: string, options: { to: 'romaji'; mode: 'spaced'; romajiSystem: 'hepburn' }): Promise<string>;
}
type Constructor<T> = new () => T;
// Both packages are CommonJS modules whose export is under `default` when imported from ESM.
const unwrap = <T>(module: unknown): Constructor<T> => ((module as { default?: unknown }).default ?? module) as Constructor<T>;

let japanese: Promise<Kuroshiro> | undefined;

async function loadJapanese(): Promise<Kuroshiro> {
	japanese ??= (async () => {
		const converter = new (unwrap<Kuroshiro>(KuroshiroModule))();
		await converter.init(new (unwrap<object>(AnalyzerModule))());
		return converter;
	})();
	return japanese;
}

/** A headline in Latin letters, by the romanisation of its language; undefined for a language it has none for. */
export async function romaniseHeadline(headline: string, language: string): Promise<string | undefined> {
	// In its compatibility form first: full-width Latin letters and digits ("ＡＩ") are
	// read as one word, not letter by letter ("a i"), and half-width kana as kana.
	// Punctuation ("…", "·", quotes) parts words: the romanisers would join them.
	const text = headline.normalize('NFKC').replace(/[^\p{L}\p{N}\s]+/gu, ' ');
	if (language === 'ko') return romanize(text);
	if (language === 'ja') return (await loadJapanese()).convert(text, { to: 'romaji', mode: 'spaced', romajiSystem: 'hepburn' });
	return undefined;
}
