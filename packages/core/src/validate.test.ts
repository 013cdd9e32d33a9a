import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as v from 'valibot';
import { IncidentCreateSchema, TokenCreateSchema } from './schemas.js';
import { ValidationError, assertValid, validate } from './validate.js';

const incident = { title: 'Checkout fails', severity: 'SEV2', startedAt: '2026-11-25T09:00:00Z', detectedAt: '2026-11-25T09:05:00Z' };

describe('validate', () => {
  it('returns the parsed value on success', () => {
    const result = validate(TokenCreateSchema, { role: 'admin', name: '  ops  ' });
    assert.deepEqual(result, { ok: true, value: { role: 'admin', name: 'ops' } });
  });

  it('returns every issue with a dotted path, not only the first', () => {
    const result = validate(IncidentCreateSchema, {
      ...incident,
      title: '',
      components: [{ componentId: 'api', status: 'operational' }, { componentId: 'db', status: 'on_fire' }],
      labels: ['ok', 'not ok'],
    });
    assert.equal(result.ok, false);
    assert.deepEqual(
      !result.ok && result.issues.map((i) => i.path),
      ['title', 'components.1.status', 'labels.1'],
    );
    assert.equal(!result.ok && result.issues[0]?.message, 'Title is required.');
  });

  it('uses an empty path for a problem with the input as a whole', () => {
    assert.deepEqual(validate(TokenCreateSchema, 'token'), {
      ok: false,
      issues: [{ path: '', message: 'Expected an object with named fields, not "token".' }],
    });
  });

  it('works with any synchronous valibot schema, default messages included', () => {
    const schema = v.object({ tags: v.array(v.pipe(v.string(), v.minLength(2))) });
    assert.deepEqual(validate(schema, { tags: ['ok', 'x'] }), {
      ok: false,
      issues: [{ path: 'tags.1', message: 'Invalid length: Expected >=2 but received 1' }],
    });
    assert.deepEqual(validate(v.number(), 5), { ok: true, value: 5 });
  });

  it('gives an empty path where a key cannot be spelled (an object key of a Map), never a wrong one', () => {
    const schema = v.map(v.unknown(), v.number());
    const byString = validate(schema, new Map([['a', 'x']]));
    assert.deepEqual(!byString.ok && byString.issues.map((i) => i.path), ['a']);
    const byObject = validate(schema, new Map([[{}, 'x']]));
    assert.deepEqual(!byObject.ok && byObject.issues.map((i) => i.path), ['']);
  });
});

describe('assertValid / ValidationError', () => {
  it('returns the parsed value', () => {
    assert.deepEqual(assertValid(TokenCreateSchema, { role: 'viewer', name: 'wiki' }), { role: 'viewer', name: 'wiki' });
  });

  it('throws a ValidationError carrying every issue, with a one-problem summary', () => {
    assert.throws(
      () => assertValid(TokenCreateSchema, { role: 'viewer' }),
      (e: unknown) =>
        e instanceof ValidationError &&
        e instanceof Error &&
        !(e instanceof TypeError) &&
        e.name === 'ValidationError' &&
        e.message === 'Invalid input (1 problem): name: Name is required.' &&
        e.issues.length === 1,
    );
  });

  it('summarises many problems: the first five, then how many more', () => {
    let caught: unknown;
    try {
      assertValid(IncidentCreateSchema, { impact: 'huge', status: 'fixed', visibility: 'secret' });
    } catch (e) {
      caught = e;
    }
    assert.ok(caught instanceof ValidationError);
    assert.equal(caught.issues.length, 7);
    assert.equal(
      caught.message,
      'Invalid input (7 problems): title: Title is required. severity: Severity is required. ' +
        'impact: Impact must be one of none, minor, major, critical, not "huge". ' +
        'status: Status must be one of investigating, identified, monitoring, resolved, not "fixed". ' +
        'visibility: Visibility must be one of public, internal, not "secret". And 2 more.',
    );
  });

  it('leaves the path out of the summary for whole-input problems', () => {
    assert.throws(() => assertValid(TokenCreateSchema, null), {
      name: 'ValidationError',
      message: 'Invalid input (1 problem): Expected an object with named fields, not null.',
    });
  });

  it('can be built directly from issues', () => {
    const error = new ValidationError([{ path: 'a', message: 'A is wrong.' }, { path: 'b', message: 'B is wrong.' }]);
    assert.equal(error.message, 'Invalid input (2 problems): a: A is wrong. b: B is wrong.');
    assert.deepEqual(error.issues.map((i) => i.path), ['a', 'b']);
  });
});
