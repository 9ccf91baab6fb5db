/**
 * Where each stop's label goes on the route map: beside its marker, on the first side
 * where it stays inside the map and clear of every marker and of the labels placed before
 * it. The map is SVG and shrinks with the screen, so its labels are set larger, in the
 * map's own units, the narrower the map is drawn (container queries in global.css), to
 * stay at least 14 px on a phone. A label is therefore placed by its side, with offsets in
 * `em`, and the side is chosen to fit at every size the stylesheet may set.
 */

/** The smallest and largest font size of a label, in map units, that the stylesheet sets. */
export const LABEL_FONT_SIZES = { min: 11, max: 36 } as const;

/** The marker's radius, in map units. */
export const MARKER_RADIUS = 9;

/** How wide a character of a label is, as a share of the font size (bold sans, generous). */
const CHARACTER_WIDTH = 0.62;

export type LabelSide = 'right' | 'left' | 'above-right' | 'above-left' | 'below-right' | 'below-left';

/** The sides tried, in order. */
const SIDES: readonly LabelSide[] = ['right', 'left', 'below-left', 'below-right', 'above-right', 'above-left'];

export interface MapLabel {
	text: string;
	side: LabelSide;
	/** The text's anchor point, in map units: the marker's edge on the label's side. */
	x: number;
	y: number;
	/** Offsets from it in `em`, so they follow the font size. */
	dx: string;
	dy: string;
	anchor: 'start' | 'end';
}

interface Box {
	left: number;
	right: number;
	top: number;
	bottom: number;
}

/** Where a label of `length` characters at `size` would stand on `side` of the marker at (x, y). */
function boxOf(x: number, y: number, side: LabelSide, length: number, size: number): Box {
	const width = length * CHARACTER_WIDTH * size;
	const gap = 0.3 * size;
	if (side === 'right') return { left: x + MARKER_RADIUS + gap, right: x + MARKER_RADIUS + gap + width, top: y - 0.45 * size, bottom: y + 0.6 * size };
	if (side === 'left') return { left: x - MARKER_RADIUS - gap - width, right: x - MARKER_RADIUS - gap, top: y - 0.45 * size, bottom: y + 0.6 * size };
	const below = side.startsWith('below');
	const top = below ? y + MARKER_RADIUS + 1.5 * gap : y - MARKER_RADIUS - gap - 1.05 * size;
	const rightward = side.endsWith('right');
	return { left: rightward ? x - MARKER_RADIUS : x + MARKER_RADIUS - width, right: rightward ? x - MARKER_RADIUS + width : x + MARKER_RADIUS, top, bottom: top + 1.05 * size };
}

/** The SVG attributes that put a label on `side` of the marker at (x, y). */
function attributesOf(x: number, y: number, side: LabelSide): Omit<MapLabel, 'text' | 'side'> {
	if (side === 'right') return { x: x + MARKER_RADIUS, y, dx: '0.3em', dy: '0.35em', anchor: 'start' };
	if (side === 'left') return { x: x - MARKER_RADIUS, y, dx: '-0.3em', dy: '0.35em', anchor: 'end' };
	const below = side.startsWith('below');
	const rightward = side.endsWith('right');
	return {
		x: rightward ? x - MARKER_RADIUS : x + MARKER_RADIUS,
		y: below ? y + MARKER_RADIUS : y - MARKER_RADIUS,
		dx: '0',
		// Below, the text's top clears the ring around the page's own stop.
		dy: below ? '1.2em' : '-0.5em',
		anchor: rightward ? 'start' : 'end',
	};
}

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

type Point = readonly [number, number];

/** The points of an SVG path made of moves and lines, as d3-geo writes a route: `M60,223L…`. */
export function pathPoints(d: string): Point[] {
	return [...d.matchAll(/(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)/g)].map((match) => [Number(match[1]), Number(match[2])] as const);
}

/** Whether the segment from `a` to `b` passes through `box` (Liang–Barsky clipping). */
function crosses(box: Box, a: Point, b: Point): boolean {
	let [from, to] = [0, 1];
	const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
	const edges: [number, number][] = [
		[-dx, a[0] - box.left],
		[dx, box.right - a[0]],
		[-dy, a[1] - box.top],
		[dy, box.bottom - a[1]],
	];
	for (const [p, q] of edges) {
		if (p === 0) {
			if (q < 0) return false;
			continue;
		}
		const t = q / p;
		if (p < 0) from = Math.max(from, t);
		else to = Math.min(to, t);
		if (from > to) return false;
	}
	return true;
}

/**
 * The labels of `markers` ("1. Tokyo"), in their order, on a map of `width` × `height`.
 * A side off the route (`route`, the points of its line) is preferred; where no side is
 * clear at every size, the side that is least in the way is taken.
 */
export function placeLabels(markers: readonly { x: number; y: number; city: string }[], width: number, height: number, route: readonly Point[] = []): MapLabel[] {
	const segments = route.slice(1).map((point, index) => [route[index] as Point, point] as const);
	const placed: Box[][] = [];
	const markerBoxes = markers.map(({ x, y }) => ({ left: x - MARKER_RADIUS, right: x + MARKER_RADIUS, top: y - MARKER_RADIUS, bottom: y + MARKER_RADIUS }));
	return markers.map((marker, index) => {
		const text = `${index + 1}. ${marker.city}`;
		const sizes = [LABEL_FONT_SIZES.min, (LABEL_FONT_SIZES.min + LABEL_FONT_SIZES.max) / 2, LABEL_FONT_SIZES.max];
		const cost = (side: LabelSide) =>
			sizes.reduce((sum, size, which) => {
				const box = boxOf(marker.x, marker.y, side, text.length, size);
				const outside = Math.max(0, -box.left) + Math.max(0, box.right - width) + Math.max(0, -box.top) + Math.max(0, box.bottom - height);
				const hits = markerBoxes.filter((other, at) => at !== index && overlaps(box, other)).length + placed.filter((boxes) => overlaps(box, boxes[which] as Box)).length;
				const onRoute = segments.some(([a, b]) => crosses(box, a, b)) ? 1 : 0;
				return sum + outside * 10 + hits * 1000 + onRoute * 50;
			}, 0);
		const side = SIDES.find((each) => cost(each) === 0) ?? [...SIDES].sort((a, b) => cost(a) - cost(b))[0] ?? 'right';
		placed.push(sizes.map((size) => boxOf(marker.x, marker.y, side, text.length, size)));
		return { text, side, ...attributesOf(marker.x, marker.y, side) };
	});
}
