/**
 * `npm run bench -- --articles N [--articles M …] [--write BENCHMARKS.md]`
 *
 * For each N: generates a synthetic corpus (scripts/bench/generate-corpus.ts), builds
 * the full site over it (search index included), then builds a bare Astro baseline
 * over the same articles (one glob collection, a minimal page per article and per
 * country, nothing else). Prints wall time, pages, ms per page, peak RSS, output bytes,
 * the largest HTML page, and the ratio of our build time to the baseline's.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { copyProject, removeProject, startDevServer } from '../lib/dev-server.ts';
import { addNewArticle, generateCorpus } from './generate-corpus.ts';
import { treeDifferences } from '../lib/dist.ts';
import { measureUpdate } from './update-feed.ts';

const run = promisify(execFile);
const projectRoot = path.resolve(import.meta.dirname, '../..');
const astroBin = path.join(projectRoot, 'node_modules', 'astro', 'bin', 'astro.mjs');
const GNU_TIME = '/usr/bin/time';

const { values } = parseArgs({
	options: { articles: { type: 'string', multiple: true }, write: { type: 'string' }, keep: { type: 'boolean' } },
});
const sizes = (values.articles ?? ['500']).map(Number);
if (sizes.some((size) => !Number.isInteger(size) || size < 1)) {
	console.error('Usage: npm run bench -- --articles N [--articles M …] [--write BENCHMARKS.md] [--keep]');
	process.exit(2);
}

interface BuildMeasure {
	seconds: number;
	/** The part spent building the search index, where the build reports it. */
	searchSeconds: number | undefined;
	/** The steps our build reports: reading and checking the content, rendering markdown bodies, writing pages. */
	steps: { content?: number; markdown?: number; pages?: number };
	/** Bodies rendered, of all bodies: fewer on a warm rebuild. */
	bodies: { rendered: number; total: number };
	/** Pages of the reusable routes rendered, and those taken from the last build's cache. */
	reuse: { rendered: number; reused: number } | undefined;
	pages: number;
	peakRssMb: number | undefined;
	outputBytes: number;
	largestPage: { file: string; bytes: number };
}

/** Every file under `dir`, with its size. */
async function files(dir: string): Promise<{ file: string; bytes: number }[]> {
	const found: { file: string; bytes: number }[] = [];
	for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile()) continue;
		const file = path.join(entry.parentPath, entry.name);
		found.push({ file: path.relative(dir, file), bytes: (await stat(file)).size });
	}
	return found;
}

/**
 * Builds `root` into `outDir` under GNU time (for the peak RSS), from clean caches:
 * our project builds with a fresh cache folder of its own (`ASTRO_CACHE_DIR`), so the
 * project's own caches are never touched; the baseline, a throwaway project, has its
 * caches removed.
 */
