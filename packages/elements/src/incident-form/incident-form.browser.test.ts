import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { defineAdapter, HanseiError, type HanseiAdapter } from '@hansei/adapters';
import { MemoryAdapter } from '@hansei/adapters/memory';
import { createDrafts, openOfflineStore, type Drafts } from '@hansei/adapters/offline';
import { freshDrafts as sharedFreshDrafts } from '../internal/drafts-fixtures.test.js';
import { DEFAULT_SEVERITY_GUIDELINE, type IncidentCreateRequest, type SeverityGuideline } from '@hansei/core';
import { HanseiIncidentForm, type IncidentTemplate } from './incident-form.js';
import { emptyModel } from './model.js';
import { setLocale } from '../internal/localization.js';
import type { HanseiProvider } from '../provider/provider.js';

// Captured before the define module is imported (in `before`): the class module alone registers nothing.
const registeredByClassModule = customElements.get('hansei-incident-form');

const NOW = Date.UTC(2026, 10, 25, 9, 30);
const OPEN_ID = 'inc_0026'; // "Delayed push notifications": open, SEV3, monitoring, notifications degraded
const DRAFT_KEY = { element: 'hansei-incident-form', entity: 'new' } as const;

/** The demo backend in memory (typed as the interface, as an element sees it). */
const memory = (options: ConstructorParameters<typeof MemoryAdapter>[0] = {}): HanseiAdapter => new MemoryAdapter({ now: () => NOW, ...options });

const cleanups: (() => void | Promise<void>)[] = [];

/** A drafts store of its own (a fresh IndexedDB database), removed after the test. */
const freshDrafts = (name?: string) => sharedFreshDrafts(cleanups, name);

function $<T extends Element = HTMLElement>(el: HanseiIncidentForm, selector: string): T {
  const found = el.shadowRoot?.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
}

const text = (el: HanseiIncidentForm, selector: string) => $(el, selector).textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** Waits until the form (or its note) is shown. */
async function ready(el: HanseiIncidentForm): Promise<HanseiIncidentForm> {
  await waitUntil(() => el.shadowRoot?.querySelector('form, [part="read-only"], [part="missing-adapter"], [part="load-error"]'), 'the form did not load', {
    timeout: 3000,
  });
  await el.updateComplete;
  return el;
}

async function type(el: HanseiIncidentForm, selector: string, value: string, event = 'input'): Promise<void> {
  const input = $<HTMLInputElement>(el, selector);
  input.value = value;
  input.dispatchEvent(new Event(event, { bubbles: true, composed: true }));
  await el.updateComplete;
}

async function click(el: HanseiIncidentForm, selector: string): Promise<void> {
  $(el, selector).click();
  await el.updateComplete;
}

