import { describe, expect, test } from 'vitest';
import { buildModel, groupByDay } from '../../src/model/index.ts';
import { ContentError } from '../../src/lib/problems.ts';
import { passageAnchor } from '../../src/lib/passage-anchor.ts';
import { article, company, person, smallStory } from '../support/entries.ts';

describe('buildModel', () => {
	test('orders articles by publication, stops by route, and links each stop to its neighbours', () => {
		const model = buildModel(smallStory());
		expect(model.articles.map((each) => each.id)).toEqual(['early', 'unrelated', 'late']);
		expect(model.stops.map((each) => [each.id, each.previous, each.next])).toEqual([
			['tokyo', undefined, 'seoul'],
			['seoul', 'tokyo', undefined],
		]);
	});

	test('puts every event and every publication on one timeline, in local time order', () => {
		const model = buildModel(smallStory());
		expect(model.timeline.map((item) => `${item.date} ${item.kind} ${item.anchor}`)).toEqual([
			'2024-02-26 event tokyo-developers',
			'2024-02-26 publication published-early',
			'2024-02-27 publication published-unrelated',
			'2024-02-28 event seoul-samsung',
			'2024-02-29 event seoul-yoon',
			'2024-02-29 publication published-late',
		]);
	});

	test("gives each timeline event its stop's time zone, and each publication its own offset", () => {
		const model = buildModel(smallStory());
		const samsung = model.timeline.find((item) => item.anchor === 'seoul-samsung');
		const late = model.timeline.find((item) => item.anchor === 'published-late');
		expect(samsung).toMatchObject({ kind: 'event', timeZone: 'Asia/Seoul', time: '15:00' });
		expect(late).toMatchObject({ kind: 'publication', date: '2024-02-29', time: '18:00', offset: '+09:00' });
	});

	test('groups the timeline by local day', () => {
		const days = groupByDay(buildModel(smallStory()).timeline);
		expect(days.map((day) => [day.date, day.items.length])).toEqual([
			['2024-02-26', 2],
			['2024-02-27', 1],
			['2024-02-28', 1],
			['2024-02-29', 2],
		]);
	});

	test('collects, for a stop, the articles that list it or report its events, and the people and companies met there', () => {
		const seoul = buildModel(smallStory()).stop('seoul');
		expect(seoul.articles).toEqual(['early', 'late']);
		expect(seoul.people).toEqual(['mark', 'jay']);
		expect(seoul.companies).toEqual(['samsung']);
		expect(seoul.events.map((event) => event.anchor)).toEqual(['seoul-samsung', 'seoul-yoon']);
	});

	test('collects, for a company, its articles, events, stops and people', () => {
		const samsung = buildModel(smallStory()).company('samsung');
		expect(samsung.backlinks.articles).toEqual(['late']);
		expect(samsung.backlinks.events).toEqual(['seoul-samsung']);
		expect(samsung.backlinks.people).toEqual(['jay']);
		expect(samsung.stops).toEqual(['seoul']);
	});

	test('collects, for a person, the stops in route order and the articles in publication order', () => {
		const mark = buildModel(smallStory()).person('mark');
		expect(mark.stops).toEqual(['tokyo', 'seoul']);
		expect(mark.backlinks.articles).toEqual(['early', 'late']);
		expect(mark.backlinks.events).toEqual(['tokyo-developers', 'seoul-samsung', 'seoul-yoon']);
	});

	test('collects, for a country, its stops, companies, people and articles', () => {
		const korea = buildModel(smallStory()).country('south-korea');
		expect(korea.backlinks).toEqual({
			articles: ['late'],
			events: [],
			stops: ['seoul'],
			companies: ['samsung'],
			people: ['mark', 'jay'],
		});
	});

	test('lists, for an article, the events that cite it', () => {
		expect(buildModel(smallStory()).article('early').events).toEqual(['tokyo-developers', 'seoul-samsung']);
	});

	test('resolves every name and alias to one entity', () => {
		const { names } = buildModel(smallStory());
		expect(names.get('Jay Y. Lee')).toEqual({ kind: 'person', id: 'jay' });
		expect(names.get('Lee Jae-yong')).toEqual({ kind: 'person', id: 'jay' });
		expect(names.get('Korea')).toEqual({ kind: 'country', id: 'south-korea' });
	});

	test('throws on an article naming an unknown stop, company or person, listing each one', () => {
		const input = smallStory();
		input.articles = [
			...input.articles,
			article('broken', { stops: ['busan'], companies: ['lg'], people: ['nobody'] }),
		];
		expect(() => buildModel(input)).toThrow(ContentError);
		expect(() => buildModel(input)).toThrow(
			[
				'The content has 3 problems across records:',
				'articles/broken: stops[0]: expected the id of a record in content/stops/, found "busan", which does not exist',
				'articles/broken: companies[0]: expected the id of a record in content/companies/, found "lg", which does not exist',
				'articles/broken: people[0]: expected the id of a record in content/people/, found "nobody", which does not exist',
			].join('\n'),
		);
	});

	test('throws on an event citing an article that does not exist', () => {
		const input = smallStory();
		const [seoul] = input.stops;
		seoul!.data.events[0]!.articles.push('ghost');
		expect(() => buildModel(input)).toThrow('stops/seoul: events[0].articles[1]: expected the id of a record in content/articles/, found "ghost", which does not exist');
	});

	test('throws on two records with the same id', () => {
		const input = smallStory();
		input.companies = [...input.companies, company('samsung', { name: 'Samsung again', country: 'south-korea' })];
		expect(() => buildModel(input)).toThrow('companies/samsung: id: expected an id used by no other record in companies, found "samsung" twice');
	});

	test('throws on a name that two entities claim', () => {
		const input = smallStory();
		input.people = [...input.people, person('other-lee', { name: 'Lee Tae-kyu', aliases: ['Jay Y. Lee'], country: 'south-korea' })];
		expect(() => buildModel(input)).toThrow('people/other-lee: aliases[0]: expected a name that no other record uses (in any case, hyphens or spacing), found "Jay Y. Lee", which already names people/jay');
	});

	test('throws on a name that two entities claim in another spelling', () => {
		const input = smallStory();
		input.people = [...input.people, person('other-lee', { name: 'Lee Tae-kyu', aliases: ['JAY Y. LEE'], country: 'south-korea' })];
		expect(() => buildModel(input)).toThrow('people/other-lee: aliases[0]: expected a name that no other record uses (in any case, hyphens or spacing), found "JAY Y. LEE", which already names people/jay as "Jay Y. Lee"');
	});

	test('throws on two stops at the same place on the route', () => {
		const input = smallStory();
		input.stops[1]!.data.order = 2;
		expect(() => buildModel(input)).toThrow('stops/tokyo: order: expected a place on the route no other stop takes, found 2, which "seoul" has too');
	});

	test('finds, for each entity, the sentences that name it, with the anchor of their paragraph', () => {
		const input = smallStory();
		input.articles = [
			article('quoted', {
				published: '2024-02-28',
			}),
		].map((entry) => ({ ...entry, body: 'Zuckerberg landed.\n\n- Samsung Electronics Co. Chairman Jay Y. Lee met him. Nothing else.\n- Lee Jae-yong smiled.' }));
		input.stops.forEach((stop) => stop.data.events.forEach((event) => (event.articles = ['quoted'])));
		const model = buildModel(input);
		expect(model.person('jay').mentions).toEqual([
			{ article: 'quoted', anchor: 'p-2', sentence: 'Samsung Electronics Co. Chairman Jay Y. Lee met him.', name: 'Jay Y. Lee' },
			{ article: 'quoted', anchor: 'p-3', sentence: 'Lee Jae-yong smiled.', name: 'Lee Jae-yong' },
		]);
		expect(model.company('samsung').mentions.map((mention) => mention.anchor)).toEqual(['p-2']);
	});

	test('refuses a quote whose words do not stand verbatim in its article, naming both', () => {
		const input = smallStory();
		input.articles = input.articles.map((entry) => (entry.id === 'late' ? { ...entry, body: 'He said: "We had a good talk."' } : entry));
		input.stops[0]!.data.quotes = [{ text: 'We had a great talk.', person: 'mark', article: 'late' }];
		expect(() => buildModel(input)).toThrow(
			'stops/seoul: quotes[0].text: expected words that stand verbatim in the article "late" (cited for a quote on the stop "seoul"), found "We had a great talk."',
		);
		input.stops[0]!.data.quotes = [{ text: 'We had a good talk.', person: 'mark', article: 'late' }];
		expect(buildModel(input).stop('seoul').quotes).toEqual([{ text: 'We had a good talk.', person: 'mark', article: 'late', anchor: passageAnchor('We had a good talk.') }]);
	});

	test('refuses an overview sentence citing an article that does not exist', () => {
		const input = smallStory();
		input.overview = [{ id: 'tour', data: { title: 'T', sentences: [{ text: 'A.', articles: ['early', 'nope'] }] } }];
		expect(() => buildModel(input)).toThrow('overview/tour: sentences[0].articles[1]: expected the id of a record in content/articles/, found "nope"');
	});
});
