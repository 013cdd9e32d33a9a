/**
 * Names and words the board shows for what its data refers to: people, incidents with their
 * severity, swimlanes, due dates and durations, in the viewer's locale. Formatters and labels are
 * cached until `reset()` (the board resets when the data or the locale change).
 */
import { msg } from '@lit/localize';
import type { Id, IsoDate, LaneKind, PreventionAction, Stored } from '@hansei/core';
import type { HanseiSettings } from '../internal/context.js';
import type { IncidentLabel, SeverityTone } from './card.js';
import type { BoardData } from './data.js';
import type { Choice } from './filters.js';
import { horizonWords, kindWords } from './words.js';
import type { ActionKind } from '@hansei/core';

const TONES: readonly SeverityTone[] = ['critical', 'major', 'minor'];

export class Labels {
  readonly #source: () => { readonly data: BoardData; readonly settings: HanseiSettings };
  #incidents = new Map<Id, IncidentLabel>();
  #dateFormat: Intl.DateTimeFormat | null = null;
  #dayFormat: Intl.NumberFormat | null = null;
  #collator: Intl.Collator | null = null;
  #percent: Intl.NumberFormat | null = null;
  #settings: HanseiSettings | null = null;

  constructor(source: () => { readonly data: BoardData; readonly settings: HanseiSettings }) {
    this.#source = source;
  }

  /** Forgets every cached label and formatter. */
  reset(): void {
    this.#incidents = new Map();
    this.#dateFormat = null;
    this.#dayFormat = null;
    this.#collator = null;
    this.#percent = null;
    this.#settings = null;
  }

  /** The settings as at the last reset (the board resets when they change). */
  get #current(): HanseiSettings {
    this.#settings ??= this.#source().settings;
    return this.#settings;
  }

  get #locale(): string {
    return this.#current.locale;
  }

  /** A share in percent, e.g. "66%". */
  percent(share: number): string {
    this.#percent ??= new Intl.NumberFormat(this.#locale, { style: 'percent' });
    return this.#percent.format(share);
  }

  personName(id: Id): string {
    return this.#source().data.people.get(id)?.name ?? id;
  }

  /** An incident's severity (coloured by its level in the guideline) and title; its id when unknown. */
  incident(id: Id): IncidentLabel {
    let label = this.#incidents.get(id);
    if (!label) {
      const { data } = this.#source();
      const settings = this.#current;
      const incident = data.incidents.get(id);
      if (!incident) label = { code: null, tone: 'unknown', title: id };
      else {
        const levels = [...settings.guideline.levels].sort((a, b) => a.rank - b.rank);
        const index = levels.findIndex((l) => l.code === incident.severity);
        label = { code: incident.severity, tone: TONES[index] ?? 'unknown', title: incident.title };
      }
      this.#incidents.set(id, label);
    }
    return label;
  }

  /** A calendar date (due dates carry no time zone), e.g. "Nov 20, 2026". */
  date(date: IsoDate): string {
    this.#dateFormat ??= new Intl.DateTimeFormat(this.#locale, { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric' });
    const ms = Date.parse(date);
    return Number.isNaN(ms) ? date : this.#dateFormat.format(ms);
  }

  /** A number of days, e.g. "5 days", "1 day", "5日". */
  days(count: number): string {
    this.#dayFormat ??= new Intl.NumberFormat(this.#locale, { style: 'unit', unit: 'day', unitDisplay: 'long' });
    return this.#dayFormat.format(count);
  }

  #compare(a: string, b: string): number {
    this.#collator ??= new Intl.Collator(this.#locale);
    return this.#collator.compare(a, b);
  }

  /** "SEV2 · Title" (or the id of an incident the board does not know). */
  incidentText(id: Id): string {
    const label = this.incident(id);
    return label.code ? `${label.code} · ${label.title}` : label.title;
  }

  /** Incident lanes: most recently started first, unknown incidents last; owner lanes: by name. */
  laneOrder(by: 'incident' | 'owner'): (a: string, b: string) => number {
    const { data } = this.#source();
    if (by === 'owner') return (a, b) => this.#compare(this.personName(a), this.personName(b));
    return (a, b) => {
      const x = data.incidents.get(a)?.startedAt ?? '';
      const y = data.incidents.get(b)?.startedAt ?? '';
      return x === y ? this.#compare(a, b) : x > y ? -1 : 1;
    };
  }

  /** A swimlane's title. */
  laneTitle(kind: LaneKind, key: string): string {
    switch (kind) {
      case 'incident':
        return this.incidentText(key);
      case 'owner':
        return key === '' ? msg('No owner', { desc: 'Prevention board: an action nobody owns' }) : this.personName(key);
      case 'kind':
        return `${kindWords(key as ActionKind)} (${horizonWords(key as ActionKind)})`;
      case 'overdue':
        return key === 'overdue'
          ? msg('Overdue', { id: 'prevention-board.lane.overdue', desc: 'Prevention board: swimlane of open actions past their due date' })
          : msg('Not overdue', { desc: 'Prevention board: swimlane of actions done, dropped or not yet due' });
    }
  }

  /** The incidents the actions link to, for the incident filter: most recent first. */
  incidentChoices(actions: Iterable<Stored<PreventionAction>>): Choice[] {
    const ids = new Set<Id>();
    for (const action of actions) for (const id of action.incidentIds) ids.add(id);
    const order = this.laneOrder('incident');
    return [...ids].sort(order).map((id) => ({ value: id, label: this.incidentText(id) }));
  }

  /** The people who own actions, for the owner filter: by name. */
  ownerChoices(actions: Iterable<Stored<PreventionAction>>): Choice[] {
    const ids = new Set<Id>();
    for (const action of actions) if (action.ownerId !== null) ids.add(action.ownerId);
    const order = this.laneOrder('owner');
    return [...ids].sort(order).map((id) => ({ value: id, label: this.personName(id) }));
  }
}
