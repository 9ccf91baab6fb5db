/**
 * The story as Korea and Japan reported it, on a copy of the content: a Korean news
 * agency's report and a Japanese daily's, written for the project by hand (no kept
 * source), each cited by a claim of the fact ledger with its exact words, the Korean
 * one with our English gloss beside it. For the build tests of languages, and for
 * anyone who wants a site with them (`npm run build` with CONTENT_DIR set to the copy).
 */
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isSeq, parseDocument } from 'yaml';
import { projectRoot } from './content-fixtures.ts';

const fixtures = path.join(projectRoot, 'tests', 'fixtures', 'languages');

/** The fixture articles, by id, with their language. */
export const LANGUAGE_FIXTURES = {
	korean: { id: 'samsung-dinner-korean-fixture', language: 'ko' },
	japanese: { id: 'kishida-talks-japanese-fixture', language: 'ja' },
} as const;

/** A source that cites a fixture article, as the fixture content adds it to a claim. */
export interface CitedSource {
	claim: string;
	article: string;
	passage: string;
	stance: 'states' | 'hedges';
	says?: string;
	gloss?: string;
}

/**
 * The passages the ledger cites from them: the Korean report on the Samsung meeting,
 * with our English gloss, and on the earlier visits, a claim the sources dispute (so
 * the ledger's view of disputed claims shows its words); the Japanese one on the
 * meeting with Kishida, with no gloss.
 */
export const CITED: readonly CitedSource[] = [
	{
		claim: 'samsung-meeting',
		article: LANGUAGE_FIXTURES.korean.id,
		passage: '마크 저커버그 메타 최고경영자(CEO)가 28일 저녁 서울 한남동 삼성 영빈관인 승지원을 찾아 삼성전자를 이끄는 이재용과 만찬을 함께했다',
		stance: 'states',
		says: 'dined with Lee Jae-yong on the 28th',
		gloss: "Meta chief executive Mark Zuckerberg, visiting Korea, went on the evening of the 28th to Seungjiwon, Samsung's guest house in Hannam-dong, Seoul, and dined with Lee Jae-yong, who leads Samsung Electronics.",
	},
	{
		claim: 'earlier-seoul-visits',
		article: LANGUAGE_FIXTURES.korean.id,
		passage: '이재용은 2013년과 2014년에도 서울에서 저커버그와 만난 바 있어',
		stance: 'states',
		gloss: 'Lee Jae-yong had met Zuckerberg in Seoul in 2013 and 2014 too',
	},
	{
		claim: 'kishida-meeting',
		article: LANGUAGE_FIXTURES.japanese.id,
		passage: '岸田文雄首相は27日、首相官邸で米メタのマーク・ザッカーバーグ最高経営責任者（CEO）と会談した。',
		stance: 'states',
	},
];

/** A source added to a claim's `sources`, through the YAML document, which keeps the file's comments. */
async function addClaimSource(contentDir: string, claim: string, source: Omit<CitedSource, 'claim'>): Promise<void> {
	const file = path.join(contentDir, 'facts', `${claim}.md`);
	const text = await readFile(file, 'utf8');
	const [, frontmatter = '', body = ''] = /^---\n([\s\S]*?\n)---\n?([\s\S]*)$/.exec(text) ?? [];
	const document = parseDocument(frontmatter);
	const sources = document.get('sources');
	if (!isSeq(sources)) throw new Error(`${file}: expected a list of sources`);
	sources.add(document.createNode(source));
	await writeFile(file, `---\n${document.toString({ lineWidth: 0 })}---\n${body}`);
}

/** Adds the Korean and the Japanese article to the content in `contentDir`, and the claims' sources that cite them. */
export async function addLanguageFixtures(contentDir: string): Promise<void> {
	for (const { id } of Object.values(LANGUAGE_FIXTURES)) {
		await cp(path.join(fixtures, `${id}.md`), path.join(contentDir, 'articles', `${id}.md`));
	}
	for (const { claim, ...source } of CITED) await addClaimSource(contentDir, claim, source);
}
