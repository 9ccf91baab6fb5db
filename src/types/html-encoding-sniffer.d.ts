/** The types of html-encoding-sniffer, which ships none: the HTML standard's encoding prescan. */
declare module 'html-encoding-sniffer' {
	interface SniffOptions {
		/** Bypass the HTML prescan and look for a BOM only. */
		xml?: boolean;
		/** The charset of the transport layer (the HTTP header), which wins over all but a BOM. */
		transportLayerEncodingLabel?: string;
		/** What a document that declares nothing is read as. */
		defaultEncoding?: string;
	}
	/** The WHATWG name of the encoding of `bytes`. */
	export default function sniffHtmlEncoding(bytes: Uint8Array, options?: SniffOptions): string;
}
