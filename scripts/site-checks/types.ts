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
}

export interface SiteCheckContext {
	/** A clean build at the root. */
	root: BuiltSite;
	/** A second clean build at the root, from the same commit, under another time zone and locale. */
	rootAgain: BuiltSite;
	/** A clean build under /tour/. */
	tour: BuiltSite;
	/** The content the builds were made from. */
	content: ModelInput;
	/** The project folder. */
	projectRoot: string;
}

export interface SiteCheck {
	/** What the check proves, for the report: "HTML validity (W3C Nu checker)". */
	name: string;
	/** Runs the check; returns one line per failure, each naming the page and the rule. Empty when it passes. */
	run(context: SiteCheckContext): Promise<string[]>;
}
