/**
 * Test support, not a test (named `*.test.ts` so the package never publishes it, and not
 * `*.browser.test.ts`, so the runner does not run it): what the status elements' browser tests
 * share.
 *
 * - `memory()`: the demo organisation in memory, as an anonymous reader, at a fixed now.
 * - `statuspage(fixture)`: a `StatuspageAdapter` whose `fetch` answers from a payload recorded
 *   from a real Statuspage page (packages/adapters/src/statuspage/fixtures); the stub is the edge
 *   of the world, everything past it is the real adapter and core's readers.
 * - `cachedMemory()`: the memory adapter behind the real status cache on IndexedDB, with a switch
 *   that makes its reads fail, for the "as of" state.
 */
import { HanseiError, StatuspageAdapter, type HanseiAdapter } from '@hansei/adapters';
import { MemoryAdapter } from '@hansei/adapters/memory';
import { openStatusStore, withStatusCache } from '@hansei/adapters/offline/status';
import cloudamqp from '../../../adapters/src/statuspage/fixtures/cloudamqp-summary.json' with { type: 'json' };
import githubOutage from '../../../adapters/src/statuspage/fixtures/github-summary-2020-04-02.json' with { type: 'json' };
import githubQuiet from '../../../adapters/src/statuspage/fixtures/github-summary-2019-12-30.json' with { type: 'json' };
import twilio from '../../../adapters/src/statuspage/fixtures/twilio-summary.json' with { type: 'json' };

/** The demo's now: Wednesday 25 November 2026, 18:30 in Tokyo. */
export const NOW = Date.parse('2026-11-25T09:30:00.000Z');
export const ZONE = 'Asia/Tokyo';

/** The demo organisation, read anonymously (as the public page reads it). */
export function memory(options: ConstructorParameters<typeof MemoryAdapter>[0] = {}): MemoryAdapter {
  return new MemoryAdapter({ now: () => NOW, role: null, ...options });
}

/** Recorded `summary.json` payloads of real Statuspage pages. */
export const SUMMARIES = {
  /** Twilio, 2020-06-16: minor, 8 groups, 9 scheduled maintenances. */
  twilio,
  /** GitHub during an outage, 2020-04-02: major, "Partial System Outage". */
  githubOutage,
  /** GitHub on a quiet day, 2019-12-30: all operational. */
  githubQuiet,
  /** CloudAMQP, 2020-07-16: a maintenance in progress. */
  cloudamqp,
} as const;

/** When each payload was recorded (its `page.updated_at`), a sensible now to read it at. */
export const RECORDED: Record<keyof typeof SUMMARIES, number> = {
  twilio: Date.parse(twilio.page.updated_at),
  githubOutage: Date.parse(githubOutage.page.updated_at),
  githubQuiet: Date.parse(githubQuiet.page.updated_at),
  cloudamqp: Date.parse(cloudamqp.page.updated_at),
};

/** Options of {@link statuspage}. */
export interface StubOptions {
  /** Answer nothing until this promise settles (the loading state). */
  readonly hold?: Promise<unknown>;
  /** Answer with this HTTP status instead of the payload. */
  readonly failWith?: () => number | null;
}

/**
 * A StatuspageAdapter for the page a recorded payload came from; its fetch answers
 * `/api/v2/summary.json` with the payload and anything else with 404. Counts the requests.
 */
export function statuspage(name: keyof typeof SUMMARIES, options: StubOptions = {}): StatuspageAdapter & { requests: string[] } {
  const requests: string[] = [];
  const fetch = async (input: RequestInfo | URL): Promise<Response> => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    requests.push(url.pathname);
    if (options.hold) await options.hold;
    const failure = options.failWith?.();
    if (failure) return new Response('Service Unavailable', { status: failure, headers: { 'content-type': 'text/plain' } });
    if (url.pathname !== '/api/v2/summary.json') return new Response('Not Found', { status: 404 });
    return new Response(JSON.stringify(SUMMARIES[name]), { headers: { 'content-type': 'application/json' } });
  };
  const adapter = new StatuspageAdapter({ baseUrl: `https://${name}.status.example`, fetch, now: () => RECORDED[name] });
  return Object.assign(adapter, { requests });
}

let databases = 0;

/**
 * The memory adapter behind the status cache on a fresh IndexedDB database: read once to
 * remember the status, then set `down = true` and reads fail with kind `network`.
 */
export function cachedMemory(): { adapter: HanseiAdapter; source: MemoryAdapter; control: { down: boolean } } {
  const control = { down: false };
  const source = memory({
    failWith: ({ method }) => (control.down && method === 'status' ? new HanseiError({ kind: 'network', message: 'The network is down (test).' }) : null),
  });
  const store = openStatusStore(`hansei-status-test-${Date.now()}-${++databases}`);
  return { adapter: withStatusCache(source, store, { now: () => NOW }), source, control };
}

/** Sets a component's status as an admin would (a write every anonymous reader then sees). */
export async function setComponentStatus(source: MemoryAdapter, id: string, status: 'operational' | 'degraded_performance' | 'partial_outage' | 'major_outage' | 'under_maintenance'): Promise<void> {
  const admin = source.as('admin');
  const component = (await admin.listComponents()).find((c) => c.id === id);
  if (!component) throw new Error(`no component ${id}`);
  await admin.updateComponent(id, { status }, component.version);
}
