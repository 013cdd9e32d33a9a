import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryAdapter } from '@hansei/adapters/memory';
import type { Incident } from '@hansei/core';
import { createStatusPage, type RenderedPage } from './index.js';

const NOW = Date.parse('2026-11-25T10:00:00.000Z');
const ORIGIN = 'https://status.example.com';
const HOSTILE = `<script>alert(1)</script>"><img src=x onerror=alert(2)>`;
const SECRET = 'SECRET-internal-only';

/** Every `<script` and `<img` the page itself may carry: its one module script, nothing else. */
function injected(html: string): string[] {
  return [...html.matchAll(/<(script|img|iframe)\b[^>]*>/gi)].map((m) => m[0]).filter((tag) => !/^<script type="module" src="\/assets\/status-[\w-]+\.js">$/.test(tag));
}

function attribute(html: string, pattern: RegExp): string | undefined {
  return pattern.exec(html)?.[1];
}

describe('the status page, rendered on the server', () => {
  const page = createStatusPage({ clientDir: null });
  const admin = new MemoryAdapter({ now: () => NOW, role: 'admin' });
  const visitor = admin.as(null);
  let hostile: Incident;
  let internal: Incident;
  let publicIncident: Incident;
  const render = (path: string): Promise<RenderedPage> => page.render({ url: `${ORIGIN}${path}`, adapter: visitor, now: NOW });

  before(async () => {
    const component = await admin.createComponent({ name: `Checkout ${HOSTILE}`, description: `Pays ${HOSTILE}`, status: 'partial_outage' });
    await admin.replacePage({ name: `Kinetic ${HOSTILE}`, url: ORIGIN, timeZone: 'Asia/Tokyo' });
    hostile = await admin.declareIncident({
      title: `Checkout failing ${HOSTILE}`,
      severity: 'SEV2',
      impact: 'major',
      visibility: 'public',
      labels: [`label-${SECRET}`],
      summary: `summary ${SECRET}`,
      components: [{ componentId: component.id, status: 'partial_outage' }],
      startedAt: new Date(NOW - 3_600_000).toISOString(),
      detectedAt: new Date(NOW - 3_000_000).toISOString(),
      updateBody: `We are looking into it. [click](javascript:alert(3)) ${HOSTILE}`,
    });
    await admin.postIncidentUpdate(hostile.id, { status: 'identified', body: `Internal note ${SECRET}`, visibility: 'internal' });
    await admin.addTimelineEvent(hostile.id, { body: `timeline ${SECRET}` });
    internal = await admin.declareIncident({
      title: `Internal ${SECRET}`,
      severity: 'SEV4',
      visibility: 'internal',
      startedAt: new Date(NOW - 7_200_000).toISOString(),
      detectedAt: new Date(NOW - 7_200_000).toISOString(),
      updateBody: SECRET,
    });
    for (const incident of (await visitor.listIncidents({ status: ['resolved'], limit: 200 })).data) {
      if (incident.postmortemId && (await visitor.getPostmortemSummary(incident.id).catch(() => null))) {
        publicIncident = incident;
        break;
      }
    }
    assert.ok(publicIncident, 'the demo has a published postmortem');
  });

  it('renders every kind of page in both languages, and 404 for what does not exist', async () => {
    const maintenance = (await visitor.listMaintenances({ limit: 1 })).data[0]!;
    const found = [
      '/',
      '/ja/',
      '/history/',
      '/ja/history/2026-10/',
      `/incidents/${hostile.id}/`,
      `/ja/incidents/${publicIncident.id}/`,
      `/maintenances/${maintenance.id}/`,
      `/ja/maintenances/${maintenance.id}`,
    ];
    for (const path of found) {
      const result = await render(path);
      assert.equal(result.status, 200, path);
      assert.match(result.html, /^<!doctype html>\n<html lang="(en|ja)">/, path);
      assert.match(result.html, /<hansei-status-summary id="status-summary"><template shadowrootmode="open"><style>/, path);
      assert.match(result.html, /<main id="content" class="wrap" data-view="\w+" data-generated-at="2026-11-25T10:00:00.000Z">/, path);
    }
    for (const path of ['/nope', '/incidents/inc_nope/', `/incidents/${internal.id}/`, '/maintenances/mnt_nope/', '/history/2026-12/', '/ja/history/2099-01/']) {
      const result = await render(path);
      assert.equal(result.status, 404, path);
      assert.match(result.html, /<meta name="robots" content="noindex">/, path);
      assert.doesNotMatch(result.html, /rel="canonical"/, path);
      assert.match(result.html, path.startsWith('/ja/') ? /ページが見つかりません/ : /Page not found/, path);
    }
  });

  it('escapes every user string: page name, components, incident titles and updates', async () => {
    for (const path of ['/', `/incidents/${hostile.id}/`, '/history/', '/ja/']) {
      const { html } = await render(path);
      assert.deepEqual(injected(html), [], `${path} carries markup from user text`);
      assert.doesNotMatch(html, /javascript:/, `${path} links to javascript:`);
      assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/, `${path} shows the text, escaped`);
    }
    const { html } = await render('/');
    assert.match(html, /<title>[^<]*Kinetic &lt;script&gt;/);
    assert.match(html, /<meta property="og:site_name" content="Kinetic &lt;script&gt;alert\(1\)&lt;\/script&gt;&quot;&gt;&lt;img/);
  });

  it('shows nothing internal: internal incidents, internal updates, timeline, severity, labels, summary', async () => {
    const pages = ['/', '/ja/', '/history/', `/incidents/${hostile.id}/`, `/ja/incidents/${hostile.id}/`];
    for (const path of pages) {
      const { html } = await render(path);
      assert.ok(!html.includes(SECRET), `${path} shows internal data`);
      assert.ok(!html.includes(internal.id), `${path} names the internal incident`);
      assert.doesNotMatch(html, /SEV[1-4]/, `${path} shows a severity`);
    }
    const exported = await page.exportPages({ url: ORIGIN, adapter: visitor, now: NOW });
    for (const { path, html } of exported) assert.ok(!html.includes(SECRET) && !path.includes(internal.id), path);
  });

  it('says the state in the title and the favicon, and changes them with it', async () => {
    const before = await render('/');
    const troubled = await visitor.status();
    assert.notEqual(troubled.status.indicator, 'none');
    assert.ok(before.html.includes(`<title>${troubled.status.description} · Kinetic`), 'the title says the state');
    const components = await admin.listComponents();
    for (const c of components) await admin.updateComponent(c.id, { status: 'major_outage' }, c.version);
    const worse = await visitor.status();
    assert.notEqual(worse.status.indicator, troubled.status.indicator);
    const after = await render('/');
    assert.ok(after.html.includes(`<title>${worse.status.description} · Kinetic`), 'the title follows the state');
    const icon = (html: string) => attribute(html, /<link rel="icon" href="(data:image\/svg\+xml,[^"]+)">/);
    assert.ok(icon(before.html) && icon(after.html) && icon(before.html) !== icon(after.html), 'the favicon follows the state');
  });

  it('has the meta for sharing and search: description, Open Graph, canonical, hreflang alternates, the Atom feed', async () => {
    const { html } = await render(`/incidents/${hostile.id}/`);
    const url = `${ORIGIN}/incidents/${hostile.id}/`;
    assert.match(html, /<meta name="description" content="[^"]+">/);
    assert.match(html, new RegExp(`<link rel="canonical" href="${url}">`));
    assert.match(html, new RegExp(`<link rel="alternate" hreflang="en" href="${url}">`));
    assert.match(html, new RegExp(`<link rel="alternate" hreflang="ja" href="${ORIGIN}/ja/incidents/${hostile.id}/">`));
    assert.match(html, new RegExp(`<link rel="alternate" hreflang="x-default" href="${url}">`));
    assert.match(html, /<link rel="alternate" type="application\/atom\+xml" title="[^"]+" href="\/feed\.atom">/);
    assert.match(html, /<meta property="og:title" content="Checkout failing &lt;script&gt;/);
    assert.match(html, new RegExp(`<meta property="og:url" content="${url}">`));
    assert.match(html, /<meta property="og:locale" content="en_US">\n<meta property="og:locale:alternate" content="ja_JP">/);
    assert.match(html, /<meta name="twitter:card" content="summary">/);
  });

  it('has a visible language switch to the same page in the other language', async () => {
    const en = await render('/history/2026-10/');
    assert.match(en.html, /<nav aria-label="Language"><a href="\/ja\/history\/2026-10\/" hreflang="ja" lang="ja">日本語<\/a><\/nav>/);
    const ja = await render('/ja/history/2026-10/');
    assert.match(ja.html, /<html lang="ja">/);
    assert.match(ja.html, /<nav aria-label="言語"><a href="\/history\/2026-10\/" hreflang="en" lang="en">English<\/a><\/nav>/);
    assert.match(ja.html, /インシデント履歴/);
    const home = await render('/ja/');
    for (const words of ['コンポーネント', '過去 90 日間の稼働率', '本文へ移動', '時刻は']) assert.ok(home.html.includes(words), words);
    assert.match(home.html, /href="\/ja\/history\/"/, 'links stay in Japanese');
  });

  it('renders times in UTC, each marked for the script to reword in the visitor zone', async () => {
    const { html } = await render(`/incidents/${hostile.id}/`);
    const times = [...html.matchAll(/<time datetime="([^"]+)" data-format="(moment|datetime|window)"(?: data-until="([^"]+)")?>([^<]+)<\/time>/g)];
    assert.ok(times.length >= 3, 'times are marked');
    for (const [, at, , until] of times) {
      assert.ok(!Number.isNaN(Date.parse(at!)) && at!.endsWith('Z'), at);
      if (until) assert.ok(until.endsWith('Z'));
    }
    assert.equal([...html.matchAll(/<time\b/g)].length, times.length, 'every <time> is marked');
    assert.match(html, /Times are shown in <span id="time-zone">Coordinated Universal Time<\/span>\./);
  });

  it('pages history by month with links, and links incidents and maintenances to their pages', async () => {
    const { html } = await render('/history/2026-10/');
    assert.match(html, /<a class="page older" part="pager-link" href="\/history\/2026-09\/">/);
    assert.match(html, /<a class="page newer" part="pager-link" href="\/history\/2026-11\/">/);
    assert.match(html, /href="\/incidents\/inc_[\w]+\/"/);
    const latest = await render('/history/');
    assert.doesNotMatch(latest.html, /class="page newer"/, 'nothing newer than this month');
    const limited = await page.render({ url: `${ORIGIN}/history/2026-10/`, adapter: visitor, now: NOW, earliestMonth: '2026-10' });
    assert.doesNotMatch(limited.html, /class="page older"/, 'nothing older than the earliest month');
    const home = await render('/');
    assert.match(home.html, /<a part="maintenance-link" href="\/maintenances\/[\w]+\/">/);
    assert.match(home.html, new RegExp(`<a part="incident-link" href="/incidents/${hostile.id}/">`));
  });

  it('shows an incident with every public update and its postmortem summary, open', async () => {
    const incident = await visitor.getIncident(publicIncident.id);
    const { html } = await render(`/incidents/${incident.id}/`);
    assert.equal([...html.matchAll(/<li class="update" part="update">/g)].length, incident.updates.length);
    assert.match(html, /<details class="postmortem" part="postmortem" open>/);
  });

  it('leaves no hydration markers or template indentation, and stays within its size', async () => {
    const { html } = await render('/');
    assert.ok(!html.includes('<!--'), 'no comments');
    assert.doesNotMatch(html, /<[a-z][^>]*\s{2,}[^>]*>/, 'no runs of whitespace inside tags');
    assert.doesNotMatch(html, />\n[ \t]+</, 'no indentation between tags');
  });

  it('lists every page of a static export, public ones only', async () => {
    const exported = await page.exportPages({ url: ORIGIN, adapter: visitor, now: NOW });
    const paths = exported.map((p) => p.path);
    for (const path of ['index.html', 'ja/index.html', 'history/index.html', 'history/2026-11/index.html', 'ja/history/index.html', `incidents/${hostile.id}/index.html`, `ja/incidents/${publicIncident.id}/index.html`, '404.html']) {
      assert.ok(paths.includes(path), path);
    }
    assert.ok(!paths.some((p) => p.includes(internal.id)));
    assert.equal(new Set(paths).size, paths.length, 'each once');
    const oldest = paths.filter((p) => /^history\/\d{4}-\d{2}\//.test(p)).sort()[0]!;
    const html = exported.find((p) => p.path === oldest)!.html;
    assert.doesNotMatch(html, /class="page older"/, 'the oldest exported month links to no older one');
  });
});
