/**
 * Bytes to text, as a browser decodes them (src/ingest/read/decode.ts): in the WHATWG
 * order, strictly, with valid UTF-8 kept as UTF-8.
 */
import { describe, expect, test } from 'vitest';
import { decodeBytes } from '../../src/ingest/read/decode.ts';
import { encode } from '../support/encodings.ts';

const korean = '저커버그, 승지원서 이재용 회장과 회동';
const japanese = 'ザッカーバーグ氏、岸田首相と会談';
const page = (charset: string, text: string) => `<!doctype html><html><head><meta charset="${charset}"><title>${text}</title></head><body><p>${text}</p></body></html>`;
const httpEquiv = (charset: string, text: string) => `<html><head><meta http-equiv="Content-Type" content="text/html; charset=${charset}"></head><body><p>${text}</p></body></html>`;
const feed = (encoding: string, text: string) => `<?xml version="1.0" encoding="${encoding}"?><rss version="2.0"><channel><title>${text}</title></channel></rss>`;

describe('decoding', () => {
	test.each([
		['EUC-KR, by its <meta charset>', encode(page('euc-kr', korean), 'euc_kr'), undefined, 'html', 'EUC-KR', 'meta charset', korean],
		['EUC-KR, by a <meta http-equiv> alone', encode(httpEquiv('euc-kr', korean), 'euc_kr'), undefined, 'html', 'EUC-KR', 'meta charset', korean],
		['CP949 (EUC-KR’s superset), with a syllable EUC-KR lacks', encode(page('euc-kr', '똠방각하'), 'cp949'), undefined, 'html', 'EUC-KR', 'meta charset', '똠방각하'],
		['Shift_JIS, by the HTTP charset', encode(`<p>${japanese}</p>`, 'shift_jis'), 'text/html; charset=Shift_JIS', 'html', 'Shift_JIS', 'HTTP charset', japanese],
		['Shift_JIS, by the XML prolog', encode(feed('Shift_JIS', japanese), 'shift_jis'), 'application/rss+xml', 'xml', 'Shift_JIS', 'XML declaration', japanese],
		['ISO-2022-JP, by the HTTP charset', encode(`<p>${japanese}</p>`, 'iso2022_jp'), 'text/html; charset=ISO-2022-JP', 'html', 'ISO-2022-JP', 'HTTP charset', japanese],
		['windows-1252, by the XML prolog', encode(feed('windows-1252', 'Société Générale’s café'), 'cp1252'), undefined, 'xml', 'windows-1252', 'XML declaration', 'Société Générale’s café'],
		['ISO-8859-1, read as windows-1252 as browsers read it', encode('<p>café</p>', 'latin_1'), 'text/html; charset=ISO-8859-1', 'html', 'windows-1252', 'HTTP charset', 'café'],
	] as const)('reads %s', (_, bytes, contentType, kind, encoding, from, text) => {
		const decoded = decodeBytes(bytes, contentType, kind);
		expect(decoded).toMatchObject({ ok: true, encoding, from });
		expect(decoded.ok && decoded.text).toContain(text);
	});

	test('puts a byte-order mark before every declaration', () => {
		const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(page('euc-kr', korean))]);
		expect(decodeBytes(bytes, 'text/html; charset=EUC-KR', 'html')).toMatchObject({ ok: true, encoding: 'UTF-8', from: 'byte-order mark' });
	});

	test('keeps valid UTF-8 as UTF-8, though the page still declares its old encoding', () => {
		const decoded = decodeBytes(Buffer.from(page('euc-kr', korean)), 'text/html; charset=EUC-KR', 'html');
		expect(decoded).toMatchObject({ ok: true, encoding: 'UTF-8', from: 'UTF-8 (valid as such, though it declares another encoding)' });
		expect(decoded.ok && decoded.text).toContain(korean);
	});

	test('refuses, in one line, bytes that are not valid in the encoding named for them: never mojibake', () => {
		expect(decodeBytes(encode(`<p>${korean}</p>`, 'euc_kr'), 'text/html; charset=Shift_JIS', 'html')).toEqual({
			ok: false,
			reason: 'its bytes are not valid Shift_JIS, the encoding its HTTP charset names; nothing is decoded into mojibake',
		});
	});

	test('refuses a text that is not UTF-8 and declares nothing: its encoding cannot be told', () => {
		expect(decodeBytes(encode(korean, 'euc_kr'), undefined, 'text')).toMatchObject({ ok: false, reason: expect.stringMatching(/its encoding cannot be told$/) });
	});

	test.each([
		['a page', `<html><head><title>${japanese}</title></head><body><p>${japanese}</p></body></html>`, undefined, 'html', 'ISO-2022-JP escape sequences'],
		['a feed', feed('', japanese).replace(' encoding=""', ''), undefined, 'xml', 'ISO-2022-JP escape sequences'],
		['a plain text', `${japanese}\n`, undefined, 'text', 'ISO-2022-JP escape sequences'],
		['a page its host calls UTF-8', `<p>${japanese}</p>`, 'text/html; charset=utf-8', 'html', 'ISO-2022-JP escape sequences, though its HTTP charset names "utf-8"'],
	] as const)('reads ISO-2022-JP that declares it nowhere by its escape sequences: %s', (_, text, contentType, kind, from) => {
		const decoded = decodeBytes(encode(text, 'iso2022_jp'), contentType, kind);
		expect(decoded).toMatchObject({ ok: true, encoding: 'ISO-2022-JP', from });
		expect(decoded.ok && decoded.text).toContain(japanese);
		expect(decoded.ok && decoded.text).not.toContain('\u001b');
	});

	test('refuses, in one line, a decoded text that still holds a control character other than a tab or a line break', () => {
		expect(decodeBytes(Buffer.from(`${korean}\u0007\n`), undefined, 'text')).toEqual({
			ok: false,
			reason: 'decoded as UTF-8, its text still holds a control character (U+0007), which no text in that encoding has; nothing is decoded into mojibake',
		});
		expect(decodeBytes(Buffer.from('<p>Seoul \u001b[1mtoday\u001b[0m</p>'), 'text/html; charset=windows-1252', 'html')).toEqual({
			ok: false,
			reason: 'decoded as windows-1252 (HTTP charset), its text still holds a control character (U+001B), which no text in that encoding has; nothing is decoded into mojibake',
		});
		expect(decodeBytes(Buffer.from(`${korean}\t,\r\n`), undefined, 'text')).toMatchObject({ ok: true, text: `${korean}\t,\r\n` });
	});

	test('refuses an encoding no browser knows, naming it', () => {
		expect(decodeBytes(encode('<p>é</p>', 'latin_1'), 'text/html; charset=x-klingon', 'html')).toEqual({ ok: false, reason: 'the HTTP charset names an encoding no browser knows, "x-klingon"' });
	});
});
