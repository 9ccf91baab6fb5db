/**
 * The input edge of ingest: fetching a URL and reading a file into text, each refused
 * in one line where it cannot be read as text, and telling feeds, pages and plain text
 * apart. The only module of ingest that touches the network or the disk.
 */
import { readFile } from 'node:fs/promises';
import { STATUS_CODES } from 'node:http';
import path from 'node:path';
import type { IngestRefusal } from '../types.ts';
import { decodeBytes, type Decoded } from './decode.ts';

/** An honest User-Agent: what we are and where to read about us. */
export const USER_AGENT = 'story-ingest/1.0 (static news aggregator; +README)';

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

export interface FetchOptions {
	/** Gives up after this long, the body included. 15 s unless given. */
	timeoutMs?: number;
	/** Refuses a body larger than this. 5 MB unless given. */
	maxBytes?: number;
	userAgent?: string;
}

/** What was read: the text, decoded as a browser would, and the bytes as they arrived. */
export interface ReadText {
	text: string;
	/** The bytes exactly as they arrived, which `content/sources/` keeps. */
	bytes: Uint8Array;
	/** The encoding they were decoded from (`UTF-8`, `EUC-KR`, `Shift_JIS`), and what told it. */
	encoding: string;
	encodingFrom: string;
}

export type FetchResult =
	| (ReadText & {
			ok: true;
			/** The content type the server gave, without parameters (`text/html`); empty where it gave none. */
			contentType: string;
			/** The address after redirects. */
			finalUrl: string;
	  })
	| { ok: false; refusal: IngestRefusal };

export type ReadResult = (ReadText & { ok: true }) | { ok: false; refusal: IngestRefusal };

export type InputKind = 'feed' | 'html' | 'text';

/**
 * Fetches a page or feed as text, following redirects, or refuses in one line:
 * `HTTP 404 Not Found`, `timed out after 15 s`, `larger than the 5 MB cap`,
 * `not text (content-type image/png)`.
 */
