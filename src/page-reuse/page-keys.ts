/**
 * A page's key: a digest of everything it was built from, so that an unchanged key
 * means an unchanged page. Pure functions of their arguments.
 *
 * The key covers what the route hands the page as props (`propsDigest`) and the current
 * value of each input the page read when it last rendered (`pageKey`): if none of them
 * changed, the page reads the same values in the same order, takes the same branches,
 * and comes out the same, byte for byte. The code and configuration that render it are
 * Astro's part: it reuses a page only while its module graph's digest and the site's
 * configuration are unchanged too.
 */
import { createHash } from 'node:crypto';
import type { StoryModel } from '../model/types.ts';
import { idOf, recordOrigin, RECORD_KINDS, RECORD_LISTS, type RecordKind } from './page-inputs.ts';

/** Where the inputs' current values come from. */
export interface InputSource {
	/** The model itself, unwrapped. */
	model: StoryModel;
	/** The digest of a rendered body, or undefined where the entry has none. */
	bodyDigest(collection: string, id: string): string | undefined;
	/** A value registered with `shareInput`, by its key. */
	shared(key: string): unknown;
}

/** The digest of an input that no longer exists (a record removed since). */
const MISSING = 'missing';

function digestText(text: string): string {
	return createHash('sha1').update(text).digest('base64');
}

/** JSON with maps and sets as lists of their entries, so that their contents count. */
function serialise(value: unknown): string {
	return (
		JSON.stringify(value, (_key, each: unknown) => {
			if (each instanceof Map) return { map: [...each] };
			if (each instanceof Set) return { set: [...each] };
			return each;
		}) ?? 'undefined'
	);
}

/** The current value of an input, by its key (see page-inputs.ts); `MISSING` where there is none. */
function valueOf(source: InputSource, key: string): unknown {
	const [space = '', ...rest] = key.split('/');
	const model = source.model as unknown as Record<string, unknown>;
	if (space === 'list' && (RECORD_LISTS as readonly string[]).includes(rest[0] ?? '')) {
		const kind = RECORD_KINDS[RECORD_LISTS.indexOf(rest[0] as (typeof RECORD_LISTS)[number])] as RecordKind;
		return (model[rest[0] as string] as Array<{ id?: string; anchor?: string }>).map((node) => idOf(kind, node));
	}
	if (space === 'model') return rest[0] !== undefined && rest[0] in model ? model[rest[0]] : MISSING;
	if (space === 'value') return source.shared(key) ?? MISSING;
	if (space === 'body') return source.bodyDigest(rest[0] ?? '', rest.slice(1).join('/')) ?? MISSING;
	if ((RECORD_KINDS as readonly string[]).includes(space) && rest.length >= 2) {
		const field = rest.at(-1) as string;
		const id = rest.slice(0, -1).join('/');
		try {
			const node = (model[space] as (id: string) => Record<string, unknown>)(id);
			return field in node ? node[field] : MISSING;
		} catch {
			return MISSING;
		}
	}
	return MISSING;
}

/**
 * The digest of each input, by key, from `source`: each worked out once, when a page's
 * key first needs it.
 */
export function inputDigests(source: InputSource): (key: string) => string {
	const known = new Map<string, string>();
	return (key) => {
		let digest = known.get(key);
		if (digest === undefined) {
			const value = valueOf(source, key);
			digest = value === MISSING ? MISSING : digestText(serialise(value));
			known.set(key, digest);
		}
		return digest;
	};
}

/**
 * The digest of a page's props, as its route hands them over: plain data in full, and a
 * record of the model by its origin alone (`article/<id>`), since the page records each
 * field it reads of it. Props must be plain data (no map, set or class instance but a
 * record), or they could change without their digest changing.
 */
export function propsDigest(props: unknown): string {
	const text = JSON.stringify(props ?? null, function (this: unknown, _key, each: unknown) {
		const origin = recordOrigin(each);
		if (origin) return { record: origin };
		if (each instanceof Map || each instanceof Set) throw new Error('A reusable page takes plain data as props: no Map or Set.');
		return each;
	});
	return digestText(text);
}

/**
 * A page's key: its props' digest and the current digest of every input it read when it
 * last rendered. The same inputs with the same values give the same key.
 */
export function pageKey(inputs: Iterable<string>, digestOf: (key: string) => string, props: string): string {
	const hash = createHash('sha256').update(props);
	for (const key of [...inputs].sort()) hash.update('\n').update(key).update('=').update(digestOf(key));
	return hash.digest('base64url');
}
