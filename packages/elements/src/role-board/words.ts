/** What the role board says: outcomes of changes, hand-offs, drop hints and times, in the reader's language. */
import { msg, str } from '@lit/localize';
import type { Id, RoleKey } from '@hansei/core';
import type { Plan } from './plan.js';

/** The names the words use: a person's, a role's (localised). */
export interface RoleNames {
  person(id: Id): string;
  role(key: RoleKey): string;
}

/** Formats times in the reader's locale and time zone, e.g. "Nov 25, 6:30 PM", reusing its formatter. */
export class TimeFormat {
  #cached: { readonly locale: string; readonly timeZone: string; readonly format: Intl.DateTimeFormat } | null = null;

  /** `iso` as a date and time; `iso` itself when it is not a time. */
  format(iso: string, locale: string, timeZone: string): string {
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return iso;
    if (this.#cached?.locale !== locale || this.#cached.timeZone !== timeZone) {
      const format = new Intl.DateTimeFormat(locale, { timeZone, month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
      this.#cached = { locale, timeZone, format };
    }
    return this.#cached.format.format(date);
  }
}

/** "since <time>", for someone who holds a role now. */
export function since(time: string): string {
  return msg(str`since ${time}`, { desc: 'Role board: when a current holder took the role' });
}

export function handOffText(names: RoleNames, role: RoleKey, from: Id, to: Id): string {
  const roleName = names.role(role);
  const previous = names.person(from);
  const next = names.person(to);
  return msg(str`${roleName} handed off from ${previous} to ${next}.`, { desc: 'Role board: a role changed hands' });
}

/** The words for a plan's outcome, once saved. */
export function outcomeText(names: RoleNames, plan: Extract<Plan, { ok: true }>): string {
  const person = names.person(plan.personId);
  const role = names.role(plan.role);
  let text: string;
  if (plan.kind === 'handOff' && plan.previous) text = handOffText(names, plan.role, plan.previous.personId, plan.personId);
  else if (plan.kind === 'add') text = msg(str`${person} joined ${role}.`, { desc: 'Role board: one more person holds a role several may hold' });
  else text = msg(str`${person} is now ${role}.`, { desc: 'Role board: someone took a role' });
  if (plan.from) {
    const from = names.role(plan.from.role);
    text += ' ' + msg(str`${person} left ${from}.`, { desc: 'Role board: the person moved out of their previous role' });
  }
  return text;
}

/** What dropping `personId` where `plan` says would do, in words (the drop target's description). */
export function dropHintText(names: RoleNames, personId: Id, plan: Plan): string {
  const person = names.person(personId);
  if (!plan.ok) {
    return plan.reason === 'same-role'
      ? msg(str`${person} already holds this role. Press Escape to cancel.`, { desc: 'Role board: drop hint on the role the person was picked up from' })
      : msg(str`${person} already holds this role.`, { desc: 'Role board: drop hint on a role the person holds' });
  }
  if (plan.kind === 'handOff' && plan.previous) {
    const previous = names.person(plan.previous.personId);
    return msg(str`Press Enter to hand this role off from ${previous} to ${person}.`, { desc: 'Role board: drop hint, hand-off' });
  }
  return msg(str`Press Enter to give ${person} this role.`, { desc: 'Role board: drop hint, assign' });
}
