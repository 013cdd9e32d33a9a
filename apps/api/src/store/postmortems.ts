/**
 * Postmortems: the built-in template, status rules and the public summary the status page shows.
 */
import type { PostmortemStatus, PostmortemSummary, PostmortemTemplate } from '@hansei/core';
import type { Sql } from '../db/database.js';

/** Id of the built-in template (what `templateId` defaults to). */
export const DEFAULT_TEMPLATE_ID = 'default';

/** The built-in blameless template: Google SRE book, Atlassian and PagerDuty sections combined. */
export const DEFAULT_POSTMORTEM_TEMPLATE: PostmortemTemplate = {
  id: DEFAULT_TEMPLATE_ID,
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
export function findTemplate(id: string): PostmortemTemplate | null {
  return id === DEFAULT_TEMPLATE_ID ? DEFAULT_POSTMORTEM_TEMPLATE : null;
}

/**
 * Why a postmortem may not go from `from` to `to` (null: it may). Allowed: draft <-> in_review,
 * in_review -> published, and published -> in_review by an admin only (taking it off the status
 * page). Never straight from draft to published, nor from published back to draft.
 */
export function postmortemTransitionProblem(from: PostmortemStatus, to: PostmortemStatus, isAdmin: boolean): { status: 403 | 409; detail: string } | null {
  if (from === to) return null;
  if (from === 'draft' && to === 'published') return { status: 409, detail: 'A draft cannot be published directly: send it for review first (status in_review), then publish it.' };
  if (from === 'published' && to === 'draft') return { status: 409, detail: 'A published postmortem cannot go back to draft: an admin can take it back to in_review.' };
  if (from === 'published' && !isAdmin) return { status: 403, detail: 'Only an admin can take a published postmortem back to review (it comes off the status page).' };
  return null;
}

/** Summaries of published postmortems of public incidents (all of them, or one incident's), latest first. */
export async function publicPostmortemSummaries(sql: Sql, incidentId?: string): Promise<PostmortemSummary[]> {
  return sql.query<PostmortemSummary>(
    `select p.incident_id as "incidentId", p.doc->>'title' as title, p.doc->>'publicSummary' as "publicSummary", p.doc->>'publishedAt' as "publishedAt"
     from postmortems p join incidents i on i.id = p.incident_id
     where p.status = 'published' and i.visibility = 'public' and ($1::text is null or p.incident_id = $1)
     order by p.doc->>'publishedAt' desc, p.id desc`,
    [incidentId ?? null],
  );
}
