import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import { HanseiError, type HanseiAdapter } from '@hansei/adapters';
import type { MemoryAdapter } from '@hansei/adapters/memory';
import { setLocale } from '../internal/localization.js';
import { type HanseiPreventionBoard } from './prevention-board.js';
import { board, card, column, ids, listen, memory, root, settled, text, withCapabilities } from './board-fixtures.test.js';
import { trackerLink } from './card.js';

// Captured before the define module is imported: the class module alone must not register the tag.

function select(el: HanseiPreventionBoard, label: string): HTMLSelectElement {
  const field = [...root(el).querySelectorAll('.filters label')].find((l) => text(l.querySelector('span')!) === label);
  const found = field?.querySelector('select');
  if (!found) throw new Error(`no select "${label}"`);
  return found;
}

async function pick(el: HanseiPreventionBoard, label: string, optionText: string): Promise<void> {
  const control = select(el, label);
  const option = [...control.options].find((o) => text(o).startsWith(optionText));
  if (!option) throw new Error(`no option "${optionText}" in "${label}": ${[...control.options].map((o) => text(o)).join(' | ')}`);
  control.value = option.value;
  control.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await el.updateComplete;
}

function laneTitles(el: HanseiPreventionBoard): string[] {
  return [...root(el).querySelectorAll('.lane-title')].map((h) => text(h));
}

