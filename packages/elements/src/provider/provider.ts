import { html, css, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import { can, type HanseiAdapter, type StatusAdapter } from '@hansei/adapters';
import { DEFAULT_SEVERITY_GUIDELINE, type Person, type SeverityGuideline } from '@hansei/core';
import { adapterContext, attachContextRoot, settingsContext, type HanseiSettings } from '../internal/context.js';
import { HanseiElement } from '../internal/hansei-element.js';
import { getLocale, resolveLocale, setLocale } from '../internal/localization.js';

/** The viewer's own time zone. */
function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * The context root of a Hansei page: gives every Hansei element inside it the adapter, the
 * locale, the time zone, the severity guideline and the current person. It renders its children
 * as they are (`display: contents`), so it can wrap anything, in Lit or in plain HTML.
 *
 * ```html
 * <hansei-provider lang="ja" time-zone="Asia/Tokyo">
 *   <hansei-incident-form></hansei-incident-form>
 * </hansei-provider>
 * <script type="module">
 *   document.querySelector('hansei-provider').adapter = new RestAdapter({ baseUrl: '/' });
 * </script>
 * ```
 *
 * When no `guideline` is set, it reads the organisation's from the adapter (when the adapter
 * can read settings) and uses core's default SEV1-SEV4 until then, or when that fails.
 *
 * @tag hansei-provider
 * @summary Gives the Hansei elements inside it their adapter, locale, time zone and guideline.
 *
 * @slot - The page or the elements to provide for.
 *
 * @event hansei-provider-error - The adapter could not give the severity guideline; `detail.error` says why. The default stays in use.
 */
export class HanseiProvider extends HanseiElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /**
   * The adapter every element inside reads and writes through: a full `HanseiAdapter`, or a
   * status-only one (`StatusAdapter`) for a page that only shows status.
   */
  @property({ attribute: false }) adapter: HanseiAdapter | StatusAdapter | undefined;

  /**
   * The language of the elements inside (`en` or `ja`; other tags fall back to English). Set
   * with the standard `lang` attribute; the kit's locale follows it.
   */
  @property({ reflect: true }) override lang = '';

  /** IANA time zone for dates and times; the viewer's by default. */
  @property({ attribute: 'time-zone' }) timeZone = '';

  /** The severity guideline to use instead of the adapter's. */
  @property({ attribute: false }) guideline: SeverityGuideline | undefined;

  /** The person using the kit. */
  @property({ attribute: false }) person: Person | null = null;

  @state() private loadedGuideline: SeverityGuideline | undefined;

  readonly #adapter = new ContextProvider(this, { context: adapterContext });
  readonly #settings = new ContextProvider(this, { context: settingsContext });
  #guidelineRequest = 0;

  constructor() {
    super();
    attachContextRoot();
  }

  /** The settings the elements inside receive now. */
  get settings(): HanseiSettings {
    return {
      locale: this.lang ? resolveLocale(this.lang) : getLocale(),
      timeZone: this.timeZone || viewerTimeZone(),
      guideline: this.guideline ?? this.loadedGuideline ?? DEFAULT_SEVERITY_GUIDELINE,
      person: this.person,
    };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('adapter')) {
      this.#adapter.setValue(this.adapter);
      void this.#loadGuideline();
    }
    if (changed.has('lang') && this.lang) void setLocale(this.lang);
    this.#settings.setValue(this.settings);
  }

  async #loadGuideline(): Promise<void> {
    const request = ++this.#guidelineRequest;
    this.loadedGuideline = undefined;
    const adapter = this.adapter;
    if (!adapter || !can(adapter, 'settings') || !('getSeverityGuideline' in adapter)) return;
    try {
      const guideline = await adapter.getSeverityGuideline();
      if (request === this.#guidelineRequest) this.loadedGuideline = guideline;
    } catch (error) {
      if (request !== this.#guidelineRequest) return;
      this.dispatchEvent(new CustomEvent('hansei-provider-error', { detail: { error }, bubbles: true, composed: true }));
    }
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hansei-provider': HanseiProvider;
  }
  interface HTMLElementEventMap {
    'hansei-provider-error': CustomEvent<{ error: unknown }>;
  }
}