async function measureBuild(root: string, outDir: string, env: Record<string, string>, cacheDir?: string): Promise<BuildMeasure & { cacheDir: string }> {
	const cache = cacheDir ?? (await mkdtemp(path.join(path.dirname(outDir), 'cache-')));
	if (root === projectRoot) env = { ...env, ASTRO_CACHE_DIR: cache };
	else {
		// The baseline's node_modules is a link to ours: its caches go to a fresh folder of its own.
		await rm(path.join(root, '.astro'), { recursive: true, force: true });
		env = { ...env, BENCH_CACHE_DIR: cache };
	}
	const withTime = existsSync(GNU_TIME);
	const command = withTime ? GNU_TIME : process.execPath;
	const args = withTime ? ['-v', process.execPath, astroBin, 'build', '--outDir', outDir] : [astroBin, 'build', '--outDir', outDir];
	const started = performance.now();
	const result = await run(command, args, {
		cwd: root,
		env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NODE_OPTIONS: '--max-old-space-size=8192', ...env },
		maxBuffer: 512 * 1024 * 1024,
	}).catch((error: { stdout?: string; stderr?: string; message: string }) => {
		throw new Error(`The build of ${root} failed:\n${(error.stdout ?? '').slice(-3000)}\n${(error.stderr ?? error.message).slice(-3000)}`);
	});
	const seconds = (performance.now() - started) / 1000;
	const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr)?.[1];
	const search = /Indexed \d+ pages for search in ([\d.]+) s/.exec(result.stdout)?.[1];
	const content = /Read and checked in ([\d.]+) s/.exec(result.stdout)?.[1];
	// Astro's page generation: the "Completed in" that follows "generating static routes".
	const pagesBuilt = /generating static routes[\s\S]*?Completed in ((?:\d+m )?[\d.]+m?s)/.exec(result.stdout)?.[1];
	const renders = [...result.stdout.matchAll(/rendered (\d+) of (\d+) bodies in ([\d.]+) s/g)];
	const reuse = /Rendered (\d+) pages and reused (\d+) from the last build/.exec(result.stdout);
	const sum = (index: number) => renders.reduce((total, match) => total + Number(match[index]), 0);
	const output = await files(outDir);
	const html = output.filter((each) => each.file.endsWith('.html') && !each.file.startsWith('pagefind'));
	const largestPage = html.reduce((largest, each) => (each.bytes > largest.bytes ? each : largest), { file: '', bytes: 0 });
	return {
		cacheDir: cache,
		seconds,
		searchSeconds: search ? Number(search) : undefined,
		steps: {
			...(content ? { content: Number(content) } : {}),
			...(renders.length > 0 ? { markdown: sum(3) } : {}),
			...(pagesBuilt ? { pages: astroSeconds(pagesBuilt) } : {}),
		},
		bodies: { rendered: sum(1), total: sum(2) },
		reuse: reuse ? { rendered: Number(reuse[1]), reused: Number(reuse[2]) } : undefined,
		pages: html.length,
		peakRssMb: rss ? Number(rss) / 1024 : undefined,
		outputBytes: output.reduce((sum, each) => sum + each.bytes, 0),
		largestPage,
	};
}

/** Astro's printed durations, `640ms`, `6.42s` or `1m 3s`, in seconds. */
function astroSeconds(text: string): number {
	const match = /^(?:(\d+)m )?([\d.]+)(ms|s)$/.exec(text);
	if (!match) return Number.NaN;
	return Number(match[1] ?? 0) * 60 + Number(match[2]) / (match[3] === 'ms' ? 1000 : 1);
}

/** How long the dev server takes to show a saved edit: each of `EDITS` title edits, from the save to a page that shows it. */
interface DevReload {
	/** Seconds from `astro dev` starting to its first page served. */
	startSeconds: number;
	/** Seconds from each save to the first fetch that showed it. */
	reloads: number[];
}

const EDITS = 3;

/**
 * Starts `astro dev` on a copy of the project with the corpus as its content, loads an
 * article page, then saves a new title `EDITS` times and fetches the page until it
 * shows each one (a page asked for while the server reads a change waits for it).
 */
async function measureDevReload(corpusDir: string): Promise<DevReload> {
	const projectDir = await copyProject(corpusDir);
	const started = performance.now();
	const server = await startDevServer(projectDir, { SITE: 'https://bench.example', NODE_OPTIONS: '--max-old-space-size=8192' });
	try {
		const file = path.join(projectDir, 'content', 'articles', 'bench-article-2.md');
		const url = new URL('articles/bench-article-2/', server.url);
		const heading = async () => /<h1\b[^>]*>([^<]*)<\/h1>/.exec(await (await fetch(url)).text())?.[1];
		if (!(await heading())) throw new Error(`The dev server did not serve ${url.href}:\n${server.output().slice(-3000)}`);
		const startSeconds = (performance.now() - started) / 1000;
		const reloads: number[] = [];
		for (let edit = 1; edit <= EDITS; edit++) {
			const title = `Bench title, edit ${edit}`;
			const text = await readFile(file, 'utf8');
			const saved = performance.now();
			await writeFile(file, text.replace(/^title: .*$/m, `title: "${title}"`));
			while ((await heading()) !== title) {
				if (performance.now() - saved > 120_000) throw new Error(`The dev server did not show edit ${edit} within 120 s:\n${server.output().slice(-3000)}`);
				await new Promise((resolve) => setTimeout(resolve, 20));
			}
			reloads.push((performance.now() - saved) / 1000);
		}
		return { startSeconds, reloads };
	} finally {
		await removeProject(projectDir, server);
	}
}

