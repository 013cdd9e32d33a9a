// The prevention board with 2,000 actions across every column, from adding the element until the
// first 50 cards of every column are rendered and laid out (the rest follow as a column is
// scrolled; cards off screen skip layout: content-visibility).
import '../../../packages/elements/src/define/prevention-board.js';
import { timeUntilRendered } from '../page.js';
import { TODAY, boardAdapter, firstCards } from '../prevention-board-data.js';

export const label = 'prevention board, 2,000 cards';

export async function run(): Promise<number> {
  const adapter = await boardAdapter(2000);
  const expected = await firstCards(adapter);
  const el = document.createElement('hansei-prevention-board');
  el.adapter = adapter;
  el.today = TODAY;
  return timeUntilRendered(el, '[part~="card"]', expected);
}
