/**
 * The site's security policy, written once: the Content Security Policy each page
 * carries in its `<meta http-equiv>` (written by the layout), what the search page adds
 * for Pagefind, and the headers a host sends (`dist/_headers`, the README's nginx
 * examples).
 *
 * The pages have no inline script and no inline stylesheet: their styles are one
 * stylesheet file (`inlineStylesheets: 'never'` and one CSS bundle, in astro.config.mjs)
 * and the search page's script is a file. So every policy allows scripts and styles from
 * the site alone (`'self'`), with no hash to keep in step with the build, and each page's
 * policy is known before it is rendered.
 *
 * Two layers, both enforced by the browser, which allows only what both allow:
 * - the page's own policy, exact: no page but /search/ may run WebAssembly;
 * - the host's header, the same on every page: the union of every page's needs, with
 *   what a `<meta>` policy cannot say (`frame-ancestors`).
 */

/** The directives of every page. */
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
	// Scripts and stylesheets are files of this site; none is written in a page.
	"script-src 'self'",
	"style-src 'self'",
] as const;

/**
 * What Pagefind needs on /search/ beyond every page's policy, and nothing more: its
 * WebAssembly (`'wasm-unsafe-eval'` lets a page compile WebAssembly, not evaluate
 * strings), besides its scripts from this site; and the search icon its stylesheet draws
 * as a `data:` SVG. A directive here adds its sources to the page's own.
 */
export const SEARCH_DIRECTIVES = ["script-src 'wasm-unsafe-eval'", 'img-src data:'] as const;

/** The kinds of page whose policies differ: every page, and the search page. */
export type PolicyKind = 'page' | 'search';

/** Each kind's policy, written once. */
const POLICIES: Record<PolicyKind, string> = {
	page: mergeDirectives(PAGE_DIRECTIVES).join('; '),
	search: mergeDirectives([...PAGE_DIRECTIVES, ...SEARCH_DIRECTIVES]).join('; '),
};

/** The policy a page of this kind carries in its `<meta http-equiv="content-security-policy">`. */
export function pagePolicy(kind: PolicyKind): string {
	return POLICIES[kind];
}

/** What the referrer says of a page when a reader follows a link off the site: only the origin. */
export const REFERRER_POLICY = 'strict-origin-when-cross-origin';

/**
 * The policy a host sends with every response: the union of every page's, plus
 * `frame-ancestors 'none'` (no site may frame ours), which only a header can carry.
 */
export const HEADER_POLICY = mergeDirectives([...PAGE_DIRECTIVES, ...SEARCH_DIRECTIVES, "frame-ancestors 'none'"]).join('; ');

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
 * Astro's bundles, and the index and fragments of Pagefind's two bundles.
 */
export const HASHED_ASSET_FOLDERS = ['_astro/', 'pagefind/fragment/', 'pagefind/index/', 'pagefind-records/fragment/', 'pagefind-records/index/'] as const;

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
