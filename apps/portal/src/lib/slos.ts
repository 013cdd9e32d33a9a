/** Every SLO with its report, least budget left first: what the dashboard and the review show. */
import type { HanseiAdapter } from '@hansei/adapters';
import type { Slo, SloReport, Stored } from '@hansei/core';

export interface SloRow {
  readonly slo: Stored<Slo>;
  /** Null when the report could not be read (the row then says so). */
  readonly report: SloReport | null;
}

/** Reads every page of SLOs, then their reports (a few at a time), least budget left first. */
export async function slosByBudget(adapter: HanseiAdapter, signal?: AbortSignal): Promise<SloRow[]> {
  const slos: Stored<Slo>[] = [];
  let cursor: string | undefined;
  do {
    const page = await adapter.listSlos({ limit: 200, ...(cursor ? { cursor } : {}) }, { ...(signal ? { signal } : {}) });
    slos.push(...page.data);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  const rows: SloRow[] = [];
  for (let i = 0; i < slos.length; i += 4) {
    const batch = slos.slice(i, i + 4);
    rows.push(
      ...(await Promise.all(
        batch.map(async (slo) => ({ slo, report: await adapter.getSloReport(slo.id, { ...(signal ? { signal } : {}) }).catch(() => null) })),
      )),
    );
  }
  return sortByBudget(rows);
}

/** Least budget left first; rows without a report last; ties by name. */
export function sortByBudget(rows: readonly SloRow[]): SloRow[] {
  return [...rows].sort((a, b) => {
    const x = a.report?.budgetRemaining ?? Number.POSITIVE_INFINITY;
    const y = b.report?.budgetRemaining ?? Number.POSITIVE_INFINITY;
    return x === y ? a.slo.name.localeCompare(b.slo.name) : x - y;
  });
}
