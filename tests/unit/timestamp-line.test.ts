import { describe, expect, test } from 'vitest';
import { isLabelledTimestampLine, isTimestampLine } from '../../src/lib/timestamp-line.ts';

describe('a timestamp line', () => {
	test.each([
		'Published Feb. 28, 2024 10:41 p.m. Updated Feb. 29, 2024 8:12 a.m.',
		'Updated: 29 Feb 2024, 08:12 IST',
		'Posted on February 28, 2024 at 10:41 pm',
		'Last updated 2024-02-29T08:12:00+09:00',
		'First published on Wed 28 Feb 2024 22.41 GMT',
		'Published: February 28, 2024 | Updated: February 29, 2024',
		'Published 2024.02.28 22:41 · Updated 2024.02.29 08:12',
		'Updated 3 hours ago',
		'Feb 28, 2024',
		'Wednesday, February 28, 2024 10:41 PM KST',
		'28/02/2024 22:41',
		'Published On: Mar 01, 2024 09:30 AM IST',
		'입력 2024.02.28 22:41 수정 2024.02.29 08:12',
		'기사입력 2024-02-28 22:41',
		'公開日時 2024年2月28日(水) 22時41分',
		'更新: 2024/02/29 08:12',
	])('is "%s"', (line) => {
		expect(isTimestampLine(line)).toBe(true);
	});

	test.each([
		'Zuckerberg was updated on the plans on Feb. 28.',
		'Meta CEO Mark Zuckerberg met President Yoon Suk Yeol on Feb. 29, 2024.',
		'Published by Seoul Courier',
		'Updated rules take effect on March 1, 2024, the ministry said.',
		'The meeting was posted on 28 Feb 2024 to the office website with a photo.',
		'2024',
		'',
	])('is not "%s"', (line) => {
		expect(isTimestampLine(line)).toBe(false);
	});
});

describe('a labelled timestamp line', () => {
	test('says what it is, where a bare date does not', () => {
		expect(isLabelledTimestampLine('Published Feb. 28, 2024 10:41 p.m. Updated Feb. 29, 2024 8:12 a.m.')).toBe(true);
		expect(isLabelledTimestampLine('Updated: 29 Feb 2024, 08:12 IST')).toBe(true);
		expect(isLabelledTimestampLine('March 1, 2024')).toBe(false);
		expect(isLabelledTimestampLine('Wed 28 Feb 2024 22.41 GMT')).toBe(false);
	});
});
