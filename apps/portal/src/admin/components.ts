/**
 * `<portal-admin-components>`: the components of the status page and their groups: add, rename,
 * regroup, reorder, show or hide, set a status by hand, delete. Every change carries the version
 * it was made on, so an edit made elsewhere in between is reported, never overwritten.
 */
import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { COMPONENT_STATUSES, type Component, type ComponentGroup, type ComponentStatus, type Stored } from '@hansei/core';
import { componentStatusWords } from '@hansei/elements/internal/status-words.js';
import { PortalView, problemText } from '../lib/view.js';
import { changedFields } from './patch.js';
import { field } from '../lib/form.js';

@customElement('portal-admin-components')
export class PortalAdminComponents extends PortalView {
  @state() private components: readonly Stored<Component>[] = [];
  @state() private groups: readonly Stored<ComponentGroup>[] = [];
  @state() private problem = '';
  @state() private saved = '';

  protected override async load(): Promise<void> {
    try {
      [this.components, this.groups] = await Promise.all([this.api.listComponents(), this.api.listComponentGroups()]);
    } catch (error) {
      this.problem = problemText(error);
    }
  }

  async #run(work: () => Promise<unknown>, done: string): Promise<void> {
    this.problem = '';
    this.saved = '';
    try {
      await work();
      this.saved = done;
    } catch (error) {
      this.problem = problemText(error);
    }
    await this.load();
  }

  #componentInput(data: FormData) {
    const group = field(data, 'groupId');
    return {
      name: field(data, 'name'),
      description: field(data, 'description') || null,
      groupId: group || null,
      status: field(data, 'status') as ComponentStatus,
      position: Number(data.get('position') ?? 0),
      showcase: data.get('showcase') === 'on',
      onlyShowIfDegraded: data.get('onlyShowIfDegraded') === 'on',
    };
  }

  #saveComponent(event: SubmitEvent, component: Stored<Component>): void {
    event.preventDefault();
    const patch = changedFields(component, this.#componentInput(new FormData(event.currentTarget as HTMLFormElement)));
    if (!patch) return;
    void this.#run(() => this.api.updateComponent(component.id, patch, component.version), msg(str`Saved ${component.name}.`));
  }

  #addComponent(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const { position: _p, ...input } = this.#componentInput(new FormData(form));
    void this.#run(async () => {
      await this.api.createComponent(input);
      form.reset();
    }, msg(str`Added ${input.name}.`));
  }

  #deleteComponent(component: Stored<Component>): void {
    if (!confirm(msg(str`Delete "${component.name}"? Its uptime history goes with it.`))) return;
    void this.#run(() => this.api.deleteComponent(component.id, component.version), msg(str`Deleted ${component.name}.`));
  }

  #saveGroup(event: SubmitEvent, group: Stored<ComponentGroup>): void {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const patch = changedFields(group, {
      name: field(data, 'name'),
      description: field(data, 'description') || null,
      position: Number(data.get('position') ?? 0),
    });
    if (!patch) return;
    void this.#run(() => this.api.updateComponentGroup(group.id, patch, group.version), msg(str`Saved ${group.name}.`));
  }

  #addGroup(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const name = field(data, 'name');
    void this.#run(async () => {
      await this.api.createComponentGroup({ name, description: field(data, 'description') || null });
      form.reset();
    }, msg(str`Added ${name}.`));
  }

  #deleteGroup(group: Stored<ComponentGroup>): void {
    if (!confirm(msg(str`Delete the group "${group.name}"? Its components stay, without a group.`))) return;
    void this.#run(() => this.api.deleteComponentGroup(group.id, group.version), msg(str`Deleted ${group.name}.`));
  }

  protected override render() {
    return html`${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
      <p class="vh" role="status">${this.saved}</p>
      <h3>${msg('Components')}</h3>
      <ul class="plain">
        ${this.components.map((c) => html`<li class="card">${this.#componentForm(c)}</li>`)}
      </ul>
      <h3>${msg('Add a component')}</h3>
      <div class="card">${this.#componentForm(null)}</div>
      <h3>${msg('Groups')}</h3>
      <ul class="plain">
        ${this.groups.map(
          (g) => html`<li class="card">
            <form class="toolbar" @submit=${(e: SubmitEvent) => this.#saveGroup(e, g)} aria-label=${g.name}>
              <label class="field">${msg('Name')} <input name="name" required .value=${g.name} /></label>
              <label class="field">${msg('Description')} <input name="description" .value=${g.description ?? ''} /></label>
              <label class="field">${msg('Position')} <input name="position" type="number" min="0" .value=${String(g.position)} size="4" /></label>
              <button type="submit">${msg('Save')}</button>
              <button type="button" class="danger" @click=${() => this.#deleteGroup(g)}>${msg('Delete')}</button>
            </form>
          </li>`,
        )}
      </ul>
      <h3>${msg('Add a group')}</h3>
      <form class="toolbar card" @submit=${this.#addGroup}>
        <label class="field">${msg('Name')} <input name="name" required /></label>
        <label class="field">${msg('Description')} <input name="description" /></label>
        <button class="primary" type="submit">${msg('Add group')}</button>
      </form>`;
  }

  #componentForm(c: Stored<Component> | null) {
    const submit = (e: SubmitEvent) => (c ? this.#saveComponent(e, c) : this.#addComponent(e));
    return html`<form class="toolbar" @submit=${submit} aria-label=${c?.name ?? msg('New component')}>
      <label class="field">${msg('Name')} <input name="name" required .value=${c?.name ?? ''} /></label>
      <label class="field">${msg('Description')} <input name="description" .value=${c?.description ?? ''} /></label>
      <label class="field">${msg('Group')}
        <select name="groupId">
          <option value="" ?selected=${!c?.groupId}>${msg('No group')}</option>
          ${this.groups.map((g) => html`<option value=${g.id} ?selected=${c?.groupId === g.id}>${g.name}</option>`)}
        </select>
      </label>
      <label class="field">${msg('Status')}
        <select name="status">
          ${COMPONENT_STATUSES.map((s) => html`<option value=${s} ?selected=${(c?.status ?? 'operational') === s}>${componentStatusWords(s)}</option>`)}
        </select>
      </label>
      ${c ? html`<label class="field">${msg('Position')} <input name="position" type="number" min="0" .value=${String(c.position)} size="4" /></label>` : nothing}
      <label class="check"><input type="checkbox" name="showcase" ?checked=${c?.showcase ?? true} /> ${msg('On the status page')}</label>
      <label class="check"><input type="checkbox" name="onlyShowIfDegraded" ?checked=${c?.onlyShowIfDegraded ?? false} /> ${msg('Only when degraded')}</label>
      ${c
        ? html`<button type="submit">${msg('Save')}</button>
            <button type="button" class="danger" @click=${() => this.#deleteComponent(c)}>${msg('Delete')}</button>`
        : html`<button class="primary" type="submit">${msg('Add component')}</button>`}
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'portal-admin-components': PortalAdminComponents;
  }
}
