import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BUDGETS } from './budgets.js';
import { measure } from './measure.js';

const kB = (bytes: number) => `${(bytes / 1024).toFixed(2)} kB`;

describe('byte budgets (bundled, minified, gzipped)', () => {
  for (const budget of BUDGETS) {
    it(`${budget.name}: at most ${kB(budget.maxGzip)}`, async () => {
      const size = await measure(budget.entry);
      console.log(`  ${budget.entry}: ${kB(size.raw)} minified, ${kB(size.gzip)} gzipped at first, ${kB(size.lazyGzip)} more on demand (budget ${kB(budget.maxGzip)})`);
      assert.ok(
        size.gzip <= budget.maxGzip,
        `${budget.entry} ships ${kB(size.gzip)} gzipped, over its budget of ${kB(budget.maxGzip)}. Find what grew with: npx esbuild ${budget.entry} --bundle --minify --format=esm --conditions=source --analyze`,
      );
    });
  }
});