describe('hansei-prevention-board', () => {
  describe('in use', () => {
    before(async () => {
      await import('../define/prevention-board.js');
    });

    it('shows the columns and the cards in board order', async () => {
      const el = await board(memory());
      const titles = [...root(el).querySelectorAll('.column-title')].map((h) => text(h));
      expect(titles).to.deep.equal(['To do 7', 'In progress 6', 'In review 4', 'Done 31', 'Won’t do 3']);
      expect(ids(el, 'todo')).to.deep.equal(['act_0017', 'act_0030', 'act_0038', 'act_0039', 'act_0045', 'act_0048', 'act_0049']);
      expect(text(root(el).querySelector('[part="count"]')!)).to.equal('51 actions');
    });

    it('shows on a card its title, kind, incidents with severity, owner, due date and tracker link', async () => {
      const el = await board(memory());
      const one = card(el, 'act_0038');
      expect(text(one.querySelector('.title')!)).to.equal('One shared payment gateway client for checkout and billing');
      expect(text(one.querySelector('[part="kind"]')!)).to.equal('Prevent · root cause');
      const incidents = [...one.querySelectorAll('.incident')].map((li) => text(li));
      expect(incidents).to.have.length(2);
      expect(incidents[0]).to.match(/^SEV1 /);
      expect(one.querySelector('.severity')!.classList.contains('tone-critical')).to.equal(true);
      expect(text(one.querySelector('.owner')!)).to.equal("James O'Neill");
      expect(text(one.querySelector('.due')!)).to.equal('Due Dec 20, 2026');
      const link = one.querySelector<HTMLAnchorElement>('a[part="link"]')!;
      expect(link.href).to.equal('https://linear.example/KIN-232');
      expect(text(link)).to.equal('KIN-232 (opens in a new tab)');
      expect(link.rel).to.equal('noopener noreferrer');
      expect(text(card(el, 'act_0001').querySelector('[part="kind"]')!)).to.equal('Mitigate · short-term');
    });

    it('makes overdue cards stand out, judged on the viewer’s date', async () => {
      const el = await board(memory());
      const late = card(el, 'act_0030');
      expect(late.getAttribute('part')).to.contain('card-overdue');
      expect(text(late.querySelector('[part~="overdue"]')!)).to.equal('Due Nov 13, 202612 days overdue');
      expect(card(el, 'act_0014').getAttribute('part')).to.contain('card-overdue');
      expect(card(el, 'act_0017').getAttribute('part')).to.not.contain('card-overdue');
      // Done actions are never overdue.
      expect(card(el, 'act_0001').getAttribute('part')).to.not.contain('card-overdue');
      // The next day in the viewer's zone, one more is overdue: act_0043 was due 2026-11-26.
      el.today = '2026-11-27';
      await el.updateComplete;
      expect(card(el, 'act_0043').getAttribute('part')).to.contain('card-overdue');
    });

    it('judges "today" in the viewer’s time zone by default', async () => {
      await import('../define/provider.js');
      // At 2026-11-25T16:30Z it is already the 26th in Tokyo and still the 25th in New York.
      const late = Date.parse('2026-11-25T16:30:00.000Z');
      const clock = Date.now;
      Date.now = () => late;
      try {
        for (const [zone, overdue] of [
          ['Asia/Tokyo', true],
          ['America/New_York', false],
        ] as const) {
          const source = memory();
          await source.moveAction('act_0043', { status: 'todo' }, (await source.getAction('act_0043')).version);
          await source.updateAction('act_0043', { dueDate: '2026-11-25' }, (await source.getAction('act_0043')).version);
          const wrapper = await fixture<HTMLElement>(html`<hansei-provider time-zone=${zone} .adapter=${source}><hansei-prevention-board></hansei-prevention-board></hansei-provider>`);
          const el = wrapper.querySelector('hansei-prevention-board')!;
          await settled(el);
          expect(card(el, 'act_0043').getAttribute('part')?.includes('card-overdue'), zone).to.equal(overdue);
        }
      } finally {
        Date.now = clock;
      }
    });

    it('flags done actions whose incident recurred afterwards as preventions that missed', async () => {
      const el = await board(memory());
      const missed = card(el, 'act_0012');
      expect(missed.getAttribute('part')).to.contain('card-missed');
      expect(text(missed.querySelector('[part="missed"]')!)).to.match(/^Prevention missed: the incident recurred after it was done \(.+\)\.$/);
      // Recorded as effective but recurred later: the recurrence wins.
      expect(card(el, 'act_0029').getAttribute('part')).to.not.contain('card-missed');
      expect(text(card(el, 'act_0029').querySelector('[part~="verified"]')!)).to.equal('Verified effective');
      const flagged = [...root(el).querySelectorAll<HTMLElement>('li[part~="card-missed"]')].map((li) => li.dataset['id']);
      expect(flagged).to.have.members(['act_0007', 'act_0009', 'act_0012', 'act_0013']);
    });

    it('shows the balance of short-term and root-cause work, and asks for a root-cause action', async () => {
      const el = await board(memory());
      const balance = root(el).querySelector('[part~="balance"]')!;
      // 48 actions count (won't do left out): 16 short-term, 32 root cause.
      expect(text(balance.querySelector('.balance-figures')!)).to.equal('Short-term: 16 Root cause: 32 66% root cause');
      expect(balance.querySelector('[part="balance-warning"]')).to.equal(null);
      await pick(el, 'Kind', 'Short-term work');
      expect(text(root(el).querySelector('[part="balance-warning"]')!)).to.contain('Only short-term fixes here');
    });

    it('filters by incident, owner, kind, overdue and words, and clears the filters', async () => {
      const el = await board(memory());
      const shown = (): number => root(el).querySelectorAll('li[data-id]').length;
      await pick(el, 'Owner', 'Sho Kobayashi');
      expect(shown()).to.equal(7);
      expect(text(root(el).querySelector('[part="count"]')!)).to.equal('Showing 7 of 51 actions');
      await pick(el, 'Kind', 'Detect');
      expect([...root(el).querySelectorAll<HTMLElement>('li[data-id]')].map((li) => li.dataset['id'])).to.deep.equal(['act_0049', 'act_0003']);
      root(el).querySelector<HTMLButtonElement>('.filters .clear')!.click();
      await el.updateComplete;
      expect(shown()).to.equal(51);
      const overdue = root(el).querySelector<HTMLInputElement>('.check input')!;
      overdue.click();
      await el.updateComplete;
      expect([...root(el).querySelectorAll<HTMLElement>('li[data-id]')].map((li) => li.dataset['id'])).to.have.members(['act_0030', 'act_0014', 'act_0031', 'act_0041']);
      overdue.click();
      await el.updateComplete;
      await pick(el, 'Incident', 'SEV2 · ');
      expect(shown()).to.be.greaterThan(0);
      el.filter = { text: 'ｃａｎａｒｙ' };
      await el.updateComplete;
      expect([...root(el).querySelectorAll<HTMLElement>('li[data-id]')].map((li) => li.dataset['id'])).to.deep.equal(['act_0049', 'act_0050']);
      el.filter = { ownerId: '' };
      await el.updateComplete;
      expect(text(root(el).querySelector('.empty')!)).to.contain('No action matches the filters.');
      await expect(el).to.be.accessible();
    });

    it('groups into swimlanes by incident (each linked incident), owner, kind and overdue', async () => {
      const el = await board(memory(), { lanes: 'incident' });
      const titles = laneTitles(el);
      expect(titles[0]).to.match(/^SEV\d · /);
      // act_0038 is linked to two incidents: it is in both lanes.
      expect(root(el).querySelectorAll('li[data-id="act_0038"]')).to.have.length(2);
      el.lanes = 'kind';
      await el.updateComplete;
      expect(laneTitles(el)).to.deep.equal(['Mitigate (short-term) 8', 'Prevent (root cause) 17', 'Detect (short-term) 8', 'Process (root cause) 13', 'Remove (root cause) 5']);
      el.lanes = 'overdue';
      await el.updateComplete;
      expect(laneTitles(el)).to.deep.equal(['Overdue 4', 'Not overdue 47']);
      el.lanes = 'owner';
      await el.updateComplete;
      expect(laneTitles(el)).to.include('Sho Kobayashi 7');
      expect(root(el).querySelectorAll('[part="lane"]').length).to.equal(14);
      // The swimlane choice is a control too.
      await pick(el, 'Swimlanes', 'None');
      expect(el.lanes).to.equal('none');
      expect(laneTitles(el)).to.deep.equal([]);
      el.lanes = 'kind';
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });

    it('shows one incident’s actions with incident-id', async () => {
      const el = await board(memory(), { incidentId: 'inc_0020' });
      expect(text(root(el).querySelector('[part="count"]')!)).to.equal('6 actions');
      expect(root(el).querySelector('[part="filters"]')!.textContent).to.not.contain('All incidents');
    });

    it('updates live when actions change elsewhere, and says so', async () => {
      const source = memory();
      const el = await board(source);
      const heard = listen(el);
      const other = source.as('responder');
      const action = await other.getAction('act_0048');
      await other.moveAction('act_0048', { status: 'in_review' }, action.version);
      await waitUntil(() => ids(el, 'in_review').includes('act_0048'), 'the move did not arrive');
      expect(heard.at(-1)?.message).to.equal('Expand and contract migrations: never rename a column in one release moved to In review.');
      const created = await other.createAction({ title: 'Chaos drill for the door gateway', incidentIds: ['inc_0022'], kind: 'process' });
      await waitUntil(() => ids(el, 'todo').includes(created.id), 'the new action did not arrive');
      expect(heard.at(-1)?.message).to.equal('New action: Chaos drill for the door gateway, in To do.');
      await source.deleteAction(created.id, created.version);
      await waitUntil(() => !ids(el, 'todo').includes(created.id), 'the deleted action stayed');
    });

    for (const [who, make] of [
      ['a viewer', (source: MemoryAdapter) => source.as('viewer')],
      ['a read-only adapter', (source: MemoryAdapter) => withCapabilities(source, { write: [] })],
    ] as const) {
      it(`is read-only for ${who}`, async () => {
        const el = await board(make(memory()));
        expect(root(el).querySelector('.move, .menu-button, .verify')).to.equal(null);
        expect(card(el, 'act_0017').hasAttribute('draggable')).to.equal(false);
        expect(text(root(el).querySelector('[role="note"]')!)).to.equal('You can see the board but not change it.');
        await expect(el).to.be.accessible();
      });
    }

    it('is read-only with readonly', async () => {
      const el = await board(memory());
      expect(root(el).querySelector('.move')).to.exist;
      el.readonly = true;
      await el.updateComplete;
      expect(root(el).querySelector('.move')).to.equal(null);
    });

    it('says what is missing, loading, failing and empty', async () => {
      const none = await fixture<HanseiPreventionBoard>(html`<hansei-prevention-board></hansei-prevention-board>`);
      expect(text(root(none))).to.contain('No data source');
      const slowAdapter: HanseiAdapter = memory({ latencyMs: 80 });
      const slow = await fixture<HanseiPreventionBoard>(html`<hansei-prevention-board .adapter=${slowAdapter}></hansei-prevention-board>`);
      expect(text(root(slow))).to.contain('Loading prevention actions');
      await settled(slow);
      let fail = true;
      const failing: HanseiAdapter = memory({ failWith: ({ method }) => (fail && method === 'listActions' ? new HanseiError({ kind: 'unavailable', message: 'The server is down for a moment.' }) : null) });
      const el = await fixture<HanseiPreventionBoard>(html`<hansei-prevention-board .adapter=${failing}></hansei-prevention-board>`);
      await waitUntil(() => root(el).querySelector('[role="alert"]'));
      expect(text(root(el).querySelector('[role="alert"]')!)).to.contain('The server is down for a moment.');
      await expect(el).to.be.accessible();
      fail = false;
      root(el).querySelector<HTMLButtonElement>('[role="alert"] button')!.click();
      await settled(el);
      expect(ids(el, 'todo')).to.have.length(7);
      const empty = await board(memory({ dataset: 'empty' }));
      expect(text(root(empty))).to.contain('No prevention actions yet.');
      expect(text(root(empty).querySelector('[part="balance-warning"]') ?? root(empty))).to.not.contain('Only short-term');
    });

    it('links to trackers only over http and https', () => {
      expect(trackerLink('https://acme.atlassian.net/browse/OPS-1234')).to.deep.equal({ href: 'https://acme.atlassian.net/browse/OPS-1234', text: 'OPS-1234' });
      expect(trackerLink('http://tracker.example/issues/42')).to.deep.equal({ href: 'http://tracker.example/issues/42', text: 'tracker.example' });
      expect(trackerLink('javascript:alert(1)')).to.deep.equal({ href: null, text: 'javascript:alert(1)' });
      expect(trackerLink('not a url')).to.deep.equal({ href: null, text: 'not a url' });
    });

    it('escapes every user string', async () => {
      const source = memory();
      const created = await source.createAction({ title: '<img src=x onerror="window.pwned=1">', incidentIds: ['inc_0020'], kind: 'detect' });
      const el = await board(source);
      expect(text(card(el, created.id).querySelector('.title')!)).to.equal('<img src=x onerror="window.pwned=1">');
      expect(card(el, created.id).querySelector('img')).to.equal(null);
    });

    it('is axe-clean in light and dark, and at 320 px the columns scroll sideways', async () => {
      const el = await board(memory());
      await expect(el).to.be.accessible();
      await emulateMedia({ colorScheme: 'dark' });
      await expect(el).to.be.accessible();
      await emulateMedia({ colorScheme: 'light' });
      await setViewport({ width: 320, height: 640 });
      try {
        const strip = root(el).querySelector<HTMLElement>('.columns')!;
        expect(strip.scrollWidth).to.be.greaterThan(strip.clientWidth);
        expect(el.getBoundingClientRect().width).to.be.at.most(320);
        expect(column(el, 'todo').getBoundingClientRect().width).to.be.at.most(320);
      } finally {
        await setViewport({ width: 1280, height: 800 });
      }
    });

    it('speaks Japanese', async () => {
      await setLocale('ja');
      try {
        const el = await board(memory());
        const titles = [...root(el).querySelectorAll('.column-title')].map((h) => text(h));
        expect(titles[0]).to.not.equal('To do 7');
        expect(text(root(el).querySelector('h2')!)).to.not.equal('Prevention actions');
        await expect(el).to.be.accessible();
      } finally {
        await setLocale('en');
      }
    });
  });
});
