// The smallest element, as a baseline: 100 badges, each with a state and a link.
import '../../../packages/elements/src/define/status-badge.js';
import type { HanseiStatusBadge } from '../../../packages/elements/src/status-badge/status-badge.js';

export const label = 'status badge x100';

export async function run(): Promise<number> {
  const start = performance.now();
  const badges: HanseiStatusBadge[] = [];
  for (let i = 0; i < 100; i++) {
    const badge = document.createElement('hansei-status-badge');
    badge.indicator = (['none', 'minor', 'major', 'critical', 'maintenance'] as const)[i % 5];
    badge.href = 'https://status.example.com';
    document.body.append(badge);
    badges.push(badge);
  }
  await Promise.all(badges.map((b) => b.updateComplete));
  return performance.now() - start;
}