/** A minimal Astro project: the floor Astro itself sets for this corpus. */
async function writeBaseline(dir: string): Promise<void> {
	await mkdir(path.join(dir, 'src', 'pages', 'articles'), { recursive: true });
	await mkdir(path.join(dir, 'src', 'pages', 'countries'), { recursive: true });
	await symlink(path.join(projectRoot, 'node_modules'), path.join(dir, 'node_modules'));
	await writeFile(path.join(dir, 'package.json'), '{ "name": "bare-astro-baseline", "private": true, "type": "module" }\n');
	await writeFile(
		path.join(dir, 'astro.config.mjs'),
		[
			"import { defineConfig } from 'astro/config';",
			'const cacheDir = process.env.BENCH_CACHE_DIR;',
			"export default defineConfig({ cacheDir, vite: { cacheDir: `${cacheDir}/vite` } });",
			'',
		].join('\n'),
	);
	await writeFile(
		path.join(dir, 'src', 'content.config.ts'),
		[
			"import { defineCollection } from 'astro:content';",
			"import { glob } from 'astro/loaders';",
			'const base = process.env.BENCH_CONTENT_DIR;',
			'export const collections = {',
			"\tarticles: defineCollection({ loader: glob({ pattern: '*.md', base: `${base}/articles` }) }),",
			"\tcountries: defineCollection({ loader: glob({ pattern: '*.md', base: `${base}/countries` }) }),",
			'};',
		].join('\n'),
	);
	await writeFile(
		path.join(dir, 'src', 'pages', 'articles', '[id].astro'),
		[
			'---',
			"import { getCollection, render } from 'astro:content';",
			'export async function getStaticPaths() {',
			"\treturn (await getCollection('articles')).map((entry) => ({ params: { id: entry.id }, props: { entry } }));",
			'}',
			'const { entry } = Astro.props;',
			'const { Content } = await render(entry);',
			'---',
			'<html lang="en"><head><title>{entry.data.title}</title></head><body><h1>{entry.data.title}</h1><Content /></body></html>',
		].join('\n'),
	);
	await writeFile(
		path.join(dir, 'src', 'pages', 'countries', '[id].astro'),
		[
			'---',
			"import { getCollection } from 'astro:content';",
			'export async function getStaticPaths() {',
			"\treturn (await getCollection('countries')).map((entry) => ({ params: { id: entry.id }, props: { entry } }));",
			'}',
			'const { entry } = Astro.props;',
			'---',
			'<html lang="en"><head><title>{entry.data.name}</title></head><body><h1>{entry.data.name}</h1></body></html>',
		].join('\n'),
	);
}

/** Items of the feed that `npm run update` takes in, at every size. */
const FEED_ITEMS = 100;
/** How many times the baseline builds: the fastest run counts. */
const BASELINE_RUNS = 3;

function fastest<Measure extends BuildMeasure>(runs: Measure[]): Measure {
	const [first, ...rest] = runs;
	if (!first) throw new Error('no runs');
	return rest.reduce((best, each) => (each.seconds < best.seconds ? each : best), first);
}

