import { describe, expect, test } from 'vitest';
import { readDeployTarget } from '../../src/lib/deploy-target.ts';

describe('the deploy target, from SITE and BASE_PATH', () => {
	test('defaults to https://example.org at the root', () => {
		expect(readDeployTarget({})).toEqual({ site: 'https://example.org', base: '/' });
	});

	test('takes an origin and a base path, in any of their usual spellings', () => {
		expect(readDeployTarget({ SITE: 'https://news.example/', BASE_PATH: 'tour' })).toEqual({ site: 'https://news.example', base: '/tour/' });
		expect(readDeployTarget({ SITE: 'http://127.0.0.1:8080', BASE_PATH: '/a/b/' })).toEqual({ site: 'http://127.0.0.1:8080', base: '/a/b/' });
	});

	test.each([
		[{ SITE: 'example.org' }, 'SITE: expected an absolute http(s) origin such as SITE=https://example.org, found "example.org"'],
		[{ SITE: 'ftp://example.org' }, 'SITE: expected an absolute http(s) origin such as SITE=https://example.org, found "ftp://example.org"'],
		[
			{ SITE: 'https://example.org/tour/' },
			'SITE: expected an origin with no path (put the path in BASE_PATH, as in SITE=https://example.org BASE_PATH=/tour/), found "https://example.org/tour/"',
		],
		[{ BASE_PATH: '/my tour/' }, 'BASE_PATH: expected a path of plain segments such as BASE_PATH=/tour/ (or / for the root), found "/my tour/"'],
		[{ BASE_PATH: '/../etc/' }, 'BASE_PATH: expected a path of plain segments such as BASE_PATH=/tour/ (or / for the root), found "/../etc/"'],
	])('refuses %j, naming the variable and showing an example', (env, message) => {
		expect(() => readDeployTarget(env)).toThrow(message);
	});

	test('names both variables when both are wrong', () => {
		expect(() => readDeployTarget({ SITE: 'example.org', BASE_PATH: 'a b' })).toThrow(/^SITE: .*\nBASE_PATH: .*$/);
	});
});
