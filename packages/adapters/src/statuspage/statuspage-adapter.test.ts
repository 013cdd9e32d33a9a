/**
 * The StatuspageAdapter against a real local HTTP server that answers with payloads recorded from
 * real Statuspage pages (fixtures/README.md says where each comes from), and with the documents
 * a Hansei server renders (core's toStatuspage* over the demo dataset).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  demoDataset,
  statusSnapshot,
  toStatuspageComponents,
  toStatuspageIncidents,
  toStatuspageMaintenances,
  toStatuspageSummary,
  type StatuspageData,
  type StatuspageSummary,
} from '@hansei/core';
import { can, type Change, type LiveState } from '../adapter.js';
import { HanseiError } from '../errors.js';
import { StatuspageAdapter } from './statuspage-adapter.js';
import { diffSummaries } from './changes.js';

// ---------------------------------------------------------------------------------------------
// The edge of the world: a local HTTP server

const SUMMARY = '/api/v2/summary.json';
const COMPONENTS = '/api/v2/components.json';
const INCIDENTS = '/api/v2/incidents.json';
const MAINTENANCES = '/api/v2/scheduled-maintenances.json';
const NOW = Date.UTC(2026, 10, 25, 3, 0, 0);

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const twilio = fixture('twilio-summary.json');
const cloudamqp = fixture('cloudamqp-summary.json');
const githubQuiet = fixture('github-summary-2019-12-30.json');
const githubOutage = fixture('github-summary-2020-04-02.json');
const githubIncidents = fixture('github-incidents.json');
const githubComponents = fixture('github-components.json');
const githubMaintenances = fixture('github-scheduled-maintenances.json');

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
/** A body to answer with (as Statuspage does), or a handler. */
type Answer = string | Handler;

interface Served {
  readonly baseUrl: string;
  readonly requests: { readonly path: string; readonly headers: IncomingHttpHeaders }[];
  /** How many 304s the server answered. */
  readonly notModified: () => number;
  readonly close: () => Promise<void>;
}

/** Serves `routes` on 127.0.0.1; anything else is an HTML 404, as on a real page. */
async function serve(routes: Record<string, Answer>): Promise<Served> {
  const requests: { path: string; headers: IncomingHttpHeaders }[] = [];
  let notModified = 0;
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    requests.push({ path, headers: req.headers });
    const answer = routes[path];
    if (answer === undefined) {
      res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Page not found</h1>');
    } else if (typeof answer === 'function') {
      answer(req, res);
    } else if (json(req, res, answer)) {
      notModified++;
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    notModified: () => notModified,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Answers `body` as JSON with an ETag and a Last-Modified; true when it answered 304 instead. */
function json(req: IncomingMessage, res: ServerResponse, body: string): boolean {
  const etag = `W/"${createHash('sha1').update(body).digest('hex')}"`;
  const headers = { etag, 'last-modified': 'Tue, 16 Jun 2020 21:00:29 GMT', 'cache-control': 'max-age=0' };
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers).end();
    return true;
  }
  res.writeHead(200, { ...headers, 'content-type': 'application/json; charset=utf-8' }).end(body);
  return false;
}

/** A route that never answers; `hit` resolves when a request reaches it. */
function hanging(): { readonly handler: Handler; readonly hit: Promise<void> } {
  let arrived: () => void = () => {};
  const hit = new Promise<void>((resolve) => (arrived = resolve));
  return { handler: () => arrived(), hit };
}

/** Answers `bodies` in turn (the last one from then on); a number is that HTTP error status. */
function sequence(bodies: readonly (string | number)[]): Handler {
  let served = 0;
  return (req, res) => {
    const body = bodies[Math.min(served++, bodies.length - 1)];
    if (typeof body === 'number') res.writeHead(body, { 'content-type': 'text/html' }).end('<h1>Unavailable</h1>');
    else json(req, res, body ?? '');
  };
}

const parse = (text: string): StatuspageSummary => JSON.parse(text) as StatuspageSummary;
const ids = (list: readonly { readonly id: string }[]): string[] => list.map((x) => x.id);
const ms = (iso: string): number => Date.parse(iso);

async function rejectsWith(promise: Promise<unknown>, kind: string, message?: RegExp): Promise<HanseiError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof HanseiError, `expected a HanseiError, got ${String(error)}`);
    assert.equal(error.kind, kind, error.message);
    if (message) assert.match(error.message, message);
    return error;
  }
  assert.fail(`expected a rejection of kind ${kind}`);
}

// ---------------------------------------------------------------------------------------------
// Mapping, end to end

