/**
 * The editor's path, as the README tells it, on a copy of the content: news of every
 * kind is added through the real commands, and filled in by hand where the README says
 * the editor does.
 *
 * - a web page, fetched by its URL from a host on 127.0.0.1 (a Korean daily's article
 *   page, with its navigation, share buttons, timestamps, caption, newsletter box and an
 *   original `url` that points off the site);
 * - a feed item, from an RSS feed on the same host (a WordPress-style feed, one item on
 *   the story and one off it);
 * - a plain text;
 * - an item of a subscribed feed, taken in by `npm run update -- --apply` as the scheduled
 *   workflow does (an agency's Atom feed, one item on the story and a market report off it);
 * - a Korean broadcaster's page in EUC-KR, declared only in its `<meta http-equiv>` and
 *   served with no charset, and a Japanese daily's feed item in Shift_JIS (with a market
 *   report off the story beside it), each fetched by URL; a Korean passage the suggestions
 *   put in the ledger gets the editor's English gloss;
 * - a hand-written article, with no kept source (an editor's transcript of a broadcast).
 *
 * Then, for each: the summary filled in; a stop that was inferred wrongly taken out;
 * suggestions taken with `npm run suggest -- <id> --apply`, or, where the editor judges
 * them otherwise, events and claims added by hand; and the content check passing with
 * no warning. The vitest editor project, the browser suite and CI's check:site all run
 * over the content this makes, so adding real news can never break them.
 */
