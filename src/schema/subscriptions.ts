/**
 * `content/subscriptions.yaml`: the feeds the story follows, which `npm run update`
 * polls; and `content/subscriptions.state.json`, what it knows of each feed between runs.
 */
import { z } from 'zod';
import { text, webUrl } from './primitives.ts';

/** One feed the story follows. */
export const subscriptionSchema = z.strictObject({
	/** The feed's address: an absolute http(s) URL of an RSS, Atom or JSON feed. Required. A permanent move (301, 308) rewrites it. */
	url: webUrl,
	/** What to call it in reports, where its own title will not do. */
	name: text.optional(),
});

/** The whole file: a list of subscriptions (empty is fine). */
export const subscriptionsSchema = z.array(subscriptionSchema);

export type Subscription = z.output<typeof subscriptionSchema>;

/** What `npm run update` keeps of one feed, by its URL. */
export const feedStateSchema = z.strictObject({
	/** The feed's last `ETag`, sent back as `If-None-Match`. */
	etag: z.string().optional(),
	/** The feed's last `Last-Modified`, sent back as `If-Modified-Since`. */
	lastModified: z.string().optional(),
	/** The least time between two polls, in minutes: the feed's `<ttl>` or `Cache-Control: max-age`, never under 15. */
	intervalMinutes: z.number().int().min(15),
	/** Not before this time (ISO 8601, UTC): the interval after the last poll that changed this state, or a `Retry-After`. A poll that learns nothing (a 304) leaves it, so that it changes no file. */
	nextPoll: z.string(),
	/** Set where the host said when to come back (429, 503 with `Retry-After`): not before then, even with `--force`. */
	retryAfter: z.string().optional(),
	/** Failures in a row; a success clears it. */
	failures: z.number().int().min(0),
	/** Why the feed is no longer polled (a 410, or too many failures in a row), until the editor resumes it. */
	paused: z.string().optional(),
	/** What the last poll that changed this state found: "changed: 3 new, 12 already in the story, 5 skipped", "not modified", "503, retry after …". */
	lastStatus: z.string(),
});

export const stateSchema = z.strictObject({
	/** Each feed's state, by its URL. */
	feeds: z.record(z.string(), feedStateSchema),
});

export type FeedState = z.output<typeof feedStateSchema>;
export type SubscriptionsState = z.output<typeof stateSchema>;