describe('StatuspageAdapter: Twilio (groups, incidents, maintenances)', () => {
  let served: Served;
  let adapter: StatuspageAdapter;
  before(async () => {
    const doc = parse(twilio);
    // Statuspage's components.json is the page and component list of summary.json; only the
    // summary was recorded for Twilio, so this document is that projection of it.
    served = await serve({ [SUMMARY]: twilio, [COMPONENTS]: JSON.stringify({ page: doc.page, components: doc.components }) });
    adapter = new StatuspageAdapter({ baseUrl: served.baseUrl, now: () => NOW });
  });
  after(() => served.close());

  it('reads the page, its status and when it was read', async () => {
    const snapshot = await adapter.status();
    assert.deepEqual(snapshot.page, {
      id: 'gpkpyklzq55q',
      name: 'Twilio',
      url: 'https://status.twilio.com',
      timeZone: 'America/Los_Angeles',
      updatedAt: '2020-06-16T21:00:29.031Z',
    });
    assert.deepEqual(snapshot.status, { indicator: 'minor', description: 'Partially Degraded Service' });
    assert.equal(snapshot.generatedAt, new Date(NOW).toISOString());
  });

  it('splits groups from components and keeps every membership', async () => {
    const { groups, components } = await adapter.status();
    assert.deepEqual(
      groups.map((g) => g.name),
      ['PROGRAMMABLE MESSAGING', 'PROGRAMMABLE VOICE', 'AUTHY', 'FLEX', 'PROGRAMMABLE VIDEO', 'SERVERLESS', 'TWILIO PLATFORM', 'CARRIER NETWORK'],
    );
    assert.equal(components.length, 65);
    for (const row of parse(twilio).components.filter((c) => c.group)) {
      const members = components.filter((c) => c.groupId === row.id).map((c) => c.id);
      assert.deepEqual(new Set(members), new Set(row.components), row.name);
    }
    assert.equal(components.filter((c) => c.groupId === 'j8hlnyphbbs0').length, 15);
    assert.deepEqual(
      components.filter((c) => c.groupId === null).map((c) => c.name).sort(),
      ['AUTOPILOT', 'ELASTIC SIP TRUNKING', 'INTERCONNECT', 'PHONE NUMBERS', 'PROGRAMMABLE CHAT', 'PROGRAMMABLE FAX', 'PROGRAMMABLE WIRELESS', 'PROXY'],
    );
    assert.deepEqual(components.filter((c) => c.status === 'degraded_performance').map((c) => c.id).sort(), ['39mb8cmw8y2v', 'd1j2nx64rpq3', 'h0fl7prwfhvm', 'kqr83rygcwwf']);
    assert.ok(components.every((c, i) => i === 0 || components[i - 1]!.position <= c.position), 'by position');
    assert.equal(components.find((c) => c.id === 'b81y83zrvglj')?.onlyShowIfDegraded, true);
    assert.equal(components.find((c) => c.id === '6ltxq62mkxd0')?.name, 'Debugger & Alerts');
  });

  it('gives unresolved incidents most recently started first, with updates newest first and affected components', async () => {
    const { incidents } = await adapter.status();
    assert.deepEqual(ids(incidents), ['4dtnnnnxnhn9', 'r0f0vdz8vrgm']);
    const sprint = incidents[1]!;
    assert.equal(sprint.title, 'SMS Delivery Delays from Subset of Twilio Short Codes to US Sprint');
    assert.equal(sprint.status, 'monitoring');
    assert.equal(sprint.impact, 'minor');
    assert.equal(sprint.severity, 'SEV3');
    assert.equal(sprint.visibility, 'public');
    assert.equal(sprint.startedAt, '2020-06-16T13:41:44.672Z');
    assert.equal(sprint.resolvedAt, null);
    assert.deepEqual(ids(sprint.updates), ['n9hk209qxd9c', '830yf6qmf0ph', 'fw92zk5xl5mr', '9ph5462m38tc', 'pnsrv9chh3wx']);
    assert.ok(sprint.updates.every((u, i) => i === 0 || ms(sprint.updates[i - 1]!.displayAt) > ms(u.displayAt)), 'newest first');
    assert.deepEqual(sprint.components, [
      { componentId: 'yvvy3vlp4djf', status: 'operational' },
      { componentId: 'd1j2nx64rpq3', status: 'degraded_performance' },
      { componentId: 'h0fl7prwfhvm', status: 'degraded_performance' },
      { componentId: '39mb8cmw8y2v', status: 'degraded_performance' },
    ]);
    assert.deepEqual(sprint.updates[3]?.affectedComponents?.[0], {
      componentId: 'd1j2nx64rpq3',
      name: 'PROGRAMMABLE MESSAGING - MMS',
      oldStatus: 'operational',
      newStatus: 'degraded_performance',
    });
    assert.equal(sprint.updates[4]?.affectedComponents, null);
    assert.equal(incidents[0]?.updates[0]?.affectedComponents?.[0]?.name, 'CARRIER NETWORK - SMS, Middle East & Africa');
  });

  it('gives maintenances soonest first, with their components', async () => {
    const { maintenances } = await adapter.status();
    assert.deepEqual(ids(maintenances), [
      '9szb6ydlg10w', 'pdjdlgl6w07h', '2tvqrhp7c8s6', 'l58x0rjsxj8f', 'wqkpj3np9y47', 'p129psfhvfqs', '4cq3s38yqfzf', 'sy40jxf1pr87', 'ydfdcy8jc70d',
    ]);
    const att = maintenances[1]!;
    assert.equal(att.title, 'SMS Carrier Maintenance - AT&T US');
    assert.equal(att.status, 'scheduled');
    assert.equal(att.scheduledFor, '2020-06-17T04:00:00.000Z');
    assert.equal(att.scheduledUntil, '2020-06-17T11:00:00.000Z');
    assert.deepEqual(att.components, ['39mb8cmw8y2v', '7d8w22hqrh6s']);
    assert.deepEqual(att.updates.map((u) => u.status), ['scheduled']);
  });

  it('versions every entity by when it last changed', async () => {
    const { groups, components, incidents, maintenances } = await adapter.status();
    for (const entity of [...groups, ...components, ...incidents, ...maintenances]) {
      assert.equal(entity.version, ms(entity.updatedAt), entity.id);
    }
    assert.equal(incidents[1]?.version, ms('2020-06-16T19:09:47.186Z'));
  });

  it('lists components and groups from components.json, and the page', async () => {
    const groups = await adapter.listComponentGroups();
    assert.deepEqual(ids(groups), ['s2k3h0mkqnth', 'j3s4w3gnsj08', 'vz5v126ykmgd', 'p750yl3t5mwk', '31pkbykrvbwr', 'm8p285mfbblr', 't26k1dqws96h', 'j8hlnyphbbs0']);
    const components = await adapter.listComponents();
    assert.deepEqual(ids(components), ids((await adapter.status()).components));
    assert.ok(components.every((c) => c.version === ms(c.updatedAt) && c.showcase));
    const page = await adapter.getPage();
    assert.equal(page.name, 'Twilio');
    assert.equal(page.timeZone, 'America/Los_Angeles');
  });

  it('maps impact to the severity codes it is given', async () => {
    const custom = new StatuspageAdapter({ baseUrl: served.baseUrl, severity: { minor: 'P3' } });
    const { incidents } = await custom.status();
    assert.deepEqual(incidents.map((i) => i.severity), ['P3', 'P3']);
  });
});

