/**
 * Reading a PNG's header without an image library: the signature, then the IHDR chunk,
 * which the format requires first, with the width and height as big-endian 32-bit
 * integers.
 */

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
