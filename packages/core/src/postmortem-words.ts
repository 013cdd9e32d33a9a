/**
 * The words a postmortem is written in, English and Japanese: contributing-factor categories,
 * action kinds and horizons, statuses, timeline kinds, and durations. Shared by what core writes
 * for a postmortem (the prefill from the incident, the Markdown export) and by the postmortem
 * element, so the document, its export and the screen say the same thing. Pure.
 */
import type {
  ActionKind,
  ActionStatus,
  ComponentStatus,
  ContributingFactorCategory,
  Impact,
  IncidentStatus,
  LocalizedText,
  PostmortemStatus,
  TimelineEventKind,
} from './domain.js';
import { localize } from './guideline.js';
import type { ActionHorizon } from './prevention.js';
import { DAY_MS, HOUR_MS, MINUTE_MS } from './time.js';

type Words<K extends string> = Readonly<Record<K, LocalizedText>>;

/** The six places the talk looks for causes, beyond the code. */
export const FACTOR_CATEGORY_WORDS: Words<ContributingFactorCategory> = {
  product_quality: { en: 'Product quality', ja: 'プロダクト品質' },
  architecture_infrastructure: { en: 'Architecture and infrastructure', ja: 'アーキテクチャ・インフラ' },
  release_monitoring_operations: { en: 'Release and monitoring operations', ja: 'リリース・監視の運用' },
  cross_team_coordination: { en: 'Cross-team coordination', ja: 'チーム間の連携' },
  skills: { en: 'Skills', ja: 'スキル' },
  culture: { en: 'Culture', ja: '文化' },
};

/** A category's guiding question: where to look. */
export const FACTOR_CATEGORY_HINTS: Words<ContributingFactorCategory> = {
  product_quality: { en: 'Edge cases of feature combinations, tests that did not cover them.', ja: '機能の組み合わせのエッジケース、それを拾えなかったテスト。' },
  architecture_infrastructure: { en: 'Design limits, capacity under large customers, single points of failure.', ja: '設計上の限界、大規模顧客のデータ量や同時実行、単一障害点。' },
  release_monitoring_operations: { en: 'Release procedures, missing alerts, runbooks, manual steps.', ja: 'リリース手順、足りないアラート、手順書、手作業。' },
  cross_team_coordination: { en: 'Hand-offs, ownership, who was told and who was not.', ja: '引き継ぎ、担当の所在、誰に伝わり誰に伝わらなかったか。' },
  skills: { en: 'Knowledge that only a few people had, training, onboarding.', ja: '一部の人しか知らなかった知識、トレーニング、オンボーディング。' },
  culture: { en: 'Pressure, incentives, what people felt safe to say or do.', ja: 'プレッシャー、評価の仕組み、安心して言えること・できること。' },
};

export const ACTION_KIND_WORDS: Words<ActionKind> = {
  mitigate: { en: 'Mitigate', ja: '緩和' },
  prevent: { en: 'Prevent', ja: '予防' },
  detect: { en: 'Detect', ja: '検知' },
  process: { en: 'Process', ja: 'プロセス' },
  remove: { en: 'Remove', ja: '廃止' },
};

/** What each kind does, in a phrase. */
export const ACTION_KIND_HINTS: Words<ActionKind> = {
  mitigate: { en: 'Short-term: limits the damage, leaves the cause.', ja: '短期：被害を抑えるが、原因は残る。' },
  prevent: { en: 'Root cause: a countermeasure against the cause.', ja: '根本：原因そのものへの対策。' },
  detect: { en: 'Short-term: finds the next one sooner.', ja: '短期：次に起きたとき早く気づく。' },
  process: { en: 'Root cause: changes how we work.', ja: '根本：仕事の進め方を変える。' },
  remove: { en: 'Root cause: stops something that no longer helps.', ja: '根本：もう役に立たないことをやめる。' },
};

export const ACTION_HORIZON_WORDS: Words<ActionHorizon> = {
  short_term: { en: 'Short-term', ja: '短期対応' },
  root_cause: { en: 'Root cause', ja: '根本対策' },
};

