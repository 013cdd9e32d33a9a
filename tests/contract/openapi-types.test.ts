// The REST adapter's types come from the server's OpenAPI document (tests/openapi-types.ts). This
// fails when the checked-in packages/adapters/src/rest/openapi.ts is not what the routes generate
// now, so a contract change cannot land without the adapter compiling against it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GEN_COMMAND, OPENAPI_TYPES_FILE, generateOpenApiTypes, readOpenApiTypes } from '../openapi-types.js';

/** The first line where `a` and `b` differ, for the message. */
function firstDifference(a: string, b: string): string {
  const left = a.split('\n');
  const right = b.split('\n');
  const line = left.findIndex((text, i) => text !== right[i]);
  const at = line < 0 ? left.length : line;
  return `line ${at + 1}: checked in ${JSON.stringify(left[at] ?? '(end of file)')}, generated ${JSON.stringify(right[at] ?? '(end of file)')}`;
}

describe('the generated OpenAPI types', () => {
  it('are up to date with the server routes', async () => {
    const fresh = await generateOpenApiTypes();
    const checkedIn = await readOpenApiTypes();
    assert.ok(checkedIn !== null, `${OPENAPI_TYPES_FILE} is missing: run \`${GEN_COMMAND}\`.`);
    assert.ok(
      checkedIn === fresh,
      `${OPENAPI_TYPES_FILE} is out of date with the server's routes (${firstDifference(checkedIn, fresh)}): run \`${GEN_COMMAND}\`, then fix what no longer compiles.`,
    );
  });

  it('describe every route the RestAdapter calls', async () => {
    const text = await generateOpenApiTypes();
    for (const path of ['/v1/session', '/v1/status.json', '/v1/uptime', '/v1/stream', '/v1/incidents/{id}', '/v1/severity-guideline']) {
      assert.ok(text.includes(`"${path}": {`), `${path} is missing from the document`);
    }
  });
});