import { execFile } from 'node:child_process';
import { copyFile, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { checkContent } from '../../src/content-files/check-content.ts';
import { addSource, addToEvent as addArticleToEvent, type Edited } from '../../src/ingest/write/apply-suggestions.ts';
import { formatProblem } from '../../src/lib/problems.ts';
import { editFile, projectRoot } from './content-fixtures.ts';
import { startFixtureHost } from './fixture-host.ts';

const run = promisify(execFile);
const fixtures = path.join(projectRoot, 'tests', 'fixtures', 'editor-path');

/** What kind of news an added article was. */
export type NewsKind = 'web page' | 'feed item' | 'plain text' | 'subscribed feed item' | 'Korean web page' | 'Japanese feed item' | 'hand-written';

export interface AddedArticle {
	id: string;
	kind: NewsKind;
}

/** The page's address on the test host: a news site's article path, as ingest would be given it. */
const PAGE_PATH = '/business/2024/02/28/zuckerberg-dines-with-samsungs-lee/20240228000912';
const FEED_PATH = '/feed/';
/** A subscribed agency feed's address on the same host. */
const SUBSCRIBED_PATH = '/tech/atom.xml';
/** A Korean broadcaster's article page, and a Japanese daily's feed, on the same host. */
const KOREAN_PATH = '/news/view.do?ncd=7903512';
const JAPANESE_PATH = '/rss/international.xml';

/** Runs one of the project's commands (`scripts/<name>.ts`) as `npm run <name>` would, on the pinned Node. */
async function command(name: string, args: readonly string[]): Promise<string> {
	const { stdout, stderr } = await run(process.execPath, [path.join(projectRoot, 'scripts', `${name}.ts`), ...args], {
		cwd: projectRoot,
		maxBuffer: 16 * 1024 * 1024,
	}).catch((error: { stdout?: string; stderr?: string; message: string }) => {
		throw new Error(`npm run ${name} -- ${args.join(' ')} failed: ${error.message}\n${error.stdout ?? ''}\n${error.stderr ?? ''}`);
	});
	return `${stdout}${stderr}`;
}

/** The ids of the entries an ingest report says it wrote: "content/articles/<id>.md (source kept as …)". */
export function writtenIds(report: string): string[] {
	return [...report.matchAll(/articles\/([a-z0-9-]+)\.md \(source kept as /g)].map((match) => match[1] ?? '');
}

/** Step 2 of the README: a summary of our own, where the entry lists it under "To fill in". */
async function fillInSummary(entryFile: string, summary: string): Promise<void> {
	await editFile(entryFile, '\n# To fill in', `\nsummary: ${JSON.stringify(summary)}\n# To fill in`);
}

/**
 * Step 2 of the README, checking the detected lists: the editor takes out a stop the
 * article is not about, and the note of its inference with it. Returns whether the
 * entry had that stop.
 */
export async function takeOutStop(entryFile: string, stop: string): Promise<boolean> {
	let found = false;
	await editFrontmatter(entryFile, (document) => {
		const stops = document.get('stops');
		const at = isSeq(stops) ? stops.items.findIndex((item) => String(isScalar(item) ? item.value : item) === stop) : -1;
		if (!isSeq(stops) || at === -1) return;
		found = true;
		stops.items.splice(at, 1);
		const inferred = document.get('inferred');
		if (!isMap(inferred)) return;
		const inferredStops = inferred.get('stops');
		if (isMap(inferredStops)) {
			inferredStops.delete(stop);
			if (inferredStops.items.length === 0) inferred.delete('stops');
		}
		if (inferred.items.length === 0) document.delete('inferred');
	});
	return found;
}

/** Edits the frontmatter of an entry ingest has just written, through the YAML document (which keeps its comments). */
async function editFrontmatter(file: string, edit: (document: ReturnType<typeof parseDocument>) => void): Promise<void> {
	const text = await readFile(file, 'utf8');
	const [, frontmatter = '', body = ''] = /^---\n([\s\S]*?\n)---\n([\s\S]*)$/.exec(text) ?? [];
	const document = parseDocument(frontmatter);
	edit(document);
	await writeFile(file, `---\n${document.toString()}---\n${body}`);
}

/** Step 3 by hand: the article added to an event's `articles`, every other byte of the stop file kept. */
async function addToEvent(contentDir: string, stop: string, event: string, id: string): Promise<void> {
	await editContentFile(path.join(contentDir, 'stops', `${stop}.md`), (file, text) => addArticleToEvent(file, text, event, id));
}

/** Step 4 by hand: the article added to a claim's sources, with its exact words and its stance. */
async function addToClaim(contentDir: string, claim: string, id: string, passage: string, stance: 'states' | 'hedges'): Promise<void> {
	await editContentFile(path.join(contentDir, 'facts', `${claim}.md`), (file, text) => addSource(file, text, { article: id, passage, stance }));
}

/**
 * Step 4 in another language: the editor's English gloss on each passage of these
 * articles that the ledger cites, from tests/fixtures/editor-path/glosses.yaml. A passage
 * the file has no gloss for stops the path, so the fixture and the suggestions agree.
 */
async function glossPassages(contentDir: string, ids: readonly string[]): Promise<void> {
	const glosses = parseDocument(await readFile(path.join(fixtures, 'glosses.yaml'), 'utf8')).toJS() as Record<string, string>;
	const folder = path.join(contentDir, 'facts');
	for (const name of await readdir(folder)) {
		const file = path.join(folder, name);
		const text = await readFile(file, 'utf8');
		const [, frontmatter = '', body = ''] = /^---\n([\s\S]*?\n)---\n([\s\S]*)$/.exec(text) ?? [];
		const document = parseDocument(frontmatter);
		const sources = document.get('sources');
		if (!isSeq(sources)) continue;
		let glossed = false;
		for (const source of sources.items) {
			if (!isMap(source) || !ids.includes(String(source.get('article'))) || source.has('gloss')) continue;
			const passage = String(source.get('passage'));
			const gloss = glosses[passage];
			if (!gloss) throw new Error(`tests/fixtures/editor-path/glosses.yaml has no gloss for the passage the ledger now cites: ${passage}`);
			source.set('gloss', gloss);
			glossed = true;
		}
		if (glossed) await writeFile(file, `---\n${document.toString()}---\n${body}`);
	}
}

/** Edits a content file as a careful editor would: only the lines of the change, the rest byte for byte. */
async function editContentFile(file: string, edit: (file: string, text: string) => Edited): Promise<void> {
	const edited = edit(file, await readFile(file, 'utf8'));
	if (!edited.ok) throw new Error(formatProblem(edited.problem));
	await writeFile(file, edited.text);
}

/**
 * Adds a web page, a feed item, a plain text and a hand-written article to the content
 * in `contentDir` by the README's steps, and proves the content check passes with no
 * warning. Returns what was added, in that order.
 */
export async function addNewsByTheReadmeSteps(contentDir: string): Promise<AddedArticle[]> {
	const added: AddedArticle[] = [];
	const entryFile = (id: string) => path.join(contentDir, 'articles', `${id}.md`);
	const host = await startFixtureHost({
		[PAGE_PATH]: { body: await readFile(path.join(fixtures, 'seoul-courier.html')), contentType: 'text/html; charset=utf-8' },
		[FEED_PATH]: { body: await readFile(path.join(fixtures, 'asia-tech-desk.rss')), contentType: 'application/rss+xml; charset=UTF-8' },
		[SUBSCRIBED_PATH]: { body: await readFile(path.join(fixtures, 'han-river-wire.atom')), contentType: 'application/atom+xml', gzip: true, headers: { etag: '"tech-1"' } },
		// As many Korean and Japanese hosts serve them: no charset in the header; the page and the feed say it themselves.
		[KOREAN_PATH]: { body: await readFile(path.join(fixtures, 'hangang-tv.html')), contentType: 'text/html' },
		[JAPANESE_PATH]: { body: await readFile(path.join(fixtures, 'kohoku-shimbun.rss')), contentType: 'application/rss+xml' },
	});
	let korean: string | undefined;
	let japanese: string | undefined;
	let subscribed: string | undefined;
	try {
		// Step 1: ingest, by URL, the page and the feed; and a plain-text file.
		const [page] = writtenIds(await command('ingest', [host.url(PAGE_PATH), '--content', contentDir]));
		const [item] = writtenIds(await command('ingest', [host.url(FEED_PATH), '--content', contentDir]));
		if (!page || !item) throw new Error('ingest wrote no entry for the page or the feed item');
		added.push({ id: page, kind: 'web page' }, { id: item, kind: 'feed item' });
		// "Following feeds": the agency's feed subscribed to, and polled as the workflow polls it.
		await writeFile(path.join(contentDir, 'subscriptions.yaml'), `# The feeds the story follows.\n- url: ${host.url(SUBSCRIBED_PATH)}\n  name: Han River Wire, technology\n`);
		[subscribed] = writtenIds(await command('update', ['--apply', '--content', contentDir]));
		if (!subscribed) throw new Error('npm run update wrote no entry for the subscribed feed');
		// Korean and Japanese news, by URL.
		[korean] = writtenIds(await command('ingest', [host.url(KOREAN_PATH), '--content', contentDir]));
		[japanese] = writtenIds(await command('ingest', [host.url(JAPANESE_PATH), '--content', contentDir]));
		if (!korean || !japanese) throw new Error('ingest wrote no entry for the Korean page or the Japanese feed item');
	} finally {
		await host.stop();
	}
	const [text] = writtenIds(await command('ingest', [path.join(projectRoot, 'tests', 'fixtures', 'jamnagar-arrival.txt'), '--content', contentDir]));
	if (!text) throw new Error('ingest wrote no entry for the plain text');
	added.push({ id: text, kind: 'plain text' }, { id: subscribed, kind: 'subscribed feed item' }, { id: korean, kind: 'Korean web page' }, { id: japanese, kind: 'Japanese feed item' });
	const [web, feed] = added as [AddedArticle, AddedArticle, AddedArticle];

	// Step 2: the summaries, and the detected lists checked. The Seoul daily's page says
	// Zuckerberg "flies to India" next: that is no report of Jamnagar.
	await fillInSummary(entryFile(web.id), 'Zuckerberg dines with Samsung chairman Lee Jae-yong in Seoul; Meta seeks chips for 600,000 H100s of computing power.');
	await takeOutStop(entryFile(web.id), 'jamnagar');
	await fillInSummary(entryFile(feed.id), 'Zuckerberg spends two days with Meta developers in Tokyo and meets Prime Minister Kishida.');
	await fillInSummary(entryFile(text), 'Zuckerberg reaches Jamnagar for the Ambani celebrations, after Seoul.');
	// The update's entry, reviewed as its pull request asks: its suggestions were applied by the run.
	await fillInSummary(entryFile(subscribed), 'Zuckerberg meets LG Electronics chief William Cho at LG Twin Towers to talk about XR headsets.');

	await fillInSummary(entryFile(korean), 'A Korean broadcaster reports Zuckerberg’s dinner with Samsung chairman Lee Jae-yong at the Seungjiwon guest house.');
	await fillInSummary(entryFile(japanese), 'A Japanese daily reports Zuckerberg’s meeting with Prime Minister Kishida on generative AI.');

	// Steps 3 and 4: the suggestions taken for the page, the text and the Korean and Japanese news, once filled in…
	await command('suggest', [web.id, text, korean, japanese, '--apply', '--content', contentDir]);
	// …and an English gloss for each Korean or Japanese passage they put in the ledger.
	await glossPassages(contentDir, [korean, japanese]);
	// …and, for the feed item, the events and claims the editor judges it speaks to, by hand.
	await addToEvent(contentDir, 'tokyo', 'kishida-meeting', feed.id);
	await addToClaim(contentDir, 'kishida-meeting', feed.id, 'Zuckerberg also met Prime Minister Fumio Kishida while in Tokyo', 'states');

	// A hand-written article: the editor's transcript of a broadcast, with no kept source.
	const handWritten = 'zuckerberg-and-yoon-talk-ai-and-chips';
	await copyFile(path.join(fixtures, 'hand-written.md'), entryFile(handWritten));
	await addToEvent(contentDir, 'seoul', 'yoon-meeting', handWritten);
	await addToClaim(contentDir, 'yoon-meeting', handWritten, 'Meta chief executive Mark Zuckerberg met President Yoon Suk Yeol at the presidential office in Seoul on Thursday.', 'states');
	added.push({ id: handWritten, kind: 'hand-written' });

	// Step 5: the check.
	const report = await checkContent(contentDir);
	if (report.problemLines.length > 0 || report.warningLines.length > 0) {
		throw new Error(`The content check fails after the README's steps:\n${[...report.problemLines, ...report.warningLines].join('\n')}`);
	}
	return added;
}
