import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import { defineAdapter } from '@hansei/adapters';
import { HanseiPostmortem } from './postmortem.js';
import { $, $$, DRAFT_PM, NO_PM_INCIDENT, button, cleanUp, click, memory, postmortem, text, type } from './postmortem-fixtures.test.js';
import { setLocale } from '../internal/localization.js';

// Captured before the define module is imported (in `before`): the class module alone registers nothing.
const registeredByClassModule = customElements.get('hansei-postmortem');

describe('hansei-postmortem', () => {
  before(async () => {
    await import('../define/postmortem.js');
  });
  afterEach(cleanUp);

  it('is registered by the define module only', async () => {
    expect(registeredByClassModule).to.equal(undefined);
    expect(customElements.get('hansei-postmortem')).to.equal(HanseiPostmortem);
  });

  describe('the document', () => {
    it('shows the template’s sections with their prompts, the incident’s facts, factors, actions and the review', async () => {
      const el = await postmortem({ postmortemId: DRAFT_PM });
      expect($<HTMLInputElement>(el, '#f-title').value).to.equal('Errors in reservations and the member app after a release');
      expect(text($(el, '[part~="status"]'))).to.equal('Draft');
      const keys = $$(el, '[part~="section"]').map((s) => s.dataset['key']);
      expect(keys.slice(0, 4)).to.deep.equal(['summary', 'impact', 'detection', 'response']);
      expect(keys).to.include.members(['five_whys', 'action_items', 'acknowledgements', 'contributing_factors']);
      expect(text($(el, '[data-key="detection"] [part~="prompt"]'))).to.match(/burn-rate alert/);
      // The impact, drafted from the incident, with the SLO budget it consumed.
      expect(text($(el, '[data-key="impact"] [part~="from-incident"]'))).to.match(/Severity: SEV\d/);
      expect($$(el, '[data-key="timeline"] [part~="timeline-entry"]').length).to.be.greaterThan(10);
      expect($$(el, '[data-key="contributing_factors"] select').length).to.equal(2);
      expect($$(el, '[part~="action"]').length).to.equal(3);
      expect(text($(el, '[part~="balance"]'))).to.match(/Short-term: 1 · Root cause: 2/);
      expect(el.shadowRoot?.querySelector('[part~="root-cause-prompt"]')).to.equal(null);
      expect(button(el, 'Send for review')).to.exist;
      await expect(el).to.be.accessible();
    });
  });

  void [oneEvent, waitUntil, emulateMedia, sendKeys, setViewport, defineAdapter, NO_PM_INCIDENT, click, memory, type, setLocale];
});
