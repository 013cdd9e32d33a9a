/**
 * The page the byte budget (tests/budget) and the benchmark (bench/status-page) measure: the
 * demo company's status page grown to 20 shown components, rendered on the server from memory
 * at a fixed time, so the figure is the same on every machine.
 *
 * The demo shows 15 components; the extra ones are copies of demo components (the second
 * "Search", ...) with their whole 90-day status history, so their uptime bars weigh what real
 * ones do (a new component's empty days would compress to almost nothing).
 */
import { MemoryAdapter } from '@hansei/adapters/memory';
import { demoDataset, type Component, type DemoDataset } from '@hansei/core';

/** The instant the measured page is rendered at. */
export const MEASURED_NOW = Date.parse('2026-11-25T10:00:00.000Z');
/** Components the measured page shows. */
export const MEASURED_COMPONENTS = 20;

const isShown = (c: Component) => c.showcase;

/** The demo dataset at `now` with `count` shown components (copies of demo ones, history included). */
export function demoWithComponents(count = MEASURED_COMPONENTS, now = MEASURED_NOW): DemoDataset {
  const demo = demoDataset({ now });
  const shown = demo.components.filter(isShown);
  const components: Component[] = [...demo.components];
  const statusChanges = [...demo.statusChanges];
  for (let i = 0; shown.length + i < count; i++) {
    const original = shown[i % shown.length]!;
    const id = `${original.id}_${i + 2}`;
    components.push({ ...original, id, name: `${original.name} (region ${i + 2})`, position: original.position + 0.5 });
    for (const change of demo.statusChanges) if (change.componentId === original.id) statusChanges.push({ ...change, componentId: id });
  }
  statusChanges.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return { ...demo, components, statusChanges };
}

/** An anonymous reader of {@link demoWithComponents}, as the page reads the API. */
export function measuredAdapter(count = MEASURED_COMPONENTS, now = MEASURED_NOW): MemoryAdapter {
  return new MemoryAdapter({ now: () => now, dataset: demoWithComponents(count, now), role: null });
}
