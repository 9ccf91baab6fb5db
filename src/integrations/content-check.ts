/**
 * An Astro integration that reports the content check when Astro starts (build,
 * dev, sync), so that `astro build` stops with the checker's own one-line messages
 * before it renders or writes a single page.
 */
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import type { ContentReport } from '../content-files/check-content.ts';

export function contentCheck(report: ContentReport): AstroIntegration {
	return {
		name: 'story-content-check',
		hooks: {
			'astro:config:setup': ({ logger }) => {
				for (const line of report.warningLines) logger.warn(line);
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
