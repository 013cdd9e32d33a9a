import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import { defineAdapter, HanseiError, type HanseiAdapter } from '@hansei/adapters';
import { QueuedError } from '@hansei/adapters/offline';
import { HanseiPostmortem } from './postmortem.js';
import { $, $$, DRAFT_PM, NO_PM_INCIDENT, button, cleanUp, click, freshDrafts, memory, postmortem, ready, text, type } from './postmortem-fixtures.test.js';
import { setLocale } from '../internal/localization.js';

// Captured before the define module is imported (in `before`): the class module alone registers nothing.
const registeredByClassModule = customElements.get('hansei-postmortem');

describe('hansei-postmortem', () => {
  before(async () => {
    await import('../define/postmortem.js');
  });
  afterEach(cleanUp);

  it('is registered by the define module only', () => {
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
      expect(text($(el, '[data-key="impact"] [part~="from-incident"]'))).to.match(/Severity: SEV2 \(Major\)/);
      expect($$(el, '[data-key="timeline"] [part~="timeline-entry"]').length).to.be.greaterThan(10);
      expect($$(el, '[data-key="contributing_factors"] select').length).to.equal(2);
      expect($$(el, '[part~="action"]').length).to.equal(3);
      expect(text($(el, '[part~="balance"]'))).to.match(/Short-term: 1 · Root cause: 2/);
      expect(el.shadowRoot?.querySelector('[part~="root-cause-prompt"]')).to.equal(null);
      expect(text($(el, '[part~="checklist"]'))).to.match(/“Impact” is required and still empty/);
      expect(button(el, 'Send for review')).to.exist;
      await expect(el).to.be.accessible();
    });

    it('finds the postmortem through its incident, and says the SLO budget the incident consumed', async () => {
      // inc_0023 "Card payments failing": the checkout SLO measures payments.
      const el = await postmortem({ incidentId: 'inc_0023' });
      expect(el.postmortem?.id).to.equal('pm_0008');
      expect(text($(el, '[data-key="impact"] [part~="from-incident"]'))).to.match(/SLO error budget consumed: .+% of the window's budget/);
    });

    it('inserts what the incident says into a section, once', async () => {
      const el = await postmortem({ postmortemId: DRAFT_PM });
      await click(el, 'Insert into the section');
      const impact = $<HTMLTextAreaElement>(el, '#f-s-impact').value;
      expect(impact).to.match(/^- \*\*Severity:\*\* SEV2/);
      expect(button(el, 'In the section').disabled).to.equal(true);
      expect(el.shadowRoot?.querySelector('[part~="checklist"]')?.textContent).not.to.match(/“Impact”/);
    });

    it('shows a read-only document to a viewer, with export but no fields', async () => {
      const el = await postmortem({ adapter: memory({ role: 'viewer' }), postmortemId: 'pm_0001' });
      expect($$(el, 'textarea, input, select').length).to.equal(0);
      expect(text($(el, 'h2'))).to.match(/QR/);
      expect(text($(el, '[data-key="summary"] [part~="section-body"]')).length).to.be.greaterThan(20);
      expect(text($(el, '[part~="factors"]'))).to.match(/アーキテクチャ・インフラ|Architecture and infrastructure/);
      expect(button(el, 'Download Markdown')).to.exist;
      expect(() => button(el, 'Save')).to.throw();
      await expect(el).to.be.accessible();
    });

    it('says what is wrong instead of the document: no adapter, no id, not found', async () => {
      const none = await postmortem({ adapter: undefined, postmortemId: DRAFT_PM });
      expect(text($(none, '[part~="missing-adapter"]'))).to.match(/hansei-provider/);
      const noId = await postmortem({});
      expect(text($(noId, '[part~="notice"]'))).to.match(/postmortem-id or incident-id/);
      const missing = await postmortem({ postmortemId: 'pm_missing' });
      expect(text($(missing, '[part~="load-error"]'))).to.match(/pm_missing/);
      const statusOnly = await postmortem({ adapter: defineAdapter('status only', { capabilities: { read: ['status'], write: [], live: false } }), postmortemId: DRAFT_PM });
      expect(text($(statusOnly, '[part~="notice"]'))).to.match(/cannot be read/);
    });

    it('retries loading after a failure', async () => {
      let fail = true;
      const adapter = memory({ failWith: ({ method }) => (fail && method === 'getPostmortem' ? new HanseiError({ kind: 'unavailable', status: 503, message: 'Restarting.' }) : null) });
      const el = await postmortem({ adapter, postmortemId: DRAFT_PM });
      expect(text($(el, '[part~="load-error"]'))).to.match(/Restarting/);
      fail = false;
      await click(el, 'Try again');
      await ready(el, '[part~="document"]');
    });
  });

  describe('saving and drafts', () => {
    it('keeps every edit as a draft that survives a re-created element, then saves it with the version', async () => {
      const adapter = memory();
      const drafts = await freshDrafts();
      const first = await postmortem({ adapter, drafts, postmortemId: DRAFT_PM });
      await type(first, '#f-s-detection', 'An alert on the reservations error rate, 4 minutes in.');
      await type(first, '#f-public-summary', 'A release broke bookings for 25 minutes.');
      expect(text($(first, '[part~="save-state"]'))).to.match(/Unsaved changes/);
      first.remove();
      await new Promise((resolve) => setTimeout(resolve, 50));

      const again = await postmortem({ adapter, drafts, postmortemId: DRAFT_PM });
      expect($<HTMLTextAreaElement>(again, '#f-s-detection').value).to.equal('An alert on the reservations error rate, 4 minutes in.');
      expect(text($(again, '[part~="draft-banner"]'))).to.match(/Restored your unsaved changes/);
      const saved = oneEvent(again, 'hansei-postmortem-saved');
      await click(again, 'Save');
      const { detail } = await saved;
      expect(detail.postmortem.version).to.equal(2);
      const stored = await adapter.getPostmortem(DRAFT_PM);
      expect(stored.sections.find((s) => s.key === 'detection')?.body).to.equal('An alert on the reservations error rate, 4 minutes in.');
      expect(stored.publicSummary).to.equal('A release broke bookings for 25 minutes.');
      await waitUntil(async () => (await drafts.loadDraft({ element: 'hansei-postmortem', entity: DRAFT_PM })) === null, 'the draft is forgotten once saved');
      expect(text($(again, '[part~="save-state"]'))).to.match(/Saved at/);
    });

    it('saves with Ctrl+S, drops blank rows, and shows what the backend refused at its field', async () => {
      const adapter = memory();
      const el = await postmortem({ adapter, postmortemId: DRAFT_PM });
      await click(el, 'Add a contributing factor');
      await click(el, 'Thank someone');
      await type(el, '#f-thanks-0', 'Rolled back in minutes.');
      $<HTMLTextAreaElement>(el, '#f-thanks-0').focus();
      await sendKeys({ down: 'Control' });
      await sendKeys({ press: 's' });
      await sendKeys({ up: 'Control' });
      await waitUntil(() => text(el.shadowRoot?.querySelector('.action-error')).length > 0, 'the refusal is shown');
      expect(text($(el, '.action-error'))).to.match(/Nothing was saved: .*Name/);
      await waitUntil(() => el.shadowRoot?.activeElement?.id === 'thanks-0-name', 'focus moves to the name');
      await type(el, '#thanks-0-name', 'Yui Tanaka');
      await el.save();
      const stored = await adapter.getPostmortem(DRAFT_PM);
      expect(stored.contributingFactors.length).to.equal(2, 'the blank factor was not sent');
      expect(stored.acknowledgements).to.deep.equal([{ personId: 'per_tanaka', name: 'Yui Tanaka', note: 'Rolled back in minutes.' }]);
    });

    it('says a save made offline waits for the connection', async () => {
      const queued = new QueuedError(1);
      const el = await postmortem({ adapter: memory({ failWith: ({ method }) => (method === 'updatePostmortem' ? queued : null) }), postmortemId: DRAFT_PM });
      await type(el, '#f-s-lessons', 'Written on a train.');
      expect(await el.save()).to.equal(false);
      expect(text($(el, '.action-error'))).to.match(/^Offline: your changes are kept on this device/);
    });

    it('keeps the draft when saving fails, and says so', async () => {
      const adapter = memory({ failWith: ({ method }) => (method === 'updatePostmortem' ? new HanseiError({ kind: 'network', message: 'Offline.' }) : null) });
      const drafts = await freshDrafts();
      const el = await postmortem({ adapter, drafts, postmortemId: DRAFT_PM });
      await type(el, '#f-s-lessons', 'Expand, then contract.');
      expect(await el.save()).to.equal(false);
      expect(text($(el, '.action-error'))).to.match(/Offline\. Your changes are kept on this device/);
      await waitUntil(async () => (await drafts.loadDraft({ element: 'hansei-postmortem', entity: DRAFT_PM })) !== null, 'the draft stays');
    });
  });

  describe('two people editing', () => {
    it('merges changes to different parts on its own, and saves', async () => {
      const adapter = memory();
      const el = await postmortem({ adapter, postmortemId: DRAFT_PM, drafts: null });
      const other = adapter.as('responder');
      const theirs = await other.getPostmortem(DRAFT_PM);
      await type(el, '#f-s-recovery', 'We rolled back the release.');
      // Someone saves another section before this person does (no live delivery: drafts only).
      await other.updatePostmortem(DRAFT_PM, { sections: theirs.sections.map((s) => (s.key === 'lessons' ? { ...s, body: 'Theirs: expand and contract.' } : s)) }, theirs.version);
      expect(await el.save()).to.equal(true);
      const stored = await adapter.getPostmortem(DRAFT_PM);
      const body = (key: string) => stored.sections.find((s) => s.key === key)?.body;
      expect([body('recovery'), body('lessons'), stored.version]).to.deep.equal(['We rolled back the release.', 'Theirs: expand and contract.', 3]);
    });

    it('shows both sides of a section both changed, and loses nothing whatever is chosen', async () => {
      const adapter = memory({ latencyMs: 0 });
      const el = await postmortem({ adapter, postmortemId: DRAFT_PM, drafts: null });
      await type(el, '#f-s-summary', 'Mine: the summary as I see it.');
      const other = adapter.as('responder');
      const theirs = await other.getPostmortem(DRAFT_PM);
      await other.updatePostmortem(DRAFT_PM, { sections: theirs.sections.map((s) => (s.key === 'summary' ? { ...s, body: 'Theirs: another summary.' } : s)) }, theirs.version);
      await waitUntil(() => el.shadowRoot?.querySelector('[part~="conflict"]'), 'the live change conflicts');
      const item = $(el, '[part~="conflict-item"]');
      expect(text(item)).to.match(/Summary/);
      expect(text(item)).to.match(/Yours\s*Mine: the summary as I see it\./);
      expect(text(item)).to.match(/Saved by someone else\s*Theirs: another summary\./);
      expect(await el.save()).to.equal(false, 'blocked until settled');
      button(el, 'Keep both').click();
      await el.updateComplete;
      expect(el.shadowRoot?.querySelector('[part~="conflict"]')).to.equal(null);
      expect($<HTMLTextAreaElement>(el, '#f-s-summary').value).to.equal('Theirs: another summary.\n\nMine: the summary as I see it.');
      await waitUntil(() => el.shadowRoot?.activeElement?.getAttribute('part')?.includes('save'), 'focus on Save');
      expect(await el.save()).to.equal(true);
      expect((await adapter.getPostmortem(DRAFT_PM)).sections[0]?.body).to.equal('Theirs: another summary.\n\nMine: the summary as I see it.');
    });

    it('shows a change saved elsewhere at once when nothing is being edited', async () => {
      const adapter = memory();
      const el = await postmortem({ adapter, postmortemId: DRAFT_PM, drafts: null });
      const other = adapter.as('responder');
      const pm = await other.getPostmortem(DRAFT_PM);
      await other.updatePostmortem(DRAFT_PM, { title: 'Renamed by a colleague' }, pm.version);
      await waitUntil(() => $<HTMLInputElement>(el, '#f-title').value === 'Renamed by a colleague', 'the live change is shown');
      expect(el.postmortem?.version).to.equal(2);
    });

    it('settles a conflict found on save, when two drafts were edited from the same version', async () => {
      const adapter = memory();
      const drafts = await freshDrafts();
      const base = await adapter.getPostmortem(DRAFT_PM);
      // A draft of mine, edited on version 1, left from an earlier visit.
      await drafts.saveDraft({ element: 'hansei-postmortem', entity: DRAFT_PM }, { content: { ...base, title: 'Mine' }, base });
      await adapter.updatePostmortem(DRAFT_PM, { title: 'Theirs' }, 1);
      const el = await postmortem({ adapter, drafts, postmortemId: DRAFT_PM });
      expect(text($(el, '[part~="conflict-item"]'))).to.match(/Title.*Mine.*Theirs/);
      expect(() => button(el, 'Keep both')).to.throw('no button', 'one title: no "both"');
      await click(el, 'Take theirs');
      expect($<HTMLInputElement>(el, '#f-title').value).to.equal('Theirs');
    });
  });

  describe('guidance', () => {
    it('prompts gently where the text blames a person, in English and Japanese, and not otherwise', async () => {
      const el = await postmortem({ postmortemId: DRAFT_PM });
      await type(el, '#f-s-what_went_wrong', 'The on-call engineer forgot to check the canary. We should be more careful.');
      const prompts = $$(el, '[data-key="what_went_wrong"] [part~="blame-prompt"] li');
      expect(prompts.map((p) => p.dataset['kind'])).to.deep.equal(['person', 'be_careful']);
      expect(text(prompts[0])).to.match(/^The on-call engineer forgot This points at a person/);
      expect(prompts[0]?.querySelector('q')?.textContent).to.equal('The on-call engineer forgot');
      expect($(el, '#f-s-what_went_wrong').getAttribute('aria-describedby')).to.contain('f-s-what_went_wrong-blame');
      expect(text($(el, '[part~="checklist"]'))).to.match(/2 places may read as blaming a person/);
      await type(el, '#f-s-what_went_wrong', '担当者が確認を怠った。');
      expect(text($(el, '[data-key="what_went_wrong"] [part~="blame-prompt"]'))).to.match(/担当者が確認を怠/);
      await type(el, '#f-s-what_went_wrong', 'The canary check needed more traffic than it got, so it never decided.');
      expect(el.shadowRoot?.querySelector('[data-key="what_went_wrong"] [part~="blame-prompt"]')).to.equal(null);
      // Names the backend knows count as people.
      await type(el, '#f-s-lessons', 'Yui forgot the flag.');
      expect($$(el, '[data-key="lessons"] [part~="blame-prompt"] li').length).to.equal(1);
      await expect(el).to.be.accessible();
    });

    it('builds the five whys from the keyboard, asking for more depth and warning when it stops at a person', async () => {
      const el = await postmortem({ postmortemId: DRAFT_PM });
      await click(el, 'Ask the first why');
      await waitUntil(() => el.shadowRoot?.activeElement?.id === 'f-why-0-a', 'focus on the answer');
      await type(el, '#f-why-0-a', 'A column was renamed while the old version still read it.');
      expect(text($(el, '[part~="whys-advice"]'))).to.match(/1 answered: one or two whys usually stop at a symptom/);
      await click(el, 'Ask why again');
      expect($<HTMLInputElement>(el, '#f-why-1-q').value).to.equal('Why: a column was renamed while the old version still read it?');
      await type(el, '#f-why-1-a', 'The migration ran in the same release as the code.');
      await click(el, 'Ask why again');
      await type(el, '#f-why-2-a', 'The developer forgot the expand and contract rule.');
      expect(text($(el, '[part~="whys-advice"]'))).to.match(/stops at a person/);
      await type(el, '#f-why-2-a', 'Nothing in the deploy tool checks migrations against the running version.');
      expect(text($(el, '[part~="whys-advice"]'))).to.match(/Deep enough/);
      // Move the last step up from the keyboard: focus follows it.
      $<HTMLButtonElement>(el, '#why-2-up').focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect($<HTMLTextAreaElement>(el, '#f-why-1-a').value).to.match(/^Nothing in the deploy tool/);
      await waitUntil(() => el.shadowRoot?.activeElement?.id === 'why-1-up', 'focus follows the moved step');
    });

    it('creates a prevention action linked to the incident and the postmortem, and asks for a root cause when there is none', async () => {
      const adapter = memory();
      const el = await postmortem({ adapter, incidentId: 'inc_0023' });
      const pm = el.postmortem!;
      const before = (await adapter.listActions({ incident: 'inc_0023' })).data;
      expect(before.length).to.be.greaterThan(0);
      await click(el, 'Add to the prevention board');
      expect(text($(el, '#action-error'))).to.match(/Say what will be done/);
      await type(el, '#action-title', 'Retry card authorisations with an idempotency key');
      $<HTMLInputElement>(el, 'input[name="action-kind"][value="mitigate"]').click();
      await type(el, '#action-due', '2026-12-20', 'change');
      const created = oneEvent(el, 'hansei-action-created');
      await click(el, 'Add to the prevention board');
      const { detail } = await created;
      expect(detail.action).to.include({ kind: 'mitigate', postmortemId: pm.id, dueDate: '2026-12-20', status: 'todo' });
      expect(detail.action.incidentIds).to.deep.equal(['inc_0023']);
      expect((await adapter.listActions({ incident: 'inc_0023' })).data.length).to.equal(before.length + 1);
      expect($$(el, '[part~="action"]').length).to.equal(before.length + 1);
      expect($<HTMLInputElement>(el, '#action-title').value).to.equal('');
    });

    it('asks for a root-cause action when the incident has only short-term ones', async () => {
      const adapter = memory();
      const el = await postmortem({ adapter, incidentId: NO_PM_INCIDENT });
      await click(el, 'Start the postmortem');
      await ready(el, '[part~="document"]');
      expect(text($(el, '[part~="root-cause-prompt"]'))).to.match(/No root-cause action yet/);
      await type(el, '#action-title', 'Add a latency alert on the public API');
      $<HTMLInputElement>(el, 'input[name="action-kind"][value="detect"]').click();
      await click(el, 'Add to the prevention board');
      await waitUntil(() => $$(el, '[part~="action"]').length === 1, 'the action is listed');
      expect(text($(el, '[part~="root-cause-prompt"]'))).to.match(/No root-cause action yet/);
      await type(el, '#action-title', 'Cap the cost of one API request');
      $<HTMLInputElement>(el, 'input[name="action-kind"][value="prevent"]').click();
      await click(el, 'Add to the prevention board');
      await waitUntil(() => el.shadowRoot?.querySelector('[part~="root-cause-prompt"]') === null, 'the request goes away');
    });
  });

  describe('starting and the review flow', () => {
    it('starts a postmortem from a chosen template, prefilled from the incident', async () => {
      const adapter = memory();
      const el = await postmortem({ adapter, incidentId: NO_PM_INCIDENT });
      expect(text($(el, '#start-heading'))).to.match(/Elevated latency on the public API/);
      const choices = $$<HTMLInputElement>(el, 'input[name="template"]');
      expect(choices.map((c) => c.value)).to.deep.equal(['default', 'google-sre', 'atlassian', 'pagerduty']);
      await expect(el).to.be.accessible();
      choices[3]!.click();
      await el.updateComplete;
      const started = oneEvent(el, 'hansei-postmortem-started');
      await click(el, 'Start the postmortem');
      const { detail } = await started;
      expect(detail.postmortem.templateId).to.equal('pagerduty');
      await ready(el, '[part~="document"]');
      expect($$(el, '[part~="section"]')[0]?.querySelector('h3')?.textContent).to.match(/Overview/);
      const timeline = detail.postmortem.sections.find((s: { key: string }) => s.key === 'timeline')?.body ?? '';
      expect(timeline).to.match(/^\| Time \(.+\) \| Event \|/);
      expect(detail.postmortem.sections.find((s: { key: string }) => s.key === 'impact')?.body).to.match(/Severity:/);
      expect((await adapter.getIncident(NO_PM_INCIDENT)).postmortemId).to.equal(detail.postmortem.id);
    });

    it('goes draft -> in review -> published with a public summary, and back for an admin', async () => {
      const adapter = memory({ role: 'responder' });
      const el = await postmortem({ adapter, postmortemId: DRAFT_PM });
      const moved = oneEvent(el, 'hansei-postmortem-status-changed');
      await click(el, 'Send for review');
      expect((await moved).detail).to.include({ from: 'draft' });
      await waitUntil(() => text(el.shadowRoot?.querySelector('[part~="status"]')) === 'In review', 'in review');
      await click(el, 'Publish');
      expect(text($(el, '#f-public-summary-error'))).to.match(/public summary first/);
      await waitUntil(() => el.shadowRoot?.activeElement?.id === 'f-public-summary', 'focus on the summary');
      await type(el, '#f-public-summary', 'A release broke bookings for 25 minutes; releases now expand, then contract.');
      await click(el, 'Publish');
      await waitUntil(() => text(el.shadowRoot?.querySelector('[part~="status"]')) === 'Published', 'published');
      expect((await adapter.getPostmortemSummary('inc_0025')).publicSummary).to.match(/^A release broke bookings/);
      expect(text($(el, '[part~="review"]'))).to.match(/Only an admin can take it back/);
      const admin = await postmortem({ adapter: adapter.as('admin'), postmortemId: DRAFT_PM });
      await click(admin, 'Take off the status page');
      await waitUntil(() => text(admin.shadowRoot?.querySelector('[part~="status"]')) === 'In review', 'back in review');
    });
  });

  describe('export', () => {
    it('downloads and copies the document as Markdown, unsaved changes included', async () => {
      const el = await postmortem({ postmortemId: DRAFT_PM });
      await type(el, '#f-s-lessons', 'Expand, then *contract*.');
      const downloaded = oneEvent(el, 'hansei-postmortem-exported');
      let name = '';
      const onClick = (e: Event) => {
        const link = e.target as HTMLAnchorElement;
        if (link.download) {
          name = link.download;
          e.preventDefault();
        }
      };
      document.addEventListener('click', onClick, true);
      await click(el, 'Download Markdown');
      const { detail } = await downloaded;
      document.removeEventListener('click', onClick, true);
      expect(detail.method).to.equal('download');
      expect(name).to.equal('postmortem-errors-in-reservations-and-the-member-app-after-a-release.md');
      expect(detail.markdown).to.match(/^# Errors in reservations and the member app after a release\n/);
      expect(detail.markdown).to.contain('## Lessons\n\nExpand, then *contract*.');
      expect(detail.markdown).to.match(/\*\*Balance:\*\* Short-term 1, Root cause 2/);

      const writes: string[] = [];
      const clipboard = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
      Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: (t: string) => (writes.push(t), Promise.resolve()) } });
      try {
        const copied = oneEvent(el, 'hansei-postmortem-exported');
        await click(el, 'Copy Markdown');
        expect((await copied).detail.method).to.equal('copy');
        expect(writes[0]).to.equal(detail.markdown);
      } finally {
        delete (navigator as { clipboard?: unknown }).clipboard;
        if (clipboard) Object.defineProperty(Navigator.prototype, 'clipboard', clipboard);
      }
    });
  });

  describe('looks', () => {
    afterEach(async () => {
      await setLocale('en');
      await emulateMedia({ colorScheme: 'light' });
      await setViewport({ width: 800, height: 600 });
    });

    it('speaks Japanese', async () => {
      await setLocale('ja');
      const el = await postmortem({ postmortemId: DRAFT_PM });
      expect(text($(el, '[part~="status"]'))).to.equal('下書き');
      expect(text($(el, '[data-key="summary"] h3'))).to.match(/Summary|概要/);
      expect(text($(el, '[data-key="detection"] [part~="prompt"]'))).to.match(/いつ、どのように気づいたか/);
      expect(button(el, '保存')).to.exist;
      await expect(el).to.be.accessible();
    });

    it('is accessible in dark, and fits 320 px', async () => {
      await emulateMedia({ colorScheme: 'dark' });
      await setViewport({ width: 320, height: 640 });
      const el = await postmortem({ postmortemId: DRAFT_PM });
      await type(el, '#f-s-lessons', 'He forgot.');
      expect(el.scrollWidth).to.be.at.most(el.clientWidth + 1);
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      await expect(el).to.be.accessible();
    });

    it('reads as a document in preview and when disabled', async () => {
      const el = await postmortem({ postmortemId: DRAFT_PM });
      await click(el, 'Preview');
      expect($$(el, 'textarea').length).to.equal(0);
      expect(text($(el, '[data-key="summary"] [part~="section-body"]'))).to.match(/A release renamed/);
      // An empty impact section reads as what the incident says; a written timeline stands alone.
      expect(text($(el, '[data-key="impact"] [part~="from-incident"]'))).to.match(/Severity: SEV2/);
      expect(el.shadowRoot?.querySelector('[data-key="timeline"] [part~="from-incident"]')).to.equal(null);
      expect(el.shadowRoot?.querySelector('[data-key="detection"]')).to.equal(null, 'an empty plain section is left out');
      await click(el, 'Preview');
      expect($$(el, 'textarea').length).to.be.greaterThan(5);
      const disabled = await postmortem({ postmortemId: DRAFT_PM, disabled: true });
      expect($$(disabled, 'textarea').length).to.equal(0);
    });
  });

  void ({} as HanseiAdapter);
});
