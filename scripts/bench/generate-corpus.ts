/**
 * A synthetic but realistic content folder for benchmarks: N articles of 600 to 800
 * words (the average is returned), 10 countries, 200 companies, 300 people, 20 stops with events, two claims
 * per article whose passages are sentences of the articles they cite, and the one
 * overview. Deterministic: the same N gives the same corpus, byte for byte.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface CorpusSize {
	articles: number;
	countries?: number;
	companies?: number;
	people?: number;
	stops?: number;
	claimsPerArticle?: number;
}

/** mulberry32: a small seeded generator, so every run makes the same corpus. */
function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const COUNTRIES = [
	['Japan', 'Asia/Tokyo'],
	['South Korea', 'Asia/Seoul'],
	['India', 'Asia/Kolkata'],
	['United States', 'America/New_York'],
	['China', 'Asia/Shanghai'],
	['Germany', 'Europe/Berlin'],
	['France', 'Europe/Paris'],
	['Brazil', 'America/Sao_Paulo'],
	['Canada', 'America/Toronto'],
	['Australia', 'Australia/Sydney'],
] as const;
const CITIES = [
	['Tokyo', 0, 35.68, 139.69], ['Osaka', 0, 34.69, 135.5], ['Seoul', 1, 37.57, 126.98], ['Busan', 1, 35.18, 129.08],
	['Mumbai', 2, 19.08, 72.88], ['Bengaluru', 2, 12.97, 77.59], ['New York', 3, 40.71, -74.01], ['Boston', 3, 42.36, -71.06],
	['Shanghai', 4, 31.23, 121.47], ['Shenzhen', 4, 22.54, 114.06], ['Berlin', 5, 52.52, 13.4], ['Munich', 5, 48.14, 11.58],
	['Paris', 6, 48.86, 2.35], ['Lyon', 6, 45.76, 4.84], ['São Paulo', 7, -23.55, -46.63], ['Rio de Janeiro', 7, -22.91, -43.17],
	['Toronto', 8, 43.65, -79.38], ['Montreal', 8, 45.5, -73.57], ['Sydney', 9, -33.87, 151.21], ['Melbourne', 9, -37.81, 144.96],
] as const;
const COMPANY_FIRST = ['Arden', 'Borealis', 'Cobalt', 'Delphi', 'Ember', 'Fathom', 'Granite', 'Halcyon', 'Ionic', 'Juniper', 'Keystone', 'Lumen', 'Meridian', 'Nimbus', 'Orion', 'Pinnacle', 'Quasar', 'Riverstone', 'Sable', 'Tessera'];
const COMPANY_LAST = ['Systems', 'Robotics', 'Semiconductor', 'Networks', 'Labs', 'Dynamics', 'Devices', 'Analytics', 'Telecom', 'Optics'];
const FIRST_NAMES = ['Mina', 'Daniel', 'Aiko', 'Ravi', 'Sofia', 'Jonas', 'Leila', 'Marcus', 'Yuki', 'Priya', 'Lucas', 'Hana', 'Omar', 'Clara', 'Kenji', 'Ines', 'Tomas', 'Nadia', 'Felix', 'Sun-hee'];
const LAST_NAMES = ['Park', 'Okafor', 'Tanaka', 'Iyer', 'Moreau', 'Becker', 'Haddad', 'Silva', 'Nakamura', 'Kowalski', 'Lindqvist', 'Reyes', 'Chen', 'Novak', 'Dubois'];
const TOPICS = ['AI chips', 'language models', 'mixed-reality headsets', 'data centres', 'smart glasses', 'on-device AI', 'open models', 'supply chains'];
const VERBS = ['discussed', 'reviewed', 'outlined', 'debated', 'announced plans for', 'signed a memorandum on', 'presented research on', 'questioned the cost of'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const yaml = (text: string) => JSON.stringify(text);

/** Writes the corpus into `dir` (which should be empty) and returns its counts. */
export async function generateCorpus(dir: string, size: CorpusSize) {
	const next = random(0x5eed + size.articles);
	const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T;
	const pickSome = <T>(items: readonly T[], count: number) => {
		const chosen = new Set<T>();
		while (chosen.size < Math.min(count, items.length)) chosen.add(pick(items));
		return [...chosen];
	};
	const counts = {
		countries: size.countries ?? 10,
		companies: size.companies ?? 200,
		people: size.people ?? 300,
		stops: size.stops ?? 20,
		claimsPerArticle: size.claimsPerArticle ?? 2,
	};
	for (const folder of ['articles', 'stops', 'countries', 'companies', 'people', 'overview', 'facts']) {
		await mkdir(path.join(dir, folder), { recursive: true });
	}

	const countries = COUNTRIES.slice(0, counts.countries).map(([name, zone], index) => ({ id: `country-${index + 1}`, name, zone }));
	for (const country of countries) {
		await writeFile(path.join(dir, 'countries', `${country.id}.md`), `---\nname: ${yaml(country.name)}\ndescription: ${yaml(`${country.name}, a country of the benchmark story.`)}\n---\n`);
	}

	const companies = Array.from({ length: counts.companies }, (_, index) => ({
		id: `company-${index + 1}`,
		name: `${COMPANY_FIRST[index % COMPANY_FIRST.length]} ${COMPANY_LAST[Math.floor(index / COMPANY_FIRST.length) % COMPANY_LAST.length]}${index >= 200 ? ` ${Math.floor(index / 200) + 1}` : ''}`,
		country: pick(countries).id,
	}));
	for (const company of companies) {
		await writeFile(
			path.join(dir, 'companies', `${company.id}.md`),
			`---\nname: ${yaml(company.name)}\ndescription: ${yaml(`${company.name} makes things the benchmark articles talk about.`)}\ncountry: ${company.country}\n---\n`,
		);
	}

	// The one who travels: at every event, as the story's subject is (Zuckerberg, in the real one).
	const traveller = { id: 'traveller', name: 'Alex Morgan', country: (countries[0] as (typeof countries)[number]).id, companies: [(companies[0] as (typeof companies)[number]).id] };
	await writeFile(
		path.join(dir, 'people', `${traveller.id}.md`),
		`---\nname: ${yaml(traveller.name)}\ndescription: "The traveller of the benchmark story."\ncountry: ${traveller.country}\nrole: "Executive"\ncompanies: [${traveller.companies.join(', ')}]\n---\n`,
	);
	const people = Array.from({ length: counts.people }, (_, index) => ({
		id: `person-${index + 1}`,
		name: `${FIRST_NAMES[index % FIRST_NAMES.length]} ${LAST_NAMES[Math.floor(index / FIRST_NAMES.length) % LAST_NAMES.length]}${index >= 300 ? ` ${Math.floor(index / 300) + 1}` : ''}`,
		country: pick(countries).id,
		companies: [pick(companies).id],
	}));
	for (const person of people) {
		await writeFile(
			path.join(dir, 'people', `${person.id}.md`),
			`---\nname: ${yaml(person.name)}\ndescription: ${yaml(`${person.name}, who appears in the benchmark story.`)}\ncountry: ${person.country}\nrole: "Executive"\ncompanies: [${person.companies.join(', ')}]\n---\n`,
		);
	}

	// Articles first, in memory: stops and claims cite them.
	const stopCities = CITIES.slice(0, counts.stops).map(([city, country, lat, lon], index) => ({
		id: `stop-${index + 1}`,
		city,
		country: countries[country % countries.length] as (typeof countries)[number],
		lat,
		lon,
		order: index + 1,
		// Each stop spans three days, one stop after another through 2024.
		start: new Date(Date.UTC(2024, 0, 1 + index * 18)).toISOString().slice(0, 10),
		end: new Date(Date.UTC(2024, 0, 3 + index * 18)).toISOString().slice(0, 10),
	}));

	interface Article {
		id: string;
		stop: (typeof stopCities)[number];
		companies: typeof companies;
		people: typeof people;
		published: string;
		sentences: string[];
		body: string;
	}
	const articles: Article[] = [];
	for (let index = 0; index < size.articles; index++) {
		const stop = stopCities[index % stopCities.length] as (typeof stopCities)[number];
		const involved = { companies: pickSome(companies, 3), people: pickSome(people, 3) };
		const day = 1 + Math.floor(next() * 360);
		const date = new Date(Date.UTC(2024, 0, day));
		const published = date.toISOString().slice(0, 10);
		const sentences: string[] = [];
		const paragraphs: string[] = [];
		// Six paragraphs of four sentences: about 600 words.
		for (let paragraph = 0; paragraph < 6; paragraph++) {
			const lines: string[] = [];
			for (let line = 0; line < 4; line++) {
				const person = pick(involved.people);
				const company = pick(involved.companies);
				// Each sentence carries the article's number and its place, so no two are alike.
				const sentence = `In ${stop.city} on ${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}, ${person.name} of ${company.name} ${pick(VERBS)} ${pick(TOPICS)} with partners from ${stop.country.name}, according to report ${index + 1}, section ${paragraph + 1}.${line}.`;
				sentences.push(sentence);
				lines.push(sentence);
			}
			paragraphs.push(lines.join(' '));
			if (paragraph === 2) paragraphs.push(`## What ${stop.city} means for ${pick(TOPICS)}`);
		}
		articles.push({ id: `bench-article-${index + 1}`, stop, ...involved, published, sentences, body: paragraphs.join('\n\n') });
	}

	for (const article of articles) {
		await writeFile(
			path.join(dir, 'articles', `${article.id}.md`),
			[
				'---',
				`title: ${yaml(`Report ${article.id.split('-').pop()}: ${article.companies[0]?.name} in ${article.stop.city}`)}`,
				`published: "${article.published}"`,
				'outlet: Benchmark Wire',
				`stops: [${article.stop.id}]`,
				`countries: [${article.stop.country.id}]`,
				`companies: [${article.companies.map((company) => company.id).join(', ')}]`,
				`people: [${article.people.map((person) => person.id).join(', ')}]`,
				`summary: ${yaml(`A synthetic report from ${article.stop.city}.`)}`,
				'---',
				'',
				article.body,
				'',
			].join('\n'),
		);
	}

	const byStop = new Map<string, Article[]>();
	for (const article of articles) byStop.set(article.stop.id, [...(byStop.get(article.stop.id) ?? []), article]);
	for (const stop of stopCities) {
		const covering = byStop.get(stop.id) ?? [];
		const events = Array.from({ length: 5 }, (_, index) => {
			const cited = covering.length > 0 ? pickSome(covering, 3) : [];
			return cited.length === 0
				? ''
				: [
						`  - id: event-${index + 1}`,
						`    title: ${yaml(`Meeting ${index + 1} in ${stop.city}`)}`,
						`    date: "${stop.start}"`,
						`    people: [${[traveller, ...pickSome(people, 2)].map((person) => person.id).join(', ')}]`,
						`    companies: [${pickSome(companies, 2).map((company) => company.id).join(', ')}]`,
						`    articles: [${cited.map((article) => article.id).join(', ')}]`,
					].join('\n');
		}).filter(Boolean);
		await writeFile(
			path.join(dir, 'stops', `${stop.id}.md`),
			[
				'---',
				`city: ${yaml(stop.city)}`,
				`country: ${stop.country.id}`,
				`order: ${stop.order}`,
				`timeZone: ${stop.country.zone}`,
				`coordinates: { lat: ${stop.lat}, lon: ${stop.lon} }`,
				`dates: { start: "${stop.start}", end: "${stop.end}" }`,
				...(events.length > 0 ? ['events:', ...events] : []),
				'---',
				'',
				`The benchmark tour in ${stop.city}.`,
				'',
			].join('\n'),
		);
	}

	let claims = 0;
	for (const [index, article] of articles.entries()) {
		for (let claim = 0; claim < counts.claimsPerArticle; claim++) {
			const sources = [{ article, sentence: article.sentences[claim * 7] ?? article.sentences[0] ?? '', stance: 'states' }];
			// Half the claims are spoken to by an earlier article too, which hedges or differs.
			const earlier = index > 0 && next() < 0.5 ? articles[Math.floor(next() * index)] : undefined;
			if (earlier && earlier.id !== article.id) {
				sources.push({ article: earlier, sentence: earlier.sentences[3 + claim * 11] ?? earlier.sentences[0] ?? '', stance: next() < 0.7 ? 'hedges' : 'differs' });
			}
			claims += 1;
			await writeFile(
				path.join(dir, 'facts', `claim-${index + 1}-${claim + 1}.md`),
				[
					'---',
					`statement: ${yaml(`Claim ${claim + 1} of report ${index + 1}, about ${article.companies[0]?.name}.`)}`,
					`stop: ${article.stop.id}`,
					`companies: [${article.companies[0]?.id}]`,
					`people: [${article.people[0]?.id}]`,
					'sources:',
					...sources.flatMap((source) => [
						`  - article: ${source.article.id}`,
						`    passage: ${yaml(source.sentence)}`,
						`    stance: ${source.stance}`,
						// A source that differs says what it gives instead.
						...(source.stance === 'differs' ? [`    says: ${yaml('another figure')}`] : []),
					]),
					'---',
					'',
				].join('\n'),
			);
		}
	}

	await writeFile(
		path.join(dir, 'overview', 'tour.md'),
		`---\ntitle: The benchmark tour\nsentences:\n  - text: A synthetic tour for benchmarks.\n    articles: [${articles[0]?.id ?? 'bench-article-1'}]\n---\n`,
	);
	const words = articles.reduce((sum, article) => sum + article.body.split(/\s+/).length, 0);
	return {
		traveller: traveller.name,
		stopDetails: stopCities.map((stop) => ({ city: stop.city, country: stop.country.name, start: stop.start })),
		peopleNames: people.map((person) => ({ name: person.name, company: companies.find((company) => company.id === person.companies[0])?.name ?? '' })),
		articles: articles.length,
		wordsPerArticle: Math.round(words / Math.max(1, articles.length)),
		countries: countries.length,
		companies: companies.length,
		people: people.length,
		stops: stopCities.length,
		claims,
	};
}

/**
 * Adds one article to a corpus, as the next news would arrive: the newest of all, at the
 * first stop, written like the first article but with words of its own. Returns its id.
 */
export async function addNewArticle(dir: string, corpus: { articles: number }): Promise<string> {
	const number = corpus.articles + 1;
	const id = `bench-article-${number}`;
	const first = await readFile(path.join(dir, 'articles', 'bench-article-1.md'), 'utf8');
	const text = first
		.replace(/^title: .*$/m, `title: ${yaml(`Report ${number}: the latest news from the tour`)}`)
		.replace(/^published: .*$/m, 'published: "2024-12-31"')
		.replaceAll('according to report 1, section', `according to report ${number}, section`);
	await writeFile(path.join(dir, 'articles', `${id}.md`), text);
	return id;
}
