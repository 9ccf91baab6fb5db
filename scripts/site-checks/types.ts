/** What every site check receives, and what it returns. */
import type { ModelInput } from '../../src/model/types.ts';

export interface BuiltSite {
	/** The build folder. */
	dir: string;
	/** The origin it was built for: `http://127.0.0.1:41234`. */
	origin: string;
	/** The base path it was built for: `/` or `/tour/`. */
	base: string;
	/** The port reserved for serving it. */
	port: number;
	/** For a warm build: how many pages it reused from the build before it. */
	reused?: number;
}

/**
 * The builds `check:site` can make, each from scratch with caches of its own:
 * - `root`: at the root;
 * - `rootAgain`: at the root again, from the same commit, under another time zone and locale;
 * - `tour`: under /tour/;
 * - `rootWarm`: at the root, with the cache and the output folder of a build of the
 *   content with one article's summary edited, as an editor rebuilds after an edit: the
 *   pages the edit did not touch are reused from that build.
 */
export const BUILD_NAMES = ['root', 'rootAgain', 'tour', 'rootWarm'] as const;
export type BuildName = (typeof BUILD_NAMES)[number];

/** What a check that needs the builds `Needs` receives: those builds, and no other. */
export type SiteCheckContext<Needs extends BuildName> = Record<Needs, BuiltSite> & {
	/** The content the builds were made from. */
	content: ModelInput;
	/** The project folder. */
	projectRoot: string;
	/** What the command line asked for. */
	options: SiteCheckOptions;
	/** Prints a line of information under the check's result: not a failure. */
	note: (line: string) => void;
};

/** The options of `npm run check:site` that change what a check does. */
export interface SiteCheckOptions {
	/** Request the links that leave the site too (`--outside-links`); by default they are only listed. */
	outsideLinks: boolean;
}

export interface SiteCheck<Needs extends BuildName = BuildName> {
	/** What the check proves, for the report: "HTML validity (W3C Nu checker)". */
	name: string;
	/** The builds it runs on; `check:site` makes only the builds its selected checks need. */
	needs: readonly Needs[];
	/** Runs the check; returns one line per failure, each naming the page and the rule. Empty when it passes. */
	run(context: SiteCheckContext<Needs>): Promise<string[]>;
}

/**
 * Declares a check. The builds its `run` may read are inferred from `needs`, so a check
 * that reads a build it did not declare does not compile.
 */
export function defineSiteCheck<const Needs extends BuildName>(check: SiteCheck<Needs>): SiteCheck<Needs> {
	return check;
}

/**
 * The context of one check: the builds it declared, picked from those that were made.
 * Throws, naming the check and the build, if one of them was not made.
 */
export function contextFor<Needs extends BuildName>(
	check: SiteCheck<Needs>,
	builds: Partial<Record<BuildName, BuiltSite>>,
	shared: { content: ModelInput; projectRoot: string; options: SiteCheckOptions; note: (line: string) => void },
): SiteCheckContext<Needs> {
	const picked = check.needs.map((name) => {
		const build = builds[name];
		if (!build) throw new Error(`"${check.name}" needs the ${name} build, which was not made`);
		return [name, build] as const;
	});
	// Every build in `needs` is in `picked`: the record has exactly the keys Needs.
	return { ...(Object.fromEntries(picked) as Record<Needs, BuiltSite>), ...shared };
}
