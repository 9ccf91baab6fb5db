/**
 * A shorter way to write the same outline. d3-geo writes a path with absolute
 * coordinates for every point (`M583,287L586,288L587,287L589,287…`); rounded to whole
 * pixels, many points repeat the one before, or lie on the straight line through their
 * neighbours. `compactPath` leaves those out and writes each point relative to the one
 * before (`M583,287l3,1 1-1 3,0…`): the same shape, drawn through the same pixels, in
 * about half the bytes. It matters on a page that draws the land of half the world.
 */

type Point = readonly [number, number];

interface Subpath {
	points: Point[];
	closed: boolean;
}

/** The subpaths of a path of absolute `M`, `L` and `Z` commands with integer coordinates; undefined for any other path. */
function subpathsOf(d: string): Subpath[] | undefined {
	const subpaths: Subpath[] = [];
	const command = /([MLZ])([^MLZ]*)/gy;
	let match: RegExpExecArray | null;
	let consumed = 0;
	while ((match = command.exec(d)) !== null) {
		consumed = command.lastIndex;
		const [, letter, args = ''] = match;
		if (letter === 'Z') {
			const last = subpaths.at(-1);
			if (!last || args.trim() !== '') return undefined;
			last.closed = true;
			continue;
		}
		const pair = /^\s*(-?\d+)\s*,\s*(-?\d+)\s*$/.exec(args);
		if (!pair) return undefined;
		const point: Point = [Number(pair[1]), Number(pair[2])];
		if (letter === 'M') subpaths.push({ points: [point], closed: false });
		else {
			const last = subpaths.at(-1);
			if (!last) return undefined;
			last.points.push(point);
		}
	}
	return consumed === d.length ? subpaths : undefined;
}

/** `points` without a point equal to the one before, or on the straight segment between its neighbours. */
function essentialPoints(points: readonly Point[]): Point[] {
	const kept: Point[] = [];
	for (const point of points) {
		const last = kept.at(-1);
		if (last && last[0] === point[0] && last[1] === point[1]) continue;
		const beforeLast = kept.at(-2);
		if (last && beforeLast) {
			const [ax, ay] = [last[0] - beforeLast[0], last[1] - beforeLast[1]];
			const [bx, by] = [point[0] - last[0], point[1] - last[1]];
			// The last point kept lies on the way from the one before it to this one: drop it.
			if (ax * by - ay * bx === 0 && ax * bx + ay * by > 0) kept.pop();
		}
		kept.push(point);
	}
	return kept;
}

/** Numbers in SVG path syntax, separated only where the next does not begin with its sign. */
function numbers(values: readonly number[]): string {
	return values.map((value, index) => (index === 0 || value < 0 ? String(value) : `${index % 2 === 1 ? ',' : ' '}${value}`)).join('');
}

/**
 * The same path, shorter: see above. A path that is not made of absolute `M`, `L` and
 * `Z` commands with whole-number coordinates (d3-geo's, rounded with `digits(0)`) is
 * returned as it is.
 */
export function compactPath(d: string): string {
	const subpaths = subpathsOf(d);
	if (!subpaths) return d;
	return subpaths
		.map(({ points, closed }) => {
			const [start, ...rest] = essentialPoints(points);
			if (!start) return '';
			const steps: number[] = [];
			let previous = start;
			for (const point of rest) {
				steps.push(point[0] - previous[0], point[1] - previous[1]);
				previous = point;
			}
			return `M${start[0]},${start[1]}${steps.length > 0 ? `l${numbers(steps)}` : ''}${closed ? 'z' : ''}`;
		})
		.join('');
}