const work = await mkdtemp(path.join(tmpdir(), 'story-bench-'));
const baselineRoot = path.join(work, 'baseline');
await writeBaseline(baselineRoot);
const results: {
	articles: number;
	corpus: Awaited<ReturnType<typeof generateCorpus>>;
	ours: BuildMeasure;
	/** The build with the first clean build's cache, after one new article. */
	warm: BuildMeasure;
	/** Whether the warm build wrote the same files, byte for byte, as a clean build of the same corpus. */
	identical: boolean;
	baseline: BuildMeasure;
	dev: DevReload;
	/** `npm run update -- --apply` taking in a feed of `FEED_ITEMS` new items. */
	update: { seconds: number; written: number };
	/** Every run's time, in order: our cold builds, the baseline's builds. */
	runs: { ours: number[]; baseline: number[] };
}[] = [];
try {
	for (const size of sizes) {
		const corpusDir = path.join(work, `corpus-${size}`);
		const corpus = await generateCorpus(corpusDir, { articles: size });
		console.log(`N = ${size}: generated ${corpus.articles} articles (${corpus.wordsPerArticle} words each on average), ${corpus.claims} claims, ${corpus.companies} companies, ${corpus.people} people, ${corpus.stops} stops, ${corpus.countries} countries`);
		const env = { CONTENT_DIR: corpusDir, SITE: 'https://bench.example' };
		// This machine's timings vary by a fifth from run to run: each cold build runs
		// twice and counts its faster run, and the baseline runs three times and counts its
		// fastest, so noise can only make our ratio look worse.
		// The first clean build is of the corpus; then one new article arrives, and the
		// second clean build is of the corpus with it. The warm build is of that corpus too,
		// with the first build's cache: it must write what the second clean build wrote.
		const first = await measureBuild(projectRoot, path.join(work, `ours-${size}-cold-1`), env, await mkdtemp(path.join(work, `cache-${size}-`)));
		const firstCache = first.cacheDir;
		const added = await addNewArticle(corpusDir, corpus);
		const second = await measureBuild(projectRoot, path.join(work, `ours-${size}-cold-2`), env, await mkdtemp(path.join(work, `cache-${size}-`)));
		const coldRuns = [first, second];
		const ours = fastest(coldRuns);
		console.log(`  ours:     ${coldRuns.map((each) => `${each.seconds.toFixed(1)} s`).join(', ')}; ${ours.pages} pages`);
		// As an editor or the Pages workflow rebuilds: the first build's cache and output folder.
		const warm = await measureBuild(projectRoot, path.join(work, `ours-${size}-cold-1`), env, firstCache);
		const differences = await treeDifferences(path.join(work, `ours-${size}-cold-1`), path.join(work, `ours-${size}-cold-2`), ['the warm build', 'the clean build']);
		console.log(
			`  warm:     ${warm.seconds.toFixed(1)} s after ${added} arrived; ${warm.reuse?.rendered ?? '?'} pages rendered, ${warm.reuse?.reused ?? '?'} reused; ${differences.length === 0 ? 'byte-identical to the clean build' : `${differences.length} files differ from the clean build: ${differences.slice(0, 5).join('; ')}`}`,
		);
		// Inside the baseline project, where its bundles can resolve node_modules.
		const baselineRuns: BuildMeasure[] = [];
		for (let run = 1; run <= BASELINE_RUNS; run++) {
			baselineRuns.push(await measureBuild(baselineRoot, path.join(baselineRoot, `dist-${size}`), { BENCH_CONTENT_DIR: corpusDir }));
		}
		const baseline = fastest(baselineRuns);
		console.log(`  baseline: ${baselineRuns.map((each) => `${each.seconds.toFixed(1)} s`).join(', ')}; ${baseline.pages} pages`);
		const dev = await measureDevReload(corpusDir);
		console.log(`  dev:      first page after ${dev.startSeconds.toFixed(1)} s; edits shown after ${dev.reloads.map((each) => `${each.toFixed(2)} s`).join(', ')}`);
		const update = await measureUpdate(projectRoot, corpusDir, corpus, FEED_ITEMS);
		console.log(`  update:   ${update.written} of ${FEED_ITEMS} feed items taken in after ${update.seconds.toFixed(1)} s`);
		results.push({ articles: size, corpus, ours, warm, identical: differences.length === 0, baseline, dev, update, runs: { ours: coldRuns.map((each) => each.seconds), baseline: baselineRuns.map((each) => each.seconds) } });
		if (!values.keep) for (const build of ['cold-1', 'cold-2']) await rm(path.join(work, `ours-${size}-${build}`), { recursive: true, force: true });
	}
} finally {
	if (!values.keep) await rm(work, { recursive: true, force: true });
	else console.log(`Kept ${work}`);
}

