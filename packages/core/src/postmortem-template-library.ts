/**
 * The other postmortem templates the kit ships, besides its default (postmortem-templates.ts):
 * the Google SRE book's, Atlassian's and PagerDuty's, English and Japanese, and the list of
 * every built-in template. A module of its own so an element that needs only the default does
 * not carry the others.
 */
import type { Id, PostmortemTemplate } from './domain.js';
import { DEFAULT_POSTMORTEM_TEMPLATE } from './postmortem-templates.js';
import { ACTION_ITEMS, DETECTION, FIVE_WHYS, IMPACT, LESSONS, LUCKY_PROMPT, RECOVERY, RECOVERY_PROMPT, RESOLUTION, RESOLUTION_PROMPT, RESPONSE, ROOT_CAUSES_PROMPT, SUMMARY_PROMPT, TIMELINE, TIMELINE_PROMPT, TRIGGER, TRIGGER_PROMPT, WENT_WELL, WENT_WELL_PROMPT, WENT_WRONG_PROMPT, WHYS_PROMPT, section, t } from './postmortem-template-text.js';

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

