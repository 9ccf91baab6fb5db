/**
 * Colour contrast as WCAG 2 defines it: the relative luminance of an sRGB colour, and the
 * ratio of two, from 1 (the same) to 21 (black on white). Text needs 4.5:1 (AA), and
 * graphics a reader must see, such as a map's land against its sea, 3:1 (1.4.11).
 */

/** The red, green and blue of `#rgb` or `#rrggbb`, 0 to 255; throws on anything else. */
export function parseHexColour(colour: string): [number, number, number] {
	const hex = colour.trim().replace(/^#/, '');
	const full = /^[0-9a-f]{3}$/i.test(hex) ? [...hex].map((digit) => digit + digit).join('') : hex;
	if (!/^[0-9a-f]{6}$/i.test(full)) throw new RangeError(`"${colour}" is not a colour written as #rgb or #rrggbb`);
	return [0, 2, 4].map((at) => Number.parseInt(full.slice(at, at + 2), 16)) as [number, number, number];
}

/** The relative luminance of a colour: 0 for black, 1 for white. `relativeLuminance('#ffffff') === 1`. */
export function relativeLuminance(colour: string): number {
	const [red, green, blue] = parseHexColour(colour).map((channel) => {
		const value = channel / 255;
		return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
	}) as [number, number, number];
	return 0.2126 * red + 0.7152 * green + 0.0722 * blue;
}

/** The contrast ratio of two colours, in either order: `contrastRatio('#000', '#fff') === 21`. */
export function contrastRatio(a: string, b: string): number {
	const [lighter, darker] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
	return (lighter + 0.05) / (darker + 0.05);
}
