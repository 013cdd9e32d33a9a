/**
 * Words the built-in postmortem templates share (not part of the kit's API): a section written
 * once, in English and Japanese, and the helpers that build sections. Used by
 * postmortem-templates.ts (the default) and postmortem-template-library.ts (the others).
 */
import type { LocalizedText, PostmortemTemplateSection } from './domain.js';

export type Text = readonly [en: string, ja: string];
export const t = ([en, ja]: Text): LocalizedText => ({ en, ja });
export const section = (key: string, title: Text, prompt: Text, required = false): PostmortemTemplateSection => ({
  key,
  title: t(title),
  prompt: t(prompt),
  required,
});

// Sections several templates share, worded once.
export const SUMMARY_PROMPT: Text = ['What happened, in two or three sentences?', '何が起きたかを2、3文で。'];
export const DETECTION: Text = ['Detection', '検知'];
export const RESPONSE: Text = ['Response', '対応'];
export const RECOVERY: Text = ['Recovery', '復旧'];
export const RECOVERY_PROMPT: Text = ['How was service restored, and how did we know it was?', 'どのようにサービスを復旧し、復旧したことをどう確認したか。'];
export const IMPACT: Text = ['Impact', '影響'];
export const TIMELINE: Text = ['Timeline', 'タイムライン'];
export const TIMELINE_PROMPT: Text = [
  "Time, event, link to the data. Drafted from the incident's updates and log: add what is missing.",
  '時刻、出来事、データへのリンク。インシデントの更新と記録から下書きされます。足りないものを追記してください。',
];
export const TRIGGER: Text = ['Trigger', 'トリガー'];
export const TRIGGER_PROMPT: Text = ['What change or event set it off?', '何が引き金になったか（変更や出来事）。'];
export const RESOLUTION: Text = ['Resolution', '解決'];
export const RESOLUTION_PROMPT: Text = ['What ended the impact, and what made the fix stick?', '何が影響を止め、何によって解決が確かなものになったか。'];
export const WENT_WELL: Text = ['What went well', 'うまくいったこと'];
export const WENT_WELL_PROMPT: Text = ['What should we keep doing?', '続けるべきことは何か。'];
export const WENT_WRONG_PROMPT: Text = ['What got in the way?', '何が妨げになったか。'];
export const LUCKY_PROMPT: Text = ['What could have made this much worse?', '何があればもっと悪くなっていたか。'];
export const FIVE_WHYS: Text = ['Five whys', 'なぜなぜ分析'];
export const WHYS_PROMPT: Text = [
  'Ask why until you reach something you can change: a system or a process, never a person. Three to five whys is usually deep enough.',
  '変えられるもの（人ではなく、仕組みやプロセス）に行き着くまで「なぜ」を繰り返す。たいていは3〜5回で十分です。',
];
export const ROOT_CAUSES_PROMPT: Text = [
  'Why did it happen? Name conditions in the system and the way we work, not a person; there is rarely only one.',
  'なぜ起きたのか。人ではなく、仕組みや仕事の進め方の中にある条件を挙げる。原因が一つだけのことはまれです。',
];
export const ACTION_ITEMS: Text = ['Action items', 'アクションアイテム'];
export const LESSONS: Text = ['Lessons learned', '学んだこと'];
