/** `<portal-admin-tokens>`: API tokens: who has which role, made here (the secret shown once), revoked here. */
import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { TOKEN_ROLES, type CreatedToken, type TokenRecord, type TokenRole } from '@hansei/core';
import { dateTime } from '../lib/format.js';
import { PortalView, problemText } from '../lib/view.js';
import { roleWord } from '../lib/words.js';
import { field } from '../lib/form.js';

@customElement('portal-admin-tokens')
export class PortalAdminTokens extends PortalView {
  @state() private tokens: readonly TokenRecord[] = [];
  @state() private created: CreatedToken | null = null;
  @state() private problem = '';
  @state() private busy = false;

  protected override async load(): Promise<void> {
    try {
      this.tokens = await this.api.listTokens();
    } catch (error) {
      this.problem = problemText(error);
    }
  }

  async #create(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    this.busy = true;
    this.problem = '';
    try {
      this.created = await this.api.createToken({ name: field(data, 'name'), role: field(data, 'role') as TokenRole });
      form.reset();
      await this.load();
    } catch (error) {
      this.problem = problemText(error);
    } finally {
      this.busy = false;
    }
  }

  async #revoke(token: TokenRecord): Promise<void> {
    if (!confirm(msg(str`Revoke "${token.name}"? Whoever uses it is signed out at once.`))) return;
    try {
      await this.api.revokeToken(token.id);
      await this.load();
    } catch (error) {
      this.problem = problemText(error);
    }
  }

  protected override render() {
    const { locale, timeZone } = this.settings;
    return html`<form class="toolbar" @submit=${this.#create}>
        <label class="field">${msg('What it is for')} <input name="name" required maxlength="100" /></label>
        <label class="field">${msg('Role')}
          <select name="role">${TOKEN_ROLES.map((r) => html`<option value=${r} ?selected=${r === 'responder'}>${roleWord(r)}</option>`)}</select>
        </label>
        <button class="primary" type="submit" ?disabled=${this.busy}>${msg('Create token')}</button>
      </form>
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
      ${this.created
        ? html`<div class="notice" role="status">
            <p>${msg(str`Token for "${this.created.name}". Copy it now: it is shown only this once.`)}</p>
            <p><code class="secret">${this.created.token}</code></p>
            <button @click=${() => void navigator.clipboard?.writeText(this.created?.token ?? '')}>${msg('Copy')}</button>
            <button @click=${() => (this.created = null)}>${msg('Done')}</button>
          </div>`
        : nothing}
      <table class="responsive">
        <thead>
          <tr><th scope="col">${msg('Name')}</th><th scope="col">${msg('Role')}</th><th scope="col">${msg('Created')}</th><th scope="col">${msg('Last used')}</th><th scope="col"><span class="vh">${msg('Actions')}</span></th></tr>
        </thead>
        <tbody>
          ${this.tokens.map(
            (t) => html`<tr>
              <td data-label=${msg('Name')}>${t.name}</td>
              <td data-label=${msg('Role')}>${roleWord(t.role)}</td>
              <td data-label=${msg('Created')}>${dateTime(t.createdAt, locale, timeZone)}</td>
              <td data-label=${msg('Last used')}>${t.lastUsedAt ? dateTime(t.lastUsedAt, locale, timeZone) : '—'}</td>
              <td>
                ${t.revokedAt
                  ? html`<span class="muted">${msg(str`Revoked ${dateTime(t.revokedAt, locale, timeZone)}`)}</span>`
                  : html`<button class="danger" @click=${() => this.#revoke(t)} aria-label=${msg(str`Revoke ${t.name}`)}>${msg('Revoke')}</button>`}
              </td>
            </tr>`,
          )}
        </tbody>
      </table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'portal-admin-tokens': PortalAdminTokens;
  }
}
