/**
 * The Japanese translations of the kit, the portal and the status page: every message has one,
 * the generated locale modules match their XLIFF files, and no plain message shows an XML entity
 * ("&lt;") where the character belongs (see packages/elements/scripts/unescape-locales.mjs).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unescapeLocaleModule } from '../../packages/elements/scripts/unescape-locales.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CATALOGUES = ['packages/elements', 'apps/portal', 'apps/status-page'];

/** The trans-units of an XLIFF file: id, and target (null when missing or empty). */
function units(xliff: string): { id: string; target: string | null }[] {
  return [...xliff.matchAll(/<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g)].map(([, id, body]) => {
    const target = /<target>([\s\S]*?)<\/target>/.exec(body ?? '')?.[1]?.trim();
    return { id: id ?? '', target: target ? target : null };
  });
}

/** The message ids of a generated locale module. */
function moduleIds(source: string): string[] {
  return [...source.matchAll(/^\s*'([^']+)':/gm)].map(([, id]) => id ?? '');
}

for (const dir of CATALOGUES) {
  describe(`${dir}: Japanese`, () => {
    const xliff = readFileSync(join(ROOT, dir, 'xliff/ja.xlf'), 'utf8');
    const generated = readFileSync(join(ROOT, dir, 'src/generated/locales/ja.ts'), 'utf8');

    it('has a translation for every message', () => {
      const all = units(xliff);
      assert.ok(all.length > 0, 'no trans-unit read');
      assert.deepEqual(all.filter((u) => u.target === null).map((u) => u.id), []);
    });

    it('has a generated module that matches the XLIFF file (run the package’s localize build)', () => {
      assert.deepEqual(moduleIds(generated).sort(), units(xliff).map((u) => u.id).sort());
    });

    it('shows characters, not XML entities, in plain messages', () => {
      assert.equal(unescapeLocaleModule(generated), generated);
    });
  });
}

describe('unescapeLocaleModule', () => {
  it('decodes plain and str messages, and leaves html ones to lit-html', () => {
    const source = "'a': `x &lt;hansei-provider&gt; &amp;amp;quot;`,\n'b': html`&lt;b&gt;`,\n'c': str`${0} &amp; y`,";
    assert.equal(unescapeLocaleModule(source), "'a': `x <hansei-provider> \"`,\n'b': html`&lt;b&gt;`,\n'c': str`${0} & y`,");
  });
});