describe('StatuspageAdapter: CloudAMQP (a maintenance in progress)', () => {
  let served: Served;
  before(async () => (served = await serve({ [SUMMARY]: cloudamqp })));
  after(() => served.close());

  it('shows the component under maintenance and the active maintenance with its updates', async () => {
    const snapshot = await new StatuspageAdapter({ baseUrl: served.baseUrl }).status();
    assert.deepEqual(snapshot.status, { indicator: 'maintenance', description: 'Service Under Maintenance' });
    assert.equal(snapshot.groups.length, 0);
    assert.equal(snapshot.components.length, 23);
    assert.equal(snapshot.components[0]?.name, 'Shared servers');
    assert.equal(snapshot.components[0]?.status, 'under_maintenance');
    assert.deepEqual(snapshot.incidents, []);
    const [upgrade] = snapshot.maintenances;
    assert.equal(snapshot.maintenances.length, 1);
    assert.equal(upgrade?.title, 'Upgrade of shared servers “jellyfish”, “wildboar”, and “reindeer”');
    assert.equal(upgrade?.status, 'in_progress');
    assert.deepEqual(upgrade?.components, ['m9jl6sdbs4vb']);
    assert.deepEqual(upgrade?.updates.map((u) => [u.id, u.status]), [['vgtxddng45wq', 'in_progress'], ['cj12r73bx5p4', 'scheduled']]);
  });
});

