/**
 * A worker thread that indexes the articles' and claims' records with Pagefind and
 * writes their bundle (src/integrations/search-index.ts). Pagefind runs in a process of
 * its own, but its replies are read on the thread that asked: on this worker they are
 * read while the build's main thread is busy building the model and rendering pages,
 * so the records are indexed and written beside the build, not after it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import * as pagefind from 'pagefind';

export interface RecordsJob {
	records: Array<Parameters<NonNullable<Awaited<ReturnType<typeof pagefind.createIndex>>['index']>['addCustomRecord']>[0]>;
	/** The folder the bundle is written to. */
	outputPath: string;
	maxFragments: number;
}

export interface RecordsReply {
	errors: string[];
}

const job = workerData as RecordsJob;
const errors: string[] = [];
try {
	const created = await pagefind.createIndex({ maxFragments: job.maxFragments });
	errors.push(...created.errors);
	if (created.index) {
		const index = created.index;
		for (const added of await Promise.all(job.records.map((record) => index.addCustomRecord(record)))) errors.push(...added.errors);
		if (errors.length === 0) errors.push(...(await index.writeFiles({ outputPath: job.outputPath })).errors);
	} else if (errors.length === 0) errors.push('Pagefind could not start');
} catch (error) {
	errors.push(error instanceof Error ? error.message : String(error));
} finally {
	await pagefind.close().catch(() => undefined);
}
parentPort?.postMessage({ errors } satisfies RecordsReply);
