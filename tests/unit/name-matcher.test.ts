import { expect, test } from 'vitest';
import { createNameMatcher, type NameTarget } from '../../src/lib/name-matcher.ts';

const names = new Map<string, NameTarget>([
	['Samsung', { kind: 'company', id: 'samsung-electronics' }],
	['Samsung Electronics Co.', { kind: 'company', id: 'samsung-electronics' }],
	['Jay Y. Lee', { kind: 'person', id: 'lee-jae-yong' }],
	['Lee Jae-yong', { kind: 'person', id: 'lee-jae-yong' }],
	['LG', { kind: 'company', id: 'lg-electronics' }],
	['Meta', { kind: 'company', id: 'meta' }],
]);
const matcher = createNameMatcher(names);

test('prefers the longest name where names overlap', () => {
	const found = matcher.find('Samsung Electronics Co. Chairman Jay Y. Lee said');
	expect(found.map((match) => match.name)).toEqual(['Samsung Electronics Co.', 'Jay Y. Lee']);
});

test('resolves both spellings of one person to the same id', () => {
	const ids = matcher.find('Jay Y. Lee, also written Lee Jae-yong').map((match) => match.target.id);
	expect(ids).toEqual(['lee-jae-yong', 'lee-jae-yong']);
});

test('matches whole words only, possessives included', () => {
	expect(matcher.find('Metaverse, LGBT and Samsungs are not names').map((m) => m.name)).toEqual([]);
	expect(matcher.find("Meta's and LG’s plans").map((m) => m.name)).toEqual(['Meta', 'LG']);
});

test('reports where each match starts and ends', () => {
	expect(matcher.find('Ask LG.')).toEqual([{ name: 'LG', start: 4, end: 6, target: { kind: 'company', id: 'lg-electronics' } }]);
});
