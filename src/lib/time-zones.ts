/**
 * IANA time zones, checked against the runtime's own zone database.
 */

/** True when `Intl` knows the zone: `isTimeZone('Asia/Seoul') === true`, `isTimeZone('KST') === false`. */
export function isTimeZone(value: string): boolean {
	if (!value.includes('/')) return false;
	try {
		new Intl.DateTimeFormat('en', { timeZone: value });
		return true;
	} catch {
		return false;
	}
}

/**
 * The zone's short name on a given local day, for readers: `Asia/Tokyo` → `JST`,
 * `Asia/Kolkata` → `IST`. Falls back to the `GMT+9` form where the runtime has no
 * abbreviation for the zone.
 */
export function zoneAbbreviation(timeZone: string, date: string): string {
	const known = ZONE_ABBREVIATIONS[timeZone];
	if (known) return known;
	const noon = new Date(`${date}T12:00:00Z`);
	const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' })
		.formatToParts(noon)
		.find((each) => each.type === 'timeZoneName');
	return part?.value ?? timeZone;
}

/**
 * Abbreviations `Intl` does not give in English (it prints `GMT+9` for Tokyo).
 * These zones keep one offset all year, so the name does not depend on the date.
 */
const ZONE_ABBREVIATIONS: Record<string, string> = {
	'Asia/Tokyo': 'JST',
	'Asia/Seoul': 'KST',
	'Asia/Kolkata': 'IST',
	'Asia/Shanghai': 'CST',
};
