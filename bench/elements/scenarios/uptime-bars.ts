// The status page's heaviest element: uptime bars for 20 components x 90 days (1,800 bars, each
// with its day in words), from adding the element until every bar is rendered and laid out. The
// data is the demo's, read from a MemoryAdapter before the clock starts: its 14 public components,
// then the first 6 again under other names, as a page with 20 components would have them.
import '../../../packages/elements/src/define/uptime-bars.js';
import { MemoryAdapter } from '../../../packages/adapters/src/memory/index.js';

export const label = 'uptime bars, 20 components x 90 days';

const NOW = Date.parse('2026-11-25T09:30:00.000Z');
const COMPONENTS = 20;

export async function run(): Promise<number> {
  const adapter = new MemoryAdapter({ now: () => NOW, role: null });
  const snapshot = await adapter.status();
  const demo = await adapter.uptime({ days: 90, timeZone: 'Asia/Tokyo' });
  const uptime = Array.from({ length: COMPONENTS }, (_, i) => {
    const source = demo[i % demo.length]!;
    return i < demo.length ? source : { ...source, componentId: `${source.componentId}_${i}` };
  });
  const names = Array.from({ length: COMPONENTS }, (_, i) => {
    const component = snapshot.components[i % snapshot.components.length]!;
    return i < snapshot.components.length ? component : { ...component, id: `${component.id}_${i}`, name: `${component.name} (${i})` };
  });
  const incidents = (await adapter.listIncidents({ limit: 200 })).data;

  const began = performance.now();
  const el = document.createElement('hansei-uptime-bars');
  el.uptime = uptime;
  el.snapshot = { ...snapshot, components: names };
  el.incidents = incidents;
  el.hrefTemplate = '/incidents/{id}';
  document.body.append(el);
  await el.updateComplete;
  const bars = el.shadowRoot?.querySelectorAll('button.bar').length ?? 0;
  if (bars !== COMPONENTS * 90) throw new Error(`Expected ${COMPONENTS * 90} bars, found ${bars}.`);
  el.getBoundingClientRect(); // layout included
  return performance.now() - began;
}
