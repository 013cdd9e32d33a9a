// One SLO from the adapter, full size: the burning check-in SLO of the demo (4 burn-rate pairs,
// a 120-point budget line, 2 incidents), from adding the element until its burn rates and chart
// are rendered and laid out. The report is read through a MemoryAdapter (getSlo + getSloReport,
// computed from 31 days of 5-minute samples on each read); the adapter is built before the clock
// starts.
import '../../../packages/elements/src/define/slo-gauge.js';
import { MemoryAdapter } from '../../../packages/adapters/src/memory/index.js';
import { NOW, timeUntilRendered } from '../page.js';

export const label = 'SLO gauge, burning SLO (read + report)';

export async function run(): Promise<number> {
  const adapter = new MemoryAdapter({ now: () => NOW, role: 'viewer' });
  const el = document.createElement('hansei-slo-gauge');
  el.adapter = adapter;
  el.sloId = 'slo_checkin';
  el.now = NOW;
  return timeUntilRendered(el, '[part~="burn-rate"], [part~="chart-image"]', 5);
}
