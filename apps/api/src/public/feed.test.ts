import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { databasesUnderTest } from '../testing/postgres.js';
import { TEST_NOW, startTestApi, type TestApi } from '../testing/harness.js';
import { HOUR, SECRET, insertIncident, iso, publishEvent, seedPage, setPage } from '../testing/public.js';
import { renderFeed } from './feed.js';
import { escapeXml } from './xml.js';

/**
 * Fails unless `xml` is well-formed: one root, balanced tags, quoted attributes, and no `<` or
 * bare `&` in text or attribute values (the XML rules a feed reader's parser enforces).
 */
function assertWellFormed(xml: string): void {
  const body = xml.replace(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n/, '');
  assert.ok(body.startsWith('<feed '), 'starts with the declaration and the root');
  const entity = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;
  const token = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/y;
  const stack: string[] = [];
  let roots = 0;
  while (token.lastIndex < body.length) {
    const at = token.lastIndex;
    const m = token.exec(body);
    assert.ok(m, `not well-formed at ${at}: ${body.slice(at, at + 60)}`);
    const [, close, name, attributes, selfClosing, text] = m;
    if (text !== undefined) {
      assert.ok(!entity.test(text), `bare & in text: ${text.slice(0, 80)}`);
      if (stack.length === 0) assert.match(text, /^\s*$/, 'text outside the root');
      continue;
    }
    assert.ok(!entity.test(attributes ?? ''), `bare & in attributes of <${name}>`);
    if (close) assert.equal(stack.pop(), name, `</${name}> closes another element`);
    else if (!selfClosing) {
      if (stack.length === 0) roots++;
      stack.push(name as string);
    } else if (stack.length === 0) roots++;
  }
  assert.deepEqual(stack, [], 'every element is closed');
  assert.equal(roots, 1, 'one root element');
}

const unescape = (text: string) =>
  text.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e] as string);

const elements = (xml: string, name: string): string[] => [...xml.matchAll(new RegExp(`<${name}[^>]*>([\\s\\S]*?)</${name}>`, 'g'))].map((m) => m[1] as string);

const NASTY = `<script>alert("x")</script> & 'quotes' \u0001 end`;

