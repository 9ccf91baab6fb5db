/**
 * Who acts in a sentence: the grammatical subject of each clause, resolved to the story's
 * subject, to someone else, or to no one, with pronouns and titles read as an editor
 * reads them.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { loadContent } from '../../src/content-files/load-content.ts';
import { actorIn, clauseHolding, readActors, type ActorReading } from '../../src/ingest/judge/actors.ts';
import { indexStory, type StoryIndex } from '../../src/ingest/judge/story-index.ts';
import { projectContentDir } from '../support/content-fixtures.ts';

let story: StoryIndex;
beforeAll(async () => {
	story = indexStory((await loadContent(projectContentDir)).input);
});

/** The readings of an article's sentences, in order. */
const read = (...sentences: string[]) => readActors(sentences.map((text) => ({ text, matches: story.matcher.find(text) })), story);
/** Who acts where `words` stand in the sentence of `reading`. */
const actorAt = (reading: ActorReading | undefined, sentence: string, words: string) => {
	if (!reading) throw new Error('no reading');
	return actorIn(reading, clauseHolding(reading, sentence.indexOf(words)));
};

describe('the actor of a sentence', () => {
	test('is the story’s subject where he is the grammatical subject, whatever title comes before his name', () => {
		const [reading] = read('Meta Platforms Inc. Chief Executive Officer Mark Zuckerberg met Samsung Electronics Chairman Lee Jae-yong in Seoul.');
		expect(reading?.actor).toMatchObject({ role: 'subject', keys: ['person:mark-zuckerberg'], how: 'name' });
	});

	test('is someone else where another person is the subject, known to the story or not', () => {
		const [yoon, huang] = read('President Yoon Suk-yeol met Meta CEO Mark Zuckerberg on Thursday.', "Nvidia's Jensen Huang meets Samsung's Lee Jae-yong in Seoul");
		expect(yoon?.actor).toMatchObject({ role: 'other', keys: ['person:yoon-suk-yeol'] });
		expect(huang?.actor).toMatchObject({ role: 'other', how: 'unknown name', text: "Nvidia's Jensen Huang" });
	});

	test('reads a surname at the start of a sentence as someone else where the article writes it as a name, but not a common word', () => {
		const readings = read('OpenAI chief executive Sam Altman arrived in Seoul on Thursday.', 'Altman met President Yoon Suk Yeol.', 'Analysts said the visit mattered.');
		expect(readings[1]?.actor).toMatchObject({ role: 'other', how: 'unknown name', text: 'Altman' });
		expect(readings[2]?.actor.role).toBe('none');
	});

	test('reads a company with a leader’s title as the person who leads it: "the Meta chief", "Meta’s chief executive", in any case', () => {
		const [chief, executive] = read('the Meta chief met president yoon suk-yeol in Seoul on Thursday.', 'Meta’s chief executive flew on to India.');
		expect(chief?.actor).toMatchObject({ role: 'subject', keys: ['person:mark-zuckerberg'], how: 'reference' });
		expect(executive?.actor).toMatchObject({ role: 'subject', keys: ['person:mark-zuckerberg'], how: 'reference' });
	});

	test('reads a company’s spokesperson as the company, not its chief', () => {
		const [reading] = read('A Meta spokesperson said the trip would be brief.');
		expect(reading?.actor).toMatchObject({ role: 'subject', keys: ['company:meta'] });
	});

	test('reads a name before a common noun as no actor, but a name before an act as the actor', () => {
		const [shares, , visit] = read('Samsung Electronics shares rose 1.8 percent.', 'OpenAI’s Sam Altman is due in Seoul.', "Altman's visit comes weeks after Zuckerberg's.");
		expect(shares?.actor.role).toBe('none');
		expect(visit?.actor).toMatchObject({ role: 'other', how: 'unknown name' });
	});

	test('reads the possessor of an act as its actor, with words between them: "Zuckerberg’s Asia tour", "the Meta chief’s two-day Seoul stop"', () => {
		const [tour, stop, apps] = read("Zuckerberg's Asia tour ends in Jamnagar", "The Meta chief's two-day Seoul stop puts Samsung foundry in the spotlight", "Meta's new Quest apps arrive in Seoul");
		expect(tour?.actor).toMatchObject({ role: 'subject', keys: ['person:mark-zuckerberg'] });
		expect(stop?.actor).toMatchObject({ role: 'subject', keys: ['person:mark-zuckerberg'] });
		expect(apps?.actor.role).toBe('none');
	});

	test('reads an opening clause with a subject of its own up to its comma, however long', () => {
		const sentence = 'When Mark Zuckerberg sat down for dinner with Samsung Electronics Executive Chairman Lee Jae-yong at the company’s guesthouse in Seoul on Wednesday, smartphones were not the main course.';
		const [reading] = read(sentence);
		expect(actorAt(reading, sentence, 'sat down')).toMatchObject({ role: 'subject', keys: ['person:mark-zuckerberg'] });
	});

	test('looks past a kicker in brackets at the start of a headline', () => {
		const [analysis, lead] = read('[News Analysis] Zuckerberg meets Samsung’s Lee over AI chips', '(LEAD) President Yoon Suk Yeol meets Meta CEO Zuckerberg');
		expect(analysis?.actor).toMatchObject({ role: 'subject', keys: ['person:mark-zuckerberg'] });
		expect(lead?.actor).toMatchObject({ role: 'other', keys: ['person:yoon-suk-yeol'] });
	});

	test('looks past an opening phrase and an aside to the subject', () => {
		const [opening, aside] = read(
			'In Seoul on Wednesday, Zuckerberg spent two hours with LG Electronics CEO William Cho.',
			'Zuckerberg, who has spent the past week in Japan, is expected to arrive in Seoul on Wednesday.',
		);
		expect(opening?.actor.role).toBe('subject');
		expect(aside?.actor.role).toBe('subject');
	});
});

