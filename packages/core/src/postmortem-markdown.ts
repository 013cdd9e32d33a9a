/**
 * A postmortem as one Markdown document, to share outside the kit (a wiki, the monthly
 * engineering event, a chat channel): its title and facts, every section in order, the
 * contributing factors by category, the five whys, the prevention actions with the balance of
 * short-term and root-cause work, the thanks, and the public summary. English or Japanese. Pure.
 *
 * Escaping: everything a person typed as plain text (titles, names, descriptions, questions and
 * answers, action titles) is escaped (markdown-escape.ts), so it reads as typed and never becomes
 * markup; section bodies and the public summary are Markdown already and are kept, with their
 * headings moved below the section's. Links are written only for http, https and mailto URLs.
 */
import type { Id, Incident, Person, Postmortem, PostmortemSection, PostmortemTemplate, PreventionAction } from './domain.js';
import { localize } from './guideline.js';
import { safeHref } from './markdown.js';
import { escapeMarkdown, linkDestination, nestMarkdown } from './markdown-escape.js';
import type { FactorDraft } from './postmortem-merge.js';
import { DEFAULT_POSTMORTEM_TEMPLATE, sectionGuide } from './postmortem-templates.js';
import {
  ACTION_HORIZON_WORDS,
  ACTION_KIND_WORDS,
  ACTION_STATUS_WORDS,
  FACTOR_CATEGORY_WORDS,
  POSTMORTEM_STATUS_WORDS,
  wordOf,
} from './postmortem-words.js';
import { actionMix } from './prevention.js';
import { toMs } from './time.js';

/** What the export reads. */
export interface PostmortemExportInput {
  /** The postmortem, or what a person has on screen (contributing factors not saved yet have no id). */
  readonly postmortem: Omit<Postmortem, 'contributingFactors'> & { readonly contributingFactors: readonly FactorDraft[] };
  /** Its template: sections it names that the postmortem lacks are left out; none: the postmortem's own order. */
  readonly template?: PostmortemTemplate | null;
  readonly incident?: Pick<Incident, 'id' | 'title' | 'severity' | 'startedAt' | 'resolvedAt'> | null;
  /** Prevention actions: those linked to the postmortem or its incident are listed. */
  readonly actions?: readonly PreventionAction[];
  /** For the owner's and the actions' owners' names. */
  readonly people?: readonly Pick<Person, 'id' | 'name'>[];
  /** `en` or `ja` (any BCP 47 tag). */
  readonly locale: string;
  /** IANA time zone dates are written in. */
  readonly timeZone: string;
}

type Labels = Readonly<Record<string, readonly [en: string, ja: string]>>;
const LABELS = {
  status: ['Status', 'ステータス'],
  incident: ['Incident', 'インシデント'],
  owner: ['Owner', '担当者'],
  labels: ['Labels', 'ラベル'],
  publicSummary: ['Public summary', '公開用のサマリー'],
  action: ['Action', '対策'],
  kind: ['Kind', '種類'],
  due: ['Due', '期限'],
  balance: ['Balance', 'バランス'],
  noRootCause: ['No root-cause action yet.', '根本対策はまだありません。'],
  noActions: ['No prevention actions yet.', '再発防止策はまだありません。'],
  published: ['published', '公開'],
} as const satisfies Labels;

