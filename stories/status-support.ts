/**
 * What the status elements' stories share (not a story file): adapters for every state.
 *
 * - `memory()`: the demo organisation as the public page reads it (anonymous), at the demo's now.
 * - `statuspage(name)`: the real `StatuspageAdapter` reading a payload recorded from a real
 *   Statuspage page (packages/adapters/src/statuspage/fixtures), through a `fetch` that answers
 *   from it: Twilio (many groups and maintenances), GitHub (an outage and a quiet day), CloudAMQP
 *   (a maintenance in progress).
 * - `loading()`, `failing()`: an adapter that never answers, one that always fails.
 * - `stale()`: the demo behind the status cache, read once and then unreachable, so elements show
 *   the last known status "as of" its time.
 */
import { HanseiError, StatuspageAdapter, type HanseiAdapter } from '@hansei/adapters';
import { MemoryAdapter } from '@hansei/adapters/memory';
import { openStatusStore, withStatusCache } from '@hansei/adapters/offline/status';
import type { StatusSnapshot } from '@hansei/core';
import cloudamqp from '../packages/adapters/src/statuspage/fixtures/cloudamqp-summary.json' with { type: 'json' };
import githubOutage from '../packages/adapters/src/statuspage/fixtures/github-summary-2020-04-02.json' with { type: 'json' };
import githubQuiet from '../packages/adapters/src/statuspage/fixtures/github-summary-2019-12-30.json' with { type: 'json' };
import twilio from '../packages/adapters/src/statuspage/fixtures/twilio-summary.json' with { type: 'json' };

/** The demo's now: Wednesday 25 November 2026, 18:30 in Tokyo. */
export const NOW = Date.parse('2026-11-25T09:30:00.000Z');

export const TIME_ZONES = ['Asia/Tokyo', 'UTC', 'America/New_York', 'America/Los_Angeles', 'Europe/London'];

/** The demo organisation, read anonymously. */
export function memory(options: ConstructorParameters<typeof MemoryAdapter>[0] = {}): MemoryAdapter {
  return new MemoryAdapter({ now: () => NOW, role: null, ...options });
}

const SUMMARIES = { twilio, githubOutage, githubQuiet, cloudamqp } as const;
export type RecordedPage = keyof typeof SUMMARIES;

/** When each payload was recorded: the now to read it at, so relative times read as they did. */
export const RECORDED: Record<RecordedPage, number> = {
  twilio: Date.parse(twilio.page.updated_at),
  githubOutage: Date.parse(githubOutage.page.updated_at),
  githubQuiet: Date.parse(githubQuiet.page.updated_at),
  cloudamqp: Date.parse(cloudamqp.page.updated_at),
};

/** The StatuspageAdapter on a recorded page: its fetch answers summary.json from the payload. */
export function statuspage(name: RecordedPage): StatuspageAdapter {
  const fetch = (input: RequestInfo | URL): Promise<Response> => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    return Promise.resolve(
      url.pathname === '/api/v2/summary.json'
        ? new Response(JSON.stringify(SUMMARIES[name]), { headers: { 'content-type': 'application/json' } })
        : new Response('Not Found', { status: 404 }),
    );
  };
  return new StatuspageAdapter({ baseUrl: `https://${name}.status.example`, fetch, now: () => RECORDED[name] });
}

/** An adapter whose reads never answer (the loading state). */
export function loading(): MemoryAdapter {
  return memory({ latencyMs: 24 * 60 * 60 * 1000 });
}

/** An adapter whose reads always fail (the error state). */
export function failing(): MemoryAdapter {
  return memory({ failWith: () => new HanseiError({ kind: 'network', message: 'The status service cannot be reached (story).' }) });
}

/**
 * The demo behind the status cache (IndexedDB), read 12 minutes ago and unreachable since: the
 * elements show the last known status with "as of" its time. `down` names the calls that fail
 * once it is offline (default: `status`); `warm` reads what else the story needs cached first.
 */
export async function stale(
  options: { readonly down?: readonly string[]; readonly namespace?: string; readonly warm?: (adapter: HanseiAdapter) => Promise<unknown> } = {},
): Promise<HanseiAdapter> {
  const down = new Set(options.down ?? ['status']);
  const control = { down: false };
  const source = memory({
    failWith: ({ method }) => (control.down && down.has(method) ? new HanseiError({ kind: 'network', message: 'The status service cannot be reached (story).' }) : null),
  });
  const adapter = withStatusCache(source, openStatusStore('hansei-stories'), { namespace: options.namespace ?? 'stale-story:', now: () => Date.now() - 12 * 60_000 });
  await options.warm?.(adapter);
  await adapter.status();
  control.down = true;
  return adapter;
}

/** The demo's snapshot with long names and words, to see wrapping. */
export async function longWords(): Promise<StatusSnapshot> {
  const snapshot = await memory().status();
  const long = 'Payments, invoices and receipts for every studio in every region (including the new ones)';
  return {
    ...snapshot,
    page: { ...snapshot.page, name: 'Kinetic Fitness Studios — Member and Staff Services Status' },
    groups: snapshot.groups.map((g, i) => (i === 0 ? { ...g, name: `${g.name}: ${long}` } : g)),
    components: snapshot.components.map((c, i) => (i === 0 ? { ...c, name: long, status: 'major_outage' } : c)),
    maintenances: snapshot.maintenances.map((m, i) => (i === 0 ? { ...m, title: `${m.title}: ${long}` } : m)),
  };
}
