/** What the outbox panel says about a queued write, and how a conflict is re-based. Pure. */
import { msg, str } from '@lit/localize';
import type { OutboxEntry } from '@hansei/adapters/offline';

/** A write in words: "Update incident inc_12". */
export function describeWrite(entry: Pick<OutboxEntry, 'method' | 'target'>): string {
  const target = entry.target ?? '';
  const words: Record<string, string> = {
    declareIncident: msg('Declare an incident'),
    updateIncident: msg(str`Change incident ${target}`),
    postIncidentUpdate: msg(str`Post an update to incident ${target}`),
    addTimelineEvent: msg(str`Add to the timeline of ${target}`),
    assignRole: msg(str`Assign a role in ${target}`),
    handOffRole: msg(str`Hand off a role in ${target}`),
    releaseRole: msg(str`Release a role in ${target}`),
    createPostmortem: msg('Start a postmortem'),
    updatePostmortem: msg(str`Change postmortem ${target}`),
    createAction: msg('Add a prevention action'),
    updateAction: msg(str`Change action ${target}`),
    moveAction: msg(str`Move action ${target}`),
  };
  return words[entry.method] ?? `${entry.method}${target ? ` (${target})` : ''}`;
}

/** Short, readable text of any value (a field of a patch or of the server's copy). */
export function show(value: unknown): string {
  if (value === undefined) return '—';
  if (typeof value === 'string') return value.length > 400 ? `${value.slice(0, 400)}…` : value;
  const text = JSON.stringify(value, null, 1) ?? typeof value;
  return text.length > 400 ? `${text.slice(0, 400)}…` : text;
}

/** For a versioned write refused as a conflict: each field it changes, its value beside the server's now. */
export function conflictRows(entry: Pick<OutboxEntry, 'args' | 'current'>): { field: string; mine: string; theirs: string }[] {
  const args = entry.args as readonly unknown[];
  const patch = args.length >= 3 ? args[1] : null;
  if (!patch || typeof patch !== 'object') return [];
  const current = (entry.current ?? {}) as Record<string, unknown>;
  return Object.entries(patch as Record<string, unknown>)
    .filter(([field, mine]) => JSON.stringify(mine) !== JSON.stringify(current[field]))
    .map(([field, mine]) => ({ field, mine: show(mine), theirs: show(current[field]) }));
}

/** The same write based on the server's current version (the person chose "mine on top"), or null without one. */
export function rebased(entry: Pick<OutboxEntry, 'args' | 'current'>): unknown[] | null {
  const version = (entry.current as { version?: unknown } | null)?.version;
  if (typeof version !== 'number') return null;
  const args = [...(entry.args as readonly unknown[])];
  args[args.length - 1] = version;
  return args;
}
