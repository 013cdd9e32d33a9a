/**
 * `<portal-outbox>`: the writes made offline that wait to be sent, and the ones the server
 * refused (someone else changed the same thing first, or the input is no longer valid). A
 * conflict shows, field by field, what you wrote beside what the server has now, and lets the
 * person choose: send theirs away (discard mine), or apply mine on top of theirs.
 */
import { html, css, nothing } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { WRITES, type Outbox, type OutboxEntry } from '@hansei/adapters/offline';
import { HanseiElement } from '@hansei/elements/internal/hansei-element.js';
import { viewStyles } from '../lib/styles.js';
import { problemText } from '../lib/view.js';
import { conflictRows, describeWrite, rebased } from './outbox-model.js';

/**
 * @event close - The person closed the panel.
 */
@customElement('portal-outbox')
export class PortalOutbox extends HanseiElement {
  static override styles = [
    HanseiElement.styles,
    viewStyles,
    css`
      dialog {
        max-inline-size: min(48rem, 100vw - 1rem);
        inline-size: 100%;
        border: 1px solid var(--_hansei-color-border);
        border-radius: 10px;
        background: var(--_hansei-color-surface);
        color: inherit;
        padding: 1rem;
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 40%);
      }
      .entry {
        margin-block-end: 0.75rem;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        margin-block-start: 0.5rem;
      }
      code {
        white-space: pre-wrap;
        word-break: break-word;
      }
    `,
  ];

  @property({ attribute: false }) outbox: Outbox | undefined;
  @property({ attribute: false }) entries: readonly OutboxEntry[] = [];
  @property({ attribute: false }) problem = '';

  @query('dialog') private dialog!: HTMLDialogElement;

  protected override firstUpdated(): void {
    this.dialog.showModal();
  }

  #close(): void {
    this.dialog.close();
  }

  async #act(work: () => Promise<unknown>): Promise<void> {
    this.problem = '';
    try {
      await work();
    } catch (error) {
      this.problem = problemText(error);
    }
  }

  protected override render() {
    const outbox = this.outbox;
    return html`<dialog aria-labelledby="outbox-title" @close=${() => this.dispatchEvent(new Event('close'))}>
      <div class="head">
        <h2 id="outbox-title">${msg('Outbox')}</h2>
        <button @click=${() => this.#close()}>${msg('Close')}</button>
      </div>
      <p class="muted">${msg('Changes made while the server could not be reached. They are sent in the order you made them when the connection returns.')}</p>
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
      ${this.entries.length === 0 ? html`<p>${msg('Nothing waits: every change has reached the server.')}</p>` : nothing}
      <ol class="plain">
        ${this.entries.map((entry) => this.#renderEntry(entry, outbox))}
      </ol>
      ${outbox && this.entries.some((e) => e.state === 'pending')
        ? html`<button class="primary" @click=${() => this.#act(() => outbox.flush())}>${msg('Send now')}</button>`
        : nothing}
    </dialog>`;
  }

  #renderEntry(entry: OutboxEntry, outbox: Outbox | undefined) {
    const what = describeWrite(entry);
    const conflict = entry.state === 'failed' && entry.error?.kind === 'conflict';
    const rows = conflict ? conflictRows(entry) : [];
    const canRebase = conflict && WRITES[entry.method].startsWith('v') && rebased(entry) !== null;
    return html`<li class="card entry" data-state=${entry.state}>
      <strong>${what}</strong>
      <span class="badge">${entry.state === 'pending' ? msg('Waiting') : msg('Needs you')}</span>
      <p class="muted">${msg(str`Made ${entry.queuedAt.toLocaleString()}`)}</p>
      ${entry.error && entry.state === 'failed' ? html`<p class="error">${problemText(entry.error)}</p>` : nothing}
      ${rows.length
        ? html`<table class="responsive">
            <caption class="vh">${msg('Your change beside the server now')}</caption>
            <thead>
              <tr><th scope="col">${msg('Field')}</th><th scope="col">${msg('Yours')}</th><th scope="col">${msg('On the server now')}</th></tr>
            </thead>
            <tbody>
              ${rows.map(
                (row) =>
                  html`<tr>
                    <th scope="row">${row.field}</th>
                    <td data-label=${msg('Yours')}><code>${row.mine}</code></td>
                    <td data-label=${msg('On the server now')}><code>${row.theirs}</code></td>
                  </tr>`,
              )}
            </tbody>
          </table>`
        : nothing}
      ${outbox && entry.state === 'failed'
        ? html`<div class="actions">
            ${canRebase
              ? html`<button class="primary" @click=${() => this.#act(() => outbox.resolve(entry.id, 'retry-with', rebased(entry) as never))}>
                  ${msg('Apply mine on top of theirs')}
                </button>`
              : html`<button @click=${() => this.#act(() => outbox.resolve(entry.id, 'retry-with'))}>${msg('Try again')}</button>`}
            <button class="danger" @click=${() => this.#act(() => outbox.resolve(entry.id, 'discard'))}>${msg('Discard mine, keep theirs')}</button>
          </div>`
        : nothing}
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'portal-outbox': PortalOutbox;
  }
}
