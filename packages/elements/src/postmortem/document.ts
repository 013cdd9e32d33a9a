/**
 * The postmortem document as the element renders it once it is open: header, toolbar, the
 * notices (deleted elsewhere, the restored draft, conflicts, why a save failed), every section,
 * and the review. A render function over what the element holds (`DocumentFrame`), so the class
 * keeps to loading, saving and live changes.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { Draft } from '@hansei/adapters/offline';
import {
  actionMix,
  resolveConflict,
  reviewWhys,
  type BlameFinding,
  type Locale,
  type Postmortem,
  type PostmortemContent,
  type PostmortemStatus,
  type PostmortemTemplate,
  type PreventionAction,
  type Stored,
  type prefillFromIncident,
} from '@hansei/core';
import type { ActionForm } from './actions.js';
import { renderConflict } from './conflict.js';
import type { Loaded } from './load.js';
import { emptyRequired, sectionViews, withSectionBody, type SectionView } from './model.js';
import { renderDraftBanner, renderHeader, renderNote, renderToolbar } from './parts.js';
import { renderReview } from './review.js';
import { renderSection } from './sections.js';
import { savedMessage, type EditSession } from './session.js';
import type { PostmortemView } from './view.js';
import { whysAdvice } from './words.js';

/** What the element holds, and what its document can ask of it. */
export interface DocumentFrame {
  readonly loaded: Loaded;
  readonly session: EditSession;
  readonly template: PostmortemTemplate | null;
  readonly actions: readonly Stored<PreventionAction>[];
  readonly locale: Locale;
  readonly timeZone: string;
  /** Fields are editable now. */
  readonly editable: boolean;
  /** The toolbar shows the writer's tools (not for viewers, read-only adapters or when disabled). */
  readonly toolbar: boolean;
  /** Saving is possible (the postmortem still exists). */
  readonly writable: boolean;
  readonly reading: boolean;
  readonly deleted: boolean;
  readonly notice: string;
  /** The draft offered back, if any. */
  readonly draft: Draft<unknown> | null;
  readonly names: readonly string[];
  blame(text: string): readonly BlameFinding[];
  readonly prefilled: ReturnType<typeof prefillFromIncident>;
  readonly canAddActions: boolean;
  readonly actionForm: ActionForm;
  /** The announcer's live regions. */
  readonly announcer: TemplateResult;
  edit(next: PostmortemContent): void;
  setHeader(patch: { title?: string; ownerId?: string | null; labels?: string }): void;
  save(): void;
  toggleReading(): void;
  exportMarkdown(how: 'download' | 'copy'): void;
  keepDraft(): void;
  discardDraft(): void;
  transition(to: PostmortemStatus): void;
  focus(...selectors: string[]): void;
}

/** Blame findings across the document, and the field of the first. */
function blameCount(content: PostmortemContent, sections: readonly SectionView[], blameOf: (text: string) => readonly unknown[]): { count: number; firstId: string | null } {
  const fields: [string, string][] = [
    ['f-title', content.title],
    ...sections.map((s): [string, string] => [`f-s-${s.key}`, s.body]),
    ...content.contributingFactors.map((f, i): [string, string] => [`f-factor-${i}`, f.description]),
    ...content.fiveWhys.map((w, i): [string, string] => [`f-why-${i}-a`, w.answer]),
    ['f-public-summary', content.publicSummary ?? ''],
  ];
  let count = 0;
  let firstId: string | null = null;
  for (const [id, text] of fields) {
    const found = blameOf(text).length;
    if (found > 0 && firstId === null) firstId = id;
    count += found;
  }
  return { count, firstId };
}

function renderConflictOf(frame: DocumentFrame, sections: readonly SectionView[]): TemplateResult | typeof nothing {
  const conflict = frame.session.conflict;
  if (!conflict) return nothing;
  return renderConflict({
    conflicts: conflict.conflicts,
    savedAt: new Intl.DateTimeFormat(frame.locale, { timeStyle: 'short', timeZone: frame.timeZone }).format(new Date(conflict.theirs.updatedAt)),
    locale: frame.locale,
    people: frame.loaded.people,
    titleOf: (key) => sections.find((s) => s.key === key)?.title ?? key,
    choose: (c, choice) => frame.session.choose(c, choice, resolveConflict),
  });
}

export function renderDocument(frame: DocumentFrame): TemplateResult {
  const { loaded, session, locale, timeZone, editable } = frame;
  const base = session.base as Stored<Postmortem>;
  const content = session.content as PostmortemContent;
  const sections = sectionViews(content, frame.template, locale);
  const { facts, entries, sections: prefill } = frame.prefilled;
  const view: PostmortemView = {
    content,
    base,
    sections,
    locale,
    timeZone,
    editable,
    names: frame.names,
    blame: (text) => frame.blame(text),
    people: loaded.people,
    facts,
    entries,
    prefill,
    actions: frame.actions,
    canAddActions: frame.canAddActions,
    change: (next) => frame.edit(next),
    setSection: (key, body) => frame.edit(withSectionBody(content, sections, key, sections.find((s) => s.key === key)?.title ?? key, body)),
    focus: (...selectors) => frame.focus(...selectors),
  };
  const whys = whysAdvice(reviewWhys(content.fiveWhys, { names: frame.names }));
  const tools = frame.toolbar
    ? {
        editable: frame.writable,
        dirty: session.dirty,
        saving: session.saving,
        blocked: session.conflict !== null,
        reading: frame.reading,
        savedMessage: session.savedAt ? savedMessage(session.savedAt, locale, timeZone) : '',
      }
    : { editable: false, dirty: false, saving: false, blocked: false, reading: true, savedMessage: '' };
  return html`<article class="document" part="document" aria-labelledby="title" lang=${locale}>
    ${renderHeader({ ...content, status: base.status, incident: loaded.incident, people: loaded.people, blame: (text) => frame.blame(text), locale, editable, set: (patch) => frame.setHeader(patch) })}
    ${renderToolbar({ ...tools, save: () => frame.save(), toggleReading: () => frame.toggleReading(), exportMarkdown: (how) => frame.exportMarkdown(how) })}
    ${frame.deleted ? renderNote(msg('This postmortem was deleted by someone else. Your unsaved changes stay on this device.', { desc: 'Postmortem: deleted while open' })) : nothing}
    ${frame.notice ? renderNote(frame.notice) : nothing}
    ${frame.draft ? renderDraftBanner(frame.draft, session.restoredMerged, locale, timeZone, () => frame.keepDraft(), () => frame.discardDraft()) : nothing}
    ${renderConflictOf(frame, sections)}
    ${session.error ? html`<div class="action-error error" part="notice" role="alert" tabindex="-1">${session.error}</div>` : nothing}
    ${sections.map((s) => renderSection(view, s, frame.actionForm, !editable))}
    ${renderReview({
      status: base.status,
      publicSummary: content.publicSummary ?? '',
      blame: (text) => frame.blame(text),
      editable,
      isAdmin: loaded.role === 'admin',
      busy: session.saving,
      missing: emptyRequired(sections, content, frame.actions.length),
      needsRootCause: actionMix(frame.actions, loaded.incident.id).needsRootCause,
      whys: whys && !whys.done ? whys.text : null,
      blamed: blameCount(content, sections, (text) => frame.blame(text)),
      summaryError: session.summaryError,
      setSummary: (text) => frame.edit({ ...content, publicSummary: text }),
      transition: (to) => frame.transition(to),
      focus: (selector) => frame.focus(selector),
    })}
    ${frame.announcer}
  </article>`;
}