for (const { name, open } of databasesUnderTest()) {
  describe(`Atom feed (${name})`, () => {
    let api: TestApi;
    let ids: Record<string, string>;
    before(async () => {
      api = await startTestApi(open, { public: { rateLimit: false } });
      ids = await seedPage(api);
    });
    after(() => api?.close());

    it('is valid Atom with the page as author, served as application/atom+xml with an ETag', async () => {
      const res = await api.request('GET', '/v1/feed.atom');
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'application/atom+xml; charset=utf-8');
      assert.equal(res.headers.get('access-control-allow-origin'), '*');
      assertWellFormed(res.text);
      const head = res.text.slice(0, res.text.indexOf('<entry>'));
      assert.match(head, /<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom">/);
      assert.equal(elements(head, 'id')[0], api.url);
      assert.equal(elements(head, 'title')[0], 'Hansei Status - Incident History');
      assert.equal(elements(head, 'updated')[0], iso(TEST_NOW));
      assert.match(head, /<author><name>Hansei Status<\/name><\/author>/);
      assert.match(head, new RegExp(`<link rel="self" type="application/atom\\+xml" href="${api.url}/v1/feed.atom"/>`));
      assert.match(head, new RegExp(`<link rel="alternate" type="text/html" href="${api.url}"/>`));
      const etag = res.headers.get('etag') as string;
      assert.equal((await api.request('GET', '/v1/feed.atom', { headers: { 'if-none-match': etag } })).status, 304);
    });

    it('lists public incidents and maintenances with their updates, newest change first, and nothing internal', async () => {
      const { text } = await api.request('GET', '/v1/feed.atom');
      assert.ok(!text.includes(SECRET));
      assert.ok(!text.includes(ids['internal'] as string));
      const entries = elements(text, 'entry');
      const entryIds = entries.map((e) => elements(e, 'id')[0]);
      assert.deepEqual(
        entryIds,
        // Maintenances changed last, then incidents.
        ['upcoming', 'active', 'done', 'open', 'withPostmortem', 'draft'].map((key) => `${api.url}/incidents/${ids[key]}`),
      );
      const updated = entries.map((e) => elements(e, 'updated')[0] as string);
      assert.deepEqual([...updated].sort().reverse(), updated);
      for (const entry of entries) {
        for (const required of ['id', 'title', 'updated', 'published', 'content']) assert.equal(elements(entry, required).length, 1, required);
        assert.match(entry, /<link rel="alternate" type="text\/html" href="[^"]+"\/>/);
        assert.match(entry, /<author><name>Hansei Status<\/name><\/author>/);
      }
      const open = unescape(elements(entries[3] as string, 'content')[0] as string);
      assert.match(open, /<strong>Identified<\/strong> - Cause found\./);
      assert.match(open, /<strong>Investigating<\/strong> - We are looking into it\./);
      assert.ok(open.indexOf('Cause found') < open.indexOf('looking into it'), 'updates newest first');
      assert.match(open, /This incident affected: API/);
      assert.match(open, /Nov 25, 2026, 07:00 UTC/);
      const postmortem = entries[4] as string;
      assert.match(postmortem, /<category term="postmortem" label="Postmortem"\/>/);
      assert.match(unescape(elements(postmortem, 'content')[0] as string), /<strong>Postmortem<\/strong> - What happened/);
      assert.match(unescape(elements(entries[0] as string, 'content')[0] as string), /Scheduled maintenance<\/strong> from Nov 26, 2026, 09:00 UTC until Nov 26, 2026, 11:00 UTC/);
    });

    it('escapes every user string, so markup in titles and bodies stays text', async () => {
      await insertIncident(api.db, { title: NASTY, createdAt: iso(TEST_NOW + HOUR), updatedAt: iso(TEST_NOW + HOUR), updates: [{ body: `${NASTY}\nsecond line`, createdAt: iso(TEST_NOW + HOUR) }] });
      await setPage(api.db, { id: 'p', name: 'Tom & Jerry <Status>', url: 'https://status.example.com/?a=1&b=2', timeZone: 'Asia/Tokyo', updatedAt: iso(TEST_NOW) });
      await publishEvent(api.db, 'public', 'incident.created');
      const { text } = await api.request('GET', '/feed.atom');
      assertWellFormed(text);
      assert.ok(!/<script/i.test(text), 'no markup survives');
      assert.ok(!text.includes('\u0001'), 'characters XML forbids are replaced');
      const entry = elements(text, 'entry')[0] as string;
      assert.equal(unescape(elements(entry, 'title')[0] as string), NASTY.replace('\u0001', '\uFFFD'));
      const html = unescape(elements(entry, 'content')[0] as string);
      assert.ok(!html.includes('<script'), 'the HTML content escapes it once more');
      assert.match(html, /&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt; &amp; &#39;quotes&#39;/);
      assert.match(html, /<br>second line/);
      assert.match(html, /Nov 25, 2026, 19:00 GMT\+9/, 'dates in the page time zone');
      assert.match(text, /<author><name>Tom &amp; Jerry &lt;Status&gt;<\/name><\/author>/);
      assert.match(text, /<link rel="alternate" type="text\/html" href="https:\/\/status\.example\.com\/\?a=1&amp;b=2"\/>/);
      assert.match(text, new RegExp(`<link rel="self" type="application/atom\\+xml" href="${api.url}/feed.atom"/>`));
      assert.equal((await api.request('GET', '/history.atom')).status, 200);
    });

    it('holds the 50 most recently changed entries', async () => {
      for (let i = 0; i < 55; i++) {
        const at = iso(TEST_NOW + 2 * HOUR + i * 60_000);
        await insertIncident(api.db, { title: `Incident ${i}`, status: 'resolved', createdAt: at, updatedAt: at, resolvedAt: at });
      }
      await publishEvent(api.db, 'public', 'incident.created');
      const { text } = await api.request('GET', '/v1/feed.atom');
      const titles = elements(text, 'entry').map((e) => elements(e, 'title')[0]);
      assert.equal(titles.length, 50);
      assert.equal(titles[0], 'Incident 54');
      assert.equal(titles[49], 'Incident 5');
    });
  });
}

describe('escapeXml', () => {
  it('escapes markup and quotes, and replaces characters XML cannot carry', () => {
    assert.equal(escapeXml(`<a href="x">&'</a>`), '&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;');
    assert.equal(escapeXml('tab\tnew\nline\u0000\u001f\uFFFF'), 'tab\tnew\nline\uFFFD\uFFFD\uFFFD');
    assert.equal(escapeXml('lone \uD800 high, pair \uD83D\uDE00, lone \uDC00 low'), 'lone \uFFFD high, pair \uD83D\uDE00, lone \uFFFD low');
    assert.equal(escapeXml('日本語の更新'), '日本語の更新');
  });
});

describe('renderFeed', () => {
  it('falls back to UTC for a time zone Intl does not know', () => {
    const at = '2026-11-25T09:00:00.000Z';
    const xml = renderFeed(
      {
        data: {
          page: { id: 'p', name: 'P', url: 'https://p.example', timeZone: 'Nowhere/Atlantis', updatedAt: at },
          groups: [],
          components: [],
          incidents: [],
          maintenances: [{ id: 'm1', title: 'Work', summary: '', status: 'scheduled', scheduledFor: at, scheduledUntil: at, components: [], createdAt: at, updatedAt: at, updates: [] }],
        },
        postmortems: new Map(),
      },
      'https://p.example/feed.atom',
    );
    assert.match(xml, /from Nov 25, 2026, 09:00 UTC/);
  });
});
