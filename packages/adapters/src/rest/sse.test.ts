import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eventStreamParser, type StreamEvent } from './sse.js';

/** Feeds `chunks` to a fresh parser; returns the events and retry values it reported. */
function read(...chunks: string[]): { events: StreamEvent[]; retries: number[] } {
  const events: StreamEvent[] = [];
  const retries: number[] = [];
  const push = eventStreamParser(
    (event) => events.push(event),
    (ms) => retries.push(ms),
  );
  for (const chunk of chunks) push(chunk);
  return { events, retries };
}

describe('eventStreamParser', () => {
  it('reads id, event and data, and dispatches on a blank line', () => {
    const { events } = read('id: 7\nevent: component.updated\ndata: {"a":1}\n\n');
    assert.deepEqual(events, [{ id: '7', event: 'component.updated', data: '{"a":1}' }]);
  });

  it('joins data lines with newlines and defaults the type to message', () => {
    const { events } = read('data: one\ndata:two\ndata\n\n');
    assert.deepEqual(events, [{ id: null, event: 'message', data: 'one\ntwo\n' }]);
  });

  it('ignores comments, unknown fields and empty blocks; reports a block with only an id', () => {
    const { events } = read(': hansei events\n\nfoo: bar\n\nid: 3\n\n: heartbeat\n\nevent: x\ndata: y\n\n');
    assert.deepEqual(events, [
      { id: '3', event: 'message', data: null },
      { id: null, event: 'x', data: 'y' },
    ]);
  });

  it('reports retry values that are whole numbers only', () => {
    assert.deepEqual(read('retry: 3000\n\nretry: 2.5\nretry: soon\n\n').retries, [3000]);
  });

  it('handles CRLF, CR and LF, split anywhere between chunks, and a leading BOM', () => {
    const text = '\uFEFFid: 1\r\nevent: a\rdata: {"x":"\u00e9"}\r\n\r\nid: 2\nevent: b\ndata: 2\n\n';
    const whole = read(text).events;
    assert.deepEqual(whole, [
      { id: '1', event: 'a', data: '{"x":"\u00e9"}' },
      { id: '2', event: 'b', data: '2' },
    ]);
    for (let cut = 1; cut < text.length; cut++) {
      assert.deepEqual(read(text.slice(0, cut), text.slice(cut)).events, whole, `cut at ${cut}`);
    }
    assert.deepEqual(read(...text.split('')).events, whole);
  });

  it('keeps only the last event and id fields of a block, and drops an unfinished block', () => {
    const { events } = read('event: a\nevent: b\nid: 1\nid: 2\ndata: d\n\nid: 3\ndata: cut off');
    assert.deepEqual(events, [{ id: '2', event: 'b', data: 'd' }]);
  });

  it('ignores an id containing NUL', () => {
    assert.deepEqual(read('id: a\0b\ndata: d\n\n').events, [{ id: null, event: 'message', data: 'd' }]);
  });
});
