import { describe, expect, test } from 'vitest';
import { boilerplateReason } from '../../src/ingest/read/boilerplate.ts';

describe("an outlet's boilerplate", () => {
	test.each([
		['(This story has not been edited by Bharat Business Daily staff and is auto-generated from a syndicated feed.)', 'syndication note'],
		['(Except for the headline, this story has not been edited by NDTV staff and is published from a syndicated feed.)', 'syndication note'],
		['(Only the headline and picture of this report may have been reworked by the Business Standard staff; the rest of the content is auto-generated from a syndicated feed.)', 'syndication note'],
		['This article was auto-published from an agency feed without modifications to the text.', 'syndication note'],
		['Track Latest News Live on NDTV.com and get news updates from India and around the world.', 'promotion of the outlet'],
		['Catch all the Business News, Market News and Latest News Updates on Live Mint. Download The Mint News App to get Daily Market Updates.', 'promotion of the outlet'],
		['Follow Asia Tech Desk on X and LinkedIn for more news from the region.', 'promotion of the outlet'],
		['Get the latest news on our WhatsApp channel.', 'promotion of the outlet'],
		['Subscribe to our newsletter for the day’s top stories.', 'promotion of the outlet'],
		['Get the day’s best tech stories in your inbox: sign up for The Circuit Daily.', 'promotion of the outlet'],
		['Our Standards: The Thomson Reuters Trust Principles.', 'standards note'],
		['Read our editorial guidelines and corrections policy.', 'standards note'],
		['The post Zuckerberg tells Tokyo developers that Quest and Llama come first appeared first on Asia Tech Desk.', 'feed footer'],
		['==Kyodo', 'agency sign-off'],
		['==Nippon Wire', 'agency sign-off'],
		['(Reporting by Joyce Lee; Editing by Jamie Freed)', 'agency sign-off'],
		['With inputs from PTI', 'agency sign-off'],
		['ⓒ The Korea Ledger. All rights reserved.', 'copyright notice'],
		['Copyright © Seoul Daily Ledger. Unauthorized reproduction and redistribution prohibited.', 'copyright notice'],
		['This content was produced by our partners and distributed by an automated wire service.', 'syndication note'],
		['This article is generated from an agency copy and has not been edited by our staff.', 'syndication note'],
		['Want more tech news? Add us as a preferred source on Google.', 'promotion of the outlet'],
		['Don’t miss out: get our free Asia Tech Briefing newsletter every Friday.', 'promotion of the outlet'],
		['Like what you read? Our weekly newsletter brings you more.', 'promotion of the outlet'],
		['Turn on notifications to get breaking news first.', 'promotion of the outlet'],
		['Find us on Telegram for the day’s top stories.', 'promotion of the outlet'],
		['jhpark@hangang.example', 'byline'],
		['Park Ji-hoon jhpark@hangang.example', 'byline'],
		['By Jane Doe (jane.doe@circuit.example)', 'byline'],
		['Write to Jane Doe at jane.doe@circuit.example', 'byline'],
		['Reporter: Kim Min-ji (mjkim@seoulwire.example)', 'byline'],
		['Written by Priya Nair, priya.nair@gateway.example', 'byline'],
		['This article was updated at 7:55 a.m. ET with comments from the presidential office.', 'update note'],
		['This story has been corrected to show that the meeting was on Thursday, not Wednesday.', 'update note'],
		['Updated at 10:05 p.m. ET to add details of the dinner.', 'update note'],
		["Editor's note: This report was updated to include LG's statement.", 'update note'],
		['(Adds comment from Samsung in paragraph 5)', 'update note'],
		["(Updates with Yoon's remarks, adds background)", 'update note'],
		['Watch: Zuckerberg and Chan arrive at Jamnagar airport', 'embedded media'],
		['VIDEO | Inside the Ambani pre-wedding celebrations', 'embedded media'],
		['Photos: The guest list at Jamnagar', 'embedded media'],
		['Also watch - Meta’s Quest 3 hands-on', 'embedded media'],
	])('records "%s" as %s', (line, reason) => {
		expect(boilerplateReason(line)).toBe(reason);
	});

	test.each([
		'Meta Platforms CEO Mark Zuckerberg met Samsung Electronics Chairman Lee Jae-yong in Seoul on Wednesday.',
		'Zuckerberg will follow the meeting with talks with LG executives, the company said.',
		'Get ready for more AI chips, Zuckerberg told reporters on Thursday.',
		'The feed of news from the summit was cut off after the first hour.',
		'Samsung has not been edited out of the deal, an official said.',
		'Our standards for AI chips are higher than anyone else’s, Zuckerberg told the developers in Tokyo on Tuesday.',
		'Get used to seeing Meta’s glasses on the street, Zuckerberg told reporters in Seoul.',
		'Zuckerberg said Meta’s news feed will increasingly rely on AI to recommend posts.',
		'Meta’s news feed will increasingly rely on AI to pick what people see.',
		'The report was published by the Korea Development Institute, a state think tank, on Monday.',
		'Threads is now open to users in the US and Japan, who can follow accounts on other servers.',
		'Meta’s new app lets you subscribe to the creators you follow.',
		'Can Meta catch up? Analysts doubt it.',
		'Download the Meta AI app and try it, Zuckerberg told the developers in Tokyo.',
		'“Subscribe to our vision of open AI,” Zuckerberg said.',
		'The wire service Yonhap distributed photos of the meeting.',
		'Watch the skies over Seoul: Samsung wants its chips in every headset, Lee said.',
		'Photos of the dinner were not released. The two sides gave no details.',
		'Video calls with LG engineers will follow, the company said.',
		'The article was updated by Meta on Friday to reflect the new chip order.',
		'Updated figures from Meta show it bought 350,000 H100 chips.',
		'Reporters waited outside the LG Twin Towers for two hours.',
	])('keeps "%s", a sentence of the article', (line) => {
		expect(boilerplateReason(line)).toBeUndefined();
	});
});

