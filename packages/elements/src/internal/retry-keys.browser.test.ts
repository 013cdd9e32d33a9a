import { expect } from '@open-wc/testing';
import { HanseiError } from '@hansei/adapters';
import { create, RetryKeys } from './retry-keys.js';

const keyOf = (keys: RetryKeys, request: unknown) => keys.for(request).idempotencyKey;
const queued = Object.assign(new Error('queued'), { queued: true as const, entryId: 7 });

describe('RetryKeys', () => {
  it('gives the same request the same key until it is settled, and another request another key', () => {
    const keys = new RetryKeys();
    const first = keyOf(keys, { title: 'A' });
    expect(first).to.be.a('string');
    expect(keyOf(keys, { title: 'A' })).to.equal(first);
    expect(keyOf(keys, { title: 'B' })).to.not.equal(first);
    keys.settle();
    expect(keyOf(keys, { title: 'B' }), 'a new create after a success').to.not.equal(first);
  });

  it('keeps the key after a failure that may not have reached the backend, or a write that waits in the outbox; not after a refusal', async () => {
    const keys = new RetryKeys();
    const sent: (string | undefined)[] = [];
    const attempt = (error: Error) =>
      create(keys, { title: 'A' }, (options) => {
        sent.push(options.idempotencyKey);
        return Promise.reject(error);
      }).catch(() => undefined);
    await attempt(new HanseiError({ kind: 'network', message: 'offline' }));
    await attempt(queued);
    await attempt(new HanseiError({ kind: 'validation', message: 'no' }));
    await attempt(new HanseiError({ kind: 'network', message: 'offline' }));
    expect(sent[1], 'again after a network failure').to.equal(sent[0]);
    expect(sent[2], 'again after it went to the outbox').to.equal(sent[0]);
    expect(sent[3], 'a new key after a refusal').to.not.equal(sent[0]);
  });

  it('hands its pending key over to another instance (a draft restored after a reload), and ignores anything else', () => {
    const keys = new RetryKeys();
    expect(keys.saved).to.equal(null);
    const key = keyOf(keys, { title: 'A' });
    keys.settle(queued);
    const saved = structuredClone(keys.saved);
    expect(saved?.key).to.equal(key);
    const later = new RetryKeys();
    later.restore({ nonsense: true });
    later.restore(null);
    expect(later.saved).to.equal(null);
    later.restore(saved);
    expect(keyOf(later, { title: 'A' })).to.equal(key);
    expect(keyOf(later, { title: 'A, changed' }), 'a changed request is a new create').to.not.equal(key);
  });
});