export const ACTION_STATUS_WORDS: Words<ActionStatus> = {
  todo: { en: 'To do', ja: '未着手' },
  in_progress: { en: 'In progress', ja: '対応中' },
  in_review: { en: 'In review', ja: 'レビュー中' },
  done: { en: 'Done', ja: '完了' },
  wont_do: { en: "Won't do", ja: '対応しない' },
};

export const POSTMORTEM_STATUS_WORDS: Words<PostmortemStatus> = {
  draft: { en: 'Draft', ja: '下書き' },
  in_review: { en: 'In review', ja: 'レビュー中' },
  published: { en: 'Published', ja: '公開済み' },
};

export const TIMELINE_KIND_WORDS: Words<TimelineEventKind> = {
  note: { en: 'Note', ja: 'メモ' },
  detected: { en: 'Detected', ja: '検知' },
  acknowledged: { en: 'Acknowledged', ja: '受領' },
  status_changed: { en: 'Status changed', ja: 'ステータス変更' },
  severity_changed: { en: 'Severity changed', ja: '重大度変更' },
  update_posted: { en: 'Update posted', ja: '更新を投稿' },
  role_changed: { en: 'Role changed', ja: '役割の変更' },
  component_changed: { en: 'Component changed', ja: 'コンポーネント変更' },
  action: { en: 'Action taken', ja: '対応' },
  mitigated: { en: 'Mitigated', ja: '緩和' },
  resolved: { en: 'Resolved', ja: '解決' },
};

export const INCIDENT_STATUS_WORDS: Words<IncidentStatus> = {
  investigating: { en: 'Investigating', ja: '調査中' },
  identified: { en: 'Identified', ja: '特定済み' },
  monitoring: { en: 'Monitoring', ja: '経過観察中' },
  resolved: { en: 'Resolved', ja: '解決済み' },
};

export const COMPONENT_STATUS_WORDS: Words<ComponentStatus> = {
  operational: { en: 'operational', ja: '正常' },
  degraded_performance: { en: 'degraded performance', ja: 'パフォーマンス低下' },
  partial_outage: { en: 'partial outage', ja: '部分的な停止' },
  major_outage: { en: 'major outage', ja: '大規模な停止' },
  under_maintenance: { en: 'under maintenance', ja: 'メンテナンス中' },
};

export const IMPACT_WORDS: Words<Impact> = {
  none: { en: 'none', ja: 'なし' },
  minor: { en: 'minor', ja: '軽微' },
  major: { en: 'major', ja: '重大' },
  critical: { en: 'critical', ja: '致命的' },
};

/** `words[key]` in `locale` (English unless the locale is Japanese and a Japanese word exists). */
export function wordOf<K extends string>(words: Words<K>, key: K, locale: string): string {
  return localize(words[key], locale);
}

/**
 * A duration in words: `1 h 25 min`, `45 min`, `2 d 3 h`, `< 1 min` (Japanese: `1時間25分`,
 * `45分`, `2日3時間`, `1分未満`). Two units at most, rounded down to the minute.
 */
export function durationWords(ms: number, locale: string): string {
  const ja = localize({ en: 'en', ja: 'ja' }, locale) === 'ja';
  const minutes = Math.floor(Math.max(0, ms) / MINUTE_MS);
  if (minutes < 1) return ja ? '1分未満' : '< 1 min';
  const days = Math.floor((minutes * MINUTE_MS) / DAY_MS);
  const hours = Math.floor(((minutes * MINUTE_MS) % DAY_MS) / HOUR_MS);
  const mins = minutes % 60;
  const parts: [number, string, string][] = [
    [days, ' d', '日'],
    [hours, ' h', '時間'],
    [mins, ' min', '分'],
  ];
  const first = parts.findIndex(([n]) => n > 0);
  return parts
    .slice(first, first + 2)
    .filter(([n]) => n > 0)
    .map(([n, en, jp]) => (ja ? `${n}${jp}` : `${n}${en}`))
    .join(ja ? '' : ' ');
}
