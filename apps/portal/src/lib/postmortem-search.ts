/**
 * The postmortem library's search: text (title, sections, factors, five whys, lessons, labels),
 * the incident's components, contributing-factor category and label. Pure, over what the adapter
 * listed; case- and width-insensitive (Ｄｂ finds db), so Japanese and English text search alike.
 */
import type { ContributingFactorCategory, Incident, Postmortem, Stored } from '@hansei/core';

export interface LibraryQuery {
  readonly q?: string | undefined;
  readonly component?: string | undefined;
  readonly category?: string | undefined;
  readonly label?: string | undefined;
  readonly status?: string | undefined;
}

export interface LibraryEntry {
  readonly postmortem: Stored<Postmortem>;
  /** Its incident, when it could be read. */
  readonly incident: Pick<Incident, 'id' | 'title' | 'severity' | 'startedAt' | 'components' | 'labels'> | null;
}

/** Folds case and full-width forms, so a search matches however it was typed. */
export function fold(text: string): string {
  return text.normalize('NFKC').toLocaleLowerCase();
}

function haystack(entry: LibraryEntry): string {
  const p = entry.postmortem;
  return fold(
    [
      p.title,
      p.publicSummary ?? '',
      ...p.sections.flatMap((s) => [s.title, s.body]),
      ...p.contributingFactors.map((f) => f.description),
      ...p.fiveWhys.flatMap((w) => [w.question, w.answer]),
      ...p.labels,
      entry.incident?.title ?? '',
    ].join('\n'),
  );
}

/** The entries that match every given filter, newest incident first. */
export function searchLibrary(entries: readonly LibraryEntry[], query: LibraryQuery): LibraryEntry[] {
  const words = fold(query.q ?? '').split(/\s+/).filter(Boolean);
  const label = query.label ? fold(query.label) : null;
  return entries
    .filter((entry) => {
      const p = entry.postmortem;
      if (query.status && p.status !== query.status) return false;
      if (query.category && !p.contributingFactors.some((f) => f.category === (query.category as ContributingFactorCategory))) return false;
      if (label && ![...p.labels, ...(entry.incident?.labels ?? [])].some((l) => fold(l) === label)) return false;
      if (query.component && !entry.incident?.components.some((c) => c.componentId === query.component)) return false;
      if (words.length) {
        const text = haystack(entry);
        if (!words.every((w) => text.includes(w))) return false;
      }
      return true;
    })
    .sort((a, b) => (b.incident?.startedAt ?? b.postmortem.createdAt).localeCompare(a.incident?.startedAt ?? a.postmortem.createdAt));
}
