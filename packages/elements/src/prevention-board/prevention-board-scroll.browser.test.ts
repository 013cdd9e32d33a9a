import { expect, nextFrame, waitUntil } from '@open-wc/testing';
import '../define/prevention-board.js';
import { board, card, memory, root, settled } from './board-fixtures.test.js';
import type { HanseiPreventionBoard } from './prevention-board.js';

/** Fires a drag event of the native kind at viewport point (x, y), on whatever is there. */
function dragAt(el: HanseiPreventionBoard, type: string, x: number, y: number): void {
  const at = root(el).elementFromPoint(x, y) ?? el;
  at.dispatchEvent(new DragEvent(type, { bubbles: true, composed: true, cancelable: true, dataTransfer: new DataTransfer(), clientX: x, clientY: y }));
}

/** Resolves once `read` has not changed for a few frames, with its value. */
async function steady(read: () => number): Promise<number> {
  let last = read();
  let same = 0;
  while (same < 5) {
    await nextFrame();
    const now = read();
    same = now === last ? same + 1 : 0;
    last = now;
  }
  return last;
}

describe('hansei-prevention-board: auto-scroll while dragging', () => {
  it('scrolls the columns sideways while a dragged card is held near their edge, and stops away from it and at the drop', async () => {
    const el = await board(memory());
    el.style.display = 'block';
    el.style.width = '420px';
    await el.updateComplete;
    const strip = root(el).querySelector<HTMLElement>('.columns')!;
    expect(strip.scrollWidth, 'the five columns overflow a narrow board').to.be.greaterThan(strip.clientWidth + 200);
    const source = card(el, 'act_0017');
    source.scrollIntoView({ block: 'center' });
    await settled(el);
    const box = strip.getBoundingClientRect();
    const y = source.getBoundingClientRect().top + 5;

    source.dispatchEvent(new DragEvent('dragstart', { bubbles: true, composed: true, cancelable: true, dataTransfer: new DataTransfer(), clientX: box.left + 40, clientY: y }));
    await nextFrame();
    // Held still near the right edge: it keeps scrolling with no further pointer movement.
    dragAt(el, 'dragenter', box.right - 8, y);
    dragAt(el, 'dragover', box.right - 8, y);
    await waitUntil(() => strip.scrollLeft > 150, `the columns did not scroll right (at ${strip.scrollLeft})`, { timeout: 4000 });

    // In the middle: it stops.
    dragAt(el, 'dragover', box.left + box.width / 2, y);
    const stopped = await steady(() => strip.scrollLeft);
    for (let i = 0; i < 10; i++) await nextFrame();
    expect(strip.scrollLeft, 'no scrolling away from the edges').to.equal(stopped);

    // Near the left edge: back to the start.
    dragAt(el, 'dragover', box.left + 8, y);
    await waitUntil(() => strip.scrollLeft === 0, `the columns did not scroll back left (at ${strip.scrollLeft})`, { timeout: 4000 });

    // Near the right edge again, then the drag ends there: scrolling ends with it.
    dragAt(el, 'dragover', box.right - 8, y);
    await waitUntil(() => strip.scrollLeft > 40, 'the columns did not scroll right again', { timeout: 4000 });
    source.dispatchEvent(new DragEvent('dragend', { bubbles: true, composed: true, dataTransfer: new DataTransfer(), clientX: box.right - 8, clientY: y }));
    const ended = await steady(() => strip.scrollLeft);
    for (let i = 0; i < 10; i++) await nextFrame();
    expect(strip.scrollLeft, 'no scrolling after the drop').to.equal(ended);
    expect(root(el).querySelector('.card.moving'), 'nothing is still being dragged').to.equal(null);
  });
});
