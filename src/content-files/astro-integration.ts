/**
 * An Astro integration that runs the content check when Astro starts (build, dev,
 * sync), so that `astro build` stops with the checker's own one-line messages
 * before it renders or writes a single page.
 */
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { checkContent } from './check-content.ts';

export function contentCheck(options: { contentDir: string }): AstroIntegration {
	return {
		name: 'story-content-check',
		hooks: {
			'astro:config:setup': async ({ logger }) => {
				const report = await checkContent(options.contentDir);
				if (report.ok) {
					logger.info(report.summary);
					return;
				}
				throw new AstroError(
					`${report.summary}\n${report.problemLines.join('\n')}`,
					'Fix each line above in the file it names, then build again. `npm run check:content` checks without building.',
				);
			},
		},
	};
}
