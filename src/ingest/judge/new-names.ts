/**
 * People the story does not know yet, named with a role at one of its companies: "Ryu
 * Young-sang, SK Telecom's chief executive", "LG Electronics CEO Cho Joo-wan" (where
 * Cho Joo-wan is not yet an alias of William Cho). The report lists them, with the role,
 * for the editor to add to content/people/ (or as an alias of someone already there).
 * They are never added silently: a name read wrong would put someone in the story who
 * is not.
 */
import type { NameMatch } from '../../lib/name-matcher.ts';
import type { EntityKey, StoryIndex } from './story-index.ts';

/** A person named with a role at a company of the story. */
export interface NewName {
	name: string;
	/** `company:sk-telecom` */
	company: EntityKey;
	/** "chief executive", "CEO", "chairman" */
	role: string;
}

const ROLE =
	"(?:(?:executive |senior |first )?vice[- ]chairman|(?:executive )?chairman|chairwoman|chair|(?:executive |senior )?vice[- ]president|president|chief (?:executive|operating|financial|technology|strategy|marketing) officer|chief executive|chief|CEO|COO|CFO|CTO|CSO|head(?: of [a-z ]{3,30})?|founder|co-founder|director|(?:managing |executive )?director|general manager|spokes(?:person|man|woman))";
/** Two to four capitalised words, hyphenated given names included: "Ryu Young-sang", "Chey Tae-won". */
const PERSON = "(\\p{Lu}[\\p{Ll}'’]+(?:-[\\p{L}][\\p{Ll}]+)?(?: \\p{Lu}[\\p{Ll}'’]+(?:-[\\p{L}][\\p{Ll}]+)?){1,3})";

/** Finds the new names of a text: each once, with its company and role. */
export function findNewNames(text: string, story: StoryIndex): NewName[] {
	const found = new Map<string, NewName>();
	const matches = story.matcher.find(text);
	const known = (name: string) => matches.some((match) => match.target.kind === 'person' && text.slice(match.start, match.end) === name) || story.matcher.find(name).some((match) => match.target.kind === 'person');
	for (const company of matches.filter((match) => match.target.kind === 'company')) {
		const key = `company:${company.target.id}` as EntityKey;
		for (const { name, role } of [...after(text, company), ...before(text, company)]) {
			if (known(name) || story.matcher.find(name).length > 0 || found.has(name)) continue;
			found.set(name, { name, company: key, role });
		}
	}
	return [...found.values()];
}

/** "SK Telecom CEO Ryu Young-sang", "SK Telecom's chief executive, Ryu Young-sang": the name after the company and role. */
function after(text: string, company: NameMatch): { name: string; role: string }[] {
	const rest = text.slice(company.end);
	const match = new RegExp(`^(?:['’]s?)?\\s+(?:the\\s+)?(${ROLE}),?\\s+${PERSON}`, 'u').exec(rest);
	return match ? [{ role: match[1] ?? '', name: match[2] ?? '' }] : [];
}

/** "Ryu Young-sang, SK Telecom's chief executive", "Ryu Young-sang, chief executive of SK Telecom". */
function before(text: string, company: NameMatch): { name: string; role: string }[] {
	const head = text.slice(0, company.start);
	const tail = text.slice(company.end);
	const possessive = new RegExp(`${PERSON},\\s+(?:the\\s+)?$`, 'u').exec(head);
	const role = new RegExp(`^['’]s\\s+(${ROLE})\\b`, 'u').exec(tail);
	if (possessive && role) return [{ name: possessive[1] ?? '', role: role[1] ?? '' }];
	const of = new RegExp(`${PERSON},\\s+(?:the\\s+)?(${ROLE})\\s+(?:of|at)\\s+$`, 'u').exec(head);
	return of ? [{ name: of[1] ?? '', role: of[2] ?? '' }] : [];
}

/** A new name as the report prints it: "Ryu Young-sang (SK Telecom's CEO)". */
export function newNameLine(name: NewName, story: StoryIndex): string {
	return `${name.name} (${story.nameOf(name.company)}'s ${name.role})`;
}