describe('StatuspageAdapter: GitHub (outage, incident history, maintenances, queries)', () => {
  let served: Served;
  let adapter: StatuspageAdapter;
  before(async () => {
    served = await serve({
      [SUMMARY]: githubOutage,
      [INCIDENTS]: githubIncidents,
      [COMPONENTS]: githubComponents,
      [MAINTENANCES]: githubMaintenances,
    });
    adapter = new StatuspageAdapter({ baseUrl: `${served.baseUrl}/api/v2/` });
  });
  after(() => served.close());

  it('reads the outage summary (and accepts a base URL ending in /api/v2/)', async () => {
    const snapshot = await adapter.status();
    assert.deepEqual(snapshot.status, { indicator: 'major', description: 'Partial System Outage' });
    assert.equal(snapshot.components.filter((c) => c.status === 'major_outage').length, 5);
    assert.equal(snapshot.components.find((c) => c.name === 'GitHub Actions')?.status, 'partial_outage');
    const [outage] = snapshot.incidents;
    assert.equal(outage?.id, '80d0cs6kpsps');
    assert.equal(outage?.severity, 'SEV2');
    assert.equal(outage?.status, 'investigating');
    assert.deepEqual(ids(outage?.updates ?? []), ['yqsdhyw44qzj', 'bd69p75gd9y8']);
    assert.deepEqual(outage?.components, [{ componentId: '0l2p9nhqnxpd', status: 'operational' }]);
  });

  it('lists incidents.json most recently started first, one page', async () => {
    const page = await adapter.listIncidents();
    assert.deepEqual(ids(page.data), ['69sb0f8lydp4', 'r3x7x31k7nn1']);
    assert.equal(page.nextCursor, null);
    const [actions, ssh] = page.data;
    assert.equal(actions?.status, 'resolved');
    assert.equal(actions?.resolvedAt, '2024-09-16T22:08:39.333Z');
    assert.deepEqual(actions?.components.map((c) => c.componentId), ['br0l2tvcx85d', 'vg70hn9s2tyj']);
    assert.equal(actions?.updates.length, 6);
    assert.deepEqual(actions?.updates[0]?.affectedComponents?.[1], { componentId: 'br0l2tvcx85d', name: 'Actions', oldStatus: 'partial_outage', newStatus: 'operational' });
    assert.equal(ssh?.updates[3]?.body, 'We are seeing up to 2% of Git SSH connections failing.<br /><br />We have taken suspected problematic hosts out of rotation and are monitoring for recovery and continuing to investigate.');
  });

  it('filters by status, open, text, component, severity, time, label and visibility', async () => {
    const found = async (query: Parameters<StatuspageAdapter['listIncidents']>[0]) => ids((await adapter.listIncidents(query)).data);
    assert.deepEqual(await found({ status: ['resolved'] }), ['69sb0f8lydp4', 'r3x7x31k7nn1']);
    assert.deepEqual(await found({ status: ['investigating', 'monitoring'] }), []);
    assert.deepEqual(await found({ open: true }), []);
    assert.deepEqual(await found({ open: false }), ['69sb0f8lydp4', 'r3x7x31k7nn1']);
    assert.deepEqual(await found({ q: 'git SSH' }), ['r3x7x31k7nn1']);
    assert.deepEqual(await found({ q: 'pages' }), ['69sb0f8lydp4']);
    assert.deepEqual(await found({ component: 'vg70hn9s2tyj' }), ['69sb0f8lydp4']);
    assert.deepEqual(await found({ severity: ['SEV3'] }), ['r3x7x31k7nn1']);
    assert.deepEqual(await found({ from: '2024-09-16T20:00:00Z' }), ['69sb0f8lydp4']);
    assert.deepEqual(await found({ to: '2024-09-16T20:00:00Z' }), ['r3x7x31k7nn1']);
    assert.deepEqual(await found({ from: '2024-09-16T13:29:47.155Z', to: '2024-09-16T13:29:47.156Z' }), ['r3x7x31k7nn1']);
    assert.deepEqual(await found({ label: ['database'] }), []);
    assert.deepEqual(await found({ visibility: 'internal' }), []);
    assert.deepEqual(await found({ visibility: 'public', q: 'actions' }), ['69sb0f8lydp4']);
  });

  it('pages with limit and cursor', async () => {
    const first = await adapter.listIncidents({ limit: 1 });
    assert.deepEqual(ids(first.data), ['69sb0f8lydp4']);
    assert.equal(typeof first.nextCursor, 'string');
    const second = await adapter.listIncidents({ limit: 1, cursor: first.nextCursor ?? '' });
    assert.deepEqual(ids(second.data), ['r3x7x31k7nn1']);
    assert.equal(second.nextCursor, null);
  });

  it('rejects a bad query as validation before any request', async () => {
    const count = served.requests.length;
    await rejectsWith(adapter.listIncidents({ cursor: 'abc' }), 'validation', /cursor/);
    await rejectsWith(adapter.listIncidents({ limit: 0 }), 'validation', /limit/i);
    await rejectsWith(adapter.listIncidents({ from: 'yesterday' }), 'validation', /yesterday/);
    await rejectsWith(adapter.listMaintenances({ from: '2024-02-01T00:00:00Z', to: '2024-01-01T00:00:00Z' }), 'validation', /"to" cannot be before "from"/);
    assert.equal(served.requests.length, count);
  });

  it('gets one incident, or not_found', async () => {
    const ssh = await adapter.getIncident('r3x7x31k7nn1');
    assert.equal(ssh.title, 'Disruption with Git SSH');
    assert.equal(ssh.version, ms('2024-09-16T14:28:03.830Z'));
    assert.deepEqual(ssh.updates.map((u) => u.status), ['resolved', 'investigating', 'investigating', 'investigating', 'investigating', 'investigating']);
    assert.deepEqual(ssh.components, []);
    const missing = await rejectsWith(adapter.getIncident('80d0cs6kpsps'), 'not_found', /80d0cs6kpsps/);
    assert.match(missing.message, /50 most recent/);
  });

  it('lists and gets maintenances, filtered by status and window', async () => {
    const all = await adapter.listMaintenances();
    assert.deepEqual(ids(all.data), ['6gpzw3mdnkwj']);
    assert.deepEqual(ids((await adapter.listMaintenances({ status: ['completed'] })).data), ['6gpzw3mdnkwj']);
    assert.deepEqual(ids((await adapter.listMaintenances({ status: ['scheduled', 'in_progress'] })).data), []);
    assert.deepEqual(ids((await adapter.listMaintenances({ from: '2021-08-12T00:00:00Z', to: '2021-08-12T12:00:00Z' })).data), ['6gpzw3mdnkwj']);
    assert.deepEqual(ids((await adapter.listMaintenances({ from: '2021-09-01T00:00:00Z' })).data), []);
    assert.deepEqual(ids((await adapter.listMaintenances({ to: '2021-08-01T00:00:00Z' })).data), []);
    const sunset = await adapter.getMaintenance('6gpzw3mdnkwj');
    assert.equal(sunset.status, 'completed');
    assert.deepEqual(sunset.components, ['brv1bkgrwx7q']);
    assert.deepEqual(sunset.updates.map((u) => u.status), ['completed', 'in_progress', 'scheduled', 'scheduled']);
    assert.equal(sunset.scheduledUntil, '2021-08-13T14:00:00.000Z');
    await rejectsWith(adapter.getMaintenance('w1zdr745wmfy'), 'not_found', /w1zdr745wmfy/);
  });

  it('has no postmortem summaries', async () => {
    await rejectsWith(adapter.getPostmortemSummary('69sb0f8lydp4'), 'not_found', /does not publish postmortem/);
  });
});

