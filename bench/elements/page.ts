// What the element scenarios share: the demo organisation's clock and open incident, and a way to
// wait for rendering without setTimeout's 4 ms clamp.
import type { LitElement } from 'lit';

/** The scenarios' clock: the demo data's "now", half an hour in. */
export const NOW = Date.parse('2026-11-25T09:30:00.000Z');

/** An incident of the demo data that is open at {@link NOW}. */
export const OPEN_INCIDENT = 'inc_0026';

/** Yields to the next task. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/**
 * Milliseconds from adding `element` to the page until `selector` matches at least `count`
 * nodes in its shadow root, layout included.
 */
export async function timeUntilRendered(element: LitElement, selector: string, count: number): Promise<number> {
  const began = performance.now();
  document.body.append(element);
  while ((element.shadowRoot?.querySelectorAll(selector).length ?? 0) < count) {
    await element.updateComplete;
    await nextTask();
  }
  element.getBoundingClientRect();
  return performance.now() - began;
}
