// Unit tests of the HTTP core's pure parts, and compile-time proof that `call` is typed by the
// contract (the fault tests in tests/contract/rest-faults.test.ts run it against real servers).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HanseiError } from '../errors.js';
import { Http, backoff, sleep } from './http.js';

/** Never run: `tsc` checks that the contract's types refuse these calls. */
export function contractTypes(http: Http): void {
  // @ts-expect-error -- no such route
  void http.call('get', '/v1/nowhere', {});
  // @ts-expect-error -- components have no PUT
  void http.call('put', '/v1/components/{id}', { path: { id: 'c' } });
  // @ts-expect-error -- path parameters are required
  void http.call('get', '/v1/incidents/{id}', {});
  // @ts-expect-error -- a create must send an Idempotency-Key
  void http.call('post', '/v1/people', { body: { name: 'Ada', email: null, handle: null, timeZone: null } });
  // @ts-expect-error -- an update must send If-Match
  void http.call('patch', '/v1/people/{id}', { path: { id: 'p' }, body: { name: 'Ada' } });
  // @ts-expect-error -- tokens keep no replay, so a key would promise what the server does not do
  void http.call('post', '/v1/tokens', { body: { name: 'ci', role: 'viewer' }, key: 'k' });
  // @ts-expect-error -- a body of the wrong shape
  void http.call('patch', '/v1/people/{id}', { path: { id: 'p' }, body: { name: 42 }, ifMatch: 1 });
  // @ts-expect-error -- the answer is typed: a person has no `title`
  void http.call('get', '/v1/people/{id}', { path: { id: 'p' } }).then((person) => person.title);
}

describe('backoff', () => {
  it('is full jitter: random times a ceiling that doubles per attempt up to the maximum', () => {
    assert.equal(backoff(() => 0, 100, 1000, 0), 0);
    assert.equal(backoff(() => 0.5, 100, 1000, 0), 50);
    assert.equal(backoff(() => 0.5, 100, 1000, 2), 200);
    assert.equal(backoff(() => 0.999, 100, 1000, 10), 999);
  });
});

describe('sleep', () => {
  it('resolves after the time, and rejects with kind aborted when the signal aborts', async () => {
    await sleep(1);
    const controller = new AbortController();
    const waiting = sleep(60_000, controller.signal);
    controller.abort();
    await assert.rejects(waiting, (e: unknown) => e instanceof HanseiError && e.kind === 'aborted');
    await assert.rejects(sleep(1, AbortSignal.abort()), (e: unknown) => e instanceof HanseiError && e.kind === 'aborted');
  });
});

describe('Http.url', () => {
  it('fills in path parameters, encoded, after the base URL without its trailing slash', () => {
    const http = new Http({ baseUrl: 'https://status.example.com/hansei/' });
    assert.equal(http.url('/v1/incidents/{id}/related/{relatedId}', { id: 'inc 1', relatedId: 'a/b' }), 'https://status.example.com/hansei/v1/incidents/inc%201/related/a%2Fb');
  });
});