/** What stands between our cost per page and the bare build's, step by step, from the measures. */
function whatStandsBetween({ ours, baseline, corpus }: (typeof results)[number]): string {
	const bare = (ours.seconds === 0 ? 0 : baseline.seconds / baseline.pages) * ours.pages;
	const parts = [
		`${seconds(ours.steps.content)} reading and checking ${corpus.articles} articles and ${corpus.claims} claims (schemas, references, passages, duplicates; the bare build checks nothing)`,
		`${seconds(ours.steps.markdown)} rendering the bodies with remark and our four plugins, on worker threads (the bare build renders with Sätteri, in Rust, within its whole ${baseline.seconds.toFixed(1)} s)`,
		`${seconds(ours.steps.pages)} writing ${ours.pages} pages, ${(((ours.steps.pages ?? 0) * 1000) / ours.pages).toFixed(1)} ms each`,
		`${seconds(ours.searchSeconds)} indexing search (the bare build has none)`,
		`${seconds(ours.seconds - (ours.steps.content ?? 0) - (ours.steps.markdown ?? 0) - (ours.steps.pages ?? 0) - (ours.searchSeconds ?? 0))} for the rest (starting, bundling, the data store, the model)`,
	];
	return `What stands between, step by step: ${parts.join('; ')}. Our pages at the bare build's whole cost per page would take ${bare.toFixed(1)} s, and ${PER_PAGE_TARGET}× that is ${(PER_PAGE_TARGET * bare).toFixed(1)} s.`;
}

