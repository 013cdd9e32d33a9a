import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromStatuspageSummary } from '@hansei/core';
import { databasesUnderTest } from '../testing/postgres.js';
import { TEST_NOW, startTestApi, type TestApi } from '../testing/harness.js';
import { SECRET, iso, seedPage, setPage } from '../testing/public.js';
import { fakeStatusPage } from '../testing/status-page.js';
import { exportSnapshot } from './export.js';
import { STATUSPAGE_DOCUMENTS } from './statuspage.js';

const DOCUMENT_FILES = STATUSPAGE_DOCUMENTS.map((d) => d.path.slice(1));

for (const { name, open } of databasesUnderTest()) {
  describe(`exportSnapshot (${name})`, () => {
    let api: TestApi;
    let work: string;
    let site: string;
    before(async () => {
      api = await startTestApi(open, { public: { rateLimit: false } });
      await seedPage(api);
      work = await mkdtemp(join(tmpdir(), 'hansei-export-'));
      site = join(work, 'status-page');
      await mkdir(join(site, 'assets'), { recursive: true });
      await mkdir(join(site, '.vite'), { recursive: true });
      await writeFile(join(site, 'robots.txt'), 'User-agent: *\n');
      await writeFile(join(site, 'assets', 'app.js'), 'console.log(1)');
      await writeFile(join(site, '.vite', 'manifest.json'), '{}');
    });
    after(async () => {
      await api?.close();
      if (work) await rm(work, { recursive: true, force: true });
    });

    it('writes every public document at paths mirroring its URL, and every page of the status page with its files', async () => {
      const dir = join(work, 'out');
      const { files } = await exportSnapshot(api.services, dir, { statusPage: fakeStatusPage(site), url: 'https://status.example.com/', api: 'https://api.example.com' });
      assert.deepEqual(
        files,
        [...DOCUMENT_FILES, '404.html', '_headers', 'assets/app.js', 'feed.atom', 'history.atom', 'index.html', 'ja/index.html', 'robots.txt', 'v1/badge.svg', 'v1/feed.atom', 'v1/status.json'].sort(),
        'pages, the files of the build but its manifest, the documents',
      );
      const listed = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
      assert.equal(listed.length, files.length, 'no temporary files left');
      const summary = JSON.parse(await readFile(join(dir, 'api/v2/summary.json'), 'utf8'));
      assert.equal(summary.page.url, 'https://status.example.com');
      assert.equal(fromStatuspageSummary(summary).components.length, 2);
      const snapshot = JSON.parse(await readFile(join(dir, 'v1/status.json'), 'utf8'));
      assert.equal(snapshot.page.url, 'https://status.example.com');
      assert.deepEqual(snapshot.status, summary.status, 'the same status as the v2 documents');
      assert.equal(snapshot.components.length, 2);
      assert.equal(snapshot.generatedAt, iso(TEST_NOW));
      for (const file of files) assert.ok(!(await readFile(join(dir, file), 'utf8')).includes(SECRET), `${file} leaks internal data`);
      assert.match(await readFile(join(dir, 'feed.atom'), 'utf8'), /<link rel="self" type="application\/atom\+xml" href="https:\/\/status\.example\.com\/feed\.atom"\/>/);
      assert.match(await readFile(join(dir, '_headers'), 'utf8'), /Access-Control-Allow-Origin: \*/);
      // The pages were rendered through the API's own routes (the page's name comes from /v1/status.json).
      const home = await readFile(join(dir, 'index.html'), 'utf8');
      assert.match(home, /<p>[^<]+ \/<\/p>/);
      assert.match(home, /<meta name="hansei-api" content="https:\/\/api\.example\.com">/);
      assert.match(await readFile(join(dir, 'ja/index.html'), 'utf8'), /<p>[^<]+ \/ja\/<\/p>/);
      assert.match(await readFile(join(dir, '404.html'), 'utf8'), /\/nope/);
      assert.match(await readFile(join(dir, '_headers'), 'utf8'), /\/assets\/\*\n {2}Cache-Control: public, max-age=31536000, immutable/);
    });

    it('writes what the server serves', async () => {
      await setPage(api.db, { id: 'acme', name: 'Acme', url: 'https://status.acme.test', timeZone: 'UTC', updatedAt: iso(TEST_NOW) });
      api.surface?.source.cache.invalidate();
      const dir = join(work, 'same');
      const { files } = await exportSnapshot(api.services, dir);
      assert.ok(!files.includes('index.html'));
      for (const file of [...DOCUMENT_FILES, 'v1/badge.svg', 'v1/status.json']) {
        const served = await api.request('GET', `/${file}`);
        assert.equal(await readFile(join(dir, file), 'utf8'), served.text, file);
      }
    });

    it('keeps a _headers file the status page brings, and refuses a missing status page', async () => {
      await writeFile(join(site, '_headers'), '/*\n  X-Frame-Options: DENY\n');
      const dir = join(work, 'own-headers');
      await exportSnapshot(api.services, dir, { statusPage: fakeStatusPage(site) });
      assert.equal(await readFile(join(dir, '_headers'), 'utf8'), '/*\n  X-Frame-Options: DENY\n');
      await assert.rejects(exportSnapshot(api.services, join(work, 'never'), { statusPage: null }), /no built status page/);
    });
  });
}
