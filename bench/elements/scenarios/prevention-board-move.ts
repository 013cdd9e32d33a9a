// One keyboard move on a board of 2,000 actions: a card is picked up and its place chosen
// (ArrowRight: the next column), then the clock runs from the Enter that drops it until the
// card shows in its new column, laid out (the adapter's answer comes after; the move shows first).
import '../../../packages/elements/src/define/prevention-board.js';
import { nextTask, timeUntilRendered } from '../page.js';
import { TODAY, boardAdapter, firstCards } from '../prevention-board-data.js';

export const label = 'prevention board, one keyboard move (2,000 cards)';

function key(target: Element, name: string): void {
  target.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, composed: true, cancelable: true }));
}

export async function run(): Promise<number> {
  const adapter = await boardAdapter(2000);
  const el = document.createElement('hansei-prevention-board');
  el.adapter = adapter;
  el.today = TODAY;
  await timeUntilRendered(el, '[part~="card"]', await firstCards(adapter));
  const root = el.shadowRoot!;
  const first = root.querySelector<HTMLElement>('[data-status="todo"] li[data-id]')!;
  const id = first.dataset['id']!;
  const move = first.querySelector<HTMLButtonElement>('.move')!;
  move.focus();
  move.click();
  await el.updateComplete;
  key(move, 'ArrowRight');
  await el.updateComplete;
  await nextTask();
  const began = performance.now();
  key(move, 'Enter');
  const moved = `[data-status="in_progress"] li[data-id="${CSS.escape(id)}"]`;
  while (!root.querySelector(moved)) {
    await el.updateComplete;
    await nextTask();
  }
  root.querySelector(moved)!.getBoundingClientRect();
  return performance.now() - began;
}
