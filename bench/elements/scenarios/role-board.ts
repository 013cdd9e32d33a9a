// The role board of an open SEV incident with 50 people available and the default roles, from
// adding the element until every person chip (people list and role holders) is rendered and laid
// out. The people are added to the MemoryAdapter before the clock starts.
import '../../../packages/elements/src/define/role-board.js';
import { MemoryAdapter } from '../../../packages/adapters/src/memory/index.js';
import { NOW, OPEN_INCIDENT as INCIDENT, timeUntilRendered } from '../page.js';

export const label = 'role board, 50 people';

export async function run(): Promise<number> {
  const adapter = new MemoryAdapter({ now: () => NOW });
  const people = (await adapter.listPeople({ limit: 200 })).data.length;
  for (let i = people; i < 50; i++) await adapter.createPerson({ name: `Responder ${i + 1}`, handle: `responder${i + 1}` });
  const holders = (await adapter.listIncidentRoles(INCIDENT)).current.length;

  const el = document.createElement('hansei-role-board');
  el.adapter = adapter;
  el.incidentId = INCIDENT;
  return timeUntilRendered(el, '[part~="person"]', 50 + holders);
}
