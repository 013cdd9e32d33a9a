// The postmortem of a resolved incident whose timeline has 200 events (the demo's own plus more,
// Markdown bodies with strong text and a link each), from adding the element until the document
// and every entry of the incident's timeline are rendered and laid out. Drafts are off (no
// IndexedDB in the measurement); the events are written to the MemoryAdapter before the clock
// starts.
import '../../../packages/elements/src/define/postmortem.js';
import { MemoryAdapter } from '../../../packages/adapters/src/memory/index.js';
import { timelineEntries } from '../../../packages/core/src/index.js';
import { NOW, timeUntilRendered } from '../page.js';

export const label = 'postmortem, 200-event timeline';

/** "Errors in reservations and the member app after a release": a draft postmortem with actions. */
const INCIDENT = 'inc_0025';
const POSTMORTEM = 'pm_0009';

export async function run(): Promise<number> {
  const adapter = new MemoryAdapter({ now: () => NOW });
  const incident = await adapter.getIncident(INCIDENT);
  const start = Date.parse(incident.startedAt);
  const existing = (await adapter.listTimeline(INCIDENT)).length;
  for (let i = existing; i < 200; i++) {
    await adapter.addTimelineEvent(INCIDENT, {
      kind: i % 4 === 0 ? 'action' : 'note',
      body: `Check ${i + 1}: error rate **${(i * 7) % 40} %**, pods ${12 + (i % 6)}. See https://grafana.example/d/reservations?from=${i}`,
      at: new Date(start + i * 20_000).toISOString(),
    });
  }
  const expected = timelineEntries(await adapter.getIncident(INCIDENT), await adapter.listTimeline(INCIDENT)).length;

  const el = document.createElement('hansei-postmortem');
  el.adapter = adapter;
  el.drafts = null;
  el.postmortemId = POSTMORTEM;
  return timeUntilRendered(el, '[part~="timeline-entry"]', expected);
}
