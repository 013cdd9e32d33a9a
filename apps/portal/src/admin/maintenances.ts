/**
 * `<portal-admin-maintenances>`: maintenance windows: schedule one (its components go under
 * maintenance while it runs), post its progress (in progress, verifying, completed), delete one.
 */
import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { MAINTENANCE_STATUSES, type Component, type Maintenance, type MaintenanceStatus, type Stored } from '@hansei/core';
import { maintenanceStatusWords } from '@hansei/elements/internal/status-words.js';
import { dateTime } from '../lib/format.js';
import { PortalView, problemText } from '../lib/view.js';
import { field, fields } from '../lib/form.js';

/** A `datetime-local` value (the viewer's clock) as an ISO instant; null when empty or malformed. */
export function localInstant(value: string): string | null {
  if (!value) return null;
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

@customElement('portal-admin-maintenances')
export class PortalAdminMaintenances extends PortalView {
  @state() private maintenances: readonly Stored<Maintenance>[] = [];
  @state() private components: readonly Stored<Component>[] = [];
  @state() private problem = '';
  @state() private saved = '';

  protected override async load(): Promise<void> {
    try {
      const [page, components] = await Promise.all([this.api.listMaintenances({ limit: 50 }), this.api.listComponents()]);
      this.maintenances = page.data;
      this.components = components;
    } catch (error) {
      this.problem = problemText(error);
    }
  }

  async #run(work: () => Promise<unknown>, done: string): Promise<boolean> {
    this.problem = '';
    this.saved = '';
    try {
      await work();
      this.saved = done;
      await this.load();
      return true;
    } catch (error) {
      this.problem = problemText(error);
      return false;
    }
  }

  #schedule(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const from = localInstant(field(data, 'scheduledFor'));
    const until = localInstant(field(data, 'scheduledUntil'));
    if (!from || !until) {
      this.problem = msg('Give the start and the end of the window.');
      return;
    }
    const title = field(data, 'title');
    void this.#run(
      () =>
        this.api.scheduleMaintenance({
          title,
          summary: field(data, 'summary'),
          scheduledFor: from,
          scheduledUntil: until,
          components: fields(data, 'components'),
          updateBody: field(data, 'summary') || null,
        }),
      msg(str`Scheduled ${title}.`),
    ).then((ok) => ok && form.reset());
  }

  #post(event: SubmitEvent, maintenance: Stored<Maintenance>): void {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    void this.#run(
      () => this.api.postMaintenanceUpdate(maintenance.id, { status: field(data, 'status') as MaintenanceStatus, body: field(data, 'body') }),
      msg(str`Posted to ${maintenance.title}.`),
    ).then((ok) => ok && form.reset());
  }

  #delete(maintenance: Stored<Maintenance>): void {
    if (!confirm(msg(str`Delete "${maintenance.title}"? It disappears from the status page.`))) return;
    void this.#run(() => this.api.deleteMaintenance(maintenance.id, maintenance.version), msg(str`Deleted ${maintenance.title}.`));
  }

  protected override render() {
    const { locale, timeZone } = this.settings;
    const names = new Map(this.components.map((c) => [c.id, c.name]));
    return html`${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
      <p class="vh" role="status">${this.saved}</p>
      <h3>${msg('Schedule a window')}</h3>
      <form class="card grid-form" @submit=${this.#schedule}>
        <label class="field">${msg('Title')} <input name="title" required /></label>
        <label class="field">${msg('What customers should know')} <textarea name="summary"></textarea></label>
        <div class="toolbar">
          <label class="field">${msg('Starts')} <input name="scheduledFor" type="datetime-local" required /></label>
          <label class="field">${msg('Ends')} <input name="scheduledUntil" type="datetime-local" required /></label>
        </div>
        <fieldset>
          <legend>${msg('Components under maintenance')}</legend>
          ${this.components.map((c) => html`<label class="check"><input type="checkbox" name="components" value=${c.id} /> ${c.name}</label>`)}
        </fieldset>
        <button class="primary" type="submit">${msg('Schedule')}</button>
      </form>
      <h3>${msg('Windows')}</h3>
      ${this.maintenances.length === 0 ? html`<p class="muted">${msg('No maintenance windows.')}</p>` : nothing}
      <ul class="plain">
        ${this.maintenances.map(
          (m) => html`<li class="card">
            <strong>${m.title}</strong> <span class="badge">${maintenanceStatusWords(m.status)}</span>
            <p class="muted">${dateTime(m.scheduledFor, locale, timeZone)} – ${dateTime(m.scheduledUntil, locale, timeZone)}
              ${m.components.length ? html` · ${m.components.map((id) => names.get(id) ?? id).join(', ')}` : nothing}</p>
            ${m.status === 'completed'
              ? nothing
              : html`<form class="toolbar" @submit=${(e: SubmitEvent) => this.#post(e, m)} aria-label=${msg(str`Post to ${m.title}`)}>
                  <label class="field">${msg('Status')}
                    <select name="status">${MAINTENANCE_STATUSES.map((s) => html`<option value=${s} ?selected=${s === m.status}>${maintenanceStatusWords(s)}</option>`)}</select>
                  </label>
                  <label class="field grow">${msg('Update')} <input name="body" required /></label>
                  <button type="submit">${msg('Post')}</button>
                </form>`}
            <button class="danger" @click=${() => this.#delete(m)}>${msg('Delete')}</button>
          </li>`,
        )}
      </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'portal-admin-maintenances': PortalAdminMaintenances;
  }
}