describe('the actor of a clause', () => {
	test('is its own subject in a clause that opens with "after": the Meta founder, not Huang, left the city', () => {
		const sentence = 'Nvidia CEO Jensen Huang met Samsung Electronics Chairman Lee Jae-yong in Seoul on Friday, a day after the Meta founder left the city.';
		const [reading] = read(sentence);
		expect(reading?.actor.role).toBe('other');
		expect(actorAt(reading, sentence, 'left the city')).toMatchObject({ role: 'subject', how: 'reference' });
		expect(actorAt(reading, sentence, 'met Samsung')).toMatchObject({ role: 'other' });
	});

	test('is the subject of the clause a "that" opens, not the speaker', () => {
		const sentence = 'Meta Platforms Inc. said on Wednesday that Chief Executive Mark Zuckerberg had no plans to meet the heads of SK Telecom Co.';
		const [reading] = read(sentence);
		expect(reading?.actor).toMatchObject({ role: 'subject', keys: ['company:meta'] });
		expect(actorAt(reading, sentence, 'meet the heads')).toMatchObject({ role: 'subject', keys: ['person:mark-zuckerberg'] });
	});

	test('is the topic where no one acts in it: a meeting being arranged, in an article about him', () => {
		const sentence = 'A meeting with President Yoon Suk Yeol is being arranged for Thursday.';
		const [, reading] = read('Zuckerberg to visit Seoul this week', sentence);
		expect(reading?.actor.role).toBe('none');
		expect(actorAt(reading, sentence, 'meeting')).toMatchObject({ role: 'subject', how: 'pronoun' });
	});
});

describe('a pronoun', () => {
	test('stands for the person who acted last: "he" after Zuckerberg, "he" after Huang', () => {
		const [, his, , huang] = read('Zuckerberg arrived in Seoul.', 'He met Lee Jae-yong on Wednesday.', 'Jensen Huang arrived in Seoul.', 'He met Lee Jae-yong on Friday.');
		expect(his?.actor).toMatchObject({ role: 'subject', how: 'pronoun' });
		expect(huang?.actor).toMatchObject({ role: 'other', how: 'pronoun' });
	});

	test('stands for a person, never a company, where it is "he"', () => {
		const [, , reading] = read('Zuckerberg arrived in Seoul.', 'Samsung declined to comment.', 'He met Lee Jae-yong and toured Samsung’s plants in 2014.');
		expect(reading?.actor).toMatchObject({ role: 'subject', keys: ['person:mark-zuckerberg'] });
	});

	test('"the two" includes the subject where he took part in what came before', () => {
		const [, reading] = read('Samsung Electronics Chairman Lee Jae-yong hosted Meta CEO Mark Zuckerberg for dinner.', 'The two discussed AI chips.');
		expect(reading?.actor.role).toBe('subject');
	});
});

test('leaves a Korean or Japanese sentence unread, for its particles mark its subject', () => {
	const [reading] = read('저커버그 CEO는 이날 저녁 이재용 삼성전자 회장과 회동했다.');
	expect(reading?.unread).toBe(true);
	expect(reading?.clauses[0]?.subjectNamed).toBe(true);
});
