/**
 * The weekly review as Markdown, to paste in a wiki or a chat, or share at the monthly event.
 * Every string from the data is escaped, so a title cannot break the document or inject links.
 */
import type { Locale, WeeklyReview } from '@hansei/core';

export interface ReviewWords {
  readonly title: string;
  readonly incidents: string;
  readonly actionsDue: string;
  readonly actionsOverdue: string;
  readonly slosBurning: string;
  readonly postmortemsInReview: string;
  readonly recurred: string;
  readonly none: string;
  readonly daysOverdue: (days: number) => string;
  readonly budgetLeft: (percent: string) => string;
  readonly due: (date: string) => string;
}

/**
 * Escapes the characters that make Markdown inside a line (emphasis, code, links, HTML, tables)
 * in text from the data; newlines become spaces, so a value stays on its line.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/([\\`*_{}[\]()|<>~])/g, '\\$1');
}

/** `review` in Markdown; `link(path)` makes absolute links to the portal. */
export function reviewMarkdown(review: WeeklyReview, words: ReviewWords, locale: Locale, link: (path: string) => string): string {
  const e = escapeMarkdown;
  const pct = (x: number) => new Intl.NumberFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', { style: 'percent', maximumFractionDigits: 1 }).format(x);
  const lines: string[] = [`# ${e(words.title)}`, ''];
  const section = (heading: string, items: readonly string[]) => {
    lines.push(`## ${e(heading)}`, '');
    if (items.length === 0) lines.push(`_${e(words.none)}_`);
    else lines.push(...items.map((item) => `- ${item}`));
    lines.push('');
  };
  section(
    words.incidents,
    review.incidents.map((i) => `[${e(i.title)}](${link(`incidents/${encodeURIComponent(i.id)}`)}) · ${e(i.severity)} · ${e(i.status)}`),
  );
  section(words.actionsDue, review.actionsDue.map((a) => `${e(a.title)} · ${e(words.due(a.dueDate ?? ''))}`));
  section(words.actionsOverdue, review.actionsOverdue.map((o) => `${e(o.action.title)} · ${e(words.daysOverdue(o.daysOverdue))}`));
  section(
    words.slosBurning,
    review.slosBurning.map((s) => `[${e(s.slo.name)}](${link(`slos/${encodeURIComponent(s.slo.id)}`)}) · ${e(words.budgetLeft(pct(s.report.budgetRemaining)))} · ${e(s.report.alert)}`),
  );
  section(
    words.postmortemsInReview,
    review.postmortemsInReview.map((p) => `[${e(p.title)}](${link(`postmortems/${encodeURIComponent(p.id)}`)})`),
  );
  section(words.recurred, review.recurredAfterDone.map((m) => `${e(m.action.title)} · ${m.recurrenceIds.map((id) => e(id)).join(', ')}`));
  return `${lines.join('\n').trimEnd()}\n`;
}
