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
 *
 * ISO-2022-JP is written in ASCII bytes, switching to JIS X 0208 and back with escape
 * sequences (ESC $ B, ESC $ @, ESC ( B, ESC ( J), which no other text holds: bytes that
 * are all ASCII and have them are read as ISO-2022-JP, declared or not, as the bytes of
 * valid UTF-8 are read as UTF-8. And a text that, once decoded, still holds a control
 * character (C0, other than a tab, a line feed or a carriage return) was not in the
 * encoding it was read as: it is refused, in one line, never kept as "\u001b$B%6…".
 */
import sniffHtmlEncoding from 'html-encoding-sniffer';
import iconv from 'iconv-lite';

export type Decoded =
	| {
			ok: true;
			text: string;
			/** The encoding's WHATWG name: `UTF-8`, `EUC-KR`, `Shift_JIS`, `windows-1252`. */
			encoding: string;
			/** What told it: `byte-order mark`, `HTTP charset`, `XML declaration`, `meta charset`, `ISO-2022-JP escape sequences`, or `UTF-8` (valid as such). */
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
	const decoded = decodeAsBrowsers(bytes, contentType, kind);
	if (!decoded.ok) return decoded;
	const control = CONTROL.exec(decoded.text);
	if (!control) return decoded;
	const code = `U+${(control[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
	const told = decoded.from === decoded.encoding ? '' : ` (${decoded.from})`;
	return {
		ok: false,
		reason: `decoded as ${decoded.encoding}${told}, its text still holds a control character (${code}), which no text in that encoding has; nothing is decoded into mojibake`,
	};
}

/** A C0 control character other than a tab, a line feed or a carriage return. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

/** The escape sequences of ISO-2022-JP: into JIS X 0208 (`ESC $ B`, `ESC $ @`), back to ASCII (`ESC ( B`), to JIS X 0201 Roman (`ESC ( J`) or its half-width katakana (`ESC ( I`). */
const ISO_2022_JP_ESCAPE = /\x1b(?:\$[@B]|\([BJI])/;

/** Whether bytes are all ASCII and switch into and out of JIS X 0208 as ISO-2022-JP does. */
function looksLikeIso2022Jp(bytes: Uint8Array): boolean {
	if (!bytes.includes(0x1b) || bytes.some((byte) => byte >= 0x80)) return false;
	return ISO_2022_JP_ESCAPE.test(new TextDecoder('latin1').decode(bytes));
}

/** The encoding the host or the document declares, with what declared it, as `decodeAsBrowsers` reads it. */
function declaration(bytes: Uint8Array, contentType: string | undefined, kind: 'html' | 'xml' | 'text' | 'unknown'): { label: string; from: string } | undefined {
	const http = charsetOf(contentType);
	if (http) return { label: http, from: 'HTTP charset' };
	if (kind === 'xml' || (kind === 'unknown' && looksLikeXml(bytes))) {
		const declared = xmlDeclared(bytes);
		return declared ? { label: declared, from: 'XML declaration' } : undefined;
	}
	if (kind === 'text') return undefined;
	// The prescan of the HTML standard: a <meta charset> or http-equiv in the first bytes.
	// Its default is what the page gets where it declares nothing, so two defaults that
	// agree mean the page declared it.
	const withUtf8 = sniffHtmlEncoding(bytes, { defaultEncoding: 'UTF-8' });
	const withLatin = sniffHtmlEncoding(bytes, { defaultEncoding: 'windows-1252' });
	return withUtf8 === withLatin ? { label: withUtf8, from: 'meta charset' } : undefined;
}

/** Whether a label names ISO-2022-JP (`iso-2022-jp`, `csISO2022JP`), as a browser reads it. */
function namesIso2022Jp(label: string): boolean {
	try {
		return new TextDecoder(label).encoding === 'iso-2022-jp';
	} catch {
		return false;
	}
}

/** Decodes as a browser would (see `decodeBytes`), before the check for control characters. */
function decodeAsBrowsers(bytes: Uint8Array, contentType: string | undefined, kind: 'html' | 'xml' | 'text' | 'unknown'): Decoded {
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeAs(bytes.subarray(3), 'utf-8', 'byte-order mark');
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeAs(bytes.subarray(2), 'utf-16be', 'byte-order mark');
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeAs(bytes.subarray(2), 'utf-16le', 'byte-order mark');
	// Bytes that are valid UTF-8 are kept as UTF-8, as Miniflux keeps them, whatever the
	// host or the document declares: a site converted to UTF-8 often still declares its old
	// encoding, and decoding UTF-8 as EUC-KR or windows-1252 is what makes mojibake. Bytes
	// that are all ASCII follow their declaration: ISO-2022-JP is written in them.
	const utf8 = decodeAs(bytes, 'utf-8', 'UTF-8');
	if (utf8.ok && bytes.some((byte) => byte >= 0x80)) return declaredOtherwise(bytes, contentType, kind) ? { ...utf8, from: 'UTF-8 (valid as such, though it declares another encoding)' } : utf8;
	const declared = declaration(bytes, contentType, kind);
	// ISO-2022-JP's escape sequences tell it, whatever is declared: read as anything else,
	// its kanji and kana would be escapes and ASCII letters.
	if (looksLikeIso2022Jp(bytes) && !(declared && namesIso2022Jp(declared.label))) {
		const from = declared ? `ISO-2022-JP escape sequences, though its ${declared.from} names ${JSON.stringify(declared.label)}` : 'ISO-2022-JP escape sequences';
		return decodeAs(bytes, 'iso-2022-jp', from);
	}
	if (declared) return decodeAs(bytes, declared.label, declared.from);
	if (utf8.ok) return utf8;
	return { ok: false, reason: 'it is not UTF-8 and declares no encoding (no charset in the HTTP header, the XML prolog or a <meta>), so its encoding cannot be told' };
}
