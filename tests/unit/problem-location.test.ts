import { describe, expect, test } from 'vitest';
import { fieldPathKeys, locateField } from '../../src/content-files/problem-location.ts';

const file = `---
title: A title
published: "2024-02-30"
stops: [seoul, tokyo]
sources:
  - article: one
    passage: "the words"
  - article: two
    passage: "other words"
inferred:
  stops:
    jamnagar: named India
---

The body.
`;

describe('the place of a problem in its file', () => {
	test('reads a field path as its keys', () => {
		expect(fieldPathKeys('events[2].people[0]')).toEqual(['events', 2, 'people', 0]);
		expect(fieldPathKeys('inferred.stops.jamnagar')).toEqual(['inferred', 'stops', 'jamnagar']);
	});

	test('is the line and column of a top-level field, counting the opening ---', () => {
		expect(locateField(file, 'published')).toEqual({ line: 3, column: 1 });
	});

	test('is the item of a list, and the key of a nested field', () => {
		expect(locateField(file, 'stops[1]')).toEqual({ line: 4, column: 16 });
		expect(locateField(file, 'sources[1].passage')).toEqual({ line: 9, column: 5 });
		expect(locateField(file, 'inferred.stops.jamnagar')).toEqual({ line: 12, column: 5 });
	});

	test('is the nearest field that is there, for one that is missing', () => {
		expect(locateField(file, 'sources[1].stance')).toEqual({ line: 8, column: 5 });
		expect(locateField(file, 'summary')).toEqual({ line: 2, column: 1 });
	});

	test('is the first line of the body for a problem of the body, and the first line of a file with no frontmatter', () => {
		expect(locateField(file, 'body')).toEqual({ line: 14, column: 1 });
		expect(locateField('No frontmatter at all.\n', 'title')).toEqual({ line: 1, column: 1 });
	});
});
