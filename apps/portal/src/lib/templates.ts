/** The organisation's incident templates, as the incident form takes them; none when the adapter has no such call. */
import type { HanseiAdapter } from '@hansei/adapters';
import type { IncidentTemplate } from '@hansei/elements/incident-form/incident-form.js';

type WithTemplates = HanseiAdapter & {
  listIncidentTemplates?: () => Promise<readonly (IncidentTemplate & { readonly id: string })[]>;
};

export async function loadIncidentTemplates(adapter: HanseiAdapter): Promise<readonly IncidentTemplate[]> {
  const list = (adapter as WithTemplates).listIncidentTemplates;
  if (typeof list !== 'function') return [];
  try {
    return await list.call(adapter);
  } catch {
    // Templates help; the form works without them.
    return [];
  }
}
