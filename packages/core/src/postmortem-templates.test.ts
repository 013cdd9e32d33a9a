import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as v from 'valibot';
import { POSTMORTEM_SECTION_KEYS } from './domain.js';
import { BUILT_IN_POSTMORTEM_TEMPLATES, builtInTemplateProblem, findPostmortemTemplate } from './postmortem-template-library.js';
import {
  DEFAULT_POSTMORTEM_TEMPLATE,
  DEFAULT_POSTMORTEM_TEMPLATE_ID,
  POSTMORTEM_GUIDED_SECTIONS,
  createdPostmortemTemplate,
  patchedPostmortemTemplate,
  sectionGuide,
} from './postmortem-templates.js';
import { PostmortemTemplateCreateSchema, PostmortemTemplateSchema } from './schemas.js';

describe('postmortem templates', () => {
  it('ships the default, Google SRE book, Atlassian and PagerDuty templates, in English and Japanese', () => {
    assert.deepEqual(BUILT_IN_POSTMORTEM_TEMPLATES.map((t) => t.id), ['default', 'google-sre', 'atlassian', 'pagerduty']);
    for (const template of BUILT_IN_POSTMORTEM_TEMPLATES) {
      assert.equal(template.builtIn, true);
      // Every built-in is a valid template as a backend would store it.
      assert.deepEqual(v.parse(PostmortemTemplateSchema, template), template, template.id);
      for (const text of [template.name, template.description, ...template.sections.flatMap((s) => [s.title, s.prompt])]) {
        assert.ok(text.en.trim(), `${template.id}: English text`);
        assert.ok(text.ja?.trim(), `${template.id}: Japanese text for "${text.en}"`);
        assert.doesNotMatch(text.ja ?? '', /^[\x20-\x7e]+$/, `${template.id}: "${text.ja}" reads as Japanese`);
      }
      for (const key of ['summary', 'impact', 'timeline', 'contributing_factors', 'action_items']) {
        assert.ok(template.sections.some((s) => s.key === key), `${template.id} has ${key}`);
      }
    }
  });

  it('keeps the default a superset of the domain sections, adding prevention actions and thanks', () => {
    const keys = DEFAULT_POSTMORTEM_TEMPLATE.sections.map((s) => s.key);
    assert.deepEqual(keys.slice(0, POSTMORTEM_SECTION_KEYS.length), [...POSTMORTEM_SECTION_KEYS]);
    assert.deepEqual(keys.slice(POSTMORTEM_SECTION_KEYS.length), ['action_items', 'acknowledgements']);
    assert.equal(DEFAULT_POSTMORTEM_TEMPLATE.id, DEFAULT_POSTMORTEM_TEMPLATE_ID);
    // The talk: the SLO budget, beyond the dev team, the balance, stopping things, sharing.
    const prompts = DEFAULT_POSTMORTEM_TEMPLATE.sections.map((s) => s.prompt.en).join(' ');
    for (const idea of [/error budget/, /beyond the code/, /root|cause/, /stop doing/, /other teams/]) assert.match(prompts, idea);
  });

  it('follows each source: Atlassian digs with five whys; PagerDuty names responders and messaging; the SRE book ends with supporting information', () => {
    const keys = (id: string) => findPostmortemTemplate(id)?.sections.map((s) => s.key) ?? [];
    assert.ok(keys('atlassian').includes('five_whys') && keys('atlassian').includes('lead_up') && keys('atlassian').includes('fault'));
    assert.ok(keys('pagerduty').includes('response') && keys('pagerduty').includes('messaging'));
    assert.equal(keys('google-sre').at(-1), 'supporting_information');
    assert.equal(findPostmortemTemplate('google-sre')?.sections.find((s) => s.key === 'contributing_factors')?.title.en, 'Root causes');
  });

  it('finds built-ins only, and refuses to change them', () => {
    assert.equal(findPostmortemTemplate('default'), DEFAULT_POSTMORTEM_TEMPLATE);
    assert.equal(findPostmortemTemplate('pmt_custom'), null);
    assert.match(builtInTemplateProblem('pagerduty') ?? '', /built into the kit.*Create a template of your own/);
    assert.equal(builtInTemplateProblem('pmt_custom'), null);
  });

  it('says which sections get a prefill or a builder', () => {
    assert.equal(sectionGuide('timeline'), 'prefill');
    assert.equal(sectionGuide('five_whys'), 'whys');
    assert.equal(sectionGuide('acknowledgements'), 'thanks');
    assert.equal(sectionGuide('lessons'), null);
    assert.equal(sectionGuide('toString'), null, 'not fooled by the prototype');
    assert.equal(Object.keys(POSTMORTEM_GUIDED_SECTIONS).length, 7);
  });

  it("writes an organisation's template and its changes", () => {
    const body = v.parse(PostmortemTemplateCreateSchema, {
      name: { en: 'Ours', ja: '自社' },
      sections: [{ key: 'summary', title: { en: 'Summary' }, prompt: { en: 'What?' }, required: true }],
    });
    const created = createdPostmortemTemplate(body, 'pmt_1');
    assert.deepEqual(created, { id: 'pmt_1', name: { en: 'Ours', ja: '自社' }, description: { en: '' }, sections: body.sections, builtIn: false });
    assert.deepEqual(patchedPostmortemTemplate(created, { description: { en: 'Short.' } }), { ...created, description: { en: 'Short.' } });
    const sections = [{ key: 'lessons', title: { en: 'Lessons' }, prompt: { en: '' }, required: false }];
    assert.deepEqual(patchedPostmortemTemplate(created, { name: { en: 'Renamed' }, sections }), { ...created, name: { en: 'Renamed' }, sections });
  });
});
