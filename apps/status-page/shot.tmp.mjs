import puppeteer from 'puppeteer-core';
const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
const page = await browser.newPage();
await page.setJavaScriptEnabled(false);
await page.goto('http://127.0.0.1:4300/', { waitUntil: 'load' });
try { console.log('eval', await page.evaluate(() => document.getElementById('status-summary').shadowRoot.textContent.trim().slice(0, 60))); } catch (e) { console.log('eval failed', e.message); }
const snap = await page.accessibility.snapshot();
console.log(JSON.stringify(snap).slice(0, 300));
const el = await page.$('pierce/[part="description"]');
console.log('pierce', el ? await el.evaluate((e) => e.textContent).catch((e) => 'x ' + e.message) : null);
await browser.close();
