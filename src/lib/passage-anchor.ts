/**
 * The permalink anchor of a cited passage in its article: a few of its first words
 * and a short hash of all of them, `q-by-the-end-of-2024-3f9a1c`. It depends only on
 * the passage's own words, so it stays the same when other claims are added, and the
 * markdown plugin that marks the words and the model that links to them agree on it.
 * It is ASCII, whatever the passage's script: a Korean or Japanese passage's anchor is
 * `q-passage-3f9a1c` (its words would make a fragment that tools percent-encode, and
 * long), and a Latin passage keeps its words less their accents.
 */
import GithubSlugger from 'github-slugger';
import { collapseWhitespace } from './text.ts';

/** FNV-1a, 32 bits: small, fast and the same on every machine. */
function fnv1a(text: string): number {
	let hash = 0x811c9dc5;
	for (let index = 0; index < text.length; index++) {
		hash ^= text.charCodeAt(index);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash;
}

export function passageAnchor(passage: string): string {
	const words = collapseWhitespace(passage);
	const lead = new GithubSlugger()
		.slug(words.split(' ').slice(0, 5).join(' '))
		.normalize('NFKD')
		.replace(/[^a-z0-9-]+/g, '')
		.replace(/-{2,}/g, '-')
		.slice(0, 40)
		.replace(/^-+|-+$/g, '');
	const hash = fnv1a(words).toString(16).padStart(8, '0').slice(0, 6);
	return `q-${lead || 'passage'}-${hash}`;
}
