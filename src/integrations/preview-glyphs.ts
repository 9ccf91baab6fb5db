/**
 * Stops a build whose preview images could not draw a stop's local name: where a
 * character of it is in no font of the images (Inter, Noto Sans KR, Noto Sans JP), the
 * build ends before any page is written, with one line naming the stop's file, the
 * stop and the character (src/preview-images/local-name-fonts.ts), rather than drawing
 * a box in its place. The dev server prints the lines and carries on: the image itself
 * fails when it is asked for.
 */
import type { AstroIntegration } from 'astro';
import type { ContentSnapshot } from '../content-files/content-snapshot.ts';
import { localNameProblems } from '../preview-images/local-name-fonts.ts';

const HINT = 'Give the stop a local name in characters the fonts have, or add a font for them (src/preview-images/font-faces.ts), then build again.';

/** `snapshot`: the content `astro.config.mjs` read and checked. */
export function previewGlyphs(snapshot: ContentSnapshot): AstroIntegration {
	return {
		name: 'story-preview-glyphs',
		hooks: {
			'astro:config:setup': ({ logger, command }) => {
				const problems = localNameProblems(snapshot.content.input.stops.map((stop) => ({ id: stop.id, file: stop.file, localName: stop.data.localName })));
				if (problems.length === 0) return;
				for (const line of problems) logger.error(line);
				if (command === 'dev') return;
				logger.error(HINT);
				process.exit(1);
			},
		},
	};
}