/** Writes the postmortem as Markdown (see the module comment). Ends with a newline. */
export function postmortemMarkdown(input: PostmortemExportInput): string {
  const { postmortem: pm, locale } = input;
  const ja = localize({ en: 'en', ja: 'ja' }, locale) === 'ja';
  const label = (key: keyof typeof LABELS) => LABELS[key][ja ? 1 : 0];
  const people = new Map((input.people ?? []).map((p) => [p.id, p.name]));
  const date = new Intl.DateTimeFormat('en-CA', { timeZone: input.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const day = (iso: string) => date.format(toMs(iso));
  const colon = ja ? '：' : ': ';
  const out: string[] = [`# ${escapeMarkdown(pm.title)}`, ''];

  const status = wordOf(POSTMORTEM_STATUS_WORDS, pm.status, locale);
  out.push(`- **${label('status')}:** ${status}${pm.publishedAt ? ` (${label('published')} ${day(pm.publishedAt)})` : ''}`);
  if (input.incident) {
    const i = input.incident;
    const span = `${day(i.startedAt)}${i.resolvedAt && day(i.resolvedAt) !== day(i.startedAt) ? ` – ${day(i.resolvedAt)}` : ''}`;
    out.push(`- **${label('incident')}:** ${escapeMarkdown(i.title)} (${escapeMarkdown(i.severity)}, ${span})`);
  }
  if (pm.ownerId) out.push(`- **${label('owner')}:** ${escapeMarkdown(people.get(pm.ownerId) ?? pm.ownerId)}`);
  if (pm.labels.length > 0) out.push(`- **${label('labels')}:** ${pm.labels.map(escapeMarkdown).join(', ')}`);

  const actions = (input.actions ?? []).filter((a) => a.postmortemId === pm.id || a.incidentIds.includes(pm.incidentId));
  const guided = (key: string): string[] => {
    switch (sectionGuide(key)) {
      case 'factors':
        return pm.contributingFactors.map((f) => `- **${wordOf(FACTOR_CATEGORY_WORDS, f.category, locale)}${colon.trim()}** ${escapeMarkdown(f.description)}`);
      case 'whys':
        return pm.fiveWhys.map((w, i) => `${i + 1}. **${escapeMarkdown(w.question)}** ${escapeMarkdown(w.answer)}`.trimEnd());
      case 'thanks':
        return pm.acknowledgements.map((a) => `- **${escapeMarkdown(a.name)}**${a.note.trim() ? `${colon}${escapeMarkdown(a.note)}` : ''}`);
      case 'actions':
        return actionLines(actions, pm.incidentId, people, locale, label);
      default:
        return [];
    }
  };

  for (const section of orderedSections(pm, input.template, locale)) {
    const body = nestMarkdown(section.body, 2);
    const extra = guided(section.key);
    if (body === '' && extra.length === 0) continue;
    out.push('', `## ${escapeMarkdown(section.title)}`, '');
    if (body) out.push(body);
    if (body && extra.length > 0) out.push('');
    out.push(...extra);
  }
  if (pm.publicSummary?.trim()) out.push('', `## ${label('publicSummary')}`, '', nestMarkdown(pm.publicSummary, 2));
  return `${out.join('\n')}\n`;
}

/**
 * The sections in the template's order (those the postmortem has), then the postmortem's other
 * sections, then a section for each kind of structured data the document holds but names no
 * section for (factors, whys, actions, thanks), titled as in the default template.
 */
function orderedSections(pm: Pick<Postmortem, 'sections'>, template: PostmortemTemplate | null | undefined, locale: string): PostmortemSection[] {
  const own = new Map(pm.sections.map((s) => [s.key, s]));
  const order = [...(template?.sections.map((s) => s.key).filter((k) => own.has(k)) ?? []), ...pm.sections.map((s) => s.key)];
  const sections = [...new Set(order)].map((key) => own.get(key)!);
  const has = new Set(sections.map((s) => s.key));
  for (const key of ['contributing_factors', 'five_whys', 'action_items', 'acknowledgements']) {
    if (has.has(key)) continue;
    const title = DEFAULT_POSTMORTEM_TEMPLATE.sections.find((s) => s.key === key)?.title ?? { en: key };
    sections.push({ key, title: localize(title, locale), body: '' });
  }
  return sections;
}

function actionLines(
  actions: readonly PreventionAction[],
  incidentId: Id,
  people: ReadonlyMap<Id, string>,
  locale: string,
  label: (key: keyof typeof LABELS) => string,
): string[] {
  if (actions.length === 0) return [label('noActions')];
  const ja = localize({ en: 'en', ja: 'ja' }, locale) === 'ja';
  const rows = actions.map((a) => {
    const href = a.externalUrl ? safeHref(a.externalUrl) : null;
    const title = href ? `[${escapeMarkdown(a.title)}](${linkDestination(href)})` : escapeMarkdown(a.title);
    const owner = a.ownerId ? escapeMarkdown(people.get(a.ownerId) ?? a.ownerId) : '';
    return `| ${title} | ${wordOf(ACTION_KIND_WORDS, a.kind, locale)} | ${owner} | ${a.dueDate ?? ''} | ${wordOf(ACTION_STATUS_WORDS, a.status, locale)} |`;
  });
  const mix = actionMix(actions, incidentId);
  const short = `${wordOf(ACTION_HORIZON_WORDS, 'short_term', locale)} ${mix.byHorizon.short_term}`;
  const root = `${wordOf(ACTION_HORIZON_WORDS, 'root_cause', locale)} ${mix.byHorizon.root_cause}`;
  return [
    `| ${label('action')} | ${label('kind')} | ${label('owner')} | ${label('due')} | ${label('status')} |`,
    '|---|---|---|---|---|',
    ...rows,
    '',
    `**${label('balance')}:** ${short}${ja ? '、' : ', '}${root}${mix.needsRootCause ? ` ${label('noRootCause')}` : ''}`,
  ];
}
