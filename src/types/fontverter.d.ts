/** The types of fontverter (no types of its own), which converts between font formats; tests read WOFF2 subsets as sfnt with it. */
declare module 'fontverter' {
	const fontverter: {
		/** The font in `buffer`, converted to `format`. */
		convert(buffer: Uint8Array, format: 'sfnt' | 'woff' | 'woff2' | 'truetype'): Promise<Buffer>;
	};
	export default fontverter;
}
