/**
 * The dev server's error overlay for content that fails its check: what the browser is
 * sent over Vite's websocket in place of Astro's own error. It says what
 * `npm run check:content` says, line for line, with no stack trace, and shows the file of
 * the first problem as a code frame at the line of its field. Pure: the caller reads the
 * file and sends the payload.
 */
import type { FileLocation } from './problem-location.ts';

/** What the overlay shows, in the shape Astro's overlay client reads (`err` of an error payload). */
export interface ContentErrorPayload {
	type: 'error';
	/** Tells Astro's websocket wrapper that the payload is ready to show as it is. */
	__isEnhancedAstroErrorPayload: true;
	err: {
		name: string;
		title: string;
		/** HTML: the checker's lines, escaped, one a line. */
		message: string;
		hint: string;
		/** The file of the first problem, and where in it. */
		loc: { file: string; line: number; column: number } | { file: undefined; line: undefined; column: undefined };
		/** A few lines around it, as text, for terminals. */
		frame: string;
		/** The whole file as HTML lines, the problem's line marked, for the overlay's code view. */
		highlightedCode: string | undefined;
		stack: string;
	};
}

const HINT = 'Fix each line above in the file it names, and save: the page shows the content again. `npm run check:content` checks without Astro.';

/** Text for HTML: the three characters that would be read as markup. */
function escapeHtml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The overlay for a failed check: its summary and problem lines, and, where the first
 * problem's file could be read, that file at the problem's place.
 */
export function contentErrorPayload(
	check: { summary: string; problemLines: readonly string[] },
	first?: { file: string; text: string; at: FileLocation },
): ContentErrorPayload {
	const lines = first?.text.split('\n') ?? [];
	const frame = first
		? lines
				.map((text, index) => ({ number: index + 1, text }))
				.slice(Math.max(0, first.at.line - 3), first.at.line + 2)
				.map(({ number, text }) => `${number === first.at.line ? '>' : ' '} ${String(number).padStart(4)} | ${text}`)
				.join('\n')
		: '';
	const highlightedCode = first
		? `<pre class="astro-code"><code>${lines
				.map((text, index) => `<span class="line${index + 1 === first.at.line ? ' error-line' : ''}">${escapeHtml(text)}</span>`)
				.join('\n')}</code></pre>`
		: undefined;
	return {
		type: 'error',
		__isEnhancedAstroErrorPayload: true,
		err: {
			name: 'ContentCheckError',
			title: 'The content has problems',
			message: [check.summary, ...check.problemLines].map(escapeHtml).join('<br>'),
			hint: escapeHtml(HINT),
			loc: first ? { file: first.file, line: first.at.line, column: first.at.column } : { file: undefined, line: undefined, column: undefined },
			frame,
			highlightedCode,
			// No stack: the lines above are the whole story, and no code of ours failed.
			stack: '',
		},
	};
}
