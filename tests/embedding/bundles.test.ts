/**
 * The single-file bundles (packages/elements/dist/bundle) and the type declarations, for every
 * element that has a define module: so a new element is covered the moment it exists.
 * - every define module has a bundle, and its tag is in custom-elements.json and in the JSX,
 *   React and Vue declarations;
 * - each bundle loads alone on an empty page, registers its tag and exports its class;
 * - bundles that carry the same element load together without error (the define guard);
 * - an adapter's HanseiError from one bundle is recognised by an element from another: the
 *   incident form shows a conflict field by field, not just a message.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import { launchChromium, watchPage } from '../support/chromium.js';
import { ROOT, startStaticServer, type StaticServer } from '../support/static-server.js';
import { build } from './setup.js';

const ELEMENTS = join(ROOT, 'packages/elements');
const BUNDLES = '/packages/elements/dist/bundle';

/** Define module name (`slo-gauge`) to the tag it registers, read from the module. */
function defineModules(): Map<string, string> {
  const dir = join(ELEMENTS, 'src/define');
  const modules = new Map<string, string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).sort()) {
    const tag = /customElements\.define\(\s*'([a-z0-9-]+)'/.exec(readFileSync(join(dir, file), 'utf8'))?.[1];
    assert.ok(tag, `src/define/${file} registers no tag`);
    modules.set(file.slice(0, -'.ts'.length), tag);
  }
  return modules;
}

const modules = defineModules();
let browser: Browser;
let site: StaticServer;

before(async () => {
  await build({ examples: false });
  site = await startStaticServer({ mounts: { '/': ROOT } });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await site?.close();
});

async function blankPage(): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage();
  const problems = watchPage(page, { ignore: [/\/favicon\.ico\b/] });
  await page.goto(`${site.url}/examples/bundles/`, { waitUntil: 'load' });
  return { page, problems };
}

describe('every element has a bundle and declarations', () => {
  it('finds the define modules', () => {
    assert.ok(modules.size >= 10, `only ${modules.size} define modules`);
  });

  it('documents every defined tag in custom-elements.json and declares it for JSX, React and Vue', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'custom-elements.json'), 'utf8')) as { modules: { declarations?: { tagName?: string }[] }[] };
    const documented = new Set(manifest.modules.flatMap((m) => (m.declarations ?? []).map((d) => d.tagName).filter(Boolean)));
    for (const [name, tag] of modules) {
      assert.ok(documented.has(tag), `${tag} (src/define/${name}.ts) is not in custom-elements.json: does its class have a @tag JSDoc?`);
      for (const file of ['jsx.d.ts', 'react.d.ts', 'vue.d.ts']) {
        assert.ok(readFileSync(join(ELEMENTS, 'types', file), 'utf8').includes(`'${tag}': `), `${tag} is missing from types/${file}`);
      }
      assert.ok(existsSync(join(ELEMENTS, 'dist/bundle', `${name}.js`)), `no dist/bundle/${name}.js`);
    }
  });
});

describe('each bundle alone on an empty page', { concurrency: 2 }, () => {
  for (const [name, tag] of modules) {
    it(`${name}.js registers <${tag}> and exports its class`, async () => {
      const { page, problems } = await blankPage();
      const exported = (await page.evaluate(`import('${BUNDLES}/${name}.js').then((m) => Object.values(m).filter((v) => typeof v === 'function' && v === customElements.get('${tag}')).length)`)) as number;
      assert.equal(exported, 1, `${name}.js does not export the class it registers as <${tag}>`);
      // Only this element's tag, so it does not register what it does not announce.
      const defined = (await page.evaluate(`[...document.querySelectorAll('*')].length >= 0 && ${JSON.stringify([...modules.values()])}.filter((t) => customElements.get(t))`)) as string[];
      assert.deepEqual(defined, [tag]);
      assert.deepEqual(problems, []);
      await page.close();
    });
  }
});

describe('several bundles on one page', () => {
  it('loads all.js and element bundles that repeat its elements, each tag registered once', async () => {
    const { page, problems } = await blankPage();
    await page.evaluate(`Promise.all(['all', 'slo-gauge', 'provider', 'status-badge'].map((n) => import('${BUNDLES}/' + n + '.js')))`);
    const defined = (await page.evaluate(`${JSON.stringify([...modules.values()])}.filter((t) => customElements.get(t))`)) as string[];
    assert.deepEqual(defined, [...modules.values()]);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('shows a conflict field by field when the adapter’s HanseiError comes from another bundle', async () => {
    const { page, problems } = await blankPage();
    const shown = await page.evaluate(`(async () => {
      await import('${BUNDLES}/incident-form.js');
      const { MemoryAdapter } = await import('${BUNDLES}/memory.js');
      const adapter = new MemoryAdapter({ role: 'responder' });
      const open = (await adapter.listIncidents()).data.find((i) => i.status !== 'resolved');
      const form = document.createElement('hansei-incident-form');
      form.drafts = null;
      form.adapter = adapter;
      form.incidentId = open.id;
      document.querySelector('main').append(form);
      for (let i = 0; i < 200 && !form.shadowRoot?.querySelector('form'); i++) await new Promise((r) => setTimeout(r, 25));
      await form.updateComplete;
      // Someone else saves first.
      const now = await adapter.getIncident(open.id);
      await adapter.updateIncident(open.id, { title: now.title + ' (edited elsewhere)' }, now.version);
      const title = form.shadowRoot.querySelector('#f-title');
      title.value = 'Our own title';
      title.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await form.submit().catch(() => undefined);
      await form.updateComplete;
      return Boolean(form.shadowRoot.querySelector('[part~="conflict"]'));
    })()`);
    assert.equal(shown, true, 'the form did not recognise the conflict (HanseiError from memory.js) as one');
    assert.deepEqual(problems, []);
    await page.close();
  });
});