export async function fetchText(url: string, options: FetchOptions = {}): Promise<FetchResult> {
	const { timeoutMs = DEFAULT_TIMEOUT_MS, maxBytes = DEFAULT_MAX_BYTES, userAgent = USER_AGENT } = options;
	const refuse = (reason: string): FetchResult => ({ ok: false, refusal: { origin: url, reason } });
	if (!/^https?:\/\//i.test(url)) return refuse('not an http(s) address');
	const signal = AbortSignal.timeout(timeoutMs);
	try {
		const response = await fetch(url, {
			redirect: 'follow',
			signal,
			headers: {
				'user-agent': userAgent,
				accept: 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,application/json;q=0.9,text/plain;q=0.8,*/*;q=0.5',
			},
		});
		if (!response.ok) {
			await response.body?.cancel();
			return refuse(`HTTP ${response.status} ${response.statusText || STATUS_CODES[response.status] || ''}`.trim());
		}
		const header = response.headers.get('content-type') ?? '';
		const contentType = header.split(';')[0]?.trim().toLowerCase() ?? '';
		if (contentType !== '' && !isTextType(contentType)) {
			await response.body?.cancel();
			return refuse(`not text (content-type ${contentType})`);
		}
		const declared = Number(response.headers.get('content-length'));
		if (declared > maxBytes) {
			await response.body?.cancel();
			return refuse(`larger than the ${formatBytes(maxBytes)} cap`);
		}
		const bytes = await readCapped(response, maxBytes);
		if (!bytes) return refuse(`larger than the ${formatBytes(maxBytes)} cap`);
		const decoded = decodeBytes(bytes, header, kindOf(contentType));
		if (!decoded.ok) return refuse(decoded.reason);
		return { ok: true, ...read(decoded, bytes), contentType, finalUrl: response.url || url };
	} catch (error) {
		if (signal.aborted) return refuse(`timed out after ${formatDuration(timeoutMs)}`);
		const cause = error instanceof Error && error.cause instanceof Error ? error.cause : undefined;
		const code = cause && 'code' in cause ? String(cause.code) : undefined;
		return refuse(`could not fetch it (${code ?? cause?.message ?? (error instanceof Error ? error.message : String(error))})`);
	}
}

/**
 * Reads a text file, refusing in one line a file it cannot read, one that is binary, or
 * one whose encoding cannot be told: a page or feed is decoded by what it declares (a
 * byte-order mark, its XML prolog or `<meta charset>`), else as UTF-8.
 */
export async function readTextFile(filePath: string): Promise<ReadResult> {
	const refuse = (reason: string): ReadResult => ({ ok: false, refusal: { origin: filePath, reason } });
	let bytes: Uint8Array;
	try {
		bytes = await readFile(filePath);
	} catch (error) {
		const code = error instanceof Error && 'code' in error ? String(error.code) : '';
		const why: Record<string, string> = { ENOENT: 'no such file', EACCES: 'permission denied', EPERM: 'permission denied', EISDIR: 'it is a folder, not a file' };
		return refuse(`cannot read the file (${why[code] ?? (error instanceof Error ? error.message : String(error))})`);
	}
	const utf16 = (bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0xff && bytes[1] === 0xfe);
	if (!utf16 && bytes.includes(0)) return refuse('a binary file, not text (it holds NUL bytes)');
	const decoded = decodeBytes(bytes, undefined, kindOf(path.extname(filePath).toLowerCase()));
	if (!decoded.ok) return refuse(decoded.reason);
	return { ok: true, ...read(decoded, bytes) };
}

/**
 * Whether an input is a feed, a web page or plain text: by its first characters (`<rss`,
 * an Atom `<feed>`, a JSON Feed's `version`, `<!doctype html>` or `<html>`), else by its
 * content type or file extension (`text/html`, `.html`, `application/rss+xml`, `.json`).
 */
export function classifyInput(text: string, contentTypeOrExtension: string): InputKind {
	const start = text
		.replace(/^\uFEFF/, '')
		.slice(0, 4096)
		.replace(/<\?xml[\s\S]*?\?>|<!--[\s\S]*?-->/g, '')
		.trimStart();
	if (/^<rss[\s>]/i.test(start) || /^<rdf:RDF[\s>]/.test(start)) return 'feed';
	if (/^<feed[\s>]/.test(start) && /xmlns\s*=\s*["']http:\/\/www\.w3\.org\/2005\/Atom["']/.test(start)) return 'feed';
	if (start.startsWith('{') && isJsonFeed(text)) return 'feed';
	if (/^(?:<!doctype html[\s>]|<html[\s>]|<head[\s>]|<body[\s>])/i.test(start)) return 'html';

	const kind = contentTypeOrExtension.split(';')[0]?.trim().toLowerCase() ?? '';
	const extension = kind.includes('/') ? undefined : kind.replace(/^.*\./, '');
	if (extension === undefined) {
		if (/^(?:text\/html|application\/xhtml\+xml)$/.test(kind)) return 'html';
		if (/^application\/(?:rss|atom|rdf|feed)\+(?:xml|json)$|^(?:application|text)\/xml$|^application\/json$/.test(kind)) return 'feed';
		return 'text';
	}
	if (['html', 'htm', 'xhtml'].includes(extension)) return 'html';
	if (['rss', 'atom', 'xml', 'rdf', 'json'].includes(extension)) return 'feed';
	return 'text';
}

function isJsonFeed(text: string): boolean {
	try {
		const json: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
		return typeof json === 'object' && json !== null && /jsonfeed\.org/.test(String((json as Record<string, unknown>)['version']));
	} catch {
		return false;
	}
}

function isTextType(contentType: string): boolean {
	return (
		contentType.startsWith('text/') ||
		/^application\/(?:xhtml\+xml|xml|json|feed\+json|rss\+xml|atom\+xml|rdf\+xml|ld\+json)$/.test(contentType) ||
		/\+(?:xml|json)$/.test(contentType)
	);
}

/** The body, or undefined as soon as it passes `maxBytes` (the rest is not downloaded). */
export async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array | undefined> {
	if (!response.body) return new Uint8Array();
	const reader = response.body.getReader();
	const chunks: Uint8Array[] = [];
	let total = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		total += value.byteLength;
		if (total > maxBytes) {
			await reader.cancel();
			return undefined;
		}
		chunks.push(value);
	}
	const bytes = new Uint8Array(total);
	let at = 0;
	for (const chunk of chunks) {
		bytes.set(chunk, at);
		at += chunk.byteLength;
	}
	return bytes;
}

/** What the decoder should look for, by content type or extension: a `<meta charset>`, an XML prolog, or neither. */
function kindOf(contentTypeOrExtension: string): 'html' | 'xml' | 'text' | 'unknown' {
	if (/^(?:text\/html|application\/xhtml\+xml)$|^\.(?:html?|xhtml)$/.test(contentTypeOrExtension)) return 'html';
	if (/xml$|^\.(?:xml|rss|atom|rdf)$/.test(contentTypeOrExtension)) return 'xml';
	if (/^text\/plain$|^\.txt$/.test(contentTypeOrExtension)) return 'text';
	return 'unknown';
}

/** The read text of a decoding. */
function read(decoded: Extract<Decoded, { ok: true }>, bytes: Uint8Array): ReadText {
	return { text: decoded.text, bytes, encoding: decoded.encoding, encodingFrom: decoded.from };
}

/** `5 MB`, `64 KB`, `1000-byte` (as in "the 1000-byte cap"). */
export function formatBytes(bytes: number): string {
	if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MB`;
	if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KB`;
	return `${bytes}-byte`;
}

/** `15 s`, `50 ms`. */
export function formatDuration(ms: number): string {
	return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
