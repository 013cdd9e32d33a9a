/**
 * An incident template as the admin page edits it, and the request it sends. Pure. The page
 * holds "leave as chosen" as an empty string in its selects and the labels as the text typed;
 * the request has null and a list, as the contract says.
 */
import type { AffectedComponent, Impact, IncidentTemplate, IncidentTemplateCreateRequest, LocalizedText, Visibility } from '@hansei/core';
import { parseLabels } from '@hansei/elements/incident-form/model.js';
import type { TemplateDraft } from './template-admin.js';

type Text = { en: string; ja?: string };
type Stored = IncidentTemplate & { readonly version: number };

export interface IncidentTemplateDraft extends TemplateDraft {
  description: Text;
  title: Text;
  summary: Text;
  updateBody: Text;
  /** A severity code, or '' to leave the one the responder picks. */
  severity: string;
  impact: Impact | '';
  visibility: Visibility | '';
  components: AffectedComponent[];
  /** As typed: separated by commas or spaces. */
  labels: string;
}

const text = (value: LocalizedText): Text => ({ ...value });

/** A draft of `template` (null: a new one, prefilling nothing); `name` replaces its name and makes it a copy. */
export function incidentTemplateDraft(template: Stored | null, name?: LocalizedText): IncidentTemplateDraft {
  if (!template) {
    const blank = () => ({ en: '' });
    return { id: null, version: 0, name: blank(), description: blank(), title: blank(), summary: blank(), updateBody: blank(), severity: '', impact: '', visibility: '', components: [], labels: '' };
  }
  return {
    id: name ? null : template.id,
    version: template.version,
    name: text(name ?? template.name),
    description: text(template.description),
    title: text(template.title),
    summary: text(template.summary),
    updateBody: text(template.updateBody),
    severity: template.severity ?? '',
    impact: template.impact ?? '',
    visibility: template.visibility ?? '',
    components: template.components.map(({ componentId, status }) => ({ componentId, status })),
    labels: template.labels.join(', '),
  };
}

/** What the draft sends: blanks become null, the labels a list. */
export function incidentTemplateRequest(draft: IncidentTemplateDraft): IncidentTemplateCreateRequest {
  return {
    name: draft.name,
    description: draft.description,
    title: draft.title,
    summary: draft.summary,
    updateBody: draft.updateBody,
    severity: draft.severity || null,
    impact: draft.impact || null,
    visibility: draft.visibility || null,
    components: draft.components,
    labels: parseLabels(draft.labels),
  };
}
