/**
 * Editing one postmortem: the version edits are made on (`base`), what the person has now
 * (`content`), saving with that version, and what happens when someone else saved first or
 * saves while this person is writing. A reactive controller: the element renders what it holds.
 *
 * - Every edit is kept as a draft on this device (the element's DraftController).
 * - Save sends only what changed, with `base.version` (If-Match). When the adapter answers
 *   `conflict` with the current postmortem, the two edits are merged three ways (core's
 *   `mergeContent`): when they touched different parts, the merge is saved at once; when they
 *   touched the same parts, each is shown side by side until a person settles it.
 * - A change heard live is merged the same way, so a second writer sees the first one's work
 *   appear without losing their own.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { msg, str } from '@lit/localize';
import { HanseiError, type HanseiAdapter } from '@hansei/adapters';
import { isQueuedWrite, queuedWords } from '../internal/queued.js';
import {
  POSTMORTEM_STATUS_WORDS,
  contentOf,
  contentPatch,
  mergeContent,
  sameContent,
  wordOf,
  type ActionCreateRequest,
  type ConflictChoice,
  type ContentConflict,
  type Locale,
  type Postmortem,
  type PostmortemContent,
  type PostmortemPatchRequest,
  type PostmortemStatus,
  type Stored,
} from '@hansei/core';
import { isStoredPostmortem, type DraftValue } from './model.js';
import type { ActionForm } from './actions.js';

/** Parts both sides changed, until a person settles them. */
export interface Conflict {
  /** The version someone else saved. */
  readonly theirs: Stored<Postmortem>;
  readonly conflicts: readonly ContentConflict[];
}

export interface SessionHooks {
  /** Keeps `draft` on this device (null: forget it: everything is saved). */
  save(draft: DraftValue | null): void;
  announce(text: string): void;
  focus(...selectors: string[]): void;
  /** The language words are shown in. */
  locale(): Locale;
  dispatch(type: 'hansei-postmortem-saved' | 'hansei-postmortem-status-changed', detail: { postmortem: Stored<Postmortem>; from?: PostmortemStatus }): void;
}

/** `content` without the rows a person added and left blank (an empty factor, why or thank-you), and where each kept row was. */
export function cleanContent(content: PostmortemContent): PostmortemContent & { readonly rows: Readonly<Record<string, readonly number[]>> } {
  const keep = <T>(list: readonly T[], blank: (item: T) => boolean) => list.map((item, i) => [item, i] as const).filter(([item]) => !blank(item));
  const factors = keep(content.contributingFactors, (f) => !f.description.trim());
  const whys = keep(content.fiveWhys, (w) => !w.question.trim() && !w.answer.trim());
  const thanks = keep(content.acknowledgements, (a) => !a.name.trim() && !a.note.trim());
  const { rows: _rows, ...plain } = content as PostmortemContent & { rows?: unknown };
  void _rows;
  return {
    ...plain,
    title: content.title.trim(),
    contributingFactors: factors.map(([f]) => f),
    fiveWhys: whys.map(([w]) => w),
    acknowledgements: thanks.map(([a]) => a),
    rows: { contributingFactors: factors.map(([, i]) => i), fiveWhys: whys.map(([, i]) => i), acknowledgements: thanks.map(([, i]) => i) },
  };
}

/** The field on screen a problem's path names (`fiveWhys.0.question`), as a selector. */
export function fieldOfPath(path: string, sent: ReturnType<typeof cleanContent>): string | null {
  const [head, index, leaf] = path.split('.');
  const row = (list: string) => sent.rows[list]?.[Number(index)] ?? Number(index);
  switch (head) {
    case 'title':
      return '#f-title';
    case 'publicSummary':
      return '#f-public-summary';
    case 'sections':
      return `#f-s-${sent.sections[Number(index)]?.key ?? ''}`;
    case 'contributingFactors':
      return `#f-factor-${row(head)}`;
    case 'fiveWhys':
      return leaf === 'question' ? `#f-why-${row(head)}-q` : `#f-why-${row(head)}-a`;
    case 'acknowledgements':
      return leaf === 'name' ? `#thanks-${row(head)}-name` : `#f-thanks-${row(head)}`;
    default:
      return null;
  }
}

/** The request that creates the action the form describes, linked to the postmortem and its incident. */
export function actionSent(form: Pick<ActionForm, 'title' | 'kind' | 'ownerId' | 'dueDate'>, base: Pick<Postmortem, 'id' | 'incidentId'>): ActionCreateRequest {
  return {
    title: form.title.trim(),
    kind: form.kind,
    incidentIds: [base.incidentId],
    postmortemId: base.id,
    ownerId: form.ownerId || null,
    dueDate: form.dueDate || null,
  };
}

