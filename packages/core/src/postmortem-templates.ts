/**
 * Postmortem templates: the kit's default, the guided sections, and the rules for the templates
 * an organisation defines. Pure: ids come from the caller. The other built-in templates and the
 * list of all four are in postmortem-template-library.ts.
 *
 * Built-in templates (read-only, the same on every backend, English and Japanese):
 * - `default`: the kit's own, shaped by the talk the kit comes from: the impact in SLO error
 *   budget, how deep to dig (five whys), contributing factors beyond the development team,
 *   prevention actions balanced between quick fixes and root causes (and things to stop doing),
 *   lessons shared beyond the team, and thanks;
 * - `google-sre`: the Google SRE book's (appendix D);
 * - `atlassian`: Atlassian's Incident Management Handbook's;
 * - `pagerduty`: PagerDuty's postmortem template.
 *
 * Guided sections: a template section whose key is one of {@link POSTMORTEM_GUIDED_SECTIONS}
 * gets more than a text box in the postmortem element: a prefill from the incident (`impact`,
 * `timeline`, `response`) or a builder for the postmortem's structured data
 * (`contributing_factors`, `five_whys`, `action_items`, `acknowledgements`). Custom templates
 * use the same keys to get the same help.
 */
import type { Id, PostmortemTemplate } from './domain.js';
import { DETECTION, FIVE_WHYS, IMPACT, LUCKY_PROMPT, RECOVERY, RECOVERY_PROMPT, RESPONSE, SUMMARY_PROMPT, TIMELINE, TIMELINE_PROMPT, TRIGGER, TRIGGER_PROMPT, WENT_WELL, WENT_WELL_PROMPT, WENT_WRONG_PROMPT, WHYS_PROMPT, section, t } from './postmortem-template-text.js';
import type { PostmortemTemplateCreateInput, PostmortemTemplatePatchInput } from './schemas.js';

/** Id of the kit's default template (what a postmortem's `templateId` defaults to). */
export const DEFAULT_POSTMORTEM_TEMPLATE_ID = 'default';

/** How many templates of its own an organisation may keep (built-ins not counted). */
export const POSTMORTEM_TEMPLATES_MAX = 100;

/**
 * The help the postmortem element gives a section with one of these keys: `prefill` (a draft
 * made from the incident: its impact, timeline, responders and roles), or a builder for the
 * postmortem's structured data (contributing factors, five whys, prevention actions, thanks).
 */
export const POSTMORTEM_GUIDED_SECTIONS = {
  impact: 'prefill',
  timeline: 'prefill',
  response: 'prefill',
  contributing_factors: 'factors',
  five_whys: 'whys',
  action_items: 'actions',
  acknowledgements: 'thanks',
} as const;
export type GuidedSectionKey = keyof typeof POSTMORTEM_GUIDED_SECTIONS;
export type SectionGuide = (typeof POSTMORTEM_GUIDED_SECTIONS)[GuidedSectionKey];

/** The help a section with `key` gets, or null for a plain text section. */
export function sectionGuide(key: string): SectionGuide | null {
  return Object.hasOwn(POSTMORTEM_GUIDED_SECTIONS, key) ? POSTMORTEM_GUIDED_SECTIONS[key as GuidedSectionKey] : null;
}

/** The kit's default: the talk's practice, with the Google SRE book's, Atlassian's and PagerDuty's sections combined. */
export const DEFAULT_POSTMORTEM_TEMPLATE: PostmortemTemplate = {
  id: DEFAULT_POSTMORTEM_TEMPLATE_ID,
  name: t(['Blameless postmortem', 'ブレームレス・ポストモーテム']),
  description: t([
    'What happened and what it cost (from the incident), how deep to dig, contributing factors beyond the code, prevention balanced between quick fixes and root causes (and what to stop doing), lessons to share, and thanks. About systems and processes, never about blame.',
    '何が起き、何を失ったか（インシデントから下書き）、どこまで掘り下げるか、コードの外にもある寄与要因、短期対応と根本対策のバランスがとれた再発防止（やめることも）、共有すべき教訓、そして感謝。人ではなく仕組みとプロセスに目を向けます。',
  ]),
  builtIn: true,
  sections: [
    section('summary', ['Summary', '概要'], SUMMARY_PROMPT, true),
    section(
      'impact',
      IMPACT,
      ['Who was affected, how, and for how long? Include the SLO error budget it consumed.', '誰が、どのように、どれだけの間影響を受けたか。消費したSLOのエラーバジェットも。'],
      true,
    ),
    section(
      'detection',
      DETECTION,
      [
        'How and when did we find out: an alert, or a customer? Would an SLO burn-rate alert have told us sooner?',
        'いつ、どのように気づいたか（アラートか、お客様からの連絡か）。SLOのバーンレートアラートならもっと早く気づけたか。',
      ],
      true,
    ),
    section(
      'response',
      RESPONSE,
      ['Who responded in which role, and what did they do? What helped, and what got in the way?', '誰がどの役割で対応し、何をしたか。何が助けになり、何が妨げになったか。'],
      true,
    ),
    section('recovery', RECOVERY, RECOVERY_PROMPT, true),
    section('timeline', TIMELINE, TIMELINE_PROMPT, true),
    section(
      'contributing_factors',
      ['Contributing factors', '寄与要因'],
      [
        'What conditions made this possible? Look beyond the code: product quality, architecture and infrastructure, release and monitoring operations, coordination between teams, skills, culture.',
        'どのような条件が重なって起きたか。コードの外にも目を向けて：プロダクト品質、アーキテクチャ・インフラ、リリース・監視の運用、チーム間の連携、スキル、文化。',
      ],
      true,
    ),
    section('trigger', TRIGGER, TRIGGER_PROMPT),
    section('five_whys', FIVE_WHYS, WHYS_PROMPT, true),
    section('what_went_well', WENT_WELL, WENT_WELL_PROMPT),
    section('what_went_wrong', ['What went wrong', 'うまくいかなかったこと'], WENT_WRONG_PROMPT),
    section('where_we_got_lucky', ['Where we got lucky', '運が良かったこと'], LUCKY_PROMPT),
    section('lessons', ['Lessons', '教訓'], ['What do we take away, and which other teams should hear it?', '何を学んだか。ほかのどのチームに共有すべきか。'], true),
    section(
      'action_items',
      ['Prevention actions', '再発防止策'],
      [
        'A short-term fix, and at least one countermeasure against the cause. Is there something we should stop doing?',
        '当面の対処と、原因に対する対策を少なくとも一つ。やめるべきことはないか。',
      ],
      true,
    ),
    section('acknowledgements', ['Thanks', '感謝'], ['Thank the people who helped, and say what they did.', '助けてくれた人に感謝を。何をしてくれたかも添えて。']),
  ],
};

/** An organisation's new template, as a backend stores it. */
export function createdPostmortemTemplate(body: PostmortemTemplateCreateInput, id: Id): PostmortemTemplate {
  return { id, name: body.name, description: body.description, sections: body.sections, builtIn: false };
}

/** `before` with the fields `patch` gives (sections replace the stored ones). */
export function patchedPostmortemTemplate(before: PostmortemTemplate, patch: PostmortemTemplatePatchInput): PostmortemTemplate {
  return {
    ...before,
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...(patch.description !== undefined ? { description: patch.description } : {}),
    ...(patch.sections !== undefined ? { sections: patch.sections } : {}),
  };
}
