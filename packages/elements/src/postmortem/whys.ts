/**
 * The five-whys builder: a chain of questions and answers, each next question drafted from the
 * last answer, steps that move up and down from the keyboard, and advice on depth: too shallow,
 * stopping at a person, deep enough.
 */
import { html, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { WHYS_MAX, addWhy, moveWhy, reviewWhys, type WhyStep } from '@hansei/core';
import { renderText, type PostmortemView } from './view.js';
import { removeLabel, whysAdvice } from './words.js';

function set(view: PostmortemView, fiveWhys: WhyStep[]): void {
  view.change({ ...view.content, fiveWhys });
}

export function renderWhys(view: PostmortemView): TemplateResult {
  const steps = view.content.fiveWhys;
  const review = reviewWhys(steps, { names: view.names });
  const advice = whysAdvice(review);
  const adviceLine = advice
    ? html`<p class="advice ${advice.done ? 'done' : 'todo'}" part="whys-advice" role="status">${advice.text}</p>`
    : html`<p class="advice" part="whys-advice" role="status"></p>`;
  if (!view.editable) {
    return html`<ol class="whys read" part="whys">
      ${steps.map((s) => html`<li><strong>${s.question}</strong> ${s.answer}</li>`)}
    </ol>`;
  }
  const update = (i: number, patch: Partial<WhyStep>) => set(view, steps.map((s, k) => (k === i ? { ...s, ...patch } : s)));
  // Focus follows the step that moved, and lands on a neighbour when one is removed.
  const move = (i: number, by: number) => {
    set(view, moveWhy(steps, i, by));
    const to = i + by;
    view.focus(`#why-${to}-${by < 0 ? 'up' : 'down'}`, `#why-${to}-${by < 0 ? 'down' : 'up'}`);
  };
  const remove = (i: number) => {
    set(view, steps.filter((_, k) => k !== i));
    view.focus(`#f-why-${i}-q`, `#f-why-${i - 1}-q`, '#add-why');
  };
  const add = () => {
    set(view, addWhy(steps, view.locale));
    view.focus(`#f-why-${steps.length}-a`);
  };
  return html`<div class="builder" part="whys">
    <ol class="items">
      ${steps.map((step, i) => {
        const label = msg(str`Why ${i + 1}`, { desc: 'Postmortem: label of one step of the five whys' });
        return html`<li class="item ${review.blamingSteps.includes(i) ? 'blaming' : ''}">
          <fieldset>
            <legend>${label}</legend>
            <label for="f-why-${i}-q">${msg('Question', { id: 'postmortem.question', desc: 'Postmortem five whys: the question' })}</label>
            <input
              id="f-why-${i}-q"
              type="text"
              maxlength="1000"
              .value=${step.question}
              @input=${(e: Event) => update(i, { question: (e.target as HTMLInputElement).value })}
            />
            <label for="f-why-${i}-a">${msg('Answer', { id: 'postmortem.answer', desc: 'Postmortem five whys: the answer' })}</label>
            ${renderText(view, {
              name: `why-${i}-a`,
              value: step.answer,
              rows: 2,
              maxlength: 2000,
              input: (answer) => update(i, { answer }),
            })}
            <div class="row">
              <button type="button" class="link" id="why-${i}-up" ?disabled=${i === 0} @click=${() => move(i, -1)}>
                ${msg('Move up', { id: 'postmortem.move-up', desc: 'Postmortem: move a step up' })}<span class="vh"> ${label}</span>
              </button>
              <button type="button" class="link" id="why-${i}-down" ?disabled=${i === steps.length - 1} @click=${() => move(i, 1)}>
                ${msg('Move down', { id: 'postmortem.move-down', desc: 'Postmortem: move a step down' })}<span class="vh"> ${label}</span>
              </button>
              <button type="button" class="link" @click=${() => remove(i)}>${removeLabel()}<span class="vh"> ${label}</span></button>
            </div>
          </fieldset>
        </li>`;
      })}
    </ol>
    ${adviceLine}
    <button type="button" class="secondary" id="add-why" ?disabled=${steps.length >= WHYS_MAX} @click=${add}>
      ${steps.length === 0 ? msg('Ask the first why', { desc: 'Postmortem five whys: button with no step yet' }) : msg('Ask why again', { desc: 'Postmortem five whys: add the next step' })}
    </button>
  </div>`;
}
