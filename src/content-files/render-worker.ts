/**
 * A render worker (see `render-bodies.ts`): builds the site's markdown processor from
 * what it is given (base path, names, passages, Astro's markdown settings), then
 * renders each batch of bodies it is sent, and posts their HTML back.
 */
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { parentPort, workerData } from 'node:worker_threads';
import { createUrls } from '../lib/urls.ts';
import { storyMarkdownProcessor } from '../markdown/index.ts';
import type { RenderJob, RenderReply, WorkerSetup } from './render-bodies.ts';

const setup = workerData as WorkerSetup;
const story = { names: setup.names, passages: setup.passages };
const renderer = await storyMarkdownProcessor({ story: () => story, urls: createUrls(setup.base) }).createRenderer(setup.shared as never);

parentPort?.on('message', async (jobs: RenderJob[]) => {
	const reply: RenderReply = { rendered: [] };
	try {
		for (const job of jobs) {
			// As Astro's content layer renders a body: frontmatter first parsed away.
			const { frontmatter, content } = parseFrontmatter(job.body);
			const { code, metadata } = await renderer.render(content, { frontmatter, fileURL: new URL(job.fileURL) });
			reply.rendered.push({
				id: job.id,
				html: code,
				metadata: { ...metadata, imagePaths: [...(metadata.localImagePaths ?? []), ...(metadata.remoteImagePaths ?? [])] },
			});
		}
	} catch (error) {
		reply.error = error instanceof Error ? error.message : String(error);
	}
	parentPort?.postMessage(reply);
});