/** The button whose text starts with `label`. */
function button(el: HanseiIncidentForm, label: string): HTMLButtonElement {
  const found = [...(el.shadowRoot?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.trim().startsWith(label));
  if (!found) throw new Error(`no button ${label}`);
  return found;
}

async function fillValid(el: HanseiIncidentForm, title = 'Checkout fails for card payments'): Promise<void> {
  await type(el, '#f-title', title);
  await click(el, 'input[name="severity"][value="SEV2"]');
}

async function form(options: { adapter?: HanseiAdapter | undefined; drafts?: Drafts | null; incidentId?: string; templates?: IncidentTemplate[] } = {}) {
  const el = await fixture<HanseiIncidentForm>(html`<hansei-incident-form
    .adapter=${'adapter' in options ? options.adapter : memory()}
    .drafts=${options.drafts === undefined ? await freshDrafts() : options.drafts}
    .templates=${options.templates ?? []}
    incident-id=${options.incidentId ?? ''}
  ></hansei-incident-form>`);
  if (!options.incidentId) el.removeAttribute('incident-id');
  await el.updateComplete;
  return ready(el);
}

describe('hansei-incident-form', () => {
  afterEach(async () => {
    for (const undo of cleanups.splice(0)) await undo();
  });

  describe('registration', () => {
    it('is not registered by importing the class module, and is by the define module', async () => {
      expect(registeredByClassModule).to.equal(undefined);
      const first = await import('../define/incident-form.js');
      expect(customElements.get('hansei-incident-form')).to.equal(HanseiIncidentForm);
      expect(first.HanseiIncidentForm).to.equal(HanseiIncidentForm);
      expect(HanseiIncidentForm.formAssociated).to.equal(true);
    });
  });

  describe('declaring', () => {
    before(async () => {
      await import('../define/incident-form.js');
      await import('../define/provider.js');
    });

    it('declares through the adapter and says so with an event', async () => {
      const adapter = memory();
      const el = await form({ adapter });
      expect(text(el, 'h2')).to.equal('Declare an incident');
      await fillValid(el);
      await type(el, '#f-summary', 'Some customers cannot pay by card.');
      await type(el, '#f-message', 'We are looking into failed card payments.');
      await click(el, 'input[name="visibility"][value="public"]');
      await type(el, '#f-labels', 'payments, Team:SRE');
      const declared = oneEvent(el, 'hansei-incident-declared');
      button(el, 'Declare incident').click();
      const { detail } = await declared;
      expect(detail.incident.title).to.equal('Checkout fails for card payments');
      expect(detail.incident.severity).to.equal('SEV2');
      expect(detail.incident.labels).to.deep.equal(['payments', 'team:sre']);
      const stored = await adapter.getIncident(detail.incident.id);
      expect(stored.visibility).to.equal('public');
      expect(stored.updates[0]?.body).to.equal('We are looking into failed card payments.');
      await el.updateComplete;
      expect(text(el, '[part="done"]')).to.equal('Declared "Checkout fails for card payments".');
      expect($<HTMLInputElement>(el, '#f-title').value).to.equal('');
      expect(el.matches(':state(dirty)')).to.equal(false);
    });

    it('shows the guideline beside each level, with its advice for when unsure', async () => {
      const el = await form();
      const levels = el.shadowRoot!.querySelectorAll('[part="severity-level"]');
      expect(levels.length).to.equal(DEFAULT_SEVERITY_GUIDELINE.levels.length);
      const first = (levels[0]?.textContent ?? '').replace(/\s+/g, ' ');
      expect(first).to.contain('SEV1').and.contain('Critical').and.contain('Customer data is lost or corrupted.');
      expect(first).to.contain('Page the on-call responder now').and.contain('Acknowledge within 5 minutes');
      expect(first).to.contain('Incident Commander');
      expect(text(el, '[part="severity-advice"]')).to.equal('When unsure, pick the higher severity.');
      const radio = $<HTMLInputElement>(el, 'input[value="SEV1"]');
      expect(el.shadowRoot!.getElementById(radio.getAttribute('aria-describedby')!)?.textContent).to.contain('Payments fail');
    });

    it("uses the provider's guideline and time zone, and stores times in UTC", async () => {
      const guideline: SeverityGuideline = {
        ...DEFAULT_SEVERITY_GUIDELINE,
        whenUnsure: { en: 'Ask the incident commander.' },
      };
      const provider = await fixture<HanseiProvider>(html`<hansei-provider time-zone="Asia/Tokyo" .guideline=${guideline}>
        <hansei-incident-form .adapter=${memory()} .drafts=${null}></hansei-incident-form>
      </hansei-provider>`);
      const el = await ready(provider.querySelector('hansei-incident-form')!);
      expect(text(el, '[part="severity-advice"]')).to.equal('Ask the incident commander.');
      expect(text(el, '#f-times-hint')).to.equal('Times are in Asia/Tokyo (UTC+09:00).');
      await type(el, '#f-startedAt', '2026-11-25T18:30', 'change');
      await type(el, '#f-detectedAt', '2026-11-25T18:45', 'change');
      const value = el.value as IncidentCreateRequest;
      expect(value.startedAt).to.equal('2026-11-25T09:30:00.000Z');
      expect(value.detectedAt).to.equal('2026-11-25T09:45:00.000Z');
      expect($<HTMLInputElement>(el, '#f-startedAt').value).to.equal('2026-11-25T18:30');
    });

    it("previews the update in the status page's words", async () => {
      const el = await form();
      await type(el, '#f-title', 'Card payments failing');
      const changed = oneEvent(el, 'change');
      await click(el, 'input[name="status"][value="identified"]');
      expect((await changed).target).to.equal(el);
      await type(el, '#f-message', 'We found the cause.');
      const memberApp = [...el.shadowRoot!.querySelectorAll<HTMLLIElement>('.component')].find((li) => li.textContent?.includes('Member app'))!;
      memberApp.querySelector('input')!.click();
      await el.updateComplete;
      const select = memberApp.querySelector('select')!;
      select.value = 'partial_outage';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await el.updateComplete;
      const preview = text(el, '[part="preview-card"]');
      expect(preview).to.contain('Card payments failing');
      expect(preview).to.contain('Identified - We found the cause.');
      expect(preview).to.match(/Posted \w{3} \d{1,2}, \d{4}/);
      expect(preview).to.contain('This incident affects: Member app (Partial Outage).');
      expect(text(el, '[part="preview"]')).to.contain('This incident is internal');
      expect((el.value as IncidentCreateRequest).components).to.deep.equal([{ componentId: 'cmp_member_app', status: 'partial_outage' }]);
    });

    it('prefills from a template', async () => {
      const templates: IncidentTemplate[] = [
        { name: 'Login outage', title: 'Members cannot log in', severity: 'SEV1', impact: 'critical', labels: ['auth'] },
        { name: 'Slow API', title: 'Public API is slow', severity: 'SEV3', updateBody: 'The API is slower than usual.' },
      ];
      const el = await form({ templates });
      const select = $<HTMLSelectElement>(el, '#f-template');
      expect([...select.options].map((o) => o.textContent)).to.deep.equal(['Login outage', 'Slow API']);
      select.value = '1';
      button(el, 'Use template').click();
      await el.updateComplete;
      expect($<HTMLInputElement>(el, '#f-title').value).to.equal('Public API is slow');
      expect($<HTMLInputElement>(el, 'input[value="SEV3"]').checked).to.equal(true);
      expect($<HTMLTextAreaElement>(el, '#f-message').value).to.equal('The API is slower than usual.');
    });

    it('finds earlier incidents through the adapter and links them', async () => {
      const el = await form();
      await type(el, '#f-related-search', 'push');
      await waitUntil(() => el.shadowRoot!.querySelector('[part="related-results"]'), 'no results', { timeout: 2000 });
      await el.updateComplete;
      expect(text(el, '[part="related-results"]')).to.contain('Delayed push notifications');
      button(el, 'Link').click();
      await el.updateComplete;
      const related = (el.value as IncidentCreateRequest).related ?? [];
      expect(related).to.have.length(1);
      expect(text(el, '[part="related-list"]')).to.contain('Delayed push notifications');
      const relation = $<HTMLSelectElement>(el, '#f-related-0');
      relation.value = 'recurrence_of';
      relation.dispatchEvent(new Event('change', { bubbles: true }));
      await el.updateComplete;
      expect((el.value as IncidentCreateRequest).related?.[0]?.relation).to.equal('recurrence_of');
    });
  });

  describe('validation', () => {
    it("shows core's schema messages at the fields, with a summary linking to them", async () => {
      const el = await form();
      await type(el, '#f-title', '');
      button(el, 'Declare incident').click();
      await waitUntil(() => el.shadowRoot!.querySelector('[part="error-summary"]'));
      await el.updateComplete;
      expect(text(el, '#f-title-error')).to.equal('Title is required.');
      expect(text(el, '#f-severity-error')).to.equal('Severity is required.');
      expect($(el, '#f-title').getAttribute('aria-invalid')).to.equal('true');
      expect($(el, '#f-title').getAttribute('aria-describedby')).to.contain('f-title-error');
      const summary = $(el, '[part="error-summary"]');
      expect(el.shadowRoot!.activeElement).to.equal(summary);
      expect(text(el, '#error-summary-heading')).to.equal('There are 2 problems');
      expect(el.matches(':state(invalid)')).to.equal(true);
      summary.querySelector<HTMLAnchorElement>('a[href="#f-severity"]')!.click();
      expect(el.shadowRoot!.activeElement).to.equal($(el, 'input[value="SEV1"]'));
      // Messages follow the fields as they are fixed.
      await type(el, '#f-title', 'Fixed');
      expect(el.shadowRoot!.querySelector('#f-title-error')).to.equal(null);
    });

    it("shows the adapter's 422 at the field it names", async () => {
      const adapter = new MemoryAdapter({
        now: () => NOW,
        failWith: ({ method }) =>
          method === 'declareIncident'
            ? new HanseiError({
                kind: 'validation',
                status: 422,
                message: 'The body has a problem.',
                problem: { type: '/v1/problems/validation', title: 'Invalid request', status: 422, errors: [{ path: 'labels.0', message: 'Label "x" is reserved.' }] },
              })
            : null,
      });
      const el = await form({ adapter });
      await fillValid(el);
      await type(el, '#f-labels', 'x');
      expect(await el.submit()).to.equal(null);
      expect(text(el, '#f-labels-error')).to.equal('Label "x" is reserved.');
      expect(text(el, '[part="error-summary"]')).to.contain('Label "x" is reserved.');
    });

    it("shows the real adapter's 422 when the provider's guideline has a level the backend lacks", async () => {
      const guideline: SeverityGuideline = {
        ...DEFAULT_SEVERITY_GUIDELINE,
        levels: [{ ...DEFAULT_SEVERITY_GUIDELINE.levels[0]!, code: 'SEV0', rank: 0 }, ...DEFAULT_SEVERITY_GUIDELINE.levels],
      };
      const provider = await fixture<HanseiProvider>(html`<hansei-provider .guideline=${guideline}>
        <hansei-incident-form .adapter=${memory()} .drafts=${null}></hansei-incident-form>
      </hansei-provider>`);
      const el = await ready(provider.querySelector('hansei-incident-form')!);
      await type(el, '#f-title', 'Everything is down');
      await click(el, 'input[value="SEV0"]');
      await el.submit();
      expect(text(el, '#f-severity-error')).to.contain('Severity "SEV0" is not in the severity guideline');
    });

    it('shows other adapter errors at the action', async () => {
      const adapter = new MemoryAdapter({
        now: () => NOW,
        failWith: ({ method }) => (method === 'declareIncident' ? new HanseiError({ kind: 'unavailable', status: 503, message: 'The server is restarting; try again in a minute.' }) : null),
      });
      const el = await form({ adapter });
      await fillValid(el);
      await el.submit();
      expect(text(el, '[part="action-error"]')).to.equal('The incident was not declared. The server is restarting; try again in a minute.');
      expect(el.shadowRoot!.activeElement).to.equal($(el, '[part="action-error"]'));
    });
  });

  describe('drafts', () => {
    it('restores a draft after the element is created again, and keeps it on Keep', async () => {
      const first = await freshDrafts();
      const el = await form({ drafts: first });
      await type(el, '#f-title', 'Half-written incident');
      await click(el, 'input[value="SEV3"]');
      await waitUntil(async () => (await first.loadDraft(DRAFT_KEY)) !== null, 'no draft saved');
      await first.flush();
      el.remove();

      // A new store instance on the same database, as after a reload.
      const second = await freshDrafts(first.dbName);
      const again = await form({ drafts: second });
      expect(text(again, '[part="draft-banner"]')).to.match(/^Restored a draft from .+\. Keep Discard$/);
      expect($<HTMLInputElement>(again, '#f-title').value).to.equal('Half-written incident');
      expect($<HTMLInputElement>(again, 'input[value="SEV3"]').checked).to.equal(true);
      expect(again.matches(':state(dirty)')).to.equal(true);
      button(again, 'Keep').click();
      await again.updateComplete;
      expect(again.shadowRoot!.querySelector('[part="draft-banner"]')).to.equal(null);
      expect($<HTMLInputElement>(again, '#f-title').value).to.equal('Half-written incident');
    });

    it('discards a restored draft on Discard', async () => {
      const drafts = await freshDrafts();
      await drafts.saveDraft(DRAFT_KEY, { model: { ...emptyModel(NOW), title: 'Old idea' }, base: null });
      const el = await form({ drafts });
      expect($<HTMLInputElement>(el, '#f-title').value).to.equal('Old idea');
      button(el, 'Discard').click();
      await el.updateComplete;
      expect($<HTMLInputElement>(el, '#f-title').value).to.equal('');
      await waitUntil(async () => (await drafts.loadDraft(DRAFT_KEY)) === null, 'draft still there');
    });

    it("keeps drafts in the page's offline store when no drafts property is set", async () => {
      const el = await form({ drafts: undefined, adapter: memory() });
      el.drafts = undefined;
      await type(el, '#f-title', 'Kept in the page store');
      const page = createDrafts(await openOfflineStore());
      cleanups.push(() => page.dispose());
      await waitUntil(async () => (await page.loadDraft<{ model: { title: string } }>(DRAFT_KEY))?.value.model.title === 'Kept in the page store', 'not in the page store');
      el.reset();
      await waitUntil(async () => (await page.loadDraft(DRAFT_KEY)) === null, 'not discarded');
    });

    it('restores an update draft against the version it was written for, so saving shows what changed since', async () => {
      const backend = new MemoryAdapter({ now: () => NOW });
      const adapter: HanseiAdapter = backend;
      const then = await adapter.getIncident(OPEN_ID);
      const drafts = await freshDrafts();
      const { modelFromIncident } = await import('./model.js');
      await drafts.saveDraft({ element: 'hansei-incident-form', entity: OPEN_ID }, { model: { ...modelFromIncident(then), title: 'Drafted title' }, base: then });
      await backend.as('responder').updateIncident(OPEN_ID, { title: 'Changed meanwhile' }, then.version);
      const el = await form({ adapter, drafts, incidentId: OPEN_ID });
      expect($<HTMLInputElement>(el, '#f-title').value).to.equal('Drafted title');
      expect(await el.submit()).to.equal(null);
      expect(el.matches(':state(conflict)')).to.equal(true);
      expect(text(el, '.conflict-fields')).to.contain('Changed meanwhile');
    });

    it('clears the draft when the submit succeeds', async () => {
      const drafts = await freshDrafts();
      const el = await form({ drafts });
      await fillValid(el);
      await waitUntil(async () => (await drafts.loadDraft(DRAFT_KEY)) !== null, 'no draft saved');
      expect(await el.submit()).to.not.equal(null);
      expect(await drafts.loadDraft(DRAFT_KEY)).to.equal(null);
    });
  });

  describe('updating', () => {
    it('loads the incident and posts an update with a new status and component changes', async () => {
      const adapter = memory();
      const el = await form({ adapter, incidentId: OPEN_ID });
      expect(text(el, 'h2')).to.equal('Update: Delayed push notifications');
      expect($<HTMLInputElement>(el, '#f-title').value).to.equal('Delayed push notifications');
      expect($<HTMLInputElement>(el, 'input[name="status"][value="monitoring"]').checked).to.equal(true);
      await click(el, 'input[name="status"][value="resolved"]');
      const row = [...el.shadowRoot!.querySelectorAll<HTMLLIElement>('.component')].find((li) => li.textContent?.includes('Notifications'))!;
      const select = row.querySelector('select')!;
      select.value = 'operational';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await type(el, '#f-message', 'Notifications are delivered on time again.');
      expect(text(el, '[part="submit"]')).to.equal('Post update');
      expect(row.textContent).to.contain('was Degraded Performance');
      const updated = oneEvent(el, 'hansei-incident-updated');
      await el.submit();
      const { detail } = await updated;
      expect(detail.update?.body).to.equal('Notifications are delivered on time again.');
      expect(detail.update?.status).to.equal('resolved');
      const stored = await adapter.getIncident(OPEN_ID);
      expect(stored.status).to.equal('resolved');
      expect(stored.components).to.deep.equal([{ componentId: 'cmp_notifications', status: 'operational' }]);
      expect(text(el, '[part="done"]')).to.equal('Update posted.');
    });

    it('saves changed fields with the version through updateIncident', async () => {
      const adapter = memory();
      const before = await adapter.getIncident(OPEN_ID);
      const el = await form({ adapter, incidentId: OPEN_ID });
      await click(el, 'input[value="SEV2"]');
      await type(el, '#f-title', 'Push notifications delayed by up to an hour');
      expect(text(el, '[part="submit"]')).to.equal('Save changes');
      const value = el.value as { patch: unknown; post: unknown; version: number };
      expect(value.version).to.equal(before.version);
      expect(value.patch).to.deep.equal({ title: 'Push notifications delayed by up to an hour', severity: 'SEV2' });
      expect(value.post).to.equal(null);
      const updated = oneEvent(el, 'hansei-incident-updated');
      await el.submit();
      const { detail } = await updated;
      expect(detail.update).to.equal(undefined);
      const stored = await adapter.getIncident(OPEN_ID);
      expect(stored.severity).to.equal('SEV2');
      expect(stored.version).to.equal(before.version + 1);
    });

    it('refuses to send nothing', async () => {
      const el = await form({ incidentId: OPEN_ID });
      expect(await el.submit()).to.equal(null);
      expect(text(el, '#f-message-error')).to.equal('Nothing to send: write an update, or change a field.');
    });

    it('says so when the incident cannot be loaded', async () => {
      const el = await form({ incidentId: 'inc_missing' });
      expect(text(el, '[part="load-error"]')).to.contain('There is no incident with id "inc_missing"');
      expect(button(el, 'Try again')).to.exist;
    });
  });

  describe('conflicts', () => {
    async function conflicted() {
      const backend = new MemoryAdapter({ now: () => NOW });
      const adapter: HanseiAdapter = backend;
      const other = backend.as('responder'); // another person, same backend
      const el = await form({ adapter, incidentId: OPEN_ID });
      const loaded = await other.getIncident(OPEN_ID);
      await other.updateIncident(OPEN_ID, { title: 'Theirs: push notifications late', severity: 'SEV2' }, loaded.version);
      await type(el, '#f-title', 'Mine: notifications delayed');
      await type(el, '#f-labels', 'notifications, mobile');
      expect(await el.submit()).to.equal(null);
      return { adapter, el };
    }

    it('shows what changed, field by field, yours against now', async () => {
      const { el } = await conflicted();
      expect(el.matches(':state(conflict)')).to.equal(true);
      expect(text(el, '#conflict-heading')).to.equal('Someone else changed this incident');
      const rows = [...el.shadowRoot!.querySelectorAll('.conflict-fields > li')].map((li) =>
        [li.querySelector('h4'), ...li.querySelectorAll('dt, dd')].map((e) => e?.textContent?.trim()),
      );
      expect(rows).to.deep.equal([
        ['Title', 'Yours', 'Mine: notifications delayed', 'Now', 'Theirs: push notifications late'],
        ['Severity', 'Yours', 'SEV3 Minor', 'Now', 'SEV2 Major'],
      ]);
      expect(el.shadowRoot!.activeElement).to.equal($(el, '#conflict-heading'));
    });

    it('keeps mine and saves again with the new version', async () => {
      const { adapter, el } = await conflicted();
      const updated = oneEvent(el, 'hansei-incident-updated');
      button(el, 'Keep mine').click();
      await updated;
      const stored = await adapter.getIncident(OPEN_ID);
      expect(stored.title).to.equal('Mine: notifications delayed');
      expect(stored.severity).to.equal('SEV3');
      expect(stored.labels).to.include('mobile');
      expect(el.matches(':state(conflict)')).to.equal(false);
    });

    it('takes theirs', async () => {
      const { adapter, el } = await conflicted();
      button(el, 'Take theirs').click();
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part="conflict"]')).to.equal(null);
      expect($<HTMLInputElement>(el, '#f-title').value).to.equal('Theirs: push notifications late');
      expect($<HTMLInputElement>(el, 'input[value="SEV2"]').checked).to.equal(true);
      const stored = await adapter.getIncident(OPEN_ID);
      expect((el.value as { version: number }).version).to.equal(stored.version);
    });
  });

  describe('inside a native form', () => {
    it('gives its value, validity, reset and state restore to the form (no adapter)', async () => {
      const outer = await fixture<HTMLFormElement>(html`<form>
        <hansei-incident-form name="incident" .drafts=${null}></hansei-incident-form>
      </form>`);
      const el = await ready(outer.querySelector('hansei-incident-form')!);
      expect(el.form).to.equal(outer);
      expect(el.shadowRoot!.querySelector('[part="submit"]')).to.equal(null);
      expect(outer.checkValidity()).to.equal(false);
      expect(el.validity.customError).to.equal(true);
      expect(el.validationMessage).to.equal('Title is required.');
      await fillValid(el, 'Form title');
      expect(outer.checkValidity()).to.equal(true);
      const sent = JSON.parse(new FormData(outer).get('incident') as string) as IncidentCreateRequest;
      expect(sent.title).to.equal('Form title');
      expect(sent.severity).to.equal('SEV2');
      expect(el.matches(':state(dirty)')).to.equal(true);

      outer.reset();
      await el.updateComplete;
      expect($<HTMLInputElement>(el, '#f-title').value).to.equal('');
      expect(el.matches(':state(dirty)')).to.equal(false);
      expect(outer.checkValidity()).to.equal(false);

      el.formStateRestoreCallback(JSON.stringify({ model: { ...emptyModel(NOW), title: 'Restored by the browser' } }), 'restore');
      await el.updateComplete;
      expect($<HTMLInputElement>(el, '#f-title').value).to.equal('Restored by the browser');
    });

    it('submits through the adapter when the outer form is submitted', async () => {
      const adapter = memory();
      const outer = await fixture<HTMLFormElement>(html`<form>
        <hansei-incident-form name="incident" .adapter=${adapter} .drafts=${null}></hansei-incident-form>
        <button>Send</button>
      </form>`);
      const el = await ready(outer.querySelector('hansei-incident-form')!);
      let prevented = false;
      outer.addEventListener('submit', (e) => queueMicrotask(() => (prevented = e.defaultPrevented)));
      // Invalid: the form does not submit, and the element shows why.
      outer.requestSubmit();
      await el.updateComplete;
      expect(text(el, '#f-title-error')).to.equal('Title is required.');
      await fillValid(el, 'Declared from the outer form');
      const declared = oneEvent(el, 'hansei-incident-declared');
      outer.querySelector('button')!.click();
      const { detail } = await declared;
      expect(prevented).to.equal(true);
      expect((await adapter.getIncident(detail.incident.id)).title).to.equal('Declared from the outer form');
    });

    it('follows the disabled state of its fieldset', async () => {
      const outer = await fixture<HTMLFormElement>(html`<form><fieldset disabled>
        <hansei-incident-form .adapter=${memory()} .drafts=${null}></hansei-incident-form>
      </fieldset></form>`);
      const el = await ready(outer.querySelector('hansei-incident-form')!);
      expect($<HTMLFieldSetElement>(el, 'fieldset.fields').disabled).to.equal(true);
      expect($<HTMLButtonElement>(el, '[part="submit"]').disabled).to.equal(true);
    });
  });

  describe('without write access', () => {
    it('says a read-only adapter cannot declare, with no submit button', async () => {
      const readOnly = defineAdapter('read-only', { capabilities: { read: ['status', 'incidents'], write: [], live: false } });
      const el = await form({ adapter: readOnly });
      expect(text(el, '[part="read-only"]')).to.equal('Incidents cannot be declared here: this data source is read-only.');
      expect(el.shadowRoot!.querySelector('button, input')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('says a viewer cannot change incidents', async () => {
      const el = await form({ adapter: new MemoryAdapter({ now: () => NOW, role: 'viewer' }), incidentId: OPEN_ID });
      expect(text(el, '[part="read-only"]')).to.contain('Your role can read incidents but not change them');
    });

    it('says so when it has no adapter and no form', async () => {
      const el = await form({ adapter: undefined });
      expect(text(el, '[part="missing-adapter"]')).to.contain('No data source');
    });
  });

  describe('keyboard', () => {
    it('can be filled and submitted from the keyboard, with visible focus', async () => {
      const adapter = memory();
      const wrapper = await fixture<HTMLDivElement>(html`<div>
        <button id="before">before</button>
        <hansei-incident-form .adapter=${adapter} .drafts=${null}></hansei-incident-form>
      </div>`);
      const el = await ready(wrapper.querySelector('hansei-incident-form')!);
      wrapper.querySelector<HTMLButtonElement>('#before')!.focus();
      // The adapter's templates come first: the picker, then its button, then the title.
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement?.id).to.equal('f-template');
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      const title = $<HTMLInputElement>(el, '#f-title');
      expect(el.shadowRoot!.activeElement === title, 'the title has focus').to.equal(true);
      expect(getComputedStyle(title).outlineStyle).to.equal('solid');
      await sendKeys({ type: 'Typed incident' });
      await sendKeys({ press: 'Tab' }); // summary
      await sendKeys({ press: 'Tab' }); // the severity group
      expect(el.shadowRoot!.activeElement).to.equal($(el, 'input[value="SEV1"]'));
      await sendKeys({ press: 'Space' });
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect($<HTMLInputElement>(el, 'input[value="SEV2"]').checked).to.equal(true);
      el.focusField('title');
      const declared = oneEvent(el, 'hansei-incident-declared');
      await sendKeys({ press: 'Enter' });
      const { detail } = await declared;
      expect(detail.incident.title).to.equal('Typed incident');
      expect(detail.incident.severity).to.equal('SEV2');
    });
  });

  describe('languages, themes and sizes', () => {
    afterEach(async () => {
      await emulateMedia({ colorScheme: 'light' });
    });

    it('has no axe violations in light, with errors and a preview showing', async () => {
      const el = await form();
      await type(el, '#f-message', 'We are investigating.');
      await el.submit();
      await expect(el).to.be.accessible();
    });

    it('has no axe violations in dark', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div style="--hansei-color-scheme: dark; background: #0d1117">
        <hansei-incident-form .adapter=${memory()} .drafts=${null} incident-id=${OPEN_ID}></hansei-incident-form>
      </div>`);
      const el = await ready(wrapper.querySelector('hansei-incident-form')!);
      expect(getComputedStyle(el).backgroundColor).to.equal('rgb(13, 17, 23)');
      await el.submit();
      await expect(wrapper).to.be.accessible();
    });

    it('has no axe violations in a conflict', async () => {
      const adapter = memory();
      const el = await form({ adapter, incidentId: OPEN_ID });
      const loaded = await adapter.getIncident(OPEN_ID);
      await adapter.updateIncident(OPEN_ID, { impact: 'major' }, loaded.version);
      await type(el, '#f-summary', 'Mine');
      await click(el, 'input[name="impact"][value="critical"]');
      await el.submit();
      expect(el.matches(':state(conflict)')).to.equal(true);
      await expect(el).to.be.accessible();
    });

    describe('in Japanese', () => {
      before(() => setLocale('ja'));
      after(() => setLocale('en'));

      it('speaks Japanese, with the guideline in Japanese, and is accessible', async () => {
        const el = await form();
        expect(text(el, 'h2')).to.equal('インシデントを宣言');
        expect(text(el, '[part="severity-advice"]')).to.equal('判断に迷う場合は、より高い重大度を選んでください。');
        expect(text(el, '[part="severity-level"]')).to.contain('顧客データの消失または破損が発生している。');
        await el.submit();
        // Core's messages are English: marked so, to be read in English.
        expect($(el, '#f-title-error p').getAttribute('lang')).to.equal('en');
        await expect(el).to.be.accessible();
      });
    });

    it('fits 320 px without sideways scrolling', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div style="inline-size: 320px">
        <hansei-incident-form .adapter=${memory()} .drafts=${null} incident-id=${OPEN_ID}></hansei-incident-form>
      </div>`);
      const el = await ready(wrapper.querySelector('hansei-incident-form')!);
      await type(el, '#f-related-search', 'push');
      await waitUntil(() => el.shadowRoot!.querySelector('[part="related-results"]'));
      await el.updateComplete;
      const root = $(el, 'form');
      expect(el.getBoundingClientRect().width).to.be.at.most(320);
      expect(root.scrollWidth).to.be.at.most(320);
      for (const child of el.shadowRoot!.querySelectorAll('input, select, textarea, button')) {
        expect(child.getBoundingClientRect().right, child.outerHTML.slice(0, 80)).to.be.at.most(el.getBoundingClientRect().right + 1);
      }
    });
  });
});

