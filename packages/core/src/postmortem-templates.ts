/**
 * Postmortem templates: the four the kit ships, and the rules for the ones an organisation
 * defines. Pure: ids come from the caller.
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
import type { Id, LocalizedText, PostmortemTemplate, PostmortemTemplateSection } from './domain.js';
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

type Text = readonly [en: string, ja: string];
const t = ([en, ja]: Text): LocalizedText => ({ en, ja });
const section = (key: string, title: Text, prompt: Text, required = false): PostmortemTemplateSection => ({
  key,
  title: t(title),
  prompt: t(prompt),
  required,
});

// Sections several templates share, worded once.
const SUMMARY_PROMPT: Text = ['What happened, in two or three sentences?', '何が起きたかを2、3文で。'];
const DETECTION: Text = ['Detection', '検知'];
const RESPONSE: Text = ['Response', '対応'];
const RECOVERY: Text = ['Recovery', '復旧'];
const RECOVERY_PROMPT: Text = ['How was service restored, and how did we know it was?', 'どのようにサービスを復旧し、復旧したことをどう確認したか。'];
const IMPACT: Text = ['Impact', '影響'];
const TIMELINE: Text = ['Timeline', 'タイムライン'];
const TIMELINE_PROMPT: Text = [
  "Time, event, link to the data. Drafted from the incident's updates and log: add what is missing.",
  '時刻、出来事、データへのリンク。インシデントの更新と記録から下書きされます。足りないものを追記してください。',
];
const TRIGGER: Text = ['Trigger', 'トリガー'];
const TRIGGER_PROMPT: Text = ['What change or event set it off?', '何が引き金になったか（変更や出来事）。'];
const RESOLUTION: Text = ['Resolution', '解決'];
const RESOLUTION_PROMPT: Text = ['What ended the impact, and what made the fix stick?', '何が影響を止め、何によって解決が確かなものになったか。'];
const WENT_WELL: Text = ['What went well', 'うまくいったこと'];
const WENT_WELL_PROMPT: Text = ['What should we keep doing?', '続けるべきことは何か。'];
const WENT_WRONG_PROMPT: Text = ['What got in the way?', '何が妨げになったか。'];
const LUCKY_PROMPT: Text = ['What could have made this much worse?', '何があればもっと悪くなっていたか。'];
const FIVE_WHYS: Text = ['Five whys', 'なぜなぜ分析'];
const WHYS_PROMPT: Text = [
  'Ask why until you reach something you can change: a system or a process, never a person. Three to five whys is usually deep enough.',
  '変えられるもの（人ではなく、仕組みやプロセス）に行き着くまで「なぜ」を繰り返す。たいていは3〜5回で十分です。',
];
const ROOT_CAUSES_PROMPT: Text = [
  'Why did it happen? Name conditions in the system and the way we work, not a person; there is rarely only one.',
  'なぜ起きたのか。人ではなく、仕組みや仕事の進め方の中にある条件を挙げる。原因が一つだけのことはまれです。',
];
const ACTION_ITEMS: Text = ['Action items', 'アクションアイテム'];
const LESSONS: Text = ['Lessons learned', '学んだこと'];

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

/** The Google SRE book's postmortem (appendix D, "Example Postmortem"). */
export const GOOGLE_SRE_POSTMORTEM_TEMPLATE: PostmortemTemplate = {
  id: 'google-sre',
  name: t(['Google SRE book', 'Google SRE本']),
  description: t([
    "The structure of the example postmortem in Google's Site Reliability Engineering book: summary, impact, root causes, trigger, resolution, detection, action items, lessons learned and the timeline.",
    'GoogleのSRE本にあるポストモーテム例の構成：サマリー、影響、根本原因、トリガー、解決、検知、アクションアイテム、学んだこと、タイムライン。',
  ]),
  builtIn: true,
  sections: [
    section('summary', ['Summary', 'サマリー'], SUMMARY_PROMPT, true),
    section('impact', IMPACT, ['Who and what was affected, and how much? Include the SLO error budget it consumed.', '誰と何がどれだけ影響を受けたか。消費したSLOのエラーバジェットも。'], true),
    section('contributing_factors', ['Root causes', '根本原因'], ROOT_CAUSES_PROMPT, true),
    section('trigger', TRIGGER, TRIGGER_PROMPT, true),
    section('resolution', RESOLUTION, RESOLUTION_PROMPT, true),
    section('detection', DETECTION, ['How did we find out, and how could we have found out sooner?', 'どのように気づいたか。もっと早く気づくにはどうすればよかったか。'], true),
    section('action_items', ACTION_ITEMS, ['What will we do to prevent, detect or mitigate this next time? Each with an owner.', '次に同じことが起きないよう、早く気づけるよう、影響を抑えられるように何をするか。それぞれ担当者を決めて。'], true),
    section('what_went_well', ['Lessons learned: what went well', '学んだこと：うまくいったこと'], WENT_WELL_PROMPT),
    section('what_went_wrong', ['Lessons learned: what went wrong', '学んだこと：うまくいかなかったこと'], WENT_WRONG_PROMPT),
    section('where_we_got_lucky', ['Lessons learned: where we got lucky', '学んだこと：運が良かったこと'], LUCKY_PROMPT),
    section('timeline', TIMELINE, TIMELINE_PROMPT, true),
    section('supporting_information', ['Supporting information', '補足情報'], ['Links to dashboards, logs, documents and discussions.', 'ダッシュボード、ログ、ドキュメント、議論へのリンク。']),
  ],
};

