/**
 * The thanks: who helped, and what they did. A name can be anyone (a person the backend knows,
 * picked from a list, or someone outside the company); the talk's culture pillar is praise
 * shared where everyone sees it.
 */
import { html, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { Acknowledgement } from '@hansei/core';
import { renderText, type PostmortemView } from './view.js';
import { removeLabel } from './words.js';

export function renderThanks(view: PostmortemView): TemplateResult {
  const list = view.content.acknowledgements;
  if (!view.editable) {
    return html`<ul class="thanks read" part="thanks">
      ${list.map((a) => html`<li><strong>${a.name}</strong>${a.note ? html` ${a.note}` : ''}</li>`)}
    </ul>`;
  }
  const set = (next: Acknowledgement[]) => view.change({ ...view.content, acknowledgements: next });
  const update = (i: number, patch: Partial<Acknowledgement>) => set(list.map((a, k) => (k === i ? { ...a, ...patch } : a)));
  const named = (i: number, name: string) => {
    const person = view.people.find((p) => p.name === name.trim());
    update(i, { name, personId: person?.id ?? null });
  };
  const add = () => {
    set([...list, { personId: null, name: '', note: '' }]);
    view.focus(`#thanks-${list.length}-name`);
  };
  const remove = (i: number) => {
    set(list.filter((_, k) => k !== i));
    view.focus(`#thanks-${i}-name`, `#thanks-${i - 1}-name`, '#add-thanks');
  };
  return html`<div class="builder" part="thanks">
    <datalist id="people">${view.people.map((p) => html`<option value=${p.name}></option>`)}</datalist>
    <ul class="items">
      ${list.map((a, i) => {
        const label = msg(str`Thanks ${i + 1}`, { desc: 'Postmortem: label of one thank-you' });
        return html`<li class="item">
          <fieldset>
            <legend>${label}</legend>
            <label for="thanks-${i}-name">${msg('Who', { id: 'postmortem.who', desc: 'Postmortem thanks: the person or team thanked' })}</label>
            <input id="thanks-${i}-name" type="text" list="people" maxlength="100" autocomplete="off" .value=${a.name} @input=${(e: Event) => named(i, (e.target as HTMLInputElement).value)} />
            <label for="f-thanks-${i}">${msg('For what', { desc: 'Postmortem thanks: what they did' })}</label>
            ${renderText(view, { name: `thanks-${i}`, value: a.note, rows: 2, maxlength: 1000, input: (note) => update(i, { note }) })}
            <button type="button" class="link" @click=${() => remove(i)}>${removeLabel()}<span class="vh"> ${label}</span></button>
          </fieldset>
        </li>`;
      })}
    </ul>
    <button type="button" class="secondary" id="add-thanks" ?disabled=${list.length >= 100} @click=${add}>
      ${msg('Thank someone', { desc: 'Postmortem: add a thank-you' })}
    </button>
  </div>`;
}
