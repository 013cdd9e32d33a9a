/**
 * What `<hansei-provider>` gives the elements inside it, as @lit/context contexts.
 *
 * The keys are strings, not symbols, on purpose: an element bundled on its own (a single-file
 * module on someone else's page) carries its own copy of this module, and must still find a
 * provider that came from another bundle.
 */
import { ContextRoot, createContext } from '@lit/context';
import type { StatusAdapter } from '@hansei/adapters';
import type { Locale, Person, SeverityGuideline } from '@hansei/core';

/**
 * The adapter every byte of data comes through: a full `HanseiAdapter`, or only the status reads
 * (`StatusAdapter`, e.g. the status page's small `RestStatusAdapter`). Elements call only what
 * the adapter's capabilities declare, so a status-only adapter never gets a call it lacks.
 */
export const adapterContext = createContext<StatusAdapter | undefined>('hansei-adapter');

/** How to show things to this viewer, and on whose behalf writes are made. */
export interface HanseiSettings {
  readonly locale: Locale;
  /** IANA time zone dates and times are shown in (the viewer's by default). */
  readonly timeZone: string;
  /** The organisation's severity guideline (core's default until the adapter has answered). */
  readonly guideline: SeverityGuideline;
  /** The person using the kit, when known. */
  readonly person: Person | null;
}

export const settingsContext = createContext<HanseiSettings | undefined>('hansei-settings');

const ROOT_ATTACHED = Symbol.for('hansei.context-root');

/**
 * Lets elements that upgraded before their provider (plain HTML, any script order) find it: one
 * ContextRoot per page, attached by whichever Hansei element comes first, replays their
 * requests when a provider appears.
 */
export function attachContextRoot(): void {
  const global = globalThis as { [ROOT_ATTACHED]?: boolean };
  if (global[ROOT_ATTACHED] || typeof document === 'undefined') return;
  global[ROOT_ATTACHED] = true;
  new ContextRoot().attach(document.documentElement);
}
