/**
 * The layout of a preview image, as the element tree satori draws: the words on the
 * left (site name, kicker, title, place and dates, and the route as a numbered key),
 * the route map on the right, with a numbered marker on each stop and the card's own
 * stop larger and in the route's colour.
 *
 * Pure: a card and a route map in, plain objects out. The map itself (land, the tour's
 * countries, the route) is an SVG that satori embeds as an image; the numbers on the
 * markers are satori's text, so every glyph is drawn from the fonts we give it and
 * none from the fonts of the machine that builds.
 */
import type { RouteMap } from '../map/route-map.ts';
import { PREVIEW_SIZE, type PreviewCard } from './cards.ts';
import { LOCAL_NAME_WEIGHT, localFontFamilies } from './font-faces.ts';

/** One element of satori's tree: the shape of a React element, without React. */
export interface PreviewNode {
	type: string;
	props: {
		style?: Record<string, string | number>;
		children?: PreviewNode | string | (PreviewNode | string)[];
		[attribute: string]: unknown;
	};
}

/** The width of the panel of words on the left; the map takes the rest. */
export const PANEL_WIDTH = 500;

/** The size to draw the route map at, for `drawRouteMap`. */
export const MAP_SIZE = { width: PREVIEW_SIZE.width - PANEL_WIDTH, height: PREVIEW_SIZE.height } as const;

/** The site's light palette (src/styles/global.css), which the images share. */
export const PALETTE = {
	background: '#fdfdfb',
	text: '#1c1d21',
	muted: '#55595f',
	border: '#c9cac3',
	accent: '#0b5cad',
	sea: '#eef2f3',
	land: '#dfe2d8',
	visited: '#b9cfe8',
	marked: '#7ea6d6',
	route: '#b23a1d',
	onRoute: '#ffffff',
	otherStop: '#6b6f76',
} as const;

/** The font family every word is set in; `render-png.ts` supplies its files. */
export const FONT_FAMILY = 'Inter';

/** The radius of a stop's marker, and of the marked stop's. */
const MARKER_RADIUS = { stop: 19, marked: 29 };

/** A node with a style and children. */
function element(type: string, style: Record<string, string | number>, children?: PreviewNode['props']['children'], attributes: Record<string, unknown> = {}): PreviewNode {
	return { type, props: { ...attributes, style, ...(children === undefined ? {} : { children }) } };
}

/** The width the panel leaves for its words, inside its padding. */
const TEXT_WIDTH = PANEL_WIDTH - 88;

/**
 * The title's size in pixels: as large as lets its longest word fit the panel's width
 * (a bold letter of Inter is about 0.64 of the size wide, at most), at most 88, and
 * at most 56 for a title of more than 16 letters, so that it wraps to three lines at most.
 */
export function titleSize(title: string): number {
	const longestWord = Math.max(...title.split(/\s+/).map((word) => word.length));
	const fitting = Math.floor(TEXT_WIDTH / (0.64 * longestWord));
	return Math.max(32, Math.min(fitting, title.length > 16 ? 56 : 88));
}

/**
 * The route map as an SVG document: sea, land, the tour's countries (the marked stop's
 * country darker), and the route. No text: the markers' numbers are drawn over it.
 */
export function routeMapSvg(map: RouteMap, markedCountry?: string): string {
	const { width, height } = map;
	const countries = map.countries
		.map((country) => `<path d="${country.path}" fill="${country.name === markedCountry ? PALETTE.marked : PALETTE.visited}" stroke="${PALETTE.border}" stroke-width="1"/>`)
		.join('');
	return (
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
		`<rect width="${width}" height="${height}" fill="${PALETTE.sea}"/>` +
		`<path d="${map.land}" fill="${PALETTE.land}" stroke="${PALETTE.border}" stroke-width="1"/>` +
		countries +
		`<path d="${map.route}" fill="none" stroke="${PALETTE.route}" stroke-width="5" stroke-linecap="round" stroke-linejoin="round"/>` +
		`</svg>`
	);
}