describe("a digest's intro, addressed to the reader", () => {
	test.each([
		'Here are today’s top technology stories.',
		"Here's your daily briefing on Asia's tech industry.",
		'Here is this morning’s business news in brief.',
		'In today’s newsletter: Zuckerberg in Seoul, Apple’s car and Google’s Gemini.',
		'This is Tech Wrap, our daily briefing on technology and startups.',
		'Welcome to the Morning Bulletin, The Ledger’s weekday newsletter.',
	])('records "%s" as the outlet’s furniture', (line) => {
		expect(boilerplateReason(line)).toBe('digest intro');
	});

	test.each([
		'Here are the key takeaways from Zuckerberg’s meetings in Seoul.',
		'Here is what Zuckerberg told developers in Tokyo on Tuesday.',
		'This is the first visit by Zuckerberg to South Korea since 2014.',
		'This is the daily reality of a memory chipmaker in an AI boom.',
		'In today’s meeting, Yoon asked Meta to invest in Korean AI start-ups.',
		'In this issue, Samsung and LG take different views on XR.',
		'Here are today’s top stories, Zuckerberg told the developers, "and you are in all of them."',
	])('keeps "%s", a sentence of the article', (line) => {
		expect(boilerplateReason(line)).toBeUndefined();
	});
});

describe("a Korean or Japanese outlet's boilerplate", () => {
	test.each([
		['Copyright ⓒ 동방일보. 무단전재 및 재배포 금지', 'copyright notice'],
		['<저작권자(c) 연합뉴스, 무단 전재-재배포, AI 학습 및 활용 금지>', 'copyright notice'],
		['掲載の記事・写真の無断転載を禁じます。', 'copyright notice'],
		['[앵커]', 'broadcast cue'],
		['[리포트]', 'broadcast cue'],
		['HBS 뉴스 박서연입니다.', 'broadcast sign-off'],
		['박서연 기자가 보도합니다.', 'broadcast sign-off'],
		['촬영기자:오태근/영상편집:서경아', 'production credits'],
		['（共同）', 'agency sign-off'],
		['이서연 기자 산업부에서 전자·IT 분야를 취재합니다. 기자 구독', 'promotion of the outlet'],
		['박서연 기자 (sypark@hbs.example)', 'byline'],
		['입력 2024.02.29 (19:32) 수정 2024.02.29 (19:58) 박서연 기자 (sypark@hbs.example)', 'date line and byline'],
		['박지훈 기자 jhpark@hangang.example', 'byline'],
	])('records "%s" as %s', (line, reason) => {
		expect(boilerplateReason(line)).toBe(reason);
	});

	test.each([
		'저커버그 CEO는 이날 저녁 이재용 삼성전자 회장과 회동했다.',
		'윤석열 대통령은 메타와 한국 기업 간 협력이 확대되기를 기대한다고 말했다.',
		'岸田首相は生成AIの国際ルール作りへの協力を求めた。',
		'(서울=연합뉴스) 홍길동 기자 = 저커버그가 방한했다.',
	])('keeps "%s", a sentence of the article', (line) => {
		expect(boilerplateReason(line)).toBeUndefined();
	});
});
