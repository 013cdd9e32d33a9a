/**
 * Two people editing one postmortem: a three-way merge of what a person edits (the content) from
 * the version they started from (`base`), their edit (`mine`) and the version saved since
 * (`theirs`). What only one side changed is taken from that side; what both changed differently
 * is a conflict, field by field and section by section, for a person to resolve: mine, theirs,
 * or both. Nothing is dropped on the way: a section only one side has is kept. Pure.
 */
import type { Acknowledgement, ContributingFactorCategory, Id, Postmortem, PostmortemSection, WhyStep } from './domain.js';

/** A contributing factor as edited: a new one has no id until saved. */
export interface FactorDraft {
  readonly id?: Id | undefined;
  readonly category: ContributingFactorCategory;
  readonly description: string;
}

/** What a person edits in a postmortem, which a save sends (its status moves on its own). */
export interface PostmortemContent {
  readonly title: string;
  readonly ownerId: Id | null;
  readonly sections: readonly PostmortemSection[];
  readonly contributingFactors: readonly FactorDraft[];
  readonly fiveWhys: readonly WhyStep[];
  readonly acknowledgements: readonly Acknowledgement[];
  readonly labels: readonly string[];
  readonly publicSummary: string | null;
}

export const CONTENT_FIELDS = ['title', 'ownerId', 'contributingFactors', 'fiveWhys', 'acknowledgements', 'labels', 'publicSummary'] as const;
type ContentField = (typeof CONTENT_FIELDS)[number];

/** A place two edits disagree: a field, or one section (`section` holds its key). */
export type ContentConflict =
  | { readonly field: ContentField; readonly base: unknown; readonly mine: unknown; readonly theirs: unknown }
  | {
      readonly field: 'section';
      readonly key: string;
      readonly base: PostmortemSection | null;
      readonly mine: PostmortemSection | null;
      readonly theirs: PostmortemSection | null;
    };

/** How a conflict is settled: one side, or both (texts one after the other, lists joined). */
export type ConflictChoice = 'mine' | 'theirs' | 'both';

/** The content of a stored postmortem. */
export function contentOf(pm: Pick<Postmortem, keyof PostmortemContent>): PostmortemContent {
  return {
    title: pm.title,
    ownerId: pm.ownerId,
    sections: pm.sections,
    contributingFactors: pm.contributingFactors,
    fiveWhys: pm.fiveWhys,
    acknowledgements: pm.acknowledgements,
    labels: pm.labels,
    publicSummary: pm.publicSummary,
  };
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Whether two contents say the same thing. */
export function sameContent(a: PostmortemContent, b: PostmortemContent): boolean {
  return CONTENT_FIELDS.every((f) => same(a[f], b[f])) && same(a.sections, b.sections);
}

/** The fields of `content` that differ from `base` (all sections when any section does): what a save sends. */
export function contentPatch(base: PostmortemContent, content: PostmortemContent): Partial<PostmortemContent> {
  const patch: Record<string, unknown> = {};
  for (const field of CONTENT_FIELDS) if (!same(base[field], content[field])) patch[field] = content[field];
  if (!same(base.sections, content.sections)) patch['sections'] = content.sections;
  return patch;
}

/** The merged content, and the conflicts still to settle (the merged content holds mine for them until then). */
export interface MergeResult {
  readonly merged: PostmortemContent;
  readonly conflicts: readonly ContentConflict[];
}

/** Three-way merge (see the module comment). */
export function mergeContent(base: PostmortemContent, mine: PostmortemContent, theirs: PostmortemContent): MergeResult {
  const conflicts: ContentConflict[] = [];
  const merged: Record<string, unknown> = {};
  for (const field of CONTENT_FIELDS) {
    const [b, m, t] = [base[field], mine[field], theirs[field]];
    if (same(m, b) || same(m, t)) merged[field] = t;
    else if (same(t, b)) merged[field] = m;
    else {
      merged[field] = m;
      conflicts.push({ field, base: b, mine: m, theirs: t });
    }
  }
  const byKey = (list: readonly PostmortemSection[]) => new Map(list.map((s) => [s.key, s]));
  const [b, m, t] = [byKey(base.sections), byKey(mine.sections), byKey(theirs.sections)];
  // Their order, then sections only mine has, where mine has them.
  const keys = [...new Set([...theirs.sections.map((s) => s.key), ...mine.sections.map((s) => s.key)])];
  const sections: PostmortemSection[] = [];
  for (const key of keys) {
    const [sb, sm, st] = [b.get(key) ?? null, m.get(key) ?? null, t.get(key) ?? null];
    if (same(sm, sb) || same(sm, st)) {
      if (st) sections.push(st);
      else if (sm && !sb) sections.push(sm);
    } else if (same(st, sb)) {
      if (sm) sections.push(sm);
    } else {
      conflicts.push({ field: 'section', key, base: sb, mine: sm, theirs: st });
      sections.push((sm ?? st)!);
    }
  }
  merged['sections'] = sections;
  return { merged: merged as unknown as PostmortemContent, conflicts };
}

const joinText = (theirs: string, mine: string): string => [theirs.trim(), mine.trim()].filter(Boolean).join('\n\n');

function joinLists<T>(theirs: readonly T[], mine: readonly T[]): T[] {
  return [...theirs, ...mine.filter((item) => !theirs.some((t) => same(t, item)))];
}

/** `merged` with `conflict` settled by `choice` ("both" keeps both texts, or both lists' items). */
export function resolveConflict(merged: PostmortemContent, conflict: ContentConflict, choice: ConflictChoice): PostmortemContent {
  if (conflict.field === 'section') {
    const { mine, theirs, key } = conflict;
    let section: PostmortemSection | null;
    if (choice === 'mine') section = mine;
    else if (choice === 'theirs' || !mine) section = theirs;
    else section = theirs ? { ...theirs, body: joinText(theirs.body, mine.body) } : mine;
    const sections = merged.sections.filter((s) => s.key !== key || section !== null).map((s) => (s.key === key && section ? section : s));
    return { ...merged, sections };
  }
  const { field, mine, theirs } = conflict;
  let value: unknown = choice === 'mine' ? mine : theirs;
  if (choice === 'both') {
    if (Array.isArray(mine) && Array.isArray(theirs)) value = joinLists(theirs, mine);
    else if (field === 'publicSummary') value = joinText(typeof theirs === 'string' ? theirs : '', typeof mine === 'string' ? mine : '') || null;
  }
  return { ...merged, [field]: value };
}
