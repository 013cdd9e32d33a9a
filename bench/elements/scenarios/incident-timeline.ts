// A long incident: the timeline of an open incident with 500 more events (Markdown bodies with
// strong text and a bare URL each), from adding the element until every entry is rendered and laid
// out. The events are written to the MemoryAdapter before the clock starts.
import '../../../packages/elements/src/define/incident-timeline.js';
import { MemoryAdapter } from '../../../packages/adapters/src/memory/index.js';
import { NOW, OPEN_INCIDENT as INCIDENT, timeUntilRendered } from '../page.js';

export const label = 'incident timeline, 500 events';

export async function run(): Promise<number> {
  const adapter = new MemoryAdapter({ now: () => NOW });
  const start = NOW - 8 * 3_600_000;
  for (let i = 0; i < 500; i++) {
    await adapter.addTimelineEvent(INCIDENT, {
      kind: i % 5 === 0 ? 'action' : 'note',
      body: `Check ${i + 1}: queue depth **${(i * 37) % 900}**, workers ${8 + (i % 5)}. See https://grafana.example/d/push?from=${i}`,
      at: new Date(start + i * 50_000).toISOString(),
    });
  }
  const expected = (await adapter.listTimeline(INCIDENT)).length + (await adapter.getIncident(INCIDENT)).updates.length;

  const el = document.createElement('hansei-incident-timeline');
  el.adapter = adapter;
  el.incidentId = INCIDENT;
  return timeUntilRendered(el, '[part~="entry"]', expected);
}
