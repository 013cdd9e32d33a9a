import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ERROR_KINDS, HanseiError, errorFromResponse, isProblemDetails, kindForStatus, parseRetryAfter } from './errors.js';
import type * as ErrorsModule from './errors.js';

describe('kindForStatus', () => {
  it('maps every status class to a kind a caller can act on', () => {
    const cases: [number, string][] = [
      [400, 'validation'], [422, 'validation'], [401, 'unauthorized'], [403, 'forbidden'],
      [404, 'not_found'], [410, 'not_found'], [409, 'conflict'], [412, 'conflict'],
      [429, 'rate_limited'], [502, 'unavailable'], [503, 'unavailable'], [504, 'unavailable'],
      [500, 'server'], [501, 'server'], [418, 'bad_response'], [302, 'bad_response'],
    ];
    for (const [status, kind] of cases) assert.equal(kindForStatus(status), kind, `HTTP ${status}`);
    for (const [, kind] of cases) assert.ok((ERROR_KINDS as readonly string[]).includes(kind));
  });
});

describe('isProblemDetails', () => {
  it('accepts RFC 9457 bodies with or without field errors', () => {
    assert.ok(isProblemDetails({ type: 'about:blank', title: 'Not Found', status: 404 }));
    assert.ok(isProblemDetails({ title: 'Invalid', status: 422, errors: [{ path: 'title', message: 'Title is required.' }] }));
  });
  it('rejects other shapes', () => {
    for (const value of [null, 'oops', 42, [], { title: 'x' }, { status: 400 }, { title: 'x', status: 400, errors: [{ path: 1 }] }, { title: 'x', status: 400, errors: 'no' }]) {
      assert.equal(isProblemDetails(value), false, JSON.stringify(value));
    }
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-25T09:00:00Z');
  it('reads delta-seconds and HTTP dates', () => {
    assert.equal(parseRetryAfter('120', now), 120_000);
    assert.equal(parseRetryAfter('Wed, 25 Nov 2026 09:00:30 GMT', now), 30_000);
    assert.equal(parseRetryAfter('Wed, 25 Nov 2026 08:00:00 GMT', now), 0);
  });
  it('returns null for a missing or unreadable header', () => {
    assert.equal(parseRetryAfter(null, now), null);
    assert.equal(parseRetryAfter('', now), null);
    assert.equal(parseRetryAfter('soon', now), null);
  });
});

describe('errorFromResponse', () => {
  it('keeps the problem, its field errors and the detail as message', () => {
    const body = { type: 'https://hansei.dev/problems/validation', title: 'Invalid request', status: 422, detail: 'Title is required.', errors: [{ path: 'title', message: 'Title is required.' }] };
    const error = errorFromResponse(422, body);
    assert.ok(error instanceof HanseiError && error instanceof Error);
    assert.equal(error.name, 'HanseiError');
    assert.equal(error.kind, 'validation');
    assert.equal(error.status, 422);
    assert.equal(error.message, 'Title is required.');
    assert.deepEqual(error.fieldErrors, body.errors);
    assert.equal(error.transient, false);
  });
  it('falls back to the title, then to the status', () => {
    assert.equal(errorFromResponse(409, { title: 'Conflict', status: 409 }).message, 'Conflict');
    const bare = errorFromResponse(500, '<html>oops</html>');
    assert.equal(bare.message, 'The server answered with HTTP 500.');
    assert.equal(bare.problem, null);
    assert.deepEqual(bare.fieldErrors, []);
  });
  it('carries Retry-After and marks transient kinds', () => {
    const error = errorFromResponse(503, null, { retryAfter: '7', now: 0 });
    assert.equal(error.kind, 'unavailable');
    assert.equal(error.retryAfterMs, 7000);
    assert.equal(error.transient, true);
  });
  it('keeps a cause', () => {
    const cause = new TypeError('fetch failed');
    const error = new HanseiError({ kind: 'network', message: 'The server cannot be reached.', cause });
    assert.equal(error.cause, cause);
    assert.equal(error.transient, true);
    assert.equal(error.status, null);
  });
});

describe('HanseiError across copies of the module', () => {
  it('is recognised by instanceof when it comes from another copy (another single-file bundle)', async () => {
    // A query string makes Node load a second, separate instance of the module, as a second bundle would.
    const other = (await import(`./errors.js?copy=${Date.now()}`)) as typeof ErrorsModule;
    assert.notEqual(other.HanseiError, HanseiError);
    const foreign = new other.HanseiError({ kind: 'conflict', message: 'Someone else saved first.', status: 412 });
    assert.ok(foreign instanceof HanseiError);
    assert.ok(new HanseiError({ kind: 'network', message: 'Offline.' }) instanceof other.HanseiError);
    assert.equal(foreign.kind, 'conflict');
  });

  it('is not fooled by other errors or look-alikes, and subclasses keep the ordinary check', () => {
    assert.ok(!(new Error('plain') instanceof HanseiError));
    assert.ok(!(Object.assign(new Error('x'), { name: 'HanseiError', kind: 'conflict' }) instanceof HanseiError));
    assert.ok(!((null as unknown as object) instanceof HanseiError));
    class Narrower extends HanseiError {}
    assert.ok(new Narrower({ kind: 'server', message: 'x' }) instanceof HanseiError);
    assert.ok(!(new HanseiError({ kind: 'server', message: 'x' }) instanceof Narrower));
  });
});
