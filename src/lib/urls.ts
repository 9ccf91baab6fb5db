/**
 * Every internal URL of the site, built from the base path the site is served under.
 * Pages, components, feeds and markdown plugins all get their URLs from here, so a
 * deploy under `/tour/` needs no change anywhere else.
 */

export type PageKind = 'stop' | 'country' | 'company' | 'person' | 'article';

const SECTION: Record<PageKind, string> = {
	stop: 'stops',
	country: 'countries',
	company: 'companies',
	person: 'people',
	article: 'articles',
};

/** `'/tour'`, `'/tour/'` or `'tour'` → `'/tour/'`; `''` or `'/'` → `'/'`. */
export function normaliseBase(base: string): string {
	const trimmed = base.replace(/^\/+|\/+$/g, '');
	return trimmed ? `/${trimmed}/` : '/';
}

export interface SiteUrls {
	/** The base path, with leading and trailing slashes: `/` or `/tour/`. */
	base: string;
	/** A path inside the site: `path('timeline/')` → `/tour/timeline/`. */
	path(relative: string): string;
	home(): string;
	timeline(anchor?: string): string;
	search(): string;
	feed(): string;
	/** The index page of a section: `section('company')` → `/companies/`. */
	section(kind: PageKind): string;
	/** The page of one record: `page('company', 'meta')` → `/companies/meta/`. */
	page(kind: PageKind, id: string, anchor?: string): string;
	/** The permalink of an event: its anchor on its stop's page. */
	event(stop: string, anchor: string): string;
	/**
	 * Page `n` of a paginated listing whose first page is at `first` (a path from
	 * this helper): `listPage('/tour/companies/', 3)` → `/tour/companies/page/3/`.
	 */
	listPage(first: string, n: number): string;
	/** Page `n` of every article that refers to a record: `/companies/meta/articles/2/`. */
	recordArticles(kind: Exclude<PageKind, 'article'>, id: string, n: number): string;
	/** A preview image for link previews: `previewImage('stop-seoul')` → `/tour/previews/stop-seoul.png`. */
	previewImage(name: string): string;
}

export function createUrls(base: string): SiteUrls {
	const root = normaliseBase(base);
	const path = (relative: string) => `${root}${relative.replace(/^\/+/, '')}`;
	const withAnchor = (url: string, anchor?: string) => (anchor ? `${url}#${anchor}` : url);
	return {
		base: root,
		path,
		home: () => root,
		timeline: (anchor) => withAnchor(path('timeline/'), anchor),
		search: () => path('search/'),
		feed: () => path('rss.xml'),
		section: (kind) => path(`${SECTION[kind]}/`),
		page: (kind, id, anchor) => withAnchor(path(`${SECTION[kind]}/${id}/`), anchor),
		event: (stop, anchor) => withAnchor(path(`stops/${stop}/`), anchor),
		listPage: (first, n) => (n <= 1 ? first : `${first}page/${n}/`),
		recordArticles: (kind, id, n) => path(`${SECTION[kind]}/${id}/articles/${n}/`),
		previewImage: (name) => path(`previews/${name}.png`),
	};
}

/** An absolute URL for feeds, sitemaps and canonical links: `absolute('/tour/a/', 'https://x.org')`. */
export function absoluteUrl(path: string, site: string | URL): string {
	return new URL(path, site).href;
}