/** "Saved at 10:42". */
export function savedMessage(at: number, locale: Locale, timeZone: string): string {
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone }).format(at);
  return msg(str`Saved at ${time}`, { desc: 'Postmortem: when the last save happened' });
}

export class EditSession implements ReactiveController {
  base: Stored<Postmortem> | null = null;
  content: PostmortemContent | null = null;
  conflict: Conflict | null = null;
  saving = false;
  savedAt: number | null = null;
  /** Why the last save failed ('' when it did not). */
  error = '';
  /** Why publishing was refused. */
  summaryError = '';
  /** The draft opened holds changes not saved yet. */
  restored = false;
  /** ...and was merged with changes saved since it was written. */
  restoredMerged = false;

  readonly #host: ReactiveControllerHost;
  readonly #hooks: SessionHooks;
  /** A change heard while saving: handled when the save is over. */
  #heard: Stored<Postmortem> | null = null;

  constructor(host: ReactiveControllerHost, hooks: SessionHooks) {
    this.#host = host;
    this.#hooks = hooks;
    host.addController(this);
  }

  hostConnected(): void {}

  /** Unsaved changes (or parts still to settle). */
  get dirty(): boolean {
    return this.conflict !== null || (this.base !== null && this.content !== null && !sameContent(this.content, contentOf(this.base)));
  }

  reset(): void {
    this.base = this.content = this.conflict = this.#heard = null;
    this.saving = this.restored = this.restoredMerged = false;
    this.savedAt = null;
    this.error = this.summaryError = '';
  }

  /** Opens `postmortem`, with the draft kept for it (edited on the same version, or an older one: merged). */
  open(postmortem: Stored<Postmortem>, draft: DraftValue | null): void {
    this.reset();
    this.base = postmortem;
    this.content = contentOf(postmortem);
    if (draft) {
      if (draft.base.version === postmortem.version) {
        this.content = draft.content;
      } else {
        const { merged, conflicts } = mergeContent(contentOf(draft.base), draft.content, contentOf(postmortem));
        this.content = merged;
        if (conflicts.length > 0) {
          this.base = draft.base;
          this.conflict = { theirs: postmortem, conflicts };
        } else {
          this.restoredMerged = true;
          this.#keep();
        }
      }
      this.restored = this.dirty;
    }
    this.#host.requestUpdate();
  }

  /** The person changed the document. */
  edit(next: PostmortemContent): void {
    if (this.content && next.publicSummary !== this.content.publicSummary) this.summaryError = '';
    this.content = next;
    this.#keep();
    this.#host.requestUpdate();
  }

  /** Settles one conflict; when none is left, the merged document is on the version someone else saved. */
  choose(conflict: ContentConflict, choice: ConflictChoice, resolve: (merged: PostmortemContent, c: ContentConflict, choice: ConflictChoice) => PostmortemContent): void {
    const pending = this.conflict;
    if (!pending || !this.content) return;
    this.content = resolve(this.content, conflict, choice);
    const left = pending.conflicts.filter((c) => c !== conflict);
    if (left.length > 0) {
      this.conflict = { ...pending, conflicts: left };
    } else {
      this.base = pending.theirs;
      this.conflict = null;
      this.#hooks.announce(msg('Every part is settled. Save to keep the merged document.', { desc: 'Postmortem conflict: all parts settled' }));
      this.#hooks.focus('[part~="save"]');
    }
    this.#keep();
    this.#host.requestUpdate();
  }

