// The prevention board with 200 actions (the demo's and generated ones across every column),
// from adding the element until its cards are rendered and laid out (every column's first 50).
import '../../../packages/elements/src/define/prevention-board.js';
import { timeUntilRendered } from '../page.js';
import { TODAY, boardAdapter, firstCards } from '../prevention-board-data.js';

export const label = 'prevention board, 200 cards';

export async function run(): Promise<number> {
  const adapter = await boardAdapter(200);
  const expected = await firstCards(adapter);
  const el = document.createElement('hansei-prevention-board');
  el.adapter = adapter;
  el.today = TODAY;
  return timeUntilRendered(el, '[part~="card"]', expected);
}
