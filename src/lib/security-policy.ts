/**
 * The site's security policy, written once: the Content Security Policy each page
 * carries in its `<meta http-equiv>` (Astro's `security.csp` adds `script-src` and
 * `style-src` with the hashes of what it emits), what the search page adds for Pagefind,
 * and the headers a host sends (`dist/_headers`, the README's nginx examples).
 *
 * Two layers, both enforced by the browser, which allows only what both allow:
 * - the page's own policy, exact: no page but /search/ may run WebAssembly;
 * - the host's header, the same on every page: the union of every page's needs, with
 *   what a `<meta>` policy cannot say (`frame-ancestors`). It names no hash, since the
 *   hashes change with every stylesheet; the page's policy pins them.
 */

/** The directives of every page, besides `script-src` and `style-src`, which Astro writes. */
export const PAGE_DIRECTIVES = [
	// Nothing loads unless a directive below allows it: no frames or media.
	"default-src 'none'",
	// The favicon; the pages show no other image (the preview images are for other sites).
	"img-src 'self'",
	// The site's own fallback fonts for Korean and Japanese words (src/web-fonts/).
	"font-src 'self'",
	// Fetches from this site only. Pagefind reads its index so; and tools that read a page
	// (Lighthouse among them) fetch /robots.txt under the page's own policy.
	"connect-src 'self'",
	"object-src 'none'",
	"base-uri 'none'",
	"form-action 'self'",
] as const;

/**
 * What Pagefind needs on /search/ beyond every page's policy, and nothing more: its
 * WebAssembly (`'wasm-unsafe-eval'` lets a page compile WebAssembly, not evaluate
 * strings), besides its scripts from this site; and the search icon its stylesheet draws
 * as a `data:` SVG. A directive here adds its sources to the page's own.
 */
export const SEARCH_POLICY = {
	scriptResources: ["'self'", "'wasm-unsafe-eval'"],
	directives: ['img-src data:'],
} as const;

/** What the referrer says of a page when a reader follows a link off the site: only the origin. */
export const REFERRER_POLICY = 'strict-origin-when-cross-origin';

/**
 * The policy a host sends with every response: the union of every page's, plus
 * `frame-ancestors 'none'` (no site may frame ours), which only a header can carry.
 * Inline styles are allowed here because each page's own policy allows exactly its own,
 * by hash; no inline script is allowed by either.
 */
export const HEADER_POLICY = mergeDirectives([
	...PAGE_DIRECTIVES,
	`script-src ${SEARCH_POLICY.scriptResources.join(' ')}`,
	"style-src 'self' 'unsafe-inline'",
	...SEARCH_POLICY.directives,
	"frame-ancestors 'none'",
]).join('; ');

/** Directives with the sources of those of one name merged into the first: a policy names each directive once. */
export function mergeDirectives(directives: readonly string[]): string[] {
	const merged = new Map<string, string[]>();
	for (const directive of directives) {
		const [name = '', ...sources] = directive.trim().split(/\s+/);
		merged.set(name, [...new Set([...(merged.get(name) ?? []), ...sources])]);
	}
	return [...merged].map(([name, sources]) => [name, ...sources].join(' '));
}

/** The headers every response carries, whatever the host. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
	'Content-Security-Policy': HEADER_POLICY,
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': REFERRER_POLICY,
};

/** How long a browser may keep a file whose name changes with its content: a year, unchecked. */
export const HASHED_ASSET_CACHE = 'public, max-age=31536000, immutable';

/**
 * The folders under the base path whose files are named by their content's hash:
 * Astro's bundles, and Pagefind's index and fragments.
 */
export const HASHED_ASSET_FOLDERS = ['_astro/', 'pagefind/fragment/', 'pagefind/index/'] as const;

/**
 * `_headers` for hosts that read it (Netlify, Cloudflare Pages and others): the security
 * headers on every path under `base`, and the long cache on the hashed assets. Every
 * rule that matches a path applies, so no two rules set the same header.
 */
export function headersFile(base: string): string {
	const lines = [
		'# Written by the build (src/integrations/host-headers.ts, from src/lib/security-policy.ts).',
		`${base}*`,
		...Object.entries(SECURITY_HEADERS).map(([name, value]) => `  ${name}: ${value}`),
		...HASHED_ASSET_FOLDERS.flatMap((folder) => [`${base}${folder}*`, `  Cache-Control: ${HASHED_ASSET_CACHE}`]),
	];
	return `${lines.join('\n')}\n`;
}

/** A policy as its directives, by name: `{ 'img-src': ["'self'"], … }`. */
export function parsePolicy(policy: string): Map<string, string[]> {
	const directives = new Map<string, string[]>();
	for (const part of policy.split(';')) {
		const [name, ...values] = part.trim().split(/\s+/);
		if (name) directives.set(name.toLowerCase(), values);
	}
	return directives;
}

/**
 * A page's policy narrowed to the page. Astro writes the same hashes into every page's
 * policy: every inline script and stylesheet of the whole build, and its own hydration
 * scripts, which this site never uses. So each page would allow inline scripts it does
 * not have. This keeps, in `script-src` and `style-src`, only the hashes of the inline
 * scripts and stylesheets the page holds (JSON-LD is data, which no policy governs).
 * `digest` gives a text's `sha256-…` source; everything else is left as it is.
 */
export function narrowPolicyToPage(html: string, digest: (text: string) => string): string {
	const start = html.indexOf(POLICY_META);
	if (start === -1) return html;
	const valueStart = start + POLICY_META.length;
	const valueEnd = html.indexOf('"', valueStart);
	if (valueEnd === -1) return html;
	const held: Record<string, Set<string>> = {
		'script-src': new Set(inlineBodies(html, 'script').map((body) => `'${digest(body)}'`)),
		'style-src': new Set(inlineBodies(html, 'style').map((body) => `'${digest(body)}'`)),
	};
	const narrowed = html
		.slice(valueStart, valueEnd)
		.split(';')
		.map((part) => part.trim())
		.filter(Boolean)
		.map((part) => {
			const [name = '', ...sources] = part.split(/\s+/);
			const keep = held[name];
			return keep ? [name, ...sources.filter((source) => !/^'sha(256|384|512)-/.test(source) || keep.has(source))].join(' ') : part;
		})
		.join('; ');
	return `${html.slice(0, valueStart)}${narrowed}${html.slice(valueEnd)}`;
}

/** How Astro writes a page's policy: the attributes in this order, the value in double quotes. */
const POLICY_META = '<meta http-equiv="content-security-policy" content="';

/**
 * The texts of a page's inline `<script>` or `<style>` elements: those with no `src`, and
 * no script of type `application/ld+json` (data, which no policy governs). Found with
 * `indexOf`, not a regular expression: it runs on every page of the build.
 */
export function inlineBodies(html: string, tag: 'script' | 'style'): string[] {
	const open = `<${tag}`;
	const close = `</${tag}>`;
	const bodies: string[] = [];
	for (let at = html.indexOf(open); at !== -1; at = html.indexOf(open, at)) {
		const tagEnd = html.indexOf('>', at);
		if (tagEnd === -1) break;
		const attributes = html.slice(at + open.length, tagEnd);
		// `<scripts>` or `<styled>` would be other elements.
		if (attributes !== '' && !/^[\s/]/.test(attributes)) {
			at = tagEnd;
			continue;
		}
		const end = html.indexOf(close, tagEnd);
		if (end === -1) break;
		if (!/\ssrc=/.test(attributes) && !/\stype="application\/ld\+json"/.test(attributes)) bodies.push(html.slice(tagEnd + 1, end));
		at = end + close.length;
	}
	return bodies;
}
