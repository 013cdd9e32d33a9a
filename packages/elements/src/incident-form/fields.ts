/**
 * The incident form's fields (severity, related incidents and the preview have their own
 * modules). Each takes the {@link FormView} and changes the model through `view.change`.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg, str } from '@lit/localize';
import {
  COMPONENT_STATUSES,
  IMPACTS,
  INCIDENT_STATUSES,
  LIMITS,
  VISIBILITIES,
  type Component,
  type ComponentStatus,
  type Impact,
  type IncidentStatus,
  type Visibility,
} from '@hansei/core';
import { describedBy, errorsOf, fieldLabel, invalid, type FormView } from './view.js';
import { impactWord, visibilityWord } from './words.js';
import { componentStatusWords as componentStatusWord, incidentStatusWords as incidentStatusWord } from '../internal/status-words.js';
import { fromLocalInput, offsetText, toLocalInput } from './zoned-time.js';

const valueOf = (e: Event) => (e.target as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement).value;

export function renderTitle(view: FormView): TemplateResult {
  return html`<div class="field">
    <label for="f-title">${fieldLabel('title', view.mode)}</label>
    ${errorsOf(view, 'title')}
    <input
      id="f-title"
      type="text"
      maxlength=${LIMITS.title}
      autocomplete="off"
      aria-required="true"
      aria-invalid=${ifDefined(invalid(view, 'title'))}
      aria-describedby=${describedBy(view, 'title')}
      .value=${live(view.model.title)}
      @input=${(e: Event) => view.change({ title: valueOf(e) })}
    />
  </div>`;
}

export function renderSummary(view: FormView): TemplateResult {
  return html`<div class="field">
    <label for="f-summary">${fieldLabel('summary', view.mode)}</label>
    <p class="hint" id="f-summary-hint">
      ${msg('What customers notice, in their words. Shown on the status page when the incident is public.', {
        desc: 'Incident form: hint of the summary field',
      })}
    </p>
    ${errorsOf(view, 'summary')}
    <textarea
      id="f-summary"
      rows="3"
      maxlength=${LIMITS.body}
      aria-invalid=${ifDefined(invalid(view, 'summary'))}
      aria-describedby=${describedBy(view, 'summary', true)}
      .value=${live(view.model.summary)}
      @input=${(e: Event) => view.change({ summary: valueOf(e) })}
    ></textarea>
  </div>`;
}

/** A radio group of `options` for `field`. */
function radios<T extends string>(
  view: FormView,
  field: 'impact' | 'status' | 'visibility',
  options: readonly T[],
  word: (option: T) => string,
  hint: string | null,
): TemplateResult {
  const current = view.model[field];
  return html`<fieldset class="group" id="f-${field}" aria-describedby=${describedBy(view, field, hint !== null)}>
    <legend>${fieldLabel(field, view.mode)}</legend>
    ${hint !== null ? html`<p class="hint" id="f-${field}-hint">${hint}</p>` : nothing}
    ${errorsOf(view, field)}
    <div class="choices">
      ${options.map(
        (option) => html`<label class="choice">
          <input
            type="radio"
            name=${field}
            value=${String(option)}
            .checked=${current === option}
            @change=${() => view.change({ [field]: option })}
          />
          <span>${word(option)}</span>
        </label>`,
      )}
    </div>
  </fieldset>`;
}

export function renderStatus(view: FormView): TemplateResult {
  // Declaring records an incident in progress: resolving is an update.
  const options: readonly IncidentStatus[] = view.mode === 'declare' ? INCIDENT_STATUSES.filter((s) => s !== 'resolved') : INCIDENT_STATUSES;
  const hint =
    view.mode === 'update'
      ? msg('The status the update announces.', { desc: 'Incident form: hint of the status field in update mode' })
      : null;
  return radios(view, 'status', options, incidentStatusWord, hint);
}

export function renderImpact(view: FormView): TemplateResult {
  const hint = msg('How customers are affected; the status page colours the incident by it.', {
    desc: 'Incident form: hint of the public impact field',
  });
  return radios<Impact>(view, 'impact', IMPACTS, impactWord, hint);
}

export function renderVisibility(view: FormView): TemplateResult {
  return radios<Visibility>(view, 'visibility', VISIBILITIES, visibilityWord, null);
}

/** The status a component gets when first ticked: what the chosen impact suggests. */
function suggestedStatus(impact: Impact): ComponentStatus {
  return impact === 'critical' ? 'major_outage' : impact === 'major' ? 'partial_outage' : 'degraded_performance';
}

