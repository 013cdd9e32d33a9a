/**
 * hansei-incident-form's templates: the adapter's incident templates (the kit's built-in ones and
 * the organisation's) when the `templates` property is unset, in the reader's language; the
 * property when it is set (the form's shape or core's); none to update an incident.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { defineAdapter, type HanseiAdapter } from '@hansei/adapters';
import { MemoryAdapter } from '@hansei/adapters/memory';
import { BUILT_IN_INCIDENT_TEMPLATES, type IncidentCreateRequest } from '@hansei/core';
import type { HanseiIncidentForm, IncidentFormTemplate } from './incident-form.js';
import { setLocale } from '../internal/localization.js';
import '../define/incident-form.js';

const NOW = Date.UTC(2026, 10, 25, 9, 30);

async function form(adapter: HanseiAdapter, options: { templates?: readonly IncidentFormTemplate[]; incidentId?: string } = {}): Promise<HanseiIncidentForm> {
  const el = await fixture<HanseiIncidentForm>(html`<hansei-incident-form .adapter=${adapter} .drafts=${null} .templates=${options.templates}></hansei-incident-form>`);
  if (options.incidentId) el.incidentId = options.incidentId;
  await waitUntil(() => el.shadowRoot?.querySelector('form'), 'the form did not load', { timeout: 3000 });
  await el.updateComplete;
  return el;
}

const picker = (el: HanseiIncidentForm) => el.shadowRoot!.querySelector<HTMLSelectElement>('#f-template');
const names = (el: HanseiIncidentForm) => [...(picker(el)?.options ?? [])].map((o) => o.textContent?.trim());

async function use(el: HanseiIncidentForm, name: string): Promise<IncidentCreateRequest> {
  const select = picker(el)!;
  select.value = String(names(el).indexOf(name));
  [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Use template' || b.textContent?.trim() === 'テンプレートを使う')!.click();
  await el.updateComplete;
  return el.value as IncidentCreateRequest;
}

const checked = (el: HanseiIncidentForm, name: string) => el.shadowRoot!.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`)?.value;

describe('hansei-incident-form templates', () => {
  it("offers the adapter's templates, built-in first, and prefills the form from one", async () => {
    const adapter = new MemoryAdapter({ now: () => NOW });
    await adapter.createIncidentTemplate({ name: { en: 'Payments fail' }, severity: 'SEV1', impact: 'critical', components: [{ componentId: 'cmp_payments', status: 'major_outage' }] });
    const el = await form(adapter);
    expect(names(el)).to.deep.equal([...BUILT_IN_INCIDENT_TEMPLATES.map((t) => t.name.en), 'Payments fail']);

    const outage = await use(el, 'Outage of a component');
    expect([outage.title, outage.severity, outage.impact, outage.visibility, outage.labels]).to.deep.equal(['Service outage', 'SEV2', 'major', 'public', ['outage']]);
    expect(el.shadowRoot!.querySelector<HTMLTextAreaElement>('#f-message')!.value).to.match(/^We are investigating an outage/);
    expect([checked(el, 'severity'), checked(el, 'impact'), checked(el, 'visibility')]).to.deep.equal(['SEV2', 'major', 'public']);
    expect(el.shadowRoot!.querySelector('[part="preview"]')?.textContent).to.contain('We are investigating an outage');

    // The organisation's: only what it gives changes; the rest stays as the person left it.
    const ours = await use(el, 'Payments fail');
    expect([ours.title, ours.severity, ours.impact, ours.visibility, ours.components]).to.deep.equal(['Service outage', 'SEV1', 'critical', 'public', [{ componentId: 'cmp_payments', status: 'major_outage' }]]);
    const declared = await el.submit();
    expect(declared?.severity).to.equal('SEV1');
    await expect(el).to.be.accessible();
  });

  it('keeps the property working: its templates win, an empty list offers none, and core’s shape is read in the reader’s language', async () => {
    const adapter = new MemoryAdapter({ now: () => NOW });
    const given = await form(adapter, { templates: [{ name: 'Login outage', title: 'Members cannot log in', severity: 'SEV1' }] });
    expect(names(given)).to.deep.equal(['Login outage']);
    expect((await use(given, 'Login outage')).title).to.equal('Members cannot log in');
    const none = await form(adapter, { templates: [] });
    expect(picker(none)).to.equal(null);
    await setLocale('ja');
    try {
      const stored = await form(adapter, { templates: (await adapter.listIncidentTemplates()) as unknown as IncidentFormTemplate[] });
      expect(names(stored)[2]).to.equal('セキュリティインシデント（社内限定）');
      const security = await use(stored, 'セキュリティインシデント（社内限定）');
      expect([security.title, security.visibility, security.impact, security.updateBody]).to.deep.equal(['セキュリティインシデントの疑い', 'internal', 'none', null]);
      await expect(stored).to.be.accessible();
    } finally {
      await setLocale('en');
    }
  });

  it('offers none to update an incident, nor when the adapter has no templates', async () => {
    const update = await form(new MemoryAdapter({ now: () => NOW }), { incidentId: 'inc_0026' });
    await waitUntil(() => update.shadowRoot?.querySelector('h2')?.textContent?.startsWith('Update'), 'the incident did not load');
    expect(picker(update)).to.equal(null);
    const backend = new MemoryAdapter({ now: () => NOW });
    const partial = defineAdapter('no templates', {
      capabilities: backend.capabilities,
      listComponents: (o) => backend.listComponents(o),
      session: (o) => backend.session(o),
      declareIncident: (input, o) => backend.declareIncident(input, o),
    });
    const el = await form(partial);
    expect(picker(el)).to.equal(null, 'listIncidentTemplates is unsupported: the form still works');
    expect(el.shadowRoot!.querySelector('#f-title')).to.not.equal(null);
  });
});