/** Atlassian's postmortem, from its Incident Management Handbook. Blameless. */
export const ATLASSIAN_POSTMORTEM_TEMPLATE: PostmortemTemplate = {
  id: 'atlassian',
  name: t(['Atlassian incident postmortem', 'Atlassian のポストモーテム']),
  description: t([
    "The structure of Atlassian's Incident Management Handbook: summary, lead-up, fault, impact, detection, response, recovery, timeline and five whys, then the root cause, a backlog check, recurrence, lessons and corrective actions.",
    'Atlassianのインシデント管理ハンドブックの構成：概要、経緯、障害の内容、影響、検知、対応、復旧、タイムライン、なぜなぜ分析、そして根本原因、バックログの確認、再発、教訓、是正措置。',
  ]),
  builtIn: true,
  sections: [
    section('summary', ['Incident summary', 'インシデントの概要'], SUMMARY_PROMPT, true),
    section('lead_up', ['Leadup', '経緯'], ['What happened before the incident: which changes and circumstances led up to it?', 'インシデントの前に何があったか。どのような変更や状況が重なったか。'], true),
    section('fault', ['Fault', '障害の内容'], ['What failed, and how did it not work as expected?', '何が故障し、期待どおりに動かなかったのはどこか。'], true),
    section('impact', IMPACT, ['Who was affected, for how long, and how many? Include the SLO error budget it consumed.', '誰が、どれだけの間、どれだけの規模で影響を受けたか。消費したSLOのエラーバジェットも。'], true),
    section('detection', DETECTION, ['How and when did we detect it? How could time to detect be shorter?', 'いつ、どのように検知したか。検知までの時間をどう短くできるか。'], true),
    section('response', RESPONSE, ['Who responded, when and how? Were there delays or obstacles?', '誰が、いつ、どのように対応したか。遅れや障害はあったか。'], true),
    section('recovery', RECOVERY, RECOVERY_PROMPT, true),
    section('timeline', TIMELINE, TIMELINE_PROMPT, true),
    section('five_whys', FIVE_WHYS, WHYS_PROMPT, true),
    section('contributing_factors', ['Root cause', '根本原因'], ROOT_CAUSES_PROMPT, true),
    section(
      'backlog_check',
      ['Backlog check', 'バックログの確認'],
      ['Was there work in the backlog that would have prevented this or shortened it? Why had it not been done?', '防げた、あるいは短くできた作業がバックログにあったか。なぜ手がつけられていなかったか。'],
    ),
    section('recurrence', ['Recurrence', '再発'], ['Has this, or something with the same cause, happened before? What did we change then?', '同じこと、あるいは同じ原因のことが以前にも起きたか。そのとき何を変えたか。']),
    section('lessons', LESSONS, ['What did we learn, and who else should hear it?', '何を学んだか。ほかに誰に共有すべきか。'], true),
    section('action_items', ['Corrective actions', '是正措置'], ['What will we change, who owns it, and by when? Priority actions are due within 4 or 8 weeks.', '何を変え、誰が、いつまでに行うか。優先度の高い対策は4〜8週間以内に。'], true),
  ],
};