export function renderComponents(view: FormView, loadError: string): TemplateResult {
  const chosen = view.model.components;
  const was = view.base?.components ?? [];
  const toggle = (component: Component, on: boolean) =>
    view.change({
      components: on
        ? [...chosen, { componentId: component.id, status: suggestedStatus(view.model.impact) }]
        : chosen.filter((c) => c.componentId !== component.id),
    });
  const setStatus = (id: string, status: ComponentStatus) =>
    view.change({ components: chosen.map((c) => (c.componentId === id ? { ...c, status } : c)) });

  return html`<fieldset class="group" id="f-components" aria-describedby=${describedBy(view, 'components', true)}>
    <legend>${fieldLabel('components', view.mode)}</legend>
    <p class="hint" id="f-components-hint">
      ${msg('Tick what customers notice, and how bad it is for each.', { desc: 'Incident form: hint of the components field' })}
    </p>
    ${errorsOf(view, 'components')}
    ${loadError ? html`<p class="error" role="alert">${loadError}</p>` : nothing}
    <ul class="components" part="components">
      ${view.components.map((component, index) => {
        const entry = chosen.find((c) => c.componentId === component.id);
        const before = was.find((c) => c.componentId === component.id);
        return html`<li class="component">
          <label class="choice">
            <input
              type="checkbox"
              id=${ifDefined(index === 0 ? 'f-components-first' : undefined)}
              .checked=${entry !== undefined}
              @change=${(e: Event) => toggle(component, (e.target as HTMLInputElement).checked)}
            />
            <span>${component.name}</span>
          </label>
          ${entry
            ? html`<span class="component-status">
                <label class="visually-hidden" for="f-component-${index}">
                  ${msg(str`Status of ${component.name}`, { desc: 'Incident form: label of a component status select' })}
                </label>
                <select
                  id="f-component-${index}"
                  @change=${(e: Event) => setStatus(component.id, valueOf(e) as ComponentStatus)}
                >
                  ${COMPONENT_STATUSES.map(
                    (s) => html`<option value=${s} ?selected=${entry.status === s}>${componentStatusWord(s)}</option>`,
                  )}
                </select>
                ${before && before.status !== entry.status
                  ? html`<span class="muted">${msg(str`was ${componentStatusWord(before.status)}`, { desc: 'Incident form: the status a component had before this update' })}</span>`
                  : nothing}
              </span>`
            : nothing}
        </li>`;
      })}
    </ul>
  </fieldset>`;
}

export function renderTimes(view: FormView): TemplateResult {
  const zone = view.settings.timeZone;
  const time = (field: 'startedAt' | 'detectedAt') => html`<div class="field">
    <label for="f-${field}">${fieldLabel(field, view.mode)}</label>
    ${errorsOf(view, field)}
    <input
      id="f-${field}"
      type="datetime-local"
      aria-required="true"
      aria-invalid=${ifDefined(invalid(view, field))}
      aria-describedby="f-times-hint ${describedBy(view, field)}"
      .value=${live(toLocalInput(view.model[field], zone))}
      @change=${(e: Event) => view.change({ [field]: fromLocalInput(valueOf(e), zone) })}
    />
  </div>`;
  const offset = offsetText(zone, view.now);
  return html`<div class="times">
    <p class="hint" id="f-times-hint">
      ${msg(str`Times are in ${zone} (${offset}).`, { desc: 'Incident form: the time zone the times are typed in' })}
    </p>
    <div class="pair">${time('startedAt')} ${time('detectedAt')}</div>
  </div>`;
}

export function renderLabels(view: FormView): TemplateResult {
  return html`<div class="field">
    <label for="f-labels">${fieldLabel('labels', view.mode)}</label>
    <p class="hint" id="f-labels-hint">
      ${msg('Separate labels with commas, like: payments, team:sre', { desc: 'Incident form: hint of the labels field' })}
    </p>
    ${errorsOf(view, 'labels')}
    <input
      id="f-labels"
      type="text"
      autocomplete="off"
      aria-invalid=${ifDefined(invalid(view, 'labels'))}
      aria-describedby=${describedBy(view, 'labels', true)}
      .value=${live(view.model.labels)}
      @input=${(e: Event) => view.change({ labels: valueOf(e) })}
    />
  </div>`;
}

export function renderMessage(view: FormView): TemplateResult {
  const hint =
    view.mode === 'declare'
      ? msg('What customers read first on the status page. Leave it empty to post no update yet.', {
          desc: 'Incident form: hint of the first public update field',
        })
      : msg('Posted with the status and the component changes above. Leave it empty to only save changed fields.', {
          desc: 'Incident form: hint of the update message field',
        });
  return html`<div class="field">
    <label for="f-message">${fieldLabel('message', view.mode)}</label>
    <p class="hint" id="f-message-hint">${hint}</p>
    ${errorsOf(view, 'message')}
    <textarea
      id="f-message"
      rows="4"
      maxlength=${LIMITS.body}
      aria-invalid=${ifDefined(invalid(view, 'message'))}
      aria-describedby=${describedBy(view, 'message', true)}
      .value=${live(view.model.message)}
      @input=${(e: Event) => view.change({ message: valueOf(e) })}
    ></textarea>
  </div>`;
}