/** The SVG as a `data:` URL, for satori's `<img>`. */
function svgDataUrl(svg: string): string {
	return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

/** A numbered disc: a marker on the map, or a bullet of the key. */
function numberDisc(number: number, radius: number, marked: boolean, emphasised: boolean, position: Record<string, string | number> = {}): PreviewNode {
	return element(
		'div',
		{
			...position,
			display: 'flex',
			alignItems: 'center',
			justifyContent: 'center',
			width: radius * 2,
			height: radius * 2,
			borderRadius: '50%',
			backgroundColor: emphasised ? PALETTE.route : PALETTE.otherStop,
			border: marked ? `4px solid ${PALETTE.onRoute}` : 'none',
			color: PALETTE.onRoute,
			fontSize: Math.round(radius * (marked ? 0.85 : 1)),
			fontWeight: 700,
		},
		String(number),
	);
}

/** The size of a stop's local name, under its title. */
export const LOCAL_NAME_SIZE = 60;

/**
 * A stop's local name, under its title, in the fonts `families` (the subsets made for
 * the image, local-name-fonts.ts), then Inter; by default its language's own family.
 */
export function localNameLine(localName: { name: string; lang: string }, families: readonly string[] = [localFontFamilies(localName.lang)[0]?.family ?? FONT_FAMILY]): PreviewNode {
	const fontFamily = [...families, FONT_FAMILY].map((family) => `'${family}'`).join(', ');
	return element(
		'div',
		{ fontSize: LOCAL_NAME_SIZE, fontWeight: LOCAL_NAME_WEIGHT, lineHeight: 1.2, color: PALETTE.muted, marginBottom: 14, fontFamily },
		localName.name,
		{ lang: localName.lang },
	);
}

/**
 * The element tree of one preview image, 1200×630. `map` must be drawn at `MAP_SIZE`
 * with every stop of `card.route`, in the same order; `markedCountry` is the marked
 * stop's country, as the map names it; `localNameFamilies` are the fonts made to draw
 * the card's local name, where it has one (`localNameFonts`).
 */
export function previewTree(card: PreviewCard, map: RouteMap, markedCountry?: string, localNameFamilies?: readonly string[]): PreviewNode {
	// On the image of the whole route every stop is in the route's colour; on a stop's
	// image only that stop is, and larger.
	const emphasised = (id: string) => !card.stop || card.stop === id;
	// The marked stop goes last, so it is drawn over any marker near it.
	const numbered = map.markers.map((marker, index) => ({ marker, number: index + 1, marked: card.stop === marker.id }));
	const markers = numbered
		.sort((a, b) => Number(a.marked) - Number(b.marked))
		.map(({ marker, number, marked }) => {
			const radius = marked ? MARKER_RADIUS.marked : MARKER_RADIUS.stop;
			return numberDisc(number, radius, marked, emphasised(marker.id), {
				position: 'absolute',
				left: marker.x - radius,
				top: marker.y - radius,
			});
		});

	const key = card.route.map((stop) =>
		element('div', { display: 'flex', alignItems: 'center', marginRight: 22, marginTop: 10 }, [
			numberDisc(stop.number, 15, false, emphasised(stop.id)),
			element(
				'div',
				{ marginLeft: 9, fontSize: 26, fontWeight: card.stop === stop.id ? 700 : 400, color: emphasised(stop.id) ? PALETTE.text : PALETTE.muted },
				stop.city,
			),
		]),
	);

	const panel = element(
		'div',
		{
			display: 'flex',
			flexDirection: 'column',
			justifyContent: 'space-between',
			flexShrink: 0,
			boxSizing: 'border-box',
			width: PANEL_WIDTH,
			height: PREVIEW_SIZE.height,
			padding: `40px ${PANEL_WIDTH - TEXT_WIDTH - 48}px 40px 48px`,
			borderTop: `12px solid ${PALETTE.route}`,
			borderRight: `1px solid ${PALETTE.border}`,
		},
		[
			element('div', { fontSize: 28, fontWeight: 600, color: PALETTE.accent }, card.siteName ?? ''),
			element('div', { display: 'flex', flexDirection: 'column' }, [
				element('div', { fontSize: 28, fontWeight: 600, color: PALETTE.muted, marginBottom: 8 }, card.kicker),
				element('div', { fontSize: titleSize(card.title), fontWeight: 700, lineHeight: 1.05, marginBottom: card.localName ? 6 : 18 }, card.title),
				...(card.localName ? [localNameLine(card.localName, localNameFamilies)] : []),
				...card.details.map((line) => element('div', { fontSize: 30, lineHeight: 1.3 }, line)),
			]),
			element('div', { display: 'flex', flexWrap: 'wrap' }, key),
		],
	);

	const mapArea = element('div', { display: 'flex', flexShrink: 0, position: 'relative', width: MAP_SIZE.width, height: MAP_SIZE.height }, [
		element('img', { position: 'absolute', left: 0, top: 0 }, undefined, {
			src: svgDataUrl(routeMapSvg(map, markedCountry)),
			width: map.width,
			height: map.height,
		}),
		...markers,
	]);

	return element(
		'div',
		{
			display: 'flex',
			width: PREVIEW_SIZE.width,
			height: PREVIEW_SIZE.height,
			backgroundColor: PALETTE.background,
			color: PALETTE.text,
			fontFamily: FONT_FAMILY,
		},
		[panel, mapArea],
	);
}