/** PagerDuty's postmortem template. */
export const PAGERDUTY_POSTMORTEM_TEMPLATE: PostmortemTemplate = {
  id: 'pagerduty',
  name: t(['PagerDuty postmortem', 'PagerDuty のポストモーテム']),
  description: t([
    "PagerDuty's template: overview, what happened, contributing factors, resolution, impact, responders, timeline, what went well and what didn't, action items, and the internal and external messaging. Hold the review meeting within five business days.",
    'PagerDutyのテンプレート：概要、何が起きたか、寄与要因、解決、影響、対応者、タイムライン、うまくいったこと・いかなかったこと、アクションアイテム、社内外への発信。振り返りの会議は5営業日以内に。',
  ]),
  builtIn: true,
  sections: [
    section('summary', ['Overview', '概要'], ['What happened and what was the impact, in a short paragraph?', '何が起き、どのような影響があったかを短い段落で。'], true),
    section('what_happened', ['What happened', '何が起きたか'], ['The story of the incident, from the first signal to the resolution.', '最初の兆候から解決までの経過。'], true),
    section('contributing_factors', ['Contributing factors', '寄与要因'], ROOT_CAUSES_PROMPT, true),
    section('resolution', RESOLUTION, RESOLUTION_PROMPT, true),
    section(
      'impact',
      IMPACT,
      ['A table of measures: customers affected, failed requests, support tickets, minutes, SLO error budget consumed.', '指標の表：影響を受けた顧客数、失敗したリクエスト、問い合わせ件数、時間、消費したSLOのエラーバジェット。'],
      true,
    ),
    section(
      'response',
      ['Responders', '対応者'],
      ['Who took part, and in which role: incident commander, deputy, scribe, subject matter experts, liaisons?', '誰がどの役割で参加したか：インシデントコマンダー、副コマンダー、記録係、専門家、連絡担当。'],
      true,
    ),
    section('timeline', TIMELINE, TIMELINE_PROMPT, true),
    section('what_went_well', WENT_WELL, WENT_WELL_PROMPT),
    section('what_went_wrong', ["What didn't go so well", 'うまくいかなかったこと'], WENT_WRONG_PROMPT),
    section('action_items', ACTION_ITEMS, ['What will we do, who owns it, and by when?', '何を、誰が、いつまでに行うか。'], true),
    section(
      'messaging',
      ['Messaging', '社内外への発信'],
      ['What did we tell customers during and after the incident, and what do we tell the rest of the company?', 'インシデント中と後にお客様へ何を伝えたか。社内のほかのメンバーへ何を伝えるか。'],
    ),
  ],
};

/** The templates the kit ships, in the order a chooser lists them. */
export const BUILT_IN_POSTMORTEM_TEMPLATES: readonly PostmortemTemplate[] = [
  DEFAULT_POSTMORTEM_TEMPLATE,
  GOOGLE_SRE_POSTMORTEM_TEMPLATE,
  ATLASSIAN_POSTMORTEM_TEMPLATE,
  PAGERDUTY_POSTMORTEM_TEMPLATE,
];

/** The built-in template with `id`, or null (an organisation's own templates live in its backend). */
export function findPostmortemTemplate(id: Id): PostmortemTemplate | null {
  return BUILT_IN_POSTMORTEM_TEMPLATES.find((template) => template.id === id) ?? null;
}

/**
 * Why the template `id` may not be changed or deleted (null: it may): the built-in ones are the
 * kit's, the same everywhere.
 */
export function builtInTemplateProblem(id: Id): string | null {
  if (!findPostmortemTemplate(id)) return null;
  return `Template "${id}" is built into the kit and cannot be changed or deleted. Create a template of your own from its sections instead.`;
}

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
