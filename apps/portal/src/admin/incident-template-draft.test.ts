import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BUILT_IN_INCIDENT_TEMPLATES, IncidentTemplateCreateSchema, validate } from '@hansei/core';
import { incidentTemplateDraft, incidentTemplateRequest } from './incident-template-draft.js';

/** What the server makes of a request (its schema's output). */
function parsed(input: unknown) {
  const result = validate(IncidentTemplateCreateSchema, input);
  if (!result.ok) assert.fail(JSON.stringify(result.issues));
  return result.value;
}

describe('incident template drafts', () => {
  it('copies a built-in template into a new one of the organisation’s that asks for the same', () => {
    const builtIn = { ...BUILT_IN_INCIDENT_TEMPLATES[1]!, version: 1 };
    const draft = incidentTemplateDraft(builtIn, { en: 'Copy of Outage of a component' });
    assert.deepEqual([draft.id, draft.name, draft.severity, draft.labels], [null, { en: 'Copy of Outage of a component' }, 'SEV2', 'outage']);
    const { name: _name, ...fields } = incidentTemplateRequest(draft);
    const { id: _id, builtIn: _b, version: _v, name: _n, ...expected } = builtIn;
    assert.deepEqual(parsed({ name: draft.name, ...fields }), { name: draft.name, ...expected });
  });

  it('edits one of the organisation’s at its version, without touching the original', () => {
    const ours = { ...BUILT_IN_INCIDENT_TEMPLATES[3]!, id: 'itpl_1', builtIn: false, version: 4 };
    const draft = incidentTemplateDraft(ours);
    assert.deepEqual([draft.id, draft.version], ['itpl_1', 4]);
    draft.title.en = 'Changed';
    draft.components.push({ componentId: 'cmp_payments', status: 'partial_outage' });
    assert.equal(ours.title.en, 'Incorrect data');
    assert.deepEqual(ours.components, []);
  });

  it('sends "leave as chosen" as null, and the labels typed as a list', () => {
    const draft = { ...incidentTemplateDraft(null), name: { en: 'Slow search' }, severity: '', impact: 'minor' as const, labels: 'search, team:sre、 search ' };
    const request = incidentTemplateRequest(draft);
    assert.deepEqual([request.severity, request.impact, request.visibility, request.labels], [null, 'minor', null, ['search', 'team:sre', 'search']]);
    // The schema lowercases and drops the repeat.
    assert.deepEqual(parsed(request).labels, ['search', 'team:sre']);
    assert.deepEqual(parsed(incidentTemplateRequest({ ...incidentTemplateDraft(null), name: { en: 'Nothing' } })).updateBody, { en: '' });
  });
});
