import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as v from 'valibot';
import { DEFAULT_SEVERITY_GUIDELINE } from './guideline.js';
import { BUILT_IN_INCIDENT_TEMPLATES, builtInIncidentTemplateProblem, findIncidentTemplate } from './incident-template-library.js';
import { createdIncidentTemplate, incidentTemplatePrefill, patchedIncidentTemplate } from './incident-templates.js';
import { IncidentCreateSchema, IncidentTemplateCreateSchema, IncidentTemplateSchema } from './schemas.js';

describe('incident templates', () => {
  it('ships degraded performance, an outage, an internal security incident and a data issue, in English and Japanese', () => {
    assert.deepEqual(BUILT_IN_INCIDENT_TEMPLATES.map((t) => t.id), ['degraded-performance', 'component-outage', 'security-internal', 'data-issue']);
    const codes = DEFAULT_SEVERITY_GUIDELINE.levels.map((level) => level.code);
    for (const template of BUILT_IN_INCIDENT_TEMPLATES) {
      assert.equal(template.builtIn, true);
      // Every built-in is a valid template as a backend would store it.
      assert.deepEqual(v.parse(IncidentTemplateSchema, template), template, template.id);
      assert.ok(template.severity && codes.includes(template.severity), `${template.id}: a level of the default guideline`);
      for (const text of [template.name, template.description, template.title, template.summary, template.updateBody].filter((t) => t.en !== '')) {
        assert.ok(text.ja?.trim(), `${template.id}: Japanese text for "${text.en}"`);
        assert.doesNotMatch(text.ja ?? '', /^[\x20-\x7e]+$/, `${template.id}: "${text.ja}" reads as Japanese`);
      }
    }
  });

  it('keeps a security incident off the status page, and lets the public ones post their first update', () => {
    const security = findIncidentTemplate('security-internal');
    assert.deepEqual([security?.visibility, security?.impact, security?.updateBody.en], ['internal', 'none', '']);
    for (const id of ['degraded-performance', 'component-outage']) {
      const template = findIncidentTemplate(id);
      assert.equal(template?.visibility, 'public', id);
      assert.match(template?.updateBody.en ?? '', /update within 30 minutes/, id);
    }
  });

  it('prefills a declaration that passes the create schema, in the reader’s language', () => {
    for (const template of BUILT_IN_INCIDENT_TEMPLATES) {
      for (const locale of ['en', 'ja'] as const) {
        const { name, description, ...fields } = incidentTemplatePrefill(template, locale);
        assert.equal(name, locale === 'ja' ? template.name.ja : template.name.en);
        assert.ok(description);
        const parsed = v.safeParse(IncidentCreateSchema, { startedAt: '2026-11-25T09:00:00Z', detectedAt: '2026-11-25T09:05:00Z', ...fields });
        assert.ok(parsed.success, `${template.id} (${locale}): ${JSON.stringify(parsed.issues?.map((i) => i.message))}`);
      }
    }
    const outage = incidentTemplatePrefill(findIncidentTemplate('component-outage')!, 'ja');
    assert.deepEqual([outage.title, outage.severity, outage.impact, outage.visibility, outage.labels], ['サービス障害', 'SEV2', 'major', 'public', ['outage']]);
  });

  it('leaves out what a template does not give, and falls back to English', () => {
    const body = v.parse(IncidentTemplateCreateSchema, { name: { en: 'Search slow' }, updateBody: { en: 'Searching is slow.' }, components: [{ componentId: 'search', status: 'degraded_performance' }] });
    const ours = createdIncidentTemplate(body, 'itpl_1');
    assert.deepEqual(incidentTemplatePrefill(ours, 'ja'), {
      name: 'Search slow',
      updateBody: 'Searching is slow.',
      components: [{ componentId: 'search', status: 'degraded_performance' }],
    });
    assert.equal(findIncidentTemplate('itpl_1'), null);
  });

  it("writes an organisation's template and its changes; built-in ones are the kit's", () => {
    const body = v.parse(IncidentTemplateCreateSchema, { name: { en: 'Ours', ja: '自社' }, severity: 'SEV2', labels: ['payments'] });
    const created = createdIncidentTemplate(body, 'itpl_1');
    assert.deepEqual(created, { ...body, id: 'itpl_1', builtIn: false });
    assert.deepEqual(patchedIncidentTemplate(created, { severity: null, labels: [] }), { ...created, severity: null, labels: [] });
    assert.deepEqual(patchedIncidentTemplate(created, { title: { en: 'Payments fail' }, impact: undefined }), { ...created, title: { en: 'Payments fail' } });
    assert.match(builtInIncidentTemplateProblem('data-issue') ?? '', /built into the kit.*Copy it into a template of your own/);
    assert.equal(builtInIncidentTemplateProblem('itpl_1'), null);
    assert.equal(builtInIncidentTemplateProblem('toString'), null, 'not fooled by the prototype');
  });
});