describe('incident form model', () => {
  it('puts status and component changes in the update post, and removals in the patch', async () => {
    const { modelFromIncident, updatePlan } = await import('./model.js');
    const base = await new MemoryAdapter({ now: () => NOW }).getIncident('inc_0027');
    const mine = {
      ...modelFromIncident(base),
      status: 'monitoring' as const,
      components: [{ componentId: 'cmp_payments', status: 'partial_outage' as const }],
      message: 'A fix is rolling out.',
    };
    expect(updatePlan(mine, base)).to.deep.equal({
      patch: { components: [] },
      post: { status: 'monitoring', body: 'A fix is rolling out.', components: [{ componentId: 'cmp_payments', status: 'partial_outage' }] },
    });
    expect(updatePlan({ ...mine, message: '' }, base)).to.deep.equal({
      patch: { status: 'monitoring', components: [{ componentId: 'cmp_payments', status: 'partial_outage' }] },
      post: null,
    });
    expect(updatePlan(modelFromIncident(base), base)).to.deep.equal({ patch: null, post: null });
  });

  it('reads typed times in the time zone, across daylight-saving changes', async () => {
    const { fromLocalInput, toLocalInput } = await import('./zoned-time.js');
    expect(fromLocalInput('2026-11-25T18:30', 'Asia/Tokyo')).to.equal('2026-11-25T09:30:00.000Z');
    expect(fromLocalInput('2026-07-01T12:00', 'Europe/Paris')).to.equal('2026-07-01T10:00:00.000Z');
    expect(fromLocalInput('2026-03-08T02:30', 'America/New_York')).to.equal('2026-03-08T07:30:00.000Z');
    // Twice on the night clocks go back: the earlier.
    expect(fromLocalInput('2026-11-01T01:30', 'America/New_York')).to.equal('2026-11-01T05:30:00.000Z');
    expect(fromLocalInput('', 'UTC')).to.equal('');
    expect(fromLocalInput('garbage', 'UTC')).to.equal('');
    expect(toLocalInput('2026-07-01T10:00:00.000Z', 'Europe/Paris')).to.equal('2026-07-01T12:00');
  });
});
