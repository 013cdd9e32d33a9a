import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { HanseiError, type HanseiAdapter } from '@hansei/adapters';
import { MemoryAdapter } from '@hansei/adapters/memory';
import type { Slo, SloReport } from '@hansei/core';
import { type HanseiSloGauge } from './slo-gauge.js';
import { setLocale } from '../internal/localization.js';
import { formatShare } from './format.js';
import '../define/provider.js';


/** The demo's now: Wednesday 25 November 2026, 18:30 in Tokyo. */
const NOW = Date.parse('2026-11-25T09:30:00.000Z');
const ZONE = 'Asia/Tokyo';
const HOUR = 3_600_000;

const root = (el: HTMLElement): ShadowRoot => el.shadowRoot!;
const part = (el: HTMLElement, name: string): HTMLElement | null => root(el).querySelector<HTMLElement>(`[part~="${name}"]`);
const parts = (el: HTMLElement, name: string): HTMLElement[] => [...root(el).querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
const squash = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();
const text = (el: HTMLElement, name: string): string => squash(part(el, name)?.textContent);
const value = (el: HTMLElement, figure: string): string => squash(part(el, figure)?.querySelector('.value')?.textContent);
const sub = (el: HTMLElement, figure: string): string => squash(part(el, figure)?.querySelector('.sub')?.textContent);

/** A clock the tests move, and a switch that makes every read fail. */
interface World {
  readonly clock: { now: number };
  readonly control: { fail: HanseiError | null };
  /** The demo organisation as a viewer reads it. */
  readonly adapter: MemoryAdapter;
  /** The same data, for writes. */
  readonly admin: MemoryAdapter;
}

function world(options: { latencyMs?: number } = {}): World {
  const clock = { now: NOW };
  const control: { fail: HanseiError | null } = { fail: null };
  const adapter = new MemoryAdapter({ now: () => clock.now, role: 'viewer', failWith: () => control.fail, ...options });
  return { clock, control, adapter, admin: adapter.as('admin') };
}

/** One demo organisation for the tests that only read. */
let shared: World;

/** The gauge inside a provider in Tokyo time. */
async function gauge(adapter: HanseiAdapter | undefined, attrs: { sloId?: string; size?: 'full' | 'compact'; width?: number } = {}): Promise<HanseiSloGauge> {
  const wrapper = await fixture<HTMLElement>(html`<div style=${attrs.width ? `inline-size: ${attrs.width}px` : ''}>
    <hansei-provider time-zone=${ZONE} .adapter=${adapter}>
      <hansei-slo-gauge slo-id=${attrs.sloId ?? ''} size=${attrs.size ?? 'full'} .now=${NOW}></hansei-slo-gauge>
    </hansei-provider>
  </div>`);
  return wrapper.querySelector('hansei-slo-gauge')!;
}

/** Waits until the gauge shows a report. */
async function ready(el: HanseiSloGauge): Promise<void> {
  await waitUntil(() => part(el, 'base'), 'the gauge never showed a report', { timeout: 5000 });
  await el.updateComplete;
}

/** Waits until the incident titles have been looked up. */
async function titled(el: HanseiSloGauge): Promise<void> {
  await waitUntil(() => parts(el, 'incident').length > 0 && !part(el, 'incidents')?.querySelector('code'), 'titles were not looked up');
  await el.updateComplete;
}

/** `adapter`, counting the calls of `method`. */
function counting(adapter: MemoryAdapter, method: keyof MemoryAdapter): { adapter: HanseiAdapter; calls: () => number } {
  let calls = 0;
  const proxy = new Proxy(adapter, {
    get(target, key) {
      const member: unknown = Reflect.get(target, key, target);
      if (typeof member !== 'function') return member;
      return (...args: unknown[]) => {
        if (key === method) calls += 1;
        return (member as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { adapter: proxy, calls: () => calls };
}

/** Samples that are all good from NOW for `hours`, every 5 minutes. */
function goodSamples(hours: number, from = NOW): { at: number; good: number; total: number }[] {
  const samples = [];
  for (let at = from; at < from + hours * HOUR; at += 300_000) samples.push({ at, good: 2000, total: 2000 });
  return samples;
}

describe('hansei-slo-gauge', () => {
  before(async () => {
    await import('../define/slo-gauge.js');
    shared = world();
  });

  describe('from the adapter (slo-id)', () => {
    it('burning: pages, with every figure, burn rate and incident', async () => {
      const el = await gauge(shared.adapter, { sloId: 'slo_checkin' });
      await ready(el);
      await titled(el);
      expect(text(el, 'name')).to.equal('QR check-in success');
      expect(text(el, 'alert')).to.equal('Page: the error budget is burning fast; act now.');
      expect(part(el, 'alert')?.classList.contains('tone-critical')).to.equal(true);
      expect(part(el, 'alert')?.querySelector('svg')?.getAttribute('aria-hidden')).to.equal('true');
      expect(text(el, 'window')).to.equal('Rolling 30 days, Oct 26 – Nov 25 · Counts events');
      expect(value(el, 'attainment')).to.equal('99.70%');
      expect(sub(el, 'attainment')).to.equal('Objective 99.5%');
      expect(text(el, 'attainment')).to.contain('Meets the objective');
      expect(value(el, 'budget')).to.equal('40.9%');
      expect(sub(el, 'budget')).to.equal('26,215 of 64,065 bad events left');
      // 21,567 s at the 1 hour rate: 00:29 the next day in Tokyo.
      expect(value(el, 'exhaustion')).to.equal('in 6 hours');
      expect(sub(el, 'exhaustion')).to.equal('at the 1 hr burn rate · Nov 26, 12:29 AM');
      const report = await shared.adapter.getSloReport('slo_checkin');
      expect(part(el, 'exhaustion')?.querySelector('time')?.getAttribute('datetime')).to.equal(new Date(NOW + report.timeToExhaustionMs!).toISOString());

      const rates = parts(el, 'burn-rate').map((li) => squash(li.textContent));
      expect(rates).to.deep.equal([
        'Page Firing 49.2× over 1 hr, 52.1× over 5 min Fires at 14.4×',
        'Page Firing 12.4× over 6 hr, 56.4× over 30 min Fires at 6×',
        'Ticket Firing 4.26× over 1 day, 26.5× over 2 hr Fires at 3×',
        'Ticket Firing 1.53× over 3 days, 12.4× over 6 hr Fires at 1×',
      ]);
      expect(parts(el, 'burn-rate-firing')).to.have.length(4);

      const incidents = parts(el, 'incident').map((li) => squash(li.textContent));
      expect(incidents[0]).to.equal('1 Check-in unavailable at studios with the new door controllers 26.3% of the budget · 16,864 bad events Nov 9, 8:01 – 10:01 AM');
      expect(incidents[1]).to.match(/^2 .+ 13\.4% of the budget · 8,596 bad events Since Nov 25, 5:39 PM, ongoing$/);
      expect(parts(el, 'marker')).to.have.length(2);
    });

    it('exhausted: overspent below zero, below the objective, already spent, no alert', async () => {
      const el = await gauge(shared.adapter, { sloId: 'slo_checkout' });
      await ready(el);
      expect(text(el, 'alert')).to.equal('OK: no burn-rate alert.');
      expect(part(el, 'alert')?.classList.contains('tone-none')).to.equal(true);
      expect(value(el, 'attainment')).to.equal('99.70%');
      expect(text(el, 'attainment')).to.contain('Below the objective');
      expect(value(el, 'budget')).to.equal('-192.1%');
      expect(sub(el, 'budget')).to.equal('7,385 bad events over the budget of 3,843');
      expect(text(el, 'budget')).to.contain('Overspent');
      expect(part(el, 'base')?.classList.contains('budget-overspent')).to.equal(true);
      expect(value(el, 'exhaustion')).to.equal('Already spent');
      expect(part(el, 'chart-image')?.getAttribute('aria-label')).to.contain('Below zero since Nov 1');
      expect(parts(el, 'burn-rate-firing')).to.have.length(0);
      expect(squash(parts(el, 'burn-rate')[0]?.textContent)).to.equal('Page Not firing 0.28× over 1 hr, 1.19× over 5 min Fires at 14.4×');
    });

    it('healthy on a calendar window: OK, and the budget lasts the window', async () => {
      const el = await gauge(shared.adapter, { sloId: 'slo_login' });
      await ready(el);
      expect(text(el, 'alert')).to.equal('OK: no burn-rate alert.');
      expect(text(el, 'window')).to.equal('Calendar window, Nov 1 – Dec 1 · Counts events');
      expect(value(el, 'attainment')).to.equal('99.98%');
      expect(value(el, 'budget')).to.equal('84.6%');
      expect(value(el, 'exhaustion')).to.equal('Lasts the window');
      expect(text(el, 'incidents')).to.equal('No incidents spent budget in this window.');
      expect(parts(el, 'marker')).to.have.length(0);
      // The window goes on after now: the line stops at "Now".
      expect(squash(root(el).querySelector('.x-axis')?.textContent)).to.equal('Nov 1 Now Dec 1');
    });

    it('healthy Timeslices: the budget in time, the slices it counts, not burning', async () => {
      const el = await gauge(shared.adapter, { sloId: 'slo_api_latency' });
      await ready(el);
      expect(text(el, 'window')).to.equal('Rolling 28 days, Oct 28 – Nov 25 · Counts 5 min slices, each good at 95%');
      expect(value(el, 'attainment')).to.equal('99.68%');
      expect(sub(el, 'attainment')).to.equal('Objective 99%');
      expect(value(el, 'budget')).to.equal('69%');
      // 80.64 slices of 5 minutes allowed, 25 spent.
      expect(sub(el, 'budget')).to.equal('4 hr 38 min of 6 hr 43 min of bad time left');
      expect(value(el, 'exhaustion')).to.equal('Not burning');
      expect(sub(el, 'exhaustion')).to.equal('No budget spent in the last 1 hr.');
      await titled(el);
      expect(squash(parts(el, 'incident')[0]?.textContent)).to.equal('1 Elevated latency on the public API 29.8% of the budget · 2 hr below target Nov 17, 2:04 – 4:34 PM');
    });

    it('ticket: after the incident is mitigated only the slow pair fires', async () => {
      const w = world();
      w.clock.now = NOW + HOUR;
      await w.admin.ingestSamples('slo_checkin', goodSamples(1));
      const el = await gauge(w.adapter, { sloId: 'slo_checkin' });
      await ready(el);
      expect(text(el, 'alert')).to.equal('Ticket: the error budget is burning; look into it in working hours.');
      expect(part(el, 'alert')?.classList.contains('tone-minor')).to.equal(true);
      expect(parts(el, 'burn-rate-firing').map((li) => squash(li.querySelector('.burn-severity')?.textContent))).to.deep.equal(['Ticket', 'Ticket']);
      expect(value(el, 'exhaustion')).to.equal('Not burning');
    });

    it('reads the report again on slo.samples and slo.updated when live', async () => {
      const w = world();
      const el = await gauge(w.adapter, { sloId: 'slo_checkin' });
      await ready(el);
      expect(squash(part(el, 'alert')?.querySelector('.alert-word')?.textContent)).to.equal('Page');
      const region = part(el, 'alert');
      w.clock.now = NOW + HOUR;
      await w.admin.ingestSamples('slo_checkin', goodSamples(1));
      await waitUntil(() => squash(part(el, 'alert')?.querySelector('.alert-word')?.textContent) === 'Ticket', 'the samples did not arrive', { timeout: 3000 });
      // The same live region, so the change is announced.
      expect(part(el, 'alert')).to.equal(region);

      const slo = await w.admin.getSlo('slo_checkin');
      await w.admin.updateSlo('slo_checkin', { name: 'Gate check-in success' }, slo.version);
      await waitUntil(() => text(el, 'name') === 'Gate check-in success', 'the SLO change did not arrive', { timeout: 3000 });
    });

    it('ignores changes to other SLOs', async () => {
      const w = world();
      const { adapter, calls } = counting(w.adapter, 'getSloReport');
      const el = await gauge(adapter, { sloId: 'slo_login' });
      await ready(el);
      expect(calls()).to.equal(1);
      await w.admin.ingestSamples('slo_checkin', goodSamples(1, NOW - HOUR));
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(calls()).to.equal(1);
      await w.admin.ingestSamples('slo_login', goodSamples(1, NOW - HOUR));
      await waitUntil(() => calls() === 2, 'did not read again', { timeout: 3000 });
    });

    it('shows loading, then the report', async () => {
      const w = world({ latencyMs: 300 });
      const el = await gauge(w.adapter, { sloId: 'slo_login' });
      expect(text(el, 'state')).to.equal('Loading SLO…');
      expect(part(el, 'state')?.getAttribute('role')).to.equal('status');
      await ready(el);
      expect(part(el, 'state')).to.equal(null);
    });

    it('shows the error, and Try again reads again', async () => {
      const w = world();
      w.control.fail = new HanseiError({ kind: 'network', message: 'Down.' });
      const el = await gauge(w.adapter, { sloId: 'slo_login' });
      await waitUntil(() => part(el, 'error'), 'no error shown');
      expect(text(el, 'error')).to.equal('The SLO could not be loaded. Check your connection and try again. Try again');
      expect(part(el, 'error')?.getAttribute('role')).to.equal('alert');
      w.control.fail = null;
      part(el, 'button')!.click();
      await ready(el);
      expect(text(el, 'name')).to.equal('Login availability');
    });

    it('says when there is no such SLO, without Try again', async () => {
      const el = await gauge(shared.adapter, { sloId: 'slo_nope' });
      await waitUntil(() => part(el, 'error'), 'no error shown');
      expect(text(el, 'error')).to.equal('There is no SLO with this id.');
      expect(part(el, 'button')).to.equal(null);
    });

    it('says when the reader may not read SLOs', async () => {
      const el = await gauge(shared.adapter.as(null), { sloId: 'slo_login' });
      await waitUntil(() => part(el, 'error'), 'no error shown');
      expect(text(el, 'error')).to.equal('Sign in to see this SLO.');
    });

    it('keeps the report it has when reading again fails, and says from when', async () => {
      const w = world();
      const el = await gauge(w.adapter, { sloId: 'slo_checkin' });
      await ready(el);
      w.control.fail = new HanseiError({ kind: 'network', message: 'Down.' });
      await el.reload();
      await el.updateComplete;
      expect(value(el, 'budget')).to.equal('40.9%');
      expect(text(el, 'as-of')).to.match(/^Showing the report from \d{1,2}:\d\d (AM|PM): it could not be refreshed just now\.$/);
      w.control.fail = null;
      await el.reload();
      await el.updateComplete;
      expect(part(el, 'as-of')).to.equal(null);
    });

    it('shows an error when the SLO is deleted', async () => {
      const w = world();
      const el = await gauge(w.adapter, { sloId: 'slo_login' });
      await ready(el);
      const slo = await w.admin.getSlo('slo_login');
      await w.admin.deleteSlo('slo_login', slo.version);
      await waitUntil(() => text(el, 'error') === 'There is no SLO with this id.', 'the deletion did not show', { timeout: 3000 });
    });

    it('switches SLO when slo-id changes, without showing the old one', async () => {
      const el = await gauge(shared.adapter, { sloId: 'slo_login' });
      await ready(el);
      el.sloId = 'slo_checkout';
      await el.updateComplete;
      expect(text(el, 'name')).not.to.equal('Login availability');
      await waitUntil(() => text(el, 'name') === 'Cashless checkout success', 'did not switch');
    });

    it('says so without data or adapter, and without slo-id', async () => {
      const none = await fixture<HanseiSloGauge>(html`<hansei-slo-gauge slo-id="slo_login"></hansei-slo-gauge>`);
      expect(text(none, 'missing-adapter')).to.contain('No data source');
      const adapter: HanseiAdapter = shared.adapter;
      const noId = await fixture<HanseiSloGauge>(html`<hansei-slo-gauge .adapter=${adapter}></hansei-slo-gauge>`);
      expect(text(noId, 'state')).to.equal('Set slo-id to the id of the SLO to show.');
    });
  });

  describe('from data (report and slo)', () => {
    let slo: Slo;
    let report: SloReport;
    before(async () => {
      slo = await shared.adapter.getSlo('slo_checkin');
      report = await shared.adapter.getSloReport('slo_checkin');
    });

    it('shows the report without reading it, and incident ids without an adapter', async () => {
      const el = await fixture<HanseiSloGauge>(html`<hansei-slo-gauge .report=${report} .slo=${slo} .now=${NOW}></hansei-slo-gauge>`);
      expect(text(el, 'name')).to.equal('QR check-in success');
      expect(value(el, 'budget')).to.equal('40.9%');
      expect(squash(part(el, 'alert')?.querySelector('.alert-word')?.textContent)).to.equal('Page');
      // No titles and no times: ids in the list, no markers.
      expect([...root(el).querySelectorAll('[part~="incident"] code')].map((c) => c.textContent)).to.deep.equal(['inc_0022', 'inc_0027']);
      expect(parts(el, 'marker')).to.have.length(0);
    });

    it('uses the titles and times the page gives', async () => {
      const incidents = [{ id: 'inc_0022', title: 'Gates stuck', startedAt: '2026-11-08T23:01:00.000Z', resolvedAt: '2026-11-09T01:01:00.000Z' }];
      const el = await fixture<HanseiSloGauge>(html`<hansei-provider time-zone=${ZONE}>
        <hansei-slo-gauge .report=${report} .slo=${slo} .incidents=${incidents} .now=${NOW} href-template="/incidents/{id}"></hansei-slo-gauge>
      </hansei-provider>`).then((p) => p.querySelector('hansei-slo-gauge')!);
      await el.updateComplete;
      const link = part(el, 'incident-link')!;
      expect(squash(link.textContent)).to.equal('Gates stuck');
      expect(link.getAttribute('href')).to.equal('/incidents/inc_0022');
      expect(parts(el, 'marker')).to.have.length(1);
    });

    it('looks titles up with getIncident when there is an adapter, reading no report', async () => {
      const { adapter, calls } = counting(shared.adapter, 'getSloReport');
      const el = await fixture<HanseiSloGauge>(html`<hansei-provider time-zone=${ZONE} .adapter=${adapter}>
        <hansei-slo-gauge slo-id="slo_login" .report=${report} .slo=${slo} .now=${NOW}></hansei-slo-gauge>
      </hansei-provider>`).then((p) => p.querySelector('hansei-slo-gauge')!);
      await titled(el);
      expect(text(el, 'incidents')).to.contain('Check-in unavailable at studios with the new door controllers');
      expect(parts(el, 'marker')).to.have.length(2);
      expect(text(el, 'name')).to.equal('QR check-in success');
      expect(calls()).to.equal(0);
    });

    it('names the SLO by its id without the slo', async () => {
      const el = await fixture<HanseiSloGauge>(html`<hansei-slo-gauge .report=${report} .now=${NOW}></hansei-slo-gauge>`);
      expect(text(el, 'name')).to.equal('slo_checkin');
      expect(text(el, 'window')).to.equal('Oct 26 – Nov 25 · Counts events');
    });

    it('counts Timeslices budgets in slices without the slo', async () => {
      const timeslices = await shared.adapter.getSloReport('slo_api_latency');
      const el = await fixture<HanseiSloGauge>(html`<hansei-slo-gauge .report=${timeslices} .now=${NOW}></hansei-slo-gauge>`);
      expect(sub(el, 'budget')).to.equal('55 of 80 bad slices left');
    });

    it('says when nothing was measured', async () => {
      const empty: SloReport = { ...report, good: 0, total: 0, attainment: null, budgetTotal: 0, budgetConsumed: 0, budgetRemaining: 1, alert: 'ok', timeToExhaustionMs: null, incidents: [], burnRates: report.burnRates.map((r) => ({ ...r, longRate: null, shortRate: null, firing: false })) };
      const el = await fixture<HanseiSloGauge>(html`<hansei-slo-gauge .report=${empty} .slo=${slo} .now=${NOW}></hansei-slo-gauge>`);
      expect(value(el, 'attainment')).to.equal('—');
      expect(text(el, 'attainment')).to.contain('No events measured yet');
      expect(sub(el, 'exhaustion')).to.equal('Nothing measured in the last 1 hr.');
      expect(squash(parts(el, 'burn-rate')[0]?.textContent)).to.contain('no data over 1 hr');
    });
  });

  describe('compact and full', () => {
    it('compact: one line with name, attainment, budget left and alert; no chart', async () => {
      const el = await gauge(shared.adapter, { sloId: 'slo_checkin', size: 'compact' });
      await ready(el);
      expect(text(el, 'base')).to.equal('QR check-in success 99.70% of 99.5% 40.9% budget left Page');
      expect(part(el, 'chart')).to.equal(null);
      expect(part(el, 'burn-rates')).to.equal(null);
      expect(part(el, 'alert')?.classList.contains('tone-critical')).to.equal(true);
      const over = await gauge(shared.adapter, { sloId: 'slo_checkout', size: 'compact' });
      await ready(over);
      expect(text(over, 'base')).to.equal('Cashless checkout success 99.70% of 99.9% Budget overspent (-192.1%) OK');
    });

    it('switches between sizes', async () => {
      const el = await gauge(shared.adapter, { sloId: 'slo_login', size: 'compact' });
      await ready(el);
      expect(part(el, 'chart')).to.equal(null);
      el.size = 'full';
      await el.updateComplete;
      expect(part(el, 'chart')).to.exist;
      expect(el.getAttribute('size')).to.equal('full');
    });
  });

  describe('text alternative', () => {
    it('says what the chart shows: the same figures as the picture and the words', async () => {
      const report = await shared.adapter.getSloReport('slo_checkout');
      const el = await gauge(shared.adapter, { sloId: 'slo_checkout' });
      await ready(el);
      await titled(el);
      const image = part(el, 'chart-image')!;
      expect(image.getAttribute('role')).to.equal('img');
      const label = image.getAttribute('aria-label')!;
      const now = formatShare(report.budgetRemaining, 'en');
      const lowest = formatShare(Math.min(...report.budgetSeries.map((p) => p.remaining)), 'en');
      expect(now).to.equal(value(el, 'budget'));
      // The first point of the series below zero, in Tokyo time.
      const below = report.budgetSeries.find((p) => p.remaining < 0)!.at;
      const belowText = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone: ZONE }).format(below);
      expect(belowText).to.equal('Nov 1, 1:40 PM');
      expect(label).to.equal(
        `Error budget left over the window, Oct 26 – Nov 25: 100% at the start, ${now} now, lowest ${lowest}. Below zero since ${belowText}. 2 incidents that spent budget are marked and listed below.`,
      );
      // The hidden table: the same figures, row by row.
      const table = part(el, 'chart-table')!;
      const rows = [...table.querySelectorAll('tr')].map((tr) => [squash(tr.querySelector('th')?.textContent), squash(tr.querySelector('td')?.textContent)]);
      expect(rows).to.deep.equal([
        ['Window', 'Rolling 30 days, Oct 26 – Nov 25'],
        ['Budget left at the start', '100%'],
        ['Budget left now', now],
        ['Lowest', `${lowest} (Nov 25, 6:30 PM)`],
        ['Below zero since', belowText],
        ['Incidents that spent budget', '2'],
      ]);
      expect(table.parentElement!.getBoundingClientRect().width).to.be.at.most(1);
      expect(table.parentElement!.classList.contains('visually-hidden')).to.equal(true);
      // Every incident: its share of the budget as the report says, in the list and on its marker.
      const listed = parts(el, 'incident');
      expect(listed).to.have.length(report.incidents.length);
      report.incidents.forEach((use, i) => {
        expect(squash(listed[i]?.textContent)).to.contain(`${formatShare(use.budgetFraction, 'en')} of the budget`);
        expect(listed[i]?.dataset['id']).to.equal(use.incidentId);
      });
      const names = parts(el, 'marker').map((m) => squash(m.textContent));
      expect(names).to.deep.equal(['Incident 1: Some members charged twice for monthly membership fees', 'Incident 2: Card payments failing at some studios']);
    });

    it('places each marker where its incident starts in the window', async () => {
      const report = await shared.adapter.getSloReport('slo_checkout');
      const el = await gauge(shared.adapter, { sloId: 'slo_checkout' });
      await ready(el);
      await titled(el);
      const incident = await shared.adapter.getIncident('inc_0020');
      const expected = ((Date.parse(incident.startedAt) - report.windowStart) / (report.windowEnd - report.windowStart)) * 100;
      const marker = parts(el, 'marker')[0]!;
      expect(Number(marker.style.getPropertyValue('--_x'))).to.be.closeTo(expected, 0.01);
      const plot = root(el).querySelector('.plot')!.getBoundingClientRect();
      const box = marker.getBoundingClientRect();
      expect(box.left + box.width / 2 - plot.left).to.be.closeTo((plot.width * expected) / 100, 1);
    });
  });

  describe('keyboard', () => {
    it('focuses incident markers with Tab, shows their details, moves with arrows, closes with Escape', async () => {
      const el = await gauge(shared.adapter, { sloId: 'slo_checkin' });
      await ready(el);
      await titled(el);
      const [first, second] = parts(el, 'marker');
      first!.focus();
      await el.updateComplete;
      expect(first!.getAttribute('aria-expanded')).to.equal('true');
      expect(text(el, 'incident-detail')).to.equal('1 Check-in unavailable at studios with the new door controllers 26.3% of the budget · 16,864 bad events Nov 9, 8:01 – 10:01 AM');
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expect(root(el).activeElement).to.equal(second);
      expect(second!.getAttribute('aria-expanded')).to.equal('true');
      expect(first!.getAttribute('aria-expanded')).to.equal('false');
      expect(text(el, 'incident-detail')).to.contain('13.4% of the budget');
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(part(el, 'incident-detail')).to.equal(null);
      expect(second!.getAttribute('aria-expanded')).to.equal('false');
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(second!.getAttribute('aria-expanded')).to.equal('true');
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      await el.updateComplete;
      expect(root(el).activeElement).to.equal(first);
      expect(text(el, 'incident-detail')).to.contain('26.3% of the budget');
    });

    it('reaches the links in a detail with Tab, and Escape from there returns to the marker', async () => {
      const el = await gauge(shared.adapter, { sloId: 'slo_checkin' });
      el.hrefTemplate = '/incidents/{id}';
      await ready(el);
      await titled(el);
      const first = parts(el, 'marker')[0]!;
      first.focus();
      await el.updateComplete;
      // The next Tab stop after a marker is its open detail's link.
      await sendKeys({ press: 'Tab' });
      await el.updateComplete;
      const active = root(el).activeElement as HTMLElement;
      expect(active.closest('[part~="incident-detail"]')).to.exist;
      expect(active.getAttribute('href')).to.equal('/incidents/inc_0022');
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(root(el).activeElement).to.equal(first);
      expect(part(el, 'incident-detail')).to.equal(null);
    });

    it('opens a detail on mouse hover and closes it when the pointer leaves', async () => {
      const el = await gauge(shared.adapter, { sloId: 'slo_checkin' });
      await ready(el);
      await titled(el);
      const marker = parts(el, 'marker')[0]!;
      marker.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true, pointerType: 'mouse' }));
      await el.updateComplete;
      expect(marker.getAttribute('aria-expanded')).to.equal('true');
      expect(text(el, 'incident-detail')).to.contain('Check-in unavailable');
      marker.dispatchEvent(new PointerEvent('pointerout', { bubbles: true, composed: true, pointerType: 'mouse', relatedTarget: document.body }));
      await el.updateComplete;
      expect(part(el, 'incident-detail')).to.equal(null);
      // Touch does not hover (a tap opens it, see below).
      parts(el, 'marker')[1]!.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true, pointerType: 'touch' }));
      await el.updateComplete;
      expect(part(el, 'incident-detail')).to.equal(null);
    });

    it('opens a detail on tap and closes it on a tap outside', async () => {
      const el = await gauge(shared.adapter, { sloId: 'slo_checkin' });
      await ready(el);
      await titled(el);
      const marker = parts(el, 'marker')[1]!;
      marker.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
      marker.click();
      await el.updateComplete;
      expect(marker.getAttribute('aria-expanded')).to.equal('true');
      document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
      await el.updateComplete;
      expect(marker.getAttribute('aria-expanded')).to.equal('false');
    });
  });

  describe('in Japanese', () => {
    before(async () => {
      await setLocale('ja');
    });
    after(async () => {
      await setLocale('en');
    });

    it('says every figure in Japanese, with Japanese dates and numbers', async () => {
      const el = await gauge(shared.adapter, { sloId: 'slo_checkin' });
      await ready(el);
      await titled(el);
      expect(squash(part(el, 'alert')?.querySelector('.alert-word')?.textContent)).to.equal('呼び出し');
      expect(text(el, 'window')).to.equal('直近 30 日、10月26日～11月25日 · イベント数で計算');
      expect(sub(el, 'attainment')).to.equal('目標 99.5%');
      expect(sub(el, 'budget')).to.equal('不良イベントの許容数 64,065 件のうち残り 26,215 件');
      expect(value(el, 'exhaustion')).to.equal('6 時間後');
      expect(squash(parts(el, 'burn-rate')[0]?.textContent)).to.equal('呼び出し 発報中 1 時間で 49.2倍、5 分で 52.1倍 14.4倍以上で発報');
      expect(part(el, 'chart-image')?.getAttribute('aria-label')).to.match(/^期間中の残りエラーバジェット（10月26日～11月25日）：開始時 100%、現在 40.9%、最低 40.9%。/);
      expect(parts(el, 'marker')[0]?.textContent?.replace(/\s+/g, ' ').trim()).to.equal('インシデント 1: Check-in unavailable at studios with the new door controllers');
      await expect(el).to.be.accessible();
    });

    it('compact, in Japanese', async () => {
      const el = await gauge(shared.adapter, { sloId: 'slo_checkout', size: 'compact' });
      await ready(el);
      expect(text(el, 'base')).to.equal('Cashless checkout success 99.70%（目標 99.9%） バジェット超過（-192.1%） 正常');
    });
  });

  describe('accessibility, theme and size', () => {
    afterEach(async () => {
      await emulateMedia({ colorScheme: 'light' });
    });

    for (const scheme of ['light', 'dark'] as const) {
      it(`has no axe violations in ${scheme}, every demo SLO, full and compact`, async () => {
        const background = scheme === 'dark' ? '#0d1117' : '#ffffff';
        for (const sloId of ['slo_checkin', 'slo_checkout', 'slo_login', 'slo_api_latency']) {
          for (const size of ['full', 'compact'] as const) {
            const wrapper = await fixture<HTMLElement>(html`<div style="--hansei-color-scheme: ${scheme}; background: ${background}; padding: 8px">
              <hansei-provider time-zone=${ZONE} .adapter=${shared.adapter}>
                <hansei-slo-gauge slo-id=${sloId} size=${size} .now=${NOW}></hansei-slo-gauge>
              </hansei-provider>
            </div>`);
            const el = wrapper.querySelector('hansei-slo-gauge')!;
            await ready(el);
            if (size === 'full' && sloId !== 'slo_login') await titled(el);
            await expect(wrapper).to.be.accessible();
          }
        }
      });
    }

    it('has no axe violations with a detail open, and in its states', async () => {
      const el = await gauge(shared.adapter, { sloId: 'slo_checkin' });
      el.hrefTemplate = '/incidents/{id}';
      await ready(el);
      await titled(el);
      parts(el, 'marker')[0]!.focus();
      await el.updateComplete;
      await expect(el).to.be.accessible();
      const failing = world();
      failing.control.fail = new HanseiError({ kind: 'network', message: 'Down.' });
      const broken = await gauge(failing.adapter, { sloId: 'slo_login' });
      await waitUntil(() => part(broken, 'error'));
      await expect(broken).to.be.accessible();
    });

    it('is dark when the viewer prefers dark', async () => {
      await emulateMedia({ colorScheme: 'dark' });
      const el = await gauge(shared.adapter, { sloId: 'slo_checkin' });
      await ready(el);
      expect(getComputedStyle(part(el, 'base')!).backgroundColor).to.equal('rgb(13, 17, 23)');
      expect(getComputedStyle(part(el, 'alert')!).borderTopColor).to.equal('rgb(248, 81, 73)');
    });

    for (const locale of ['en', 'ja'] as const) {
      it(`fits 320 px in both sizes (${locale})`, async () => {
        await setLocale(locale);
        try {
          for (const size of ['full', 'compact'] as const) {
            for (const sloId of ['slo_checkin', 'slo_checkout', 'slo_api_latency']) {
              const el = await gauge(shared.adapter, { sloId, size, width: 320 });
              await ready(el);
              const base = part(el, 'base')!;
              expect(base.getBoundingClientRect().width, `${sloId} ${size}`).to.be.at.most(320);
              expect(base.scrollWidth, `${sloId} ${size}`).to.be.at.most(base.clientWidth + 1);
              for (const inner of root(el).querySelectorAll<HTMLElement>('.figures, .plot, .burn-rates, .incidents, .line')) {
                expect(inner.getBoundingClientRect().right, `${sloId} ${size} ${inner.className}`).to.be.at.most(base.getBoundingClientRect().right + 0.5);
              }
            }
          }
        } finally {
          await setLocale('en');
        }
      });
    }
  });
});
