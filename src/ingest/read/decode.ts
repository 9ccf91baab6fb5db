/**
 * Bytes to text, as a browser decodes them, in the WHATWG order: a byte-order mark
 * first, then the charset of the HTTP `Content-Type`, then the document's own
 * declaration (the XML prolog's `encoding`, or a `<meta charset>` in the first bytes
 * of a page, found by html-encoding-sniffer's prescan), and last UTF-8. Bytes that are
 * valid UTF-8 are kept as UTF-8 before any declaration is heeded, as Miniflux does.
 *
 * Node's `TextDecoder` (with its full ICU) reads Shift_JIS (as Windows-31J), ISO-2022-JP,
 * windows-1252 and ISO-8859-1; iconv-lite reads EUC-KR as the web writes it, CP949. Both
 * decode strictly: bytes that are not
 * valid in the encoding are refused, with one line, rather than turned into mojibake.
 * So is text in no declared encoding that is not UTF-8: the encoding cannot be told.
 */
import sniffHtmlEncoding from 'html-encoding-sniffer';
import iconv from 'iconv-lite';

export type Decoded =
	| {
			ok: true;
			text: string;
			/** The encoding's WHATWG name: `UTF-8`, `EUC-KR`, `Shift_JIS`, `windows-1252`. */
			encoding: string;
			/** What told it: `byte-order mark`, `HTTP charset`, `XML declaration`, `meta charset`, or `UTF-8` (valid as such). */
			from: string;
	  }
	| { ok: false; reason: string };

/** The charset parameter of a `Content-Type`: `text/html; charset=EUC-KR` → `EUC-KR`. */
export function charsetOf(contentType: string | undefined): string | undefined {
	return /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '')?.[1];
}

/** Decodes `bytes` strictly as `label`, or says why not. */
function decodeAs(bytes: Uint8Array, label: string, from: string): Decoded {
	let decoder: TextDecoder;
	try {
		decoder = new TextDecoder(label, { fatal: true });
	} catch {
		return { ok: false, reason: `the ${from} names an encoding no browser knows, ${JSON.stringify(label)}` };
	}
	const encoding = canonical(decoder.encoding);
	const invalid: Decoded = { ok: false, reason: `its bytes are not valid ${encoding}, the encoding its ${from} names; nothing is decoded into mojibake` };
	if (decoder.encoding === 'euc-kr') {
		// The web's EUC-KR is Windows-949 (the Unified Hangul Code, 똠 and 8,821 more
		// syllables), which ICU's EUC-KR lacks, and ICU drops the bytes it cannot read
		// without a word, even when told to fail: iconv-lite's CP949 reads them, and a
		// replacement character means bytes that are not valid.
		const text = iconv.decode(Buffer.from(bytes), 'cp949');
		return text.includes('\uFFFD') ? invalid : { ok: true, text, encoding, from };
	}
	try {
		return { ok: true, text: decoder.decode(bytes), encoding, from };
	} catch {
		return invalid;
	}
}

/** The WHATWG name of an encoding, as people write it: `euc-kr` → `EUC-KR`. */
function canonical(encoding: string): string {
	const names: Record<string, string> = { 'utf-8': 'UTF-8', 'euc-kr': 'EUC-KR', shift_jis: 'Shift_JIS', 'iso-2022-jp': 'ISO-2022-JP', 'euc-jp': 'EUC-JP' };
	return names[encoding.toLowerCase()] ?? encoding;
}

/** Whether the host or the document names an encoding other than UTF-8. */
function declaredOtherwise(bytes: Uint8Array, contentType: string | undefined, kind: 'html' | 'xml' | 'text' | 'unknown'): boolean {
	const declared = charsetOf(contentType) ?? (kind !== 'text' ? xmlDeclared(bytes) : undefined);
	return declared !== undefined && !/^utf-?8$/i.test(declared);
}

/** The encoding an XML prolog declares: `<?xml version="1.0" encoding="ISO-8859-1"?>`. */
function xmlDeclared(bytes: Uint8Array): string | undefined {
	const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
	return /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i.exec(head)?.[1];
}

/** Whether the bytes begin like XML (a prolog, a feed's root) rather than a page. */
function looksLikeXml(bytes: Uint8Array): boolean {
	const head = new TextDecoder('latin1').decode(bytes.subarray(0, 500)).trimStart();
	return head.startsWith('<?xml') || /^(?:<!--[\s\S]*?-->\s*)*<(?:rss|feed|rdf:RDF)\b/i.test(head);
}

/**
 * Decodes a page, a feed or a text as a browser would, but that bytes which are valid
 * UTF-8 stay UTF-8. `contentType` is the HTTP header
 * (or undefined for a file); `kind` says whether to look for an XML prolog or a
 * `<meta charset>`, where it is known.
 */
export function decodeBytes(bytes: Uint8Array, contentType?: string, kind: 'html' | 'xml' | 'text' | 'unknown' = 'unknown'): Decoded {
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeAs(bytes.subarray(3), 'utf-8', 'byte-order mark');
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeAs(bytes.subarray(2), 'utf-16be', 'byte-order mark');
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeAs(bytes.subarray(2), 'utf-16le', 'byte-order mark');
	// Bytes that are valid UTF-8 are kept as UTF-8, as Miniflux keeps them, whatever the
	// host or the document declares: a site converted to UTF-8 often still declares its old
	// encoding, and decoding UTF-8 as EUC-KR or windows-1252 is what makes mojibake. Bytes
	// that are all ASCII follow their declaration: ISO-2022-JP is written in them.
	const utf8 = decodeAs(bytes, 'utf-8', 'UTF-8');
	if (utf8.ok && bytes.some((byte) => byte >= 0x80)) return declaredOtherwise(bytes, contentType, kind) ? { ...utf8, from: 'UTF-8 (valid as such, though it declares another encoding)' } : utf8;
	const http = charsetOf(contentType);
	if (http) return decodeAs(bytes, http, 'HTTP charset');
	const xml = kind === 'xml' || (kind === 'unknown' && looksLikeXml(bytes));
	if (xml) {
		const declared = xmlDeclared(bytes);
		if (declared) return decodeAs(bytes, declared, 'XML declaration');
	} else if (kind !== 'text') {
		// The prescan of the HTML standard: a <meta charset> or http-equiv in the first bytes.
		// Its default is what the page gets where it declares nothing, so two defaults that
		// agree mean the page declared it.
		const withUtf8 = sniffHtmlEncoding(bytes, { defaultEncoding: 'UTF-8' });
		const withLatin = sniffHtmlEncoding(bytes, { defaultEncoding: 'windows-1252' });
		if (withUtf8 === withLatin) return decodeAs(bytes, withUtf8, 'meta charset');
	}
	if (utf8.ok) return utf8;
	return { ok: false, reason: 'it is not UTF-8 and declares no encoding (no charset in the HTTP header, the XML prolog or a <meta>), so its encoding cannot be told' };
}