/** The targets: our cost per page at most this many times bare Astro's; a warm build after one new article at most this share of a clean one. */
const PER_PAGE_TARGET = 1.3;
const WARM_SHARE_TARGET = 0.4;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const perPage = (measure: BuildMeasure) => (measure.seconds * 1000) / measure.pages;
const rows = results.map(({ articles, ours, baseline }) => {
	const ratio = ours.seconds / baseline.seconds;
	const search = ours.searchSeconds === undefined ? 'n/a' : `${ours.searchSeconds.toFixed(1)} s`;
	return `| ${articles} | ${ours.seconds.toFixed(1)} s | ${search} | ${ours.pages} | ${perPage(ours).toFixed(1)} | ${ours.peakRssMb?.toFixed(0) ?? 'n/a'} MB | ${mb(ours.outputBytes)} | ${(ours.largestPage.bytes / 1024).toFixed(1)} KB | ${baseline.seconds.toFixed(1)} s, ${baseline.pages} pages, ${perPage(baseline).toFixed(1)} ms per page | ${ratio.toFixed(2)}× |`;
});
const seconds = (value: number | undefined) => (value === undefined ? 'n/a' : `${value.toFixed(1)} s`);
const stepRows = results.flatMap(({ articles, ours, warm }) =>
	(
		[
			['cold', ours],
			['warm, one new article', warm],
		] as const
	).map(
		([kind, measure]) =>
			`| ${articles} | ${kind} | ${measure.seconds.toFixed(1)} s | ${seconds(measure.steps.content)} | ${seconds(measure.steps.markdown)} (${measure.bodies.rendered} of ${measure.bodies.total} bodies) | ${seconds(measure.steps.pages)} (${measure.reuse ? `${measure.reuse.rendered} rendered, ${measure.reuse.reused} reused` : 'n/a'}) | ${seconds(measure.searchSeconds)} | ${seconds(measure.seconds - (measure.steps.content ?? 0) - (measure.steps.markdown ?? 0) - (measure.steps.pages ?? 0) - (measure.searchSeconds ?? 0))} |`,
	),
);
const table = [
	'| Articles | Our build | of which search index | Pages | ms per page | Peak RSS | Output | Largest HTML page | Bare Astro baseline | Ratio |',
	'| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |',
	...rows,
	'',
	`Every run, the fastest counted: ${results.map(({ articles, runs }) => `at ${articles} articles, ours ${runs.ours.map((each) => `${each.toFixed(1)} s`).join(', ')} and the baseline ${runs.baseline.map((each) => `${each.toFixed(1)} s`).join(', ')}`).join('; ')}.`,
	'',
	'Each step of our build, clean (cold) and warm (the first clean build\'s cache, after one new article), with the pages of the reusable routes rendered and those taken from the cache:',
	'',
	'| Articles | Build | Total | Content read and checked | Markdown rendered | Pages written | Search index | The rest (Node and Astro starting, Vite bundling, the model) |',
	'| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
	...stepRows,
	'',
	`The warm build against a clean build of the same corpus: ${results.map(({ articles, identical, warm, ours }) => `at ${articles} articles, ${(warm.seconds / ours.seconds * 100).toFixed(0)}% of the clean build's time, ${identical ? 'byte-identical' : '**not byte-identical**'}`).join('; ')}.`,
	'',
	`The dev server (\`astro dev\` on a copy of the project, the corpus as its content): the time to its first page, then the time from saving a new title in an article to the first page load that shows it, for ${EDITS} edits in a row:`,
	'',
	'| Articles | First page | Edits shown after | Slowest |',
	'| ---: | ---: | --- | ---: |',
	...results.map(({ articles, dev }) => `| ${articles} | ${dev.startSeconds.toFixed(1)} s | ${dev.reloads.map((each) => `${each.toFixed(2)} s`).join(', ')} | ${Math.max(...dev.reloads).toFixed(2)} s |`),
	'',
	`Following feeds (\`npm run update -- --apply\` on a copy of the corpus, subscribed to one feed of ${FEED_ITEMS} new items served on 127.0.0.1): the whole command, from reading the content to the check after the suggestions are applied:`,
	'',
	'| Articles | Items taken in | Time |',
	'| ---: | ---: | ---: |',
	...results.map(({ articles, update }) => `| ${articles} | ${update.written} of ${FEED_ITEMS} | ${update.seconds.toFixed(1)} s |`),
].join('\n');
console.log(`\n${table}\n`);
const [small, large] = [results[0], results.at(-1)];
if (small && large && large !== small) {
	console.log(`Growth: t(${large.articles}) / t(${small.articles}) = ${(large.ours.seconds / small.ours.seconds).toFixed(2)} for ${large.articles / small.articles}× the articles.`);
}

