/**
 * The bench's measure of `npm run update`: a feed of N new items, served on 127.0.0.1,
 * taken into a copy of the synthetic corpus (with `--apply`). Each item is a report of
 * the corpus's traveller meeting one of its people at one of its stops, in the style of
 * its articles, so that every stage runs: relevance, the copy check against every
 * article, placing, composing, and the suggestions against every claim.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export interface CorpusFacts {
	traveller: string;
	stopDetails: { city: string; country: string; start: string }[];
	peopleNames: { name: string; company: string }[];
}

/** A feed of `count` items about the corpus's story, each with its own text. */
export function benchFeed(corpus: CorpusFacts, count: number): string {
	const items = Array.from({ length: count }, (_, index) => {
		const stop = corpus.stopDetails[index % corpus.stopDetails.length] as CorpusFacts['stopDetails'][number];
		const person = corpus.peopleNames[(index * 7) % corpus.peopleNames.length] as CorpusFacts['peopleNames'][number];
		const date = new Date(`${stop.start}T09:00:00Z`);
		const day = `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}`;
		const paragraphs = [
			`${corpus.traveller} met ${person.name} of ${person.company} in ${stop.city} on ${day} to discuss AI chips and supply chains, according to feed item ${index + 1}.`,
			`The two talked for an hour about partners from ${stop.country}, feed item ${index + 1} says, and agreed to meet again before the end of the year.`,
			`${person.company} declined to comment on the meeting with ${corpus.traveller}, according to item ${index + 1} of the bench feed.`,
		];
		return `<item><title>${corpus.traveller} meets ${person.name} in ${stop.city} (item ${index + 1})</title><link>https://bench-feed.example/items/${index + 1}</link><guid isPermaLink="false">bench-${index + 1}</guid><pubDate>${date.toUTCString()}</pubDate><content:encoded><![CDATA[${paragraphs.map((text) => `<p>${text}</p>`).join('')}]]></content:encoded></item>`;
	});
	return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Bench Feed</title><link>https://bench-feed.example/</link><description>A feed for the bench.</description>${items.join('')}</channel></rss>`;
}

/** Times `npm run update -- --apply` taking a feed of `count` items into a copy of the corpus. */
export async function measureUpdate(projectRoot: string, corpusDir: string, corpus: CorpusFacts, count: number): Promise<{ seconds: number; written: number; output: string }> {
	const work = await mkdtemp(path.join(tmpdir(), 'story-bench-update-'));
	const body = benchFeed(corpus, count);
	const server = createServer((_request, response) => response.writeHead(200, { 'content-type': 'application/rss+xml; charset=UTF-8' }).end(body));
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	try {
		const contentDir = path.join(work, 'content');
		await cp(corpusDir, contentDir, { recursive: true });
		await writeFile(path.join(contentDir, 'subscriptions.yaml'), `- url: http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.xml\n`);
		const started = performance.now();
		const { stdout } = await run(process.execPath, [path.join(projectRoot, 'scripts', 'update.ts'), '--apply', '--content', contentDir], {
			maxBuffer: 256 * 1024 * 1024,
			env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=8192' },
		});
		const seconds = (performance.now() - started) / 1000;
		const written = Number(/^Wrote (\d+) articles?/m.exec(stdout)?.[1] ?? 0);
		return { seconds, written, output: stdout };
	} finally {
		server.close();
		await rm(work, { recursive: true, force: true });
	}
}
