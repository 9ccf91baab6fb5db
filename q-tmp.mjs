import { chromium } from '@playwright/test';
import http from 'node:http'; import fs from 'node:fs'; import path from 'node:path';
const root = process.argv[2];
const types = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.json': 'application/json', '.wasm': 'application/wasm' };
const server = http.createServer((q, r) => { let p = decodeURIComponent(new URL(q.url, 'http://x').pathname); let f = path.join(root, p); if (fs.existsSync(f) && fs.statSync(f).isDirectory()) f = path.join(f, 'index.html'); if (!fs.existsSync(f)) { r.writeHead(404); r.end(); return; } r.writeHead(200, { 'content-type': types[path.extname(f)] ?? 'application/octet-stream' }); fs.createReadStream(f).pipe(r); });
await new Promise(r => server.listen(0, '127.0.0.1', r));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const page = await browser.newPage();
for (const q of process.argv.slice(3)) {
  await page.goto(`http://127.0.0.1:${server.address().port}/search/?q=${encodeURIComponent(q)}`);
  await page.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 8000 }).catch(() => {});
  await page.waitForTimeout(300);
  const rs = await page.locator('.pagefind-ui__result').evaluateAll((ls) => ls.slice(0, 4).map((l) => l.querySelector('a').getAttribute('href') + ' [' + [...l.querySelectorAll('.pagefind-ui__result-tag')].map(t => t.textContent).join('; ') + ']'));
  const n = await page.locator('.pagefind-ui__message').textContent().catch(() => '');
  console.log(q.padEnd(16), '|', n, '|', rs.join(' , '));
}
await browser.close(); server.close();
