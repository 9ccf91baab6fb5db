import { beforeAll, describe, expect, test } from 'vitest';
import { loadContent } from '../../src/content-files/load-content.ts';
import { findNewNames } from '../../src/ingest/judge/new-names.ts';
import { indexStory, type StoryIndex } from '../../src/ingest/judge/story-index.ts';
import { projectContentDir } from '../support/content-fixtures.ts';

let story: StoryIndex;
beforeAll(async () => {
	story = indexStory((await loadContent(projectContentDir)).input);
});

describe('people the story does not know', () => {
	test.each([
		['The model will be released this year, SK Telecom CEO Ryu Young-sang said.', 'Ryu Young-sang', 'CEO'],
		["Ryu Young-sang, SK Telecom's chief executive, said the model would be released this year.", 'Ryu Young-sang', 'chief executive'],
		['Han Jong-hee, vice chairman of Samsung Electronics, did not attend.', 'Han Jong-hee', 'vice chairman'],
		["Samsung Electronics' president, Kyung Kye-hyun, also attended.", 'Kyung Kye-hyun', 'president'],
	])('are found with their role at a company of the story: %s', (text, name, role) => {
		expect(findNewNames(text, story)).toEqual([expect.objectContaining({ name, role })]);
	});

	test('leave out the people the story knows, in any of their spellings', () => {
		expect(findNewNames('LG Electronics CEO Cho Joo-wan and Samsung Electronics Chairman Lee Jae-yong met him.', story)).toEqual([]);
	});

	test('are not read from a company named without a role, or a role at a company the story does not know', () => {
		expect(findNewNames('Samsung Electronics shares rose; Arm CEO Rene Haas said so.', story)).toEqual([]);
	});
});
