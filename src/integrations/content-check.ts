/**
 * An Astro integration that reports the content check when Astro starts (build,
 * dev, sync), so that `astro build` stops with the checker's own one-line messages
 * before it renders or writes a single page. It is the build's only content check:
 * `npm run build` is `astro build`, and the content is read and checked once, in
 * `astro.config.mjs`.
 */
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import type { ContentReport } from '../content-files/check-content.ts';

const HINT = 'Fix each line above in the file it names, then build again. `npm run check:content` checks without building.';

/** `seconds`: how long reading and checking the content took, for the log. */
export function contentCheck(report: ContentReport, seconds: number): AstroIntegration {
	return {
		name: 'story-content-check',
		hooks: {
			'astro:config:setup': ({ logger, command }) => {
				for (const line of report.warningLines) logger.warn(line);
				if (report.ok) {
					logger.info(`${report.summary} Read and checked in ${seconds.toFixed(2)} s.`);
					return;
				}
				if (command === 'dev') {
					// The dev server shows it in its error overlay.
					throw new AstroError(`${report.summary}\n${report.problemLines.join('\n')}`, HINT);
				}
				// A build stops here with the lines alone: a stack trace would only bury them.
				logger.error([report.summary, ...report.problemLines, HINT].join('\n'));
				process.exit(1);
			},
		},
	};
}
