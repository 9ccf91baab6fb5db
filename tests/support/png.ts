/**
 * Reading a PNG without an image library: its header (the signature, then the IHDR
 * chunk, which the format requires first, with the width and height as big-endian
 * 32-bit integers), and its pixels, for the 8-bit RGBA that resvg writes (zlib from
 * Node, then each row unfiltered), to compare two images pixel by pixel.
 */
import { inflateSync } from 'node:zlib';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The width and height a PNG's IHDR chunk gives; throws when the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
	if (bytes.length < 24 || SIGNATURE.some((byte, index) => bytes[index] !== byte)) {
		throw new Error('not a PNG: the file does not start with the PNG signature');
	}
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const chunkType = String.fromCharCode(...bytes.subarray(12, 16));
	if (view.getUint32(8) !== 13 || chunkType !== 'IHDR') {
		throw new Error(`not a PNG: the first chunk is "${chunkType}", not a 13-byte IHDR`);
	}
	return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** A PNG's pixels, four bytes (red, green, blue, alpha) each, row after row. */
export interface Pixels {
	width: number;
	height: number;
	rgba: Uint8Array;
}

/** The Paeth predictor of the PNG specification (filter type 4). */
function paeth(left: number, up: number, upLeft: number): number {
	const estimate = left + up - upLeft;
	const [toLeft, toUp, toUpLeft] = [Math.abs(estimate - left), Math.abs(estimate - up), Math.abs(estimate - upLeft)];
	return toLeft <= toUp && toLeft <= toUpLeft ? left : toUp <= toUpLeft ? up : upLeft;
}

/**
 * The pixels of a PNG of 8-bit RGBA or RGB, not interlaced (what resvg writes): its IDAT
 * chunks inflated, each row unfiltered. Throws on any other kind.
 */
export function decodePng(bytes: Uint8Array): Pixels {
	const { width, height } = pngSize(bytes);
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const [depth, colour, , , interlace] = bytes.subarray(24, 29);
	if (depth !== 8 || (colour !== 6 && colour !== 2) || interlace !== 0) throw new Error(`decodePng reads 8-bit RGB(A) PNGs, not interlaced; found depth ${depth}, colour type ${colour}, interlace ${interlace}`);
	const channels = colour === 6 ? 4 : 3;
	const data: Uint8Array[] = [];
	for (let at = 8; at < bytes.length; ) {
		const length = view.getUint32(at);
		const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
		if (type === 'IDAT') data.push(bytes.subarray(at + 8, at + 8 + length));
		at += 12 + length;
	}
	const raw = inflateSync(Buffer.concat(data));
	const stride = width * channels;
	const rows = new Uint8Array(height * stride);
	for (let y = 0; y < height; y++) {
		const filter = raw[y * (stride + 1)];
		const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
		for (let x = 0; x < stride; x++) {
			const left = x >= channels ? (rows[y * stride + x - channels] ?? 0) : 0;
			const up = y > 0 ? (rows[(y - 1) * stride + x] ?? 0) : 0;
			const upLeft = y > 0 && x >= channels ? (rows[(y - 1) * stride + x - channels] ?? 0) : 0;
			const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter ?? 0] ?? 0;
			rows[y * stride + x] = ((line[x] ?? 0) + predictor) & 0xff;
		}
	}
	if (channels === 4) return { width, height, rgba: rows };
	const rgba = new Uint8Array(width * height * 4);
	for (let pixel = 0; pixel < width * height; pixel++) {
		rgba.set(rows.subarray(pixel * 3, pixel * 3 + 3), pixel * 4);
		rgba[pixel * 4 + 3] = 255;
	}
	return { width, height, rgba };
}

/** The smallest box that holds every pixel where two images of one size differ, or undefined where none does. */
export function differingBox(a: Pixels, b: Pixels): { left: number; top: number; right: number; bottom: number } | undefined {
	if (a.width !== b.width || a.height !== b.height) throw new Error(`differingBox: ${a.width}×${a.height} and ${b.width}×${b.height} are not one size`);
	let box: { left: number; top: number; right: number; bottom: number } | undefined;
	for (let y = 0; y < a.height; y++) {
		for (let x = 0; x < a.width; x++) {
			const at = (y * a.width + x) * 4;
			if (a.rgba[at] === b.rgba[at] && a.rgba[at + 1] === b.rgba[at + 1] && a.rgba[at + 2] === b.rgba[at + 2] && a.rgba[at + 3] === b.rgba[at + 3]) continue;
			box = box
				? { left: Math.min(box.left, x), top: Math.min(box.top, y), right: Math.max(box.right, x), bottom: Math.max(box.bottom, y) }
				: { left: x, top: y, right: x, bottom: y };
		}
	}
	return box;
}

/** How many pixels inside a box are darker than `threshold` (0–255, by their mean channel): the ink drawn there. */
export function inkIn(image: Pixels, box: { left: number; top: number; right: number; bottom: number }, threshold = 160): number {
	let ink = 0;
	for (let y = box.top; y <= box.bottom; y++) {
		for (let x = box.left; x <= box.right; x++) {
			const at = (y * image.width + x) * 4;
			if (((image.rgba[at] ?? 0) + (image.rgba[at + 1] ?? 0) + (image.rgba[at + 2] ?? 0)) / 3 < threshold) ink++;
		}
	}
	return ink;
}
