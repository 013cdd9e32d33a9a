import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { HanseiError, type HanseiAdapter } from '@hansei/adapters';
import type { HanseiPostmortem } from './postmortem.js';
import { $, $$, DRAFT_PM, NO_PM_INCIDENT, button, cleanUp, click, memory, postmortem, ready, text, type } from './postmortem-fixtures.test.js';

/** `adapter` without postmortem templates (an older backend): those calls reject as unsupported. */
function withoutTemplates(adapter: HanseiAdapter): HanseiAdapter {
  const refuse = () => Promise.reject(new HanseiError({ kind: 'unsupported', message: 'No templates here.' }));
  return new Proxy(adapter, {
    get: (target, name) => {
      if (name === 'listPostmortemTemplates' || name === 'getPostmortemTemplate') return refuse;
      const value = Reflect.get(target, name) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

describe('hansei-postmortem, live and around', () => {
  before(async () => {
    await import('../define/postmortem.js');
    await import('../define/provider.js');
  });
  afterEach(cleanUp);

  it('lists an action created elsewhere for the incident, and forgets a deleted one', async () => {
    const adapter = memory();
    const el = await postmortem({ adapter, postmortemId: DRAFT_PM });
    const count = $$(el, '[part~="action"]').length;
    const action = await adapter.as('responder').createAction({ title: 'Load test a chain opening its booking window', kind: 'prevent', incidentIds: ['inc_0025'] });
    await waitUntil(() => $$(el, '[part~="action"]').length === count + 1, 'the new action is listed');
    expect(text($$(el, '[part~="action"]').at(-1))).to.match(/Load test a chain.*from elsewhere/);
    await adapter.deleteAction(action.id, action.version);
    await waitUntil(() => $$(el, '[part~="action"]').length === count, 'the deleted action is gone');
    await adapter.as('responder').createAction({ title: 'Unrelated', kind: 'detect', incidentIds: ['inc_0024'] });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect($$(el, '[part~="action"]').length).to.equal(count, 'another incident’s action is not listed');
  });

  it('creates two actions with Japanese titles of the same length as two actions', async () => {
    const adapter = memory();
    const el = await postmortem({ adapter, postmortemId: DRAFT_PM });
    const count = $$(el, '[part~="action"]').length;
    for (const title of ['監視を追加する', '手順を見直す']) {
      await type(el, '#action-title', title);
      await click(el, 'Add to the prevention board');
      await waitUntil(() => $<HTMLInputElement>(el, '#action-title').value === '', `${title} was added`);
    }
    expect($$(el, '[part~="action"]').map((a) => text(a.querySelector('.action-title')))).to.include.members(['監視を追加する', '手順を見直す']);
    expect($$(el, '[part~="action"]').length).to.equal(count + 2);
  });

  it('says when the postmortem is deleted elsewhere, keeping what was typed', async () => {
    const adapter = memory();
    const el = await postmortem({ adapter, postmortemId: DRAFT_PM });
    await type(el, '#f-s-lessons', 'Something worth keeping.');
    await adapter.deletePostmortem(DRAFT_PM, 1);
    await waitUntil(() => text(el.shadowRoot?.querySelector('[part~="notice"]')).includes('deleted by someone else'), 'the deletion is said');
    expect(el.shadowRoot?.querySelector('textarea')).to.equal(null, 'no more editing');
  });

  it('uses the kit’s built-in templates when the adapter has none', async () => {
    const adapter = withoutTemplates(memory());
    const el = await postmortem({ adapter, incidentId: NO_PM_INCIDENT });
    await waitUntil(() => $$(el, 'input[name="template"]').length === 4, 'the built-in templates are offered');
    $<HTMLInputElement>(el, 'input[name="template"][value="atlassian"]').click();
    await click(el, 'Start the postmortem');
    await ready(el, '[part~="document"]');
    expect($$(el, '[part~="section"]').map((s) => s.dataset['key'])).to.include.members(['lead_up', 'fault', 'backlog_check']);
    expect(text($(el, '[data-key="fault"] [part~="prompt"]'))).to.match(/What failed/);
  });

  it('shows the postmortem’s own sections when its template is gone', async () => {
    const adapter = memory();
    const template = await adapter.createPostmortemTemplate({ name: { en: 'Ours' }, sections: [{ key: 'what_we_stop', title: { en: 'What we stop doing' }, prompt: { en: 'Name it.' }, required: true }] });
    const pm = await adapter.createPostmortem({ incidentId: NO_PM_INCIDENT, templateId: template.id });
    await adapter.deletePostmortemTemplate(template.id, 1);
    const el = await postmortem({ adapter, postmortemId: pm.id });
    expect(text($(el, '[data-key="what_we_stop"] h3'))).to.equal('What we stop doing');
    expect(el.shadowRoot?.querySelector('[data-key="what_we_stop"] [part~="prompt"]')).to.equal(null);
  });

  it('edits contributing factors: category, description, removal, with the categories not looked at yet', async () => {
    const adapter = memory();
    const el = await postmortem({ adapter, postmortemId: DRAFT_PM });
    expect(text($(el, '[part~="factors"]'))).to.match(/Not looked at yet: Architecture and infrastructure, Cross-team coordination, Skills, Culture/);
    await click(el, 'Add a contributing factor');
    await waitUntil(() => el.shadowRoot?.activeElement?.id === 'factor-2-category', 'focus on the new factor');
    expect($<HTMLSelectElement>(el, '#factor-2-category').value).to.equal('architecture_infrastructure');
    const select = $<HTMLSelectElement>(el, '#factor-2-category');
    select.value = 'cross_team_coordination';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    await type(el, '#f-factor-2', 'The deploy tool team did not know the reservations schema was shared.');
    expect(text($(el, '#f-factor-2-category-hint'))).to.match(/Hand-offs, ownership/);
    button(el, 'Remove Factor 1').click();
    await el.updateComplete;
    await el.save();
    const stored = await adapter.getPostmortem(DRAFT_PM);
    expect(stored.contributingFactors.map((f) => f.category)).to.deep.equal(['product_quality', 'cross_team_coordination']);
  });

  it('finds its adapter and language through a provider', async () => {
    const adapter = memory();
    const provider = await fixture(html`<hansei-provider .adapter=${adapter} time-zone="UTC"><hansei-postmortem postmortem-id=${DRAFT_PM} .drafts=${null}></hansei-postmortem></hansei-provider>`);
    const el = provider.querySelector('hansei-postmortem') as HanseiPostmortem;
    await ready(el, '[part~="document"]');
    // Times in the provider's zone (UTC): the incident started at 09:37 UTC on the demo's day.
    expect(text($(el, '[data-key="timeline"] [part~="timeline-entry"] time'))).to.match(/\d{2}:\d{2}/);
    expect(text($(el, '[data-key="response"] [part~="from-incident"]'))).to.match(/\(0\d:\d{2}–/);
  });
});