  /** Saves what changed (and moves to `status`, when given). Resolves with whether everything is saved now. */
  async save(adapter: HanseiAdapter, status?: PostmortemStatus): Promise<boolean> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const outcome = await this.#attempt(adapter, status);
      if (outcome !== 'merged') return outcome === 'saved';
    }
    return false;
  }

  /** A version of the postmortem someone else saved, heard live. */
  heard(theirs: Stored<Postmortem>): void {
    if (!this.base || theirs.version <= this.base.version || (this.conflict && theirs.version <= this.conflict.theirs.version)) return;
    if (this.saving) {
      this.#heard = theirs;
      return;
    }
    if (!this.dirty) {
      this.base = theirs;
      this.content = contentOf(theirs);
      this.#hooks.announce(msg('Someone else saved changes: they are shown now.', { desc: 'Postmortem: a live change was applied' }));
    } else if (this.#merge(theirs)) {
      this.#hooks.announce(msg('Someone else saved changes to other parts: they were merged with yours.', { desc: 'Postmortem: a live change was merged' }));
    } else {
      this.#hooks.announce(msg('Someone else changed a part you are editing: compare and choose below.', { desc: 'Postmortem: a live change conflicts' }));
    }
    this.#keep();
    this.#host.requestUpdate();
  }

  /** Merges `theirs` into what the person has: true when nothing conflicts (and the base is now theirs). */
  #merge(theirs: Stored<Postmortem>): boolean {
    const base = this.base as Stored<Postmortem>;
    const { merged, conflicts } = mergeContent(contentOf(base), this.content as PostmortemContent, contentOf(theirs));
    this.content = merged;
    if (conflicts.length === 0) {
      this.base = theirs;
      this.conflict = null;
      return true;
    }
    this.conflict = { theirs, conflicts };
    return false;
  }

  async #attempt(adapter: HanseiAdapter, status: PostmortemStatus | undefined): Promise<'saved' | 'merged' | 'failed'> {
    const base = this.base;
    const content = this.content;
    if (this.saving || !base || !content) return 'failed';
    if (this.conflict) {
      this.error = msg('Settle the parts someone else changed first (above), then save.', { desc: 'Postmortem: saving is blocked by a conflict' });
      this.#hooks.focus('#conflict-heading');
      this.#host.requestUpdate();
      return 'failed';
    }
    const sent = cleanContent(content);
    const patch = { ...contentPatch(contentOf(base), sent) } as PostmortemPatchRequest;
    if (status && status !== base.status) patch.status = status;
    if ((status ?? base.status) === 'published' && !sent.publicSummary?.trim()) {
      this.summaryError = msg('Write the public summary first: it is what the status page shows.', { desc: 'Postmortem: publishing needs a public summary' });
      this.#hooks.focus('#f-public-summary');
      this.#host.requestUpdate();
      return 'failed';
    }
    if (Object.keys(patch).length === 0) return 'saved';
    this.saving = true;
    this.error = this.summaryError = '';
    this.#host.requestUpdate();
    let outcome: 'saved' | 'merged' | 'failed';
    try {
      const saved = await adapter.updatePostmortem(base.id, patch, base.version);
      this.#saved(saved, content, base.status);
      outcome = 'saved';
    } catch (error) {
      outcome = this.#failed(error, sent);
    } finally {
      this.saving = false;
      this.#host.requestUpdate();
    }
    const heard = this.#heard;
    this.#heard = null;
    if (heard) this.heard(heard);
    return outcome;
  }

  #saved(saved: Stored<Postmortem>, sentFrom: PostmortemContent, before: PostmortemStatus): void {
    const now = this.content as PostmortemContent;
    this.base = saved;
    // Typing went on while saving: keep it on top of what was saved.
    this.content = sameContent(now, sentFrom) ? contentOf(saved) : mergeContent(sentFrom, now, contentOf(saved)).merged;
    this.savedAt = Date.now();
    this.#keep();
    this.#hooks.dispatch('hansei-postmortem-saved', { postmortem: saved });
    if (saved.status !== before) {
      this.#hooks.dispatch('hansei-postmortem-status-changed', { postmortem: saved, from: before });
      const word = wordOf(POSTMORTEM_STATUS_WORDS, saved.status, this.#hooks.locale());
      this.#hooks.announce(msg(str`Saved. Status: ${word}.`, { desc: 'Postmortem: announced after a save that moved the status' }));
    } else {
      this.#hooks.announce(msg('Saved.', { id: 'postmortem.saved', desc: 'Postmortem: announced after saving' }));
    }
  }

  #failed(error: unknown, sent: ReturnType<typeof cleanContent>): 'merged' | 'failed' {
    if (error instanceof HanseiError && error.kind === 'conflict' && isStoredPostmortem(error.current) && error.current.id === this.base?.id) {
      if (this.#merge(error.current)) {
        this.#hooks.announce(msg('Someone else saved in between, to other parts: merged, saving again.', { desc: 'Postmortem: a conflict merged on its own' }));
        return 'merged';
      }
      this.#keep();
      this.#hooks.focus('#conflict-heading');
      return 'failed';
    }
    if (error instanceof HanseiError && error.kind === 'validation' && error.fieldErrors.length > 0) {
      this.error = msg(str`Nothing was saved: ${error.fieldErrors.map((e) => e.message).join(' ')}`, { desc: 'Postmortem: a save was refused, with the reasons' });
      const field = fieldOfPath(error.fieldErrors[0]!.path, sent);
      this.#hooks.focus(...(field ? [field] : []), '.action-error');
      return 'failed';
    }
    if (isQueuedWrite(error)) {
      // Offline, behind withOffline: the write waits in the outbox and goes out on reconnect.
      this.error = queuedWords();
      return 'failed';
    }
    this.error = msg(str`Nothing was saved: ${error instanceof Error ? error.message : String(error)} Your changes are kept on this device.`, {
      desc: 'Postmortem: a save failed for another reason',
    });
    this.#hooks.focus('.action-error');
    return 'failed';
  }

  /** Keeps the draft in step: forgotten when everything is saved, else kept with its base. */
  #keep(): void {
    if (!this.base || !this.content) return;
    this.#hooks.save(this.dirty ? { content: this.content, base: this.base } : null);
  }
}
