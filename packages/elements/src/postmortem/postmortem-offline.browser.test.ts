import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { offlineAdapter } from '../internal/offline-fixtures.test.js';
import '../define/postmortem.js';
import { $, $$, cleanUp, cleanups, click, memory, postmortem, text, type } from './postmortem-fixtures.test.js';

const QUEUED = 'Offline: your changes are kept on this device and will be saved when the connection returns.';
const INCIDENT = 'inc_0023';
const TITLE = 'Alert on card authorisation latency';

async function addOffline() {
  const backend = memory();
  const connection = await offlineAdapter(cleanups, backend);
  const el = await postmortem({ adapter: connection.adapter, incidentId: INCIDENT });
  const listed = $$(el, '[part~="action"]').length;
  await type(el, '#action-title', TITLE);
  $<HTMLInputElement>(el, 'input[name="action-kind"][value="detect"]').click();
  await click(el, 'Add to the prevention board');
  await waitUntil(() => $$(el, '[part~="action-waiting"]').length === 1, 'the action is listed as waiting');
  return { el, backend, listed, ...connection };
}

describe('hansei-postmortem offline (withOffline)', () => {
  afterEach(cleanUp);

  it('lists an action created offline as waiting, frees the form, and adds the action once it is sent', async () => {
    const { el, backend, listed, connect } = await addOffline();
    expect(text($(el, '[part~="action-waiting"]'))).to.equal(TITLE);
    expect(text($(el, '[part="queued"]'))).to.equal(QUEUED);
    expect($<HTMLInputElement>(el, '#action-title').value, 'the form is free for the next action').to.equal('');
    expect(el.shadowRoot?.querySelector('#action-error'), 'not shown as an error').to.equal(null);
    expect((await backend.listActions({ incident: INCIDENT })).data.some((a) => a.title === TITLE)).to.equal(false);
    await expect(el).to.be.accessible();

    const created = oneEvent(el, 'hansei-action-created');
    connect();
    const { detail } = await created;
    expect(detail.action).to.include({ title: TITLE, kind: 'detect' });
    await el.updateComplete;
    expect($$(el, '[part~="action-waiting"]')).to.have.length(0);
    expect(el.shadowRoot?.querySelector('[part="queued"]')).to.equal(null);
    expect($$(el, '[part~="action"]').filter((li) => text(li).includes(TITLE)), 'listed once').to.have.length(1);
    expect($$(el, '[part~="action"]')).to.have.length(listed + 1);
    expect((await backend.listActions({ incident: INCIDENT })).data.filter((a) => a.title === TITLE)).to.have.length(1);
  });

  it('brings the title back to the form, with the reason, when the waiting action is discarded from the outbox', async () => {
    const { el, adapter } = await addOffline();
    const [entry] = await adapter.outbox.list();
    await adapter.outbox.resolve(entry!.id, 'discard');
    await waitUntil(() => $<HTMLInputElement>(el, '#action-title').value === TITLE, 'the title is back in the form');
    expect(text($(el, '#action-error'))).to.equal('The changes you made offline were discarded from the outbox. What you wrote is still here.');
    expect($$(el, '[part~="action-waiting"]')).to.have.length(0);
  });
});