describe('StatuspageAdapter: a Hansei server', () => {
  it('reads the documents core renders for the server as the server itself would show them', async () => {
    const demo = demoDataset({ now: NOW });
    const data: StatuspageData = { page: demo.page, groups: demo.groups, components: demo.components, incidents: demo.incidents, maintenances: demo.maintenances };
    const served = await serve({
      [SUMMARY]: JSON.stringify(toStatuspageSummary(data)),
      [COMPONENTS]: JSON.stringify(toStatuspageComponents(data)),
      [INCIDENTS]: JSON.stringify(toStatuspageIncidents(data)),
      [MAINTENANCES]: JSON.stringify(toStatuspageMaintenances(data)),
    });
    try {
      const adapter = new StatuspageAdapter({ baseUrl: served.baseUrl });
      const expected = statusSnapshot(data, new Date(NOW).toISOString());
      const got = await adapter.status();
      assert.deepEqual(got.status, expected.status);
      assert.deepEqual(ids(got.groups), ids(expected.groups));
      assert.deepEqual(got.components.map((c) => [c.id, c.status, c.groupId]), expected.components.map((c) => [c.id, c.status, c.groupId]));
      assert.ok(got.incidents.length > 0 && got.maintenances.length > 0, 'the demo has open incidents and maintenances');
      assert.deepEqual(got.incidents.map((i) => [i.id, i.status, i.impact, ids(i.updates)]), expected.incidents.map((i) => [i.id, i.status, i.impact, ids(i.updates)]));
      // v2 lists a maintenance's components by position, so only the set survives the trip.
      const shape = (m: { id: string; status: string; components: readonly string[] }) => [m.id, m.status, [...m.components].sort()];
      assert.deepEqual(got.maintenances.map(shape), expected.maintenances.map(shape));
      const listed = await adapter.listIncidents({ limit: 200 });
      assert.deepEqual(new Set(ids(listed.data)), new Set(ids(toStatuspageIncidents(data).incidents)));
      assert.deepEqual(ids(await adapter.listComponentGroups()), ids(expected.groups));
    } finally {
      await served.close();
    }
  });
});

