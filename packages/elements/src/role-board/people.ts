/** The role board's list of people: each with the roles they hold now, and a filter for long lists. */
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { Id, Person, RoleAssignment, RoleKey, Stored } from '@hansei/core';

/** Longer lists than this get a filter. */
const FILTER_FROM = 8;

export interface PeopleView {
  readonly people: readonly Stored<Person>[];
  /** The assignments that hold now. */
  readonly current: readonly RoleAssignment[];
  /** What the filter holds. */
  readonly filter: string;
  readonly locale: string;
  roleName(key: RoleKey): string;
  setFilter(filter: string): void;
  /** A person's chip (draggable, with a menu, when the board can change). */
  chip(personId: Id): TemplateResult;
}

/** Whether `person` matches `query` (folded: case and full-width forms do not matter) by name, handle or email. */
function matches(person: Person, query: string): boolean {
  return `${person.name} ${person.handle ?? ''} ${person.email ?? ''}`.normalize('NFKC').toLocaleLowerCase().includes(query);
}

export function renderPeople(view: PeopleView): TemplateResult {
  const held = new Map<Id, string[]>();
  for (const a of view.current) {
    const list = held.get(a.personId) ?? [];
    list.push(view.roleName(a.role));
    held.set(a.personId, list);
  }
  const query = view.filter.normalize('NFKC').trim().toLocaleLowerCase();
  const shown = query ? view.people.filter((p) => matches(p, query)) : view.people;
  const list = new Intl.ListFormat(view.locale, { type: 'unit', style: 'narrow' });
  return html`<section class="people" part="people" aria-labelledby="people-title">
    <h3 id="people-title">${msg('People', { id: 'role-board.people', desc: 'Role board: heading of the people list' })}</h3>
    ${view.people.length > FILTER_FROM
      ? html`<label class="filter"
          ><span>${msg('Find a person', { desc: 'Role board: label of the people filter' })}</span
          ><input type="search" .value=${view.filter} @input=${(e: InputEvent) => view.setFilter((e.target as HTMLInputElement).value)}
        /></label>`
      : nothing}
    ${shown.length > 0
      ? html`<ul class="people-list">
          ${shown.map((person) => {
            const roles = held.get(person.id);
            return html`<li>
              ${view.chip(person.id)}
              <span class="holds">${roles ? list.format(roles) : msg('No role', { id: 'role-board.no-role', desc: 'Role board: a person without a role' })}</span>
            </li>`;
          })}
        </ul>`
      : html`<p class="empty">${view.people.length === 0 ? msg('No people to show.', { desc: 'Role board: the people list is empty' }) : msg('Nobody matches.', { desc: 'Role board: the filter matches nobody' })}</p>`}
  </section>`;
}
