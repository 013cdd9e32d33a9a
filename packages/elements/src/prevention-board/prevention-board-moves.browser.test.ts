import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { HanseiError } from '@hansei/adapters';
import type { MemoryCall } from '@hansei/adapters/memory';
import { rankBetween } from '@hansei/core';
import '../define/prevention-board.js';
import { board, card, choose, column, drag, ids, listen, memory, openMenu, root, settled, text, withCapabilities } from './board-fixtures.test.js';
import type { ActionErrorDetail, ActionMovedDetail, ActionUpdatedDetail } from './prevention-board.js';

// Demo columns at the demo's now: to do act_0017, act_0030 (12 days overdue), act_0038, act_0039, act_0045, act_0048, act_0049;
// in progress act_0014, act_0023, act_0025, act_0031, act_0041, act_0044; in review act_0015, act_0020, act_0043, act_0050.

describe('hansei-prevention-board: moves', () => {
  it('moves a card by keyboard: Move picks it up, the arrows choose the place, Enter drops (one write)', async () => {
    const calls: MemoryCall[] = [];
    const source = memory({
      failWith: (call) => {
        calls.push(call);
        return null;
      },
    });
    const el = await board(source);
    const heard = listen(el);
    const move = card(el, 'act_0030').querySelector<HTMLButtonElement>('.move')!;
    move.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(move.getAttribute('aria-pressed')).to.equal('true');
    expect(card(el, 'act_0030').getAttribute('part')).to.contain('card-moving');
    expect(heard.at(-1)?.message).to.contain('Picked up Load test a 400-site chain');
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    // Same height in the next column: before its second card.
    expect(heard.at(-1)?.message).to.equal('In progress, position 2 of 7.');
    expect(card(el, 'act_0023').classList.contains('drop-before')).to.equal(true);
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(heard.at(-1)?.message).to.equal('In progress, position 1 of 7.');
    const writesBefore = calls.filter((c) => c.method === 'moveAction' || c.method === 'updateAction').length;
    const moved = oneEvent(el, 'hansei-action-moved');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    // Shown at once...
    expect(ids(el, 'in_progress')[0]).to.equal('act_0030');
    const { detail } = (await moved) as CustomEvent<ActionMovedDetail>;
    expect(detail).to.include({ from: 'todo', to: 'in_progress', afterId: null, beforeId: 'act_0014', how: 'keyboard' });
    await settled(el);
    // ...saved with one write, between its neighbours...
    expect(calls.filter((c) => c.method === 'moveAction' || c.method === 'updateAction').length - writesBefore).to.equal(1);
    const saved = await source.getAction('act_0030');
    expect(saved.status).to.equal('in_progress');
    expect(saved.rank).to.equal(rankBetween(null, '8'));
    // ...and said; focus stays on the card.
    expect(heard.at(-1)?.message).to.equal('Load test a 400-site chain opening its booking window moved to In progress, position 1 of 7.');
    expect(root(el).activeElement === card(el, 'act_0030').querySelector('.move'), 'focus on the moved card').to.equal(true);
    expect(ids(el, 'todo')).to.not.include('act_0030');
  });

  it('reorders within a column with Home and End, and Escape cancels', async () => {
    const source = memory();
    const el = await board(source);
    const heard = listen(el);
    card(el, 'act_0049').querySelector<HTMLButtonElement>('.move')!.focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(heard.at(-1)?.message).to.equal('To do, position 1 of 7.');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(heard.at(-1)?.message).to.equal('Cancelled. Canary burn-rate check with a minimum sample size was not moved.');
    expect(ids(el, 'todo').at(-1)).to.equal('act_0049');
    card(el, 'act_0017').querySelector<HTMLButtonElement>('.move')!.focus();
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'End' });
    await sendKeys({ press: 'Enter' });
    await settled(el);
    expect(ids(el, 'todo')).to.deep.equal(['act_0030', 'act_0038', 'act_0039', 'act_0045', 'act_0048', 'act_0049', 'act_0017']);
    expect((await source.getAction('act_0017')).rank > 's').to.equal(true);
  });

  it('says so when a card is dropped where it was, and writes nothing', async () => {
    const calls: string[] = [];
    const el = await board(
      memory({
        failWith: ({ method }) => {
          calls.push(method);
          return null;
        },
      }),
    );
    const heard = listen(el);
    card(el, 'act_0038').querySelector<HTMLButtonElement>('.move')!.focus();
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(heard.at(-1)?.message).to.equal('One shared payment gateway client for checkout and billing stays where it was.');
    expect(calls).to.not.include('moveAction');
  });

  it('moves from the menu: up, down, to the top, to another column', async () => {
    const source = memory();
    const el = await board(source);
    const labels = (await openMenu(el, 'act_0039')).map((i) => text(i));
    expect(labels).to.deep.equal(['Move to top', 'Move up', 'Move down', 'Move to bottom', 'Move to In progress', 'Move to In review', 'Move to Done', 'Move to Won’t do']);
    await sendKeys({ press: 'Escape' });
    await choose(el, 'act_0039', 'Move up');
    await settled(el);
    expect(ids(el, 'todo').slice(0, 4)).to.deep.equal(['act_0017', 'act_0030', 'act_0039', 'act_0038']);
    // Focus goes back to the card's menu button.
    expect(root(el).activeElement === card(el, 'act_0039').querySelector('.menu-button'), 'focus on the menu button').to.equal(true);
    await choose(el, 'act_0039', 'Move to Done');
    await settled(el);
    expect(ids(el, 'done').at(-1)).to.equal('act_0039');
    const saved = await source.getAction('act_0039');
    expect(saved.status).to.equal('done');
    expect(saved.completedAt).to.not.equal(null);
    // A done card can be judged.
    expect(card(el, 'act_0039').querySelector('.verify')).to.exist;
  });

  it('moves by drag and drop, to the closest edge of the card it is dropped on', async () => {
    const source = memory();
    const el = await board(source);
    const moved = oneEvent(el, 'hansei-action-moved');
    await drag(card(el, 'act_0017'), card(el, 'act_0025'), 'bottom');
    const { detail } = (await moved) as CustomEvent<ActionMovedDetail>;
    expect(detail).to.include({ from: 'todo', to: 'in_progress', afterId: 'act_0025', beforeId: 'act_0031', how: 'drag' });
    await settled(el);
    expect(ids(el, 'in_progress')).to.deep.equal(['act_0014', 'act_0023', 'act_0025', 'act_0017', 'act_0031', 'act_0041', 'act_0044']);
    await drag(card(el, 'act_0044'), card(el, 'act_0014'), 'top');
    await settled(el);
    expect(ids(el, 'in_progress')[0]).to.equal('act_0044');
    // Onto an empty part of a column: its end.
    await drag(card(el, 'act_0014'), column(el, 'in_review').querySelector('.column-title')!);
    await settled(el);
    expect(ids(el, 'in_review').at(-1)).to.equal('act_0014');
    expect((await source.getAction('act_0014')).status).to.equal('in_review');
  });

  it('undoes a move the adapter refuses, and says why', async () => {
    const source = memory({
      latencyMs: 40,
      failWith: ({ method }) => (method === 'moveAction' ? new HanseiError({ kind: 'unavailable', message: 'The database is read-only during maintenance.' }) : null),
    });
    const el = await board(source);
    const heard = listen(el);
    const refused = oneEvent(el, 'hansei-action-error');
    await choose(el, 'act_0017', 'Move to In review');
    // Shown at once, as saving...
    expect(ids(el, 'in_review')).to.include('act_0017');
    expect(card(el, 'act_0017').getAttribute('part')).to.contain('card-saving');
    const { detail } = (await refused) as CustomEvent<ActionErrorDetail>;
    expect(detail.conflict).to.equal(false);
    await settled(el);
    // ...then back where it was.
    expect(ids(el, 'todo')[0]).to.equal('act_0017');
    expect(ids(el, 'in_review')).to.not.include('act_0017');
    const message = text(root(el).querySelector('[part="message"]')!);
    expect(message).to.contain('Offer SMS one-time codes as a login fallback was not moved: The database is read-only during maintenance. It is back where it was.');
    expect(heard.at(-1)?.politeness).to.equal('assertive');
    await expect(el).to.be.accessible();
  });

  it('shows a card as it now is when someone else changed it first (conflict)', async () => {
    const source = memory();
    // No live changes: the board does not hear of the other change before it writes.
    const el = await board(withCapabilities(source, { live: false }));
    const other = source.as('responder');
    const now = await other.getAction('act_0045');
    await other.moveAction('act_0045', { status: 'in_review' }, now.version);
    const refused = oneEvent(el, 'hansei-action-error');
    await choose(el, 'act_0045', 'Move to In progress');
    const { detail } = (await refused) as CustomEvent<ActionErrorDetail>;
    expect(detail.conflict).to.equal(true);
    await settled(el);
    await waitUntil(() => ids(el, 'in_review').includes('act_0045'), 'the card did not show where it is now');
    expect(ids(el, 'in_progress')).to.not.include('act_0045');
    expect(text(root(el).querySelector('[part="message"]')!)).to.contain('Someone else changed the board first');
    expect((await source.getAction('act_0045')).status).to.equal('in_review');
  });

  it('reloads the column when the neighbours changed meanwhile (conflict without the card)', async () => {
    const source = memory();
    const el = await board(withCapabilities(source, { live: false }));
    const other = source.as('responder');
    // Someone puts a card between act_0038 and act_0039.
    const moving = await other.getAction('act_0049');
    await other.moveAction('act_0049', { status: 'todo', afterId: 'act_0038' }, moving.version);
    const refused = oneEvent(el, 'hansei-action-error');
    // This board still shows act_0038 and act_0039 side by side.
    await choose(el, 'act_0017', 'Move down');
    await settled(el);
    await choose(el, 'act_0017', 'Move down');
    const { detail } = (await refused) as CustomEvent<ActionErrorDetail>;
    expect(detail.conflict).to.equal(true);
    await waitUntil(() => ids(el, 'todo')[3] === 'act_0049', 'the board did not reload');
  });

  it('marks a done action verified effective, or recurred, and clears the verdict', async () => {
    const source = memory();
    const el = await board(source);
    const updated = oneEvent(el, 'hansei-action-updated');
    card(el, 'act_0021').querySelector<HTMLButtonElement>('.verify')!.click();
    const { detail } = (await updated) as CustomEvent<ActionUpdatedDetail>;
    expect(detail.previous.effectiveness).to.equal('unverified');
    expect(detail.action.effectiveness).to.equal('effective');
    await settled(el);
    expect(text(card(el, 'act_0021').querySelector('[part~="verified"]')!)).to.equal('Verified effective');
    expect(card(el, 'act_0021').querySelector('.verify')).to.equal(null);
    expect((await source.getAction('act_0021')).effectiveness).to.equal('effective');
    await choose(el, 'act_0021', 'Mark as recurred');
    await settled(el);
    expect(card(el, 'act_0021').querySelector('[part~="missed"]')).to.exist;
    await choose(el, 'act_0021', 'Clear the verdict');
    await settled(el);
    expect((await source.getAction('act_0021')).effectiveness).to.equal('unverified');
  });

  it('moves within a swimlane only, and keeps the lane', async () => {
    const source = memory();
    const el = await board(source, { lanes: 'owner' });
    const lanes = [...root(el).querySelectorAll('.lane-title')].map((h) => text(h));
    const kobayashi = lanes.findIndex((t) => t.startsWith('Sho Kobayashi'));
    expect(kobayashi).to.be.greaterThan(-1);
    // act_0045 and act_0049 are both Sho Kobayashi's to-dos.
    card(el, 'act_0049', kobayashi).querySelector<HTMLButtonElement>('.move')!.focus();
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'Enter' });
    await settled(el);
    expect(ids(el, 'todo', kobayashi)).to.deep.equal(['act_0049', 'act_0045']);
    // Dropping into another owner's lane is not a drop target: nothing moves.
    const heard = listen(el);
    const otherLane = kobayashi === 0 ? 1 : 0;
    await drag(card(el, 'act_0045', kobayashi), column(el, 'done', otherLane));
    await el.updateComplete;
    expect(heard.at(-1)?.message).to.equal('Failover runbook and drill for the payment gateway was not moved.');
    expect((await source.getAction('act_0045')).status).to.equal('todo');
  });

  it('renders a long column 50 cards at a time, and always the place a move aims at', async () => {
    const source = memory();
    for (let i = 1; i <= 70; i++) await source.createAction({ title: `Extra check ${i}`, incidentIds: ['inc_0020'], kind: 'detect' });
    const el = await board(source);
    expect(ids(el, 'todo')).to.have.length(50);
    const more = column(el, 'todo').querySelector<HTMLButtonElement>('[data-more] button')!;
    expect(text(more)).to.equal('Show 27 more (27 not shown yet)');
    // A keyboard move to the end of the column shows the end.
    card(el, 'act_0017').querySelector<HTMLButtonElement>('.move')!.focus();
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(ids(el, 'todo')).to.have.length(77);
    expect(column(el, 'todo').querySelector('.drop-end')).to.exist;
    await sendKeys({ press: 'Enter' });
    await settled(el);
    expect(ids(el, 'todo').at(-1)).to.equal('act_0017');
    expect(root(el).activeElement === card(el, 'act_0017').querySelector('.move'), 'focus on the moved card').to.equal(true);
    // Show more renders the rest, and focus goes to the first card it added.
    el.filter = { kinds: ['detect'] };
    await el.updateComplete;
    el.filter = {};
    await el.updateComplete;
    expect(ids(el, 'todo')).to.have.length(50);
    column(el, 'todo').querySelector<HTMLButtonElement>('[data-more] button')!.click();
    await el.updateComplete;
    expect(ids(el, 'todo')).to.have.length(77);
    expect(column(el, 'todo').querySelector('[data-more]')).to.equal(null);
  });
});
