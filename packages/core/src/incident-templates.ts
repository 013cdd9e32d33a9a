/**
 * Incident templates: the rules for the templates an organisation defines, and what a template
 * prefills in the incident form. Pure: ids come from the caller. The kit's built-in templates are
 * in incident-template-library.ts, so an element that only applies templates does not carry them.
 *
 * A template prefills only what it gives: a blank English text, a null and an empty list leave
 * the form's field as the responder set it (the severity they already picked, the components
 * they already ticked).
 */
import type { Id, IncidentTemplate, Locale } from './domain.js';
import { localize } from './guideline.js';
import type { IncidentCreateRequest } from './requests.js';
import type { IncidentTemplateCreateInput, IncidentTemplatePatchInput } from './schemas.js';

/** How many incident templates of its own an organisation may keep (built-ins not counted). */
export const INCIDENT_TEMPLATES_MAX = 100;

/** An organisation's new template, as a backend stores it. */
export function createdIncidentTemplate(body: IncidentTemplateCreateInput, id: Id): IncidentTemplate {
  return { id, ...body, builtIn: false };
}

/** `before` with the fields `patch` gives (lists replace the stored ones). */
export function patchedIncidentTemplate(before: IncidentTemplate, patch: IncidentTemplatePatchInput): IncidentTemplate {
  const given = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
  return { ...before, ...given, id: before.id, builtIn: before.builtIn };
}

/**
 * What a template fills in, in the incident form's terms: its name and description in `locale`,
 * and the fields of an incident declaration it gives (text in `locale`, English when there is
 * no Japanese). The fields it leaves blank are absent.
 */
export type IncidentPrefill = Partial<IncidentCreateRequest> & { readonly name: string; readonly description?: string };

/** The prefill of `template` for a responder reading `locale`. */
export function incidentTemplatePrefill(template: IncidentTemplate, locale: Locale): IncidentPrefill {
  const prefill: Record<string, unknown> = {};
  for (const key of ['name', 'description', 'title', 'summary', 'updateBody'] as const) {
    if (template[key].en.trim()) prefill[key] = localize(template[key], locale);
  }
  for (const key of ['severity', 'impact', 'visibility'] as const) if (template[key] !== null) prefill[key] = template[key];
  for (const key of ['components', 'labels'] as const) if (template[key].length > 0) prefill[key] = [...template[key]];
  return prefill as IncidentPrefill;
}
