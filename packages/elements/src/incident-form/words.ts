/**
 * The words the incident form shows for the domain's enums, in the active locale. The status and
 * component words are the status page's own (Statuspage's wording in English), so the preview
 * reads exactly as the page will.
 */
import { msg } from '@lit/localize';
import type {
  Impact,
  IncidentRelation,
  LocalizedText,
  Locale,
  PagePolicy,
  RequirementLevel,
  Visibility,
} from '@hansei/core';



/** A public impact level, with what it means for customers. */
export function impactWord(impact: Impact): string {
  switch (impact) {
    case 'none':
      return msg('None: customers do not notice', { desc: 'Incident form: public impact none' });
    case 'minor':
      return msg('Minor: some customers are slowed down', { desc: 'Incident form: public impact minor' });
    case 'major':
      return msg('Major: some customers cannot work', { desc: 'Incident form: public impact major' });
    case 'critical':
      return msg('Critical: most customers cannot work', { desc: 'Incident form: public impact critical' });
  }
}

export function visibilityWord(visibility: Visibility): string {
  return visibility === 'public'
    ? msg('Public: shown on the status page', { desc: 'Incident form: visibility public' })
    : msg('Internal: only people with access see it', { desc: 'Incident form: visibility internal' });
}

export function relationWord(relation: IncidentRelation): string {
  return relation === 'recurrence_of'
    ? msg('The same problem again (recurrence)', { desc: 'Incident form: a related incident is a recurrence' })
    : msg('Related', { id: 'incident-form.related', desc: 'Incident form: a related incident, not the same problem' });
}

/** What a severity level demands of paging. */
export function pageWord(policy: PagePolicy): string {
  switch (policy) {
    case 'immediately':
      return msg('Page the on-call responder now', { desc: 'Severity guideline: page immediately' });
    case 'working_hours':
      return msg('Handle in working hours', { desc: 'Severity guideline: page in working hours' });
    case 'none':
      return msg('No paging', { id: 'incident-form.no-paging', desc: 'Severity guideline: nobody is paged' });
  }
}

export function requirementWord(level: RequirementLevel): string {
  switch (level) {
    case 'required':
      return msg('Required', { id: 'incident-form.required', desc: 'Severity guideline: a demand is required' });
    case 'recommended':
      return msg('Recommended', { id: 'incident-form.recommended', desc: 'Severity guideline: a demand is recommended' });
    case 'optional':
      return msg('Optional', { id: 'incident-form.optional', desc: 'Severity guideline: a demand is optional' });
  }
}

/**
 * Organisation text in `locale`: Japanese when given and asked for, else English. `lang` says
 * which it is, so a fallback is pronounced right.
 */
export function localized(text: LocalizedText, locale: Locale): { text: string; lang: Locale } {
  return locale === 'ja' && text.ja ? { text: text.ja, lang: 'ja' } : { text: text.en, lang: 'en' };
}
