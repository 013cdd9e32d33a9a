/**
 * What the postmortem element's render functions get (`PostmortemView`), and what they share: the
 * gentle prompts under a text that blames a person, and ids that tie fields to their hints.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { findBlame, type BlameFinding, type IncidentFacts, type Locale, type Person, type Postmortem, type PostmortemContent, type PrefillEntry, type PrefilledSections, type PreventionAction, type Stored } from '@hansei/core';
import type { SectionView } from './model.js';
import { blamePrompt } from './words.js';

export interface PostmortemView {
  readonly content: PostmortemContent;
  readonly base: Stored<Postmortem>;
  readonly sections: readonly SectionView[];
  readonly locale: Locale;
  readonly timeZone: string;
  /** Fields are editable (a writer, and not disabled). */
  readonly editable: boolean;
  /** Names (and handles) of the people the backend knows: blame detection recognises them. */
  readonly names: readonly string[];
  /** Where a text blames a person (`findBlame` with the names, remembered per text). */
  blame(text: string): readonly BlameFinding[];
  readonly people: readonly Stored<Person>[];
  readonly facts: IncidentFacts;
  readonly entries: readonly PrefillEntry[];
  readonly prefill: PrefilledSections;
  /** Prevention actions linked to the incident. */
  readonly actions: readonly Stored<PreventionAction>[];
  /** Actions may be created (a writer whose adapter writes actions). */
  readonly canAddActions: boolean;
  /** Replaces the content (every edit goes through here: draft saved, change announced). */
  change(next: PostmortemContent): void;
  /** Sets one section's body (adding the section where the template puts it). */
  setSection(key: string, body: string): void;
  /** After the next render, focuses the first of `selectors` that matches an enabled element. */
  focus(...selectors: string[]): void;
}

/** Ids of the pieces of one field: its control, its hint and its blame prompts. */
export const ids = (name: string) => ({ control: `f-${name}`, hint: `f-${name}-hint`, blame: `f-${name}-blame` });

/** The `aria-describedby` of a field: its hint (when it has one) and its prompts (when it shows any). */
export function describedBy(name: string, hint: boolean, findings: readonly BlameFinding[]): string {
  const { hint: h, blame } = ids(name);
  return [hint ? h : '', findings.length > 0 ? blame : ''].filter(Boolean).join(' ');
}

/**
 * The gentle prompts under a field whose text points at a person: the words found, and what to
 * write about instead, once per kind. Nothing when the text is fine.
 */
export function renderBlame(name: string, findings: readonly BlameFinding[]): TemplateResult | typeof nothing {
  if (findings.length === 0) return nothing;
  const byKind = new Map<string, string[]>();
  for (const f of findings) byKind.set(f.kind, [...(byKind.get(f.kind) ?? []), f.text]);
  return html`<ul class="blame" part="blame-prompt" id=${ids(name).blame}>
    ${[...byKind].map(
      ([kind, words]) => html`<li data-kind=${kind}>
        <q>${words.join('”, “')}</q> ${blamePrompt(kind as Parameters<typeof blamePrompt>[0])}
      </li>`,
    )}
  </ul>`;
}

/**
 * A textarea that grows with its text, with its hint and blame prompts wired to it. Labelled by
 * `labelledBy` (ids), else by `label`, else by a `<label for>` the caller renders.
 */
export function renderText(
  view: Pick<PostmortemView, 'blame' | 'editable'>,
  options: { name: string; label?: string; labelledBy?: string; value: string; hint?: boolean; rows?: number; maxlength?: number; input: (value: string) => void },
): TemplateResult {
  const { name, value } = options;
  const findings = view.blame(value);
  return html`<textarea
      id=${ids(name).control}
      aria-label=${options.labelledBy || !options.label ? nothing : options.label}
      aria-labelledby=${options.labelledBy ?? nothing}
      aria-describedby=${describedBy(name, options.hint ?? false, findings) || nothing}
      rows=${options.rows ?? 3}
      maxlength=${options.maxlength ?? 20000}
      .value=${value}
      ?readonly=${!view.editable}
      @input=${(e: Event) => options.input((e.target as HTMLTextAreaElement).value)}
    ></textarea>
    ${renderBlame(name, findings)}`;
}

/**
 * `findBlame` remembered per text, for one list of names: a document renders on every keystroke,
 * and most of its texts (a 200-row timeline among them) did not change.
 */
export class BlameMemo {
  #names = '';
  readonly #found = new Map<string, readonly BlameFinding[]>();

  /** The finder for `names` (a new list forgets what was found with the last one). */
  for(names: readonly string[]): (text: string) => readonly BlameFinding[] {
    const key = names.join('\n');
    if (key !== this.#names) {
      this.#names = key;
      this.#found.clear();
    }
    return (text) => {
      let found = this.#found.get(text);
      if (!found) {
        found = findBlame(text, { names });
        if (this.#found.size >= 400) this.#found.clear();
        this.#found.set(text, found);
      }
      return found;
    };
  }
}
