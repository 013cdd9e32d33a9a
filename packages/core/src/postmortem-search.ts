/**
 * The postmortem library's search, as every backend applies `PostmortemListQuery`'s filters:
 * the reference server in SQL (apps/api/src/routes/postmortems.ts), the MemoryAdapter with
 * `postmortemMatches`. Text is folded with NFKC and lower case, so "Ｄｂ" finds "db" and Japanese
 * and English search alike; `q` is words that must all appear, anywhere in the text.
 */
import type { Incident, Postmortem } from './domain.js';
import { foldText } from './prevention-board.js';
import type { PostmortemListQuery } from './schemas.js';

/** The folded words (core's `foldText`) of a search (split at any white space, full-width too); none for blank. */
export function searchWords(q: string | undefined): string[] {
  return q ? foldText(q).split(/\s+/u).filter(Boolean) : [];
}

/** What `q` searches: title, public summary, sections, factors, five whys, labels, the incident's title. */
export function postmortemSearchText(postmortem: Postmortem, incidentTitle: string | null): string {
  return [
    postmortem.title,
    postmortem.publicSummary ?? '',
    ...postmortem.sections.flatMap((s) => [s.title, s.body]),
    ...postmortem.contributingFactors.map((f) => f.description),
    ...postmortem.fiveWhys.flatMap((w) => [w.question, w.answer]),
    ...postmortem.labels,
    ...(incidentTitle === null ? [] : [incidentTitle]),
  ].join('\n');
}

/**
 * The postmortem's own searched text (without its incident's title), folded: what a backend may
 * store beside the postmortem on every write, so a search compares words without folding every
 * row again (the reference server's `search_text` column).
 */
export function postmortemFoldedText(postmortem: Postmortem): string {
  return foldText(postmortemSearchText(postmortem, null));
}

/** The parts of its incident the search reads (null when it cannot be read). */
export type SearchedIncident = Pick<Incident, 'title' | 'components' | 'labels'> | null;

/**
 * Whether `postmortem` (with its incident) passes every filter of `query`: statuses, owner,
 * incident, labels (the postmortem's or the incident's, any of), component (the incident's),
 * categories (any contributing factor's, any of) and the words of `q` (all of them).
 */
export function postmortemMatches(postmortem: Postmortem, incident: SearchedIncident, query: Partial<PostmortemListQuery>): boolean {
  if (query.status && !query.status.includes(postmortem.status)) return false;
  if (query.owner && postmortem.ownerId !== query.owner) return false;
  if (query.incident && postmortem.incidentId !== query.incident) return false;
  const labels = query.label;
  if (labels && ![...postmortem.labels, ...(incident?.labels ?? [])].some((l) => labels.includes(l))) return false;
  if (query.component && !incident?.components.some((c) => c.componentId === query.component)) return false;
  const categories = query.category;
  if (categories && !postmortem.contributingFactors.some((f) => categories.includes(f.category))) return false;
  const words = searchWords(query.q);
  if (words.length) {
    const text = foldText(postmortemSearchText(postmortem, incident?.title ?? null));
    if (!words.every((w) => text.includes(w))) return false;
  }
  return true;
}
