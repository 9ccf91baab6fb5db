/**
 * The subscriptions file, `content/subscriptions.yaml`: read and checked like every
 * content file (one `file: field: expected …, found …` line per problem), and edited
 * where a feed has moved for good, through the `yaml` Document API, so that the
 * file's comments and layout stay as the editor wrote them.
 */
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Problem } from '../lib/problems.ts';
import { describeFound } from '../lib/problems.ts';
import { feedStateSchema, stateSchema, subscriptionSchema, type Subscription, type SubscriptionsState } from '../schema/subscriptions.ts';
import { validateFrontmatter } from '../content-files/schema-problems.ts';

/** The file of the feeds the story follows, in the content folder. */
export const SUBSCRIPTIONS_FILE = 'subscriptions.yaml';
/** The file of what `npm run update` knows of each feed, beside it. */
export const STATE_FILE = 'subscriptions.state.json';

/** The subscriptions of the file, or the problems that stop them being read. */
export function readSubscriptions(file: string, text: string): { subscriptions: Subscription[]; problems: Problem[] } {
	const document = parseDocument(text);
	if (document.errors.length > 0) {
		const error = document.errors[0];
		return { subscriptions: [], problems: [{ file, field: 'file', expected: 'expected YAML: a list of feeds', found: `a YAML error: ${error?.message.split('\n')[0] ?? ''}` }] };
	}
	const data: unknown = document.toJS() ?? [];
	if (!Array.isArray(data)) {
		return { subscriptions: [], problems: [{ file, field: 'file', expected: 'expected a list of feeds ("- url: https://…")', found: describeFound(data) }] };
	}
	const subscriptions: Subscription[] = [];
	const problems: Problem[] = [];
	const seen = new Map<string, number>();
	data.forEach((entry, index) => {
		const result = validateFrontmatter(subscriptionSchema, entry, file);
		if (!result.ok) {
			problems.push(...result.problems.map((problem) => ({ ...problem, field: `[${index}]${problem.field === 'frontmatter' ? '' : `.${problem.field}`}` })));
			return;
		}
		const subscription = result.data as Subscription;
		const key = sameFeedKey(subscription.url);
		const first = seen.get(key);
		if (first !== undefined) {
			problems.push({ file, field: `[${index}].url`, expected: `expected a feed not already followed (it is [${first}])`, found: JSON.stringify(subscription.url) });
			return;
		}
		seen.set(key, index);
		subscriptions.push(subscription);
	});
	return { subscriptions, problems };
}

/** Two addresses of one feed compare equal: the host's case, a default port and a trailing slash do not count. */
export function sameFeedKey(url: string): string {
	const parsed = new URL(url);
	return `${parsed.protocol}//${parsed.host.toLowerCase()}${parsed.pathname.replace(/\/$/, '')}${parsed.search}`;
}

/**
 * The file with the feed at `from` moved to `to`: only the scalar of its `url` changes,
 * every other byte (comments, quoting, the other entries) is kept.
 */
export function moveSubscription(text: string, from: string, to: string): string {
	const document = parseDocument(text);
	if (!isSeq(document.contents)) return text;
	for (const item of document.contents.items) {
		if (!isMap(item)) continue;
		const url: unknown = item.get('url', true);
		if (!isScalar(url) || url.value !== from || !url.range) continue;
		const [start, end] = url.range;
		const quote = text[start] === '"' || text[start] === "'" ? text[start] : '';
		return `${text.slice(0, start)}${quote}${to}${quote}${text.slice(end)}`;
	}
	return text;
}

/** The state file, read and checked; an empty state where it is broken, with the problem. */
export function readState(file: string, text: string): { state: SubscriptionsState; problems: Problem[] } {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch (error) {
		return { state: { feeds: {} }, problems: [{ file, field: 'file', expected: 'expected JSON written by npm run update', found: `a JSON error: ${(error as Error).message}` }] };
	}
	const result = validateFrontmatter(stateSchema, data, file);
	return result.ok ? { state: result.data as SubscriptionsState, problems: [] } : { state: { feeds: {} }, problems: result.problems };
}

/** The state as its file holds it: feeds in the order of their URLs, two-space JSON, a final newline. */
export function stateText(state: SubscriptionsState): string {
	// Each feed's fields in the schema's order, whatever order they were set in: the same
	// state is always the same text, so an unchanged state is never written.
	const fields = Object.keys(feedStateSchema.shape);
	const feeds = Object.fromEntries(
		Object.entries(state.feeds)
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
			.map(([url, feed]) => [url, Object.fromEntries(fields.flatMap((field) => (feed[field as keyof typeof feed] === undefined ? [] : [[field, feed[field as keyof typeof feed]]])))]),
	);
	return `${JSON.stringify({ feeds }, null, '\t')}\n`;
}
