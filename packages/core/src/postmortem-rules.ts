/**
 * Postmortem rules a backend applies: the built-in blameless template, the status flow (draft
 * <-> in_review -> published, an admin taking a published one back to review), when it counts as
 * published, and what the status page learns when that changes. Pure.
 */
import type { PostmortemSummary } from './answers.js';
import type { Id, IsoDateTime, Postmortem, PostmortemStatus, PostmortemTemplate } from './domain.js';

/** Id of the built-in template (what a postmortem's `templateId` defaults to). */
export const DEFAULT_POSTMORTEM_TEMPLATE_ID = 'default';

/** The built-in blameless template: Google SRE book, Atlassian and PagerDuty sections combined. */
export const DEFAULT_POSTMORTEM_TEMPLATE: PostmortemTemplate = {
  id: DEFAULT_POSTMORTEM_TEMPLATE_ID,
  name: { en: 'Blameless postmortem', ja: 'ブレームレス・ポストモーテム' },
  description: { en: 'What happened, why, and what we change: about systems and processes, never about blame.', ja: '何が起き、なぜ起き、何を変えるか。人ではなく仕組みとプロセスに目を向けます。' },
  sections: [
    { key: 'summary', title: { en: 'Summary', ja: '概要' }, prompt: { en: 'What happened, in two or three sentences?', ja: '何が起きたかを2、3文で。' }, required: true },
    { key: 'impact', title: { en: 'Impact', ja: '影響' }, prompt: { en: 'Who was affected, how, and for how long?', ja: '誰が、どのように、どれだけの間影響を受けたか。' }, required: true },
    { key: 'detection', title: { en: 'Detection', ja: '検知' }, prompt: { en: 'How and when did we find out? Could we have known sooner?', ja: 'いつ、どのように気づいたか。もっと早く気づけたか。' }, required: true },
    { key: 'response', title: { en: 'Response', ja: '対応' }, prompt: { en: 'Who responded, and what did they do?', ja: '誰が対応し、何をしたか。' }, required: true },
    { key: 'recovery', title: { en: 'Recovery', ja: '復旧' }, prompt: { en: 'How was service restored?', ja: 'どのようにサービスを復旧したか。' }, required: true },
    { key: 'timeline', title: { en: 'Timeline', ja: 'タイムライン' }, prompt: { en: 'Time, event, link to the data.', ja: '時刻、出来事、データへのリンク。' }, required: true },
    { key: 'contributing_factors', title: { en: 'Contributing factors', ja: '寄与要因' }, prompt: { en: 'What conditions made this possible? Look beyond the code.', ja: 'どのような条件が重なったか。コードの外にも目を向けて。' }, required: true },
    { key: 'trigger', title: { en: 'Trigger', ja: 'トリガー' }, prompt: { en: 'What change or event set it off?', ja: '何が引き金になったか。' }, required: false },
    { key: 'five_whys', title: { en: 'Five whys', ja: 'なぜなぜ分析' }, prompt: { en: 'Ask why until you reach something you can change.', ja: '変えられるものに行き着くまで「なぜ」を繰り返す。' }, required: false },
    { key: 'what_went_well', title: { en: 'What went well', ja: 'うまくいったこと' }, prompt: { en: 'What should we keep doing?', ja: '続けるべきことは何か。' }, required: false },
    { key: 'what_went_wrong', title: { en: 'What went wrong', ja: 'うまくいかなかったこと' }, prompt: { en: 'What got in the way?', ja: '何が妨げになったか。' }, required: false },
    { key: 'where_we_got_lucky', title: { en: 'Where we got lucky', ja: '運が良かったこと' }, prompt: { en: 'What could have made this much worse?', ja: '何があればもっと悪くなっていたか。' }, required: false },
    { key: 'lessons', title: { en: 'Lessons', ja: '教訓' }, prompt: { en: 'What do we take away, and who else should hear it?', ja: '何を学び、誰に共有すべきか。' }, required: true },
  ],
};

/** The template with `id`, or null. Only the built-in one exists for now. */
export function findPostmortemTemplate(id: Id): PostmortemTemplate | null {
  return id === DEFAULT_POSTMORTEM_TEMPLATE_ID ? DEFAULT_POSTMORTEM_TEMPLATE : null;
}

/** Why a status change is refused: 403 (the role may not) or 409 (nobody may), with what to do. */
export interface TransitionProblem {
  readonly status: 403 | 409;
  readonly detail: string;
}

/**
 * Why a postmortem may not go from `from` to `to` (null: it may). Allowed: draft <-> in_review,
 * in_review -> published, and published -> in_review by an admin only (taking it off the status
 * page). Never straight from draft to published, nor from published back to draft.
 */
export function postmortemTransitionProblem(from: PostmortemStatus, to: PostmortemStatus, isAdmin: boolean): TransitionProblem | null {
  if (from === to) return null;
  if (from === 'draft' && to === 'published') return { status: 409, detail: 'A draft cannot be published directly: send it for review first (status in_review), then publish it.' };
  if (from === 'published' && to === 'draft') return { status: 409, detail: 'A published postmortem cannot go back to draft: an admin can take it back to in_review.' };
  if (from === 'published' && !isAdmin) return { status: 403, detail: 'Only an admin can take a published postmortem back to review (it comes off the status page).' };
  return null;
}

/**
 * `publishedAt` of a postmortem moving from `before` to `status` at `at`: kept while it stays
 * published, `at` when it is published now, null when it is not published.
 */
export function publishedAtAfter(before: Pick<Postmortem, 'status' | 'publishedAt'>, status: PostmortemStatus, at: IsoDateTime): IsoDateTime | null {
  if (status !== 'published') return null;
  return before.status === 'published' ? before.publishedAt : at;
}

/** What status-page readers must be told when a postmortem of a public incident changes. */
export type SummaryChange =
  | { readonly type: 'updated'; readonly summary: PostmortemSummary }
  | { readonly type: 'deleted'; readonly incidentId: Id };

/**
 * What the status page's view of a postmortem changed by going from `before` to `after` (either
 * null: created or deleted): `updated` when it is published and its title or public summary is
 * new to readers, `deleted` when it was shown and no longer is, null when readers see no change.
 * Only call it for postmortems of public incidents: readers never see the others.
 */
export function postmortemSummaryChange(
  before: Pick<Postmortem, 'incidentId' | 'status' | 'title' | 'publicSummary' | 'publishedAt'> | null,
  after: Pick<Postmortem, 'incidentId' | 'status' | 'title' | 'publicSummary' | 'publishedAt'> | null,
): SummaryChange | null {
  const incidentId = (after ?? before)?.incidentId;
  if (incidentId === undefined) return null;
  const wasShown = before?.status === 'published';
  if (after?.status === 'published') {
    if (wasShown && before.title === after.title && before.publicSummary === after.publicSummary) return null;
    return { type: 'updated', summary: { incidentId, title: after.title, publicSummary: after.publicSummary ?? '', publishedAt: after.publishedAt ?? '' } };
  }
  return wasShown ? { type: 'deleted', incidentId } : null;
}
