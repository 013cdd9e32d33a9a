// What the prevention board scenarios share: a MemoryAdapter holding the demo's actions plus
// generated ones up to `count`, spread over the columns, kinds, owners, incidents and due dates
// (a few overdue), written before the clock starts.
import { MemoryAdapter } from '../../packages/adapters/src/memory/index.js';
import { ACTION_KINDS, ACTION_STATUSES } from '../../packages/core/src/index.js';
import { NOW } from './page.js';

export const TODAY = '2026-11-25';

export async function boardAdapter(count: number): Promise<MemoryAdapter> {
  const adapter = new MemoryAdapter({ now: () => NOW });
  const existing = (await adapter.listActions({ limit: 200 })).data.length;
  const incidents = (await adapter.listIncidents({ limit: 200 })).data.map((i) => i.id);
  const people = (await adapter.listPeople({ limit: 200 })).data.map((p) => p.id);
  for (let i = existing; i < count; i++) {
    const day = 1 + (i % 28);
    await adapter.createAction({
      title: `Prevention action ${i + 1}: cap retries for the booking service and alert on queue depth`,
      description: 'Generated for the benchmark.',
      incidentIds: [incidents[i % incidents.length]!, ...(i % 7 === 0 ? [incidents[(i + 3) % incidents.length]!] : [])],
      kind: ACTION_KINDS[i % ACTION_KINDS.length]!,
      ownerId: i % 11 === 0 ? null : people[i % people.length]!,
      dueDate: `2026-${i % 3 === 0 ? '11' : '12'}-${String(day).padStart(2, '0')}`,
      status: ACTION_STATUSES[i % ACTION_STATUSES.length]!,
      externalUrl: `https://linear.example/KIN-${1000 + i}`,
    });
  }
  return adapter;
}

/**
 * How many cards the board renders at first for the adapter's actions: each column shows its
 * first 50 (the rest follow as it is scrolled), so that is what a first render waits for.
 */
export async function firstCards(adapter: MemoryAdapter): Promise<number> {
  const counts = new Map<string, number>();
  let cursor: string | undefined;
  do {
    const page = await adapter.listActions(cursor === undefined ? { limit: 200 } : { limit: 200, cursor });
    for (const action of page.data) counts.set(action.status, (counts.get(action.status) ?? 0) + 1);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  let total = 0;
  for (const count of counts.values()) total += Math.min(50, count);
  return total;
}