if (values.write) {
	const machine = `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown'}), ${(totalmem() / 1024 ** 3).toFixed(0)} GiB of memory, Node ${process.version}`;
	const command = `npm run bench -- ${sizes.map((size) => `--articles ${size}`).join(' ')} --write ${values.write}`;
	const growth =
		small && large && large !== small
			? `\nTime grows with the corpus: t(${large.articles}) / t(${small.articles}) = ${(large.ours.seconds / small.ours.seconds).toFixed(2)}, for ${large.articles / small.articles} times the articles.\n`
			: '';
	const verdict = (met: boolean) => (met ? 'met' : '**not met**');
	const targets =
		large && small && large !== small
			? [
					'## Against the targets',
					'',
					`- Cost per page (build time over pages, search included) at most ${PER_PAGE_TARGET}× bare Astro's at N = ${large.articles}: ${verdict(perPage(large.ours) <= PER_PAGE_TARGET * perPage(large.baseline))}, ${perPage(large.ours).toFixed(1)} ms against ${perPage(large.baseline).toFixed(1)} ms, ${(perPage(large.ours) / perPage(large.baseline)).toFixed(2)}×. Our build makes ${(large.ours.pages / large.baseline.pages).toFixed(1)}× the baseline's pages (a page per claim, entity, stop and listing), and the whole build takes ${(large.ours.seconds / large.baseline.seconds).toFixed(2)}× the baseline's. ${whatStandsBetween(large)}`,
					`- A warm build after one new article at most ${WARM_SHARE_TARGET * 100}% of a clean one at N = ${large.articles}, and byte-identical to it: ${verdict(large.warm.seconds <= WARM_SHARE_TARGET * large.ours.seconds && large.identical)}, ${large.warm.seconds.toFixed(1)} s against ${large.ours.seconds.toFixed(1)} s (${((large.warm.seconds / large.ours.seconds) * 100).toFixed(0)}%), ${large.identical ? 'byte-identical' : 'not byte-identical'}; ${large.warm.reuse ? `${large.warm.reuse.rendered} pages rendered and ${large.warm.reuse.reused} reused` : 'no page reused'}, ${large.warm.bodies.rendered} of ${large.warm.bodies.total} bodies rendered.`,
					`- Search at most 15% of the build at N = ${large.articles}: ${verdict((large.ours.searchSeconds ?? Infinity) <= 0.15 * large.ours.seconds)}, ${(((large.ours.searchSeconds ?? 0) / large.ours.seconds) * 100).toFixed(0)}% (${large.ours.searchSeconds?.toFixed(1) ?? 'n/a'} s).`,
					`- The dev server at N = ${large.articles} shows a saved edit within 2 s: ${verdict(Math.max(...large.dev.reloads) <= 2)}, the slowest of ${EDITS} edits after ${Math.max(...large.dev.reloads).toFixed(2)} s (at N = ${small.articles}: ${Math.max(...small.dev.reloads).toFixed(2)} s); and its first page within 10 s: ${verdict(large.dev.startSeconds <= 10)}, ${large.dev.startSeconds.toFixed(1)} s.`,
					`- A feed of ${FEED_ITEMS} items taken into the story of ${large.articles} articles in at most 15 s: ${verdict(large.update.seconds <= 15 && large.update.written === FEED_ITEMS)}, ${large.update.seconds.toFixed(1)} s for ${large.update.written} items.`,
					`- Peak RSS at most 2 GB at N = ${large.articles}: ${verdict((large.ours.peakRssMb ?? Infinity) <= 2048)}, ${large.ours.peakRssMb?.toFixed(0) ?? 'n/a'} MB.`,
					`- Linear growth, t(${large.articles}) / t(${small.articles}) at most 12: ${verdict(large.ours.seconds / small.ours.seconds <= 12)}, ${(large.ours.seconds / small.ours.seconds).toFixed(2)}.`,
					`- No HTML page over 100 KB at N = ${large.articles}: ${verdict(large.ours.largestPage.bytes <= 100 * 1024)}, the largest is ${(large.ours.largestPage.bytes / 1024).toFixed(1)} KB (${large.ours.largestPage.file}).`,
					'',
				].join('\n')
			: '';
	await writeFile(
		path.resolve(values.write),
		[
			'# Benchmarks',
			'',
			'Written by `scripts/bench/run.ts`; do not edit by hand. Re-run with:',
			'',
			'```sh',
			command,
			'```',
			'',
			`Machine: ${machine}.`,
			'',
			`Each run generates a synthetic corpus: N articles of about ${results[0]?.corpus.wordsPerArticle ?? 600} words, 10 countries, 200 companies, 300 people, 20 stops with 5 events each, and 2 claims per article, whose passages are sentences of the articles they cite. It builds the full site over it from clean caches, search index included, twice: the second time with one new article added to the corpus, and counts the faster run (this machine's timings vary by a fifth from run to run); then builds the corpus with the new article again with the first build's cache and output folder (the warm build, as an editor or the Pages workflow rebuilds), and compares what it wrote with the second clean build's, file by file. It runs \`astro dev\` over the same corpus and times three edits, from the save to the page that shows them, and times \`npm run update -- --apply\` taking in a feed of ${FEED_ITEMS} new items. It then builds a bare Astro baseline over the same articles, three times, and counts the fastest: one glob collection, one minimal page per article and one per country, with Astro\'s default markdown. Peak RSS is GNU time\'s maximum resident set size. The ratio is our build time over the baseline\'s.`,
			'',
			table,
			growth,
			targets,
		].join('\n'),
	);
	console.log(`Wrote ${values.write}`);
}
