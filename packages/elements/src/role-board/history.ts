/** A role's history: who held it, from when to when, and how each assignment began and ended. */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { RoleAssignment } from '@hansei/core';
import { since, type RoleNames } from './words.js';

/**
 * `history` (one role's assignments, oldest first) as a list, open when a hand-off happened;
 * `assignments` (every role's) tells who took over from whom.
 */
export function renderHistory(history: readonly RoleAssignment[], assignments: readonly RoleAssignment[], names: RoleNames, formatTime: (iso: string) => string): TemplateResult {
  const handedOff = history.some((a) => a.handedOffTo !== null);
  return html`<details class="history" part="history" ?open=${handedOff}>
    <summary>${msg(str`History (${history.length})`, { desc: 'Role board: the list of who held a role; the count of entries' })}</summary>
    <ol>
      ${history.map((a) => {
        const person = names.person(a.personId);
        const from = formatTime(a.assignedAt);
        const successor = a.handedOffTo === null ? undefined : assignments.find((b) => b.id === a.handedOffTo);
        const predecessor = assignments.find((b) => b.handedOffTo === a.id);
        return html`<li class="entry ${a.releasedAt === null ? 'now' : ''}">
          <span class="who">${person}</span>
          <span class="when"
            >${a.releasedAt === null
              ? html`<time datetime=${a.assignedAt}>${since(from)}</time>`
              : html`<time datetime=${a.assignedAt}>${from}</time> – <time datetime=${a.releasedAt}>${formatTime(a.releasedAt)}</time>`}</span
          >
          ${predecessor
            ? html`<span class="how">${msg(str`took over from ${names.person(predecessor.personId)}`, { desc: 'Role board history: the hand-off that started this assignment' })}</span>`
            : nothing}
          ${successor
            ? html`<span class="how">${msg(str`handed off to ${names.person(successor.personId)}`, { desc: 'Role board history: the hand-off that ended this assignment' })}</span>`
            : a.releasedAt !== null
              ? html`<span class="how">${msg('released', { id: 'role-board.released', desc: 'Role board history: the assignment ended without a successor' })}</span>`
              : nothing}
          ${a.note ? html`<span class="note-text">${a.note}</span>` : nothing}
        </li>`;
      })}
    </ol>
  </details>`;
}