// ---------------------------------------------------------------------------------------------
// What it cannot do

describe('StatuspageAdapter: read-only', () => {
  const adapter = new StatuspageAdapter({ baseUrl: 'http://127.0.0.1:9' });
  const SUPPORTED = new Set(['constructor', 'session', 'status', 'uptime', 'listComponents', 'listComponentGroups', 'listIncidents', 'getIncident', 'listMaintenances', 'getMaintenance', 'getPostmortemSummary', 'getPage', 'subscribe']);

  it('declares reading the status area only, without uptime, and not live', () => {
    assert.deepEqual(adapter.capabilities, { read: ['status'], write: [], live: false });
    assert.equal(can(adapter, 'status'), true);
    assert.equal(can(adapter, 'uptime'), false);
    assert.equal(can(adapter, 'status', 'write'), false);
  });

  it('rejects every write and every other area with unsupported, naming the method', async () => {
    const record = adapter as unknown as Record<string, unknown>;
    const names = [...new Set([...Object.keys(adapter), ...Object.getOwnPropertyNames(StatuspageAdapter.prototype)])].filter(
      (name) => !SUPPORTED.has(name) && typeof record[name] === 'function',
    );
    assert.ok(names.length >= 54, `only ${names.length} methods`);
    for (const name of ['declareIncident', 'postIncidentUpdate', 'updateMaintenance', 'createPostmortem', 'moveAction', 'ingestSamples', 'replacePage', 'createToken', 'metrics', 'getPerson']) {
      assert.ok(names.includes(name), name);
    }
    for (const name of names) {
      const call = (record[name] as (...args: unknown[]) => Promise<unknown>).call(adapter, 'x', {}, 1);
      await rejectsWith(call, 'unsupported', new RegExp(`^${name} .*read-only`));
    }
  });

  it('has no uptime and an anonymous session', async () => {
    await rejectsWith(adapter.uptime(), 'unsupported', /no uptime history/);
    assert.deepEqual(await adapter.session(), { role: null, token: null });
    await rejectsWith(adapter.session({ signal: AbortSignal.abort() }), 'aborted');
  });

  it('refuses bad options with a clear TypeError', () => {
    assert.throws(() => new StatuspageAdapter({ baseUrl: 'www.githubstatus.com' }), /absolute http\(s\) address/);
    assert.throws(() => new StatuspageAdapter({ baseUrl: 'ftp://example.com' }), /absolute http\(s\) address/);
    assert.throws(() => new StatuspageAdapter({ baseUrl: 'https://example.com', pollMs: 0 }), /pollMs/);
    assert.throws(() => new StatuspageAdapter({ baseUrl: 'https://example.com', timeoutMs: Number.NaN }), /timeoutMs/);
  });
});

// ---------------------------------------------------------------------------------------------
// Failures

describe('StatuspageAdapter: failures end in typed errors', () => {
  let served: Served;
  const slow = hanging();
  const stuck = hanging();
  const broken = parse(twilio);
  (broken.components[3] as { status: string }).status = 'sideways';
  before(async () => {
    served = await serve({
      [SUMMARY]: (_req, res) => res.writeHead(503, { 'retry-after': '7', 'content-type': 'text/html' }).end('<h1>Service Unavailable</h1>'),
      [COMPONENTS]: (_req, res) => res.writeHead(500).end(),
      [INCIDENTS]: (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Status</title>'),
      [MAINTENANCES]: JSON.stringify({ page: broken.page, incidents: [] }),
      '/broken/api/v2/summary.json': JSON.stringify(broken),
      '/slow/api/v2/summary.json': slow.handler,
      '/stuck/api/v2/summary.json': stuck.handler,
    });
  });
  after(() => served.close());

  it('maps a 503 to unavailable with its Retry-After', async () => {
    const error = await rejectsWith(new StatuspageAdapter({ baseUrl: served.baseUrl }).status(), 'unavailable', /HTTP 503/);
    assert.equal(error.status, 503);
    assert.equal(error.retryAfterMs, 7000);
    assert.equal(error.transient, true);
  });

  it('maps a 500 to server, a 404 to not_found, HTML to bad_response', async () => {
    const adapter = new StatuspageAdapter({ baseUrl: served.baseUrl });
    await rejectsWith(adapter.listComponents(), 'server', /HTTP 500/);
    await rejectsWith(new StatuspageAdapter({ baseUrl: `${served.baseUrl}/nowhere` }).status(), 'not_found', /HTTP 404.*Statuspage page/);
    await rejectsWith(adapter.listIncidents(), 'bad_response', /did not answer with JSON/);
  });

  it('turns a malformed document into bad_response naming the field', async () => {
    await rejectsWith(new StatuspageAdapter({ baseUrl: `${served.baseUrl}/broken` }).status(), 'bad_response', /components\[3\]\.status/);
    await rejectsWith(new StatuspageAdapter({ baseUrl: served.baseUrl }).listMaintenances(), 'bad_response', /scheduled_maintenances/);
  });

  it('times out a page that does not answer', async () => {
    await rejectsWith(new StatuspageAdapter({ baseUrl: `${served.baseUrl}/slow`, timeoutMs: 40 }).status(), 'timeout', /did not answer within 40 ms/);
    await rejectsWith(new StatuspageAdapter({ baseUrl: `${served.baseUrl}/slow` }).status({ timeoutMs: 30 }), 'timeout');
  });

  it('ends a call its signal aborts, before or during the request', async () => {
    const adapter = new StatuspageAdapter({ baseUrl: `${served.baseUrl}/stuck` });
    const count = served.requests.length;
    await rejectsWith(adapter.status({ signal: AbortSignal.abort() }), 'aborted');
    assert.equal(served.requests.length, count, 'no request once aborted');
    const controller = new AbortController();
    const call = adapter.status({ signal: controller.signal });
    await stuck.hit;
    controller.abort();
    await rejectsWith(call, 'aborted', /cancelled/);
  });

  it('maps a refused connection to network', async () => {
    const gone = await serve({});
    await gone.close();
    await rejectsWith(new StatuspageAdapter({ baseUrl: gone.baseUrl }).status(), 'network', /Could not reach/);
  });
});

describe('StatuspageAdapter: conditional requests', () => {
  it('revalidates with ETag and Last-Modified, and reuses the body on 304', async () => {
    const served = await serve({ [SUMMARY]: githubOutage });
    try {
      const adapter = new StatuspageAdapter({ baseUrl: served.baseUrl, now: () => NOW });
      const first = await adapter.status();
      const second = await adapter.status();
      assert.deepEqual(second, first);
      const [a, b] = served.requests;
      assert.equal(a?.headers['if-none-match'], undefined);
      assert.match(String(b?.headers['if-none-match']), /^W\/"[0-9a-f]{40}"$/);
      assert.equal(b?.headers['if-modified-since'], 'Tue, 16 Jun 2020 21:00:29 GMT');
      assert.equal(served.notModified(), 1);

      const plain = new StatuspageAdapter({ baseUrl: served.baseUrl, conditional: false });
      await plain.status();
      await plain.status();
      assert.equal(served.requests.at(-1)?.headers['if-none-match'], undefined);
      assert.equal(served.notModified(), 1);
    } finally {
      await served.close();
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Live changes

/** Collects changes until `count` have come, then unsubscribes; resolves with them and the states. */
function collect(adapter: StatuspageAdapter, count: number): Promise<{ changes: Change[]; states: LiveState[] }> {
  const changes: Change[] = [];
  const states: LiveState[] = [];
  return new Promise((resolve) => {
    const stop = adapter.subscribe(
      (change) => {
        changes.push(change);
        if (changes.length === count) {
          stop();
          resolve({ changes, states });
        }
      },
      { onState: (state) => states.push(state) },
    );
  });
}

describe('StatuspageAdapter: subscribe', () => {
  it('reports closed once when not polling', async () => {
    const states: LiveState[] = [];
    new StatuspageAdapter({ baseUrl: 'http://127.0.0.1:9' }).subscribe(() => assert.fail('no changes without polling'), { onState: (s) => states.push(s) });
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(states, [{ state: 'closed' }]);
  });

  it('polls summary.json, rides out a 503, and delivers what changed', { timeout: 10_000 }, async () => {
    const served = await serve({ [SUMMARY]: sequence([githubQuiet, 503, githubOutage, githubQuiet]), [INCIDENTS]: githubIncidents });
    try {
      const adapter = new StatuspageAdapter({ baseUrl: served.baseUrl, pollMs: 20 });
      assert.equal(adapter.capabilities.live, true);
      const { changes, states } = await collect(adapter, 18);

      assert.deepEqual(states.slice(0, 5).map((s) => s.state), ['connecting', 'open', 'retrying', 'connecting', 'open']);
      const retrying = states[2];
      assert.ok(retrying?.state === 'retrying');
      assert.equal(retrying.retryInMs, 20);
      assert.ok(retrying.error instanceof HanseiError && retrying.error.kind === 'unavailable');
      assert.deepEqual(states.at(-1), { state: 'closed' });

      // Quiet day -> outage: 8 components changed (one was untouched), one incident opened.
      assert.deepEqual(changes.slice(0, 9).map((c) => c.type), [...Array<string>(8).fill('component.updated'), 'incident.created']);
      const git = changes.find((c) => c.type === 'component.updated' && c.data.component.id === '8l4ygp009s5s');
      assert.ok(git?.type === 'component.updated');
      assert.equal(git.data.component.status, 'major_outage');
      assert.equal(git.data.component.version, ms('2020-04-02T20:26:21.656Z'));
      assert.ok(!changes.slice(0, 9).some((c) => c.type === 'component.updated' && c.data.component.id === '0l2p9nhqnxpd'));
      const opened = changes[8];
      assert.ok(opened?.type === 'incident.created');
      assert.equal(opened.data.incident.id, '80d0cs6kpsps');
      assert.equal(opened.data.incident.status, 'investigating');

      // Outage -> quiet again: the incident left the summary and incidents.json does not list it.
      assert.deepEqual(changes.slice(9).map((c) => c.type), [...Array<string>(8).fill('component.updated'), 'incident.withdrawn']);
      assert.deepEqual(changes[17], { type: 'incident.withdrawn', data: { id: '80d0cs6kpsps' } });
      assert.ok(served.requests.some((r) => r.path === INCIDENTS));
    } finally {
      await served.close();
    }
  });

  it('delivers a component removed and maintenances that left the summary', { timeout: 10_000 }, async () => {
    // Derived documents: the recorded Twilio summary, then the same summary without one
    // component and two maintenances; scheduled-maintenances.json lists one of the two.
    const doc = parse(twilio);
    const [tele2, att] = doc.scheduled_maintenances;
    const later = { ...doc, components: doc.components.filter((c) => c.id !== 'ld8ss4pqqskp'), scheduled_maintenances: doc.scheduled_maintenances.slice(2) };
    const served = await serve({
      [SUMMARY]: sequence([twilio, JSON.stringify(later)]),
      [MAINTENANCES]: JSON.stringify({ page: doc.page, scheduled_maintenances: [att] }),
    });
    try {
      const { changes, states } = await collect(new StatuspageAdapter({ baseUrl: served.baseUrl, pollMs: 20 }), 3);
      assert.deepEqual(changes[0], { type: 'component.deleted', data: { id: 'ld8ss4pqqskp' } });
      assert.deepEqual(
        changes.slice(1).map((c) => (c.type === 'maintenance.updated' ? [c.type, c.data.maintenance.id] : c.type === 'maintenance.deleted' ? [c.type, c.data.id] : [c.type])),
        [['maintenance.deleted', tele2?.id], ['maintenance.updated', att?.id]],
      );
      assert.deepEqual(states.map((s) => s.state), ['connecting', 'open', 'closed']);
    } finally {
      await served.close();
    }
  });

  it('stops when its signal aborts', { timeout: 10_000 }, async () => {
    const served = await serve({ [SUMMARY]: githubQuiet });
    try {
      const controller = new AbortController();
      const states: LiveState[] = [];
      const closed = new Promise<void>((resolve) => {
        new StatuspageAdapter({ baseUrl: served.baseUrl, pollMs: 20 }).subscribe(() => {}, {
          signal: controller.signal,
          onState: (state) => {
            states.push(state);
            if (state.state === 'open') controller.abort();
            if (state.state === 'closed') resolve();
          },
        });
      });
      await closed;
      assert.deepEqual(states.map((s) => s.state), ['connecting', 'open', 'closed']);
    } finally {
      await served.close();
    }
  });
});

describe('diffSummaries', () => {
  it('tells created, updated and deleted groups apart', async () => {
    const served = await serve({ [SUMMARY]: twilio });
    try {
      const before = await new StatuspageAdapter({ baseUrl: served.baseUrl }).status();
      const [first, second, ...rest] = before.groups;
      assert.ok(first && second);
      const renamed = { ...second, name: 'VOICE', version: second.version + 1 };
      const added = { ...first, id: 'new-group', name: 'NEW' };
      const { changes, gone } = diffSummaries(before, { ...before, groups: [renamed, ...rest, added] });
      assert.deepEqual(changes, [
        { type: 'component-group.created', data: { group: added } },
        { type: 'component-group.updated', data: { group: renamed } },
        { type: 'component-group.deleted', data: { id: first.id } },
      ]);
      assert.deepEqual(gone, { incidents: [], maintenances: [] });
      assert.deepEqual(diffSummaries(before, before).changes, []);
    } finally {
      await served.close();
    }
  });
});
