import { html, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { msg } from '@lit/localize';
import type { HanseiAdapter, StatusAdapter } from '@hansei/adapters';
import { DEFAULT_SEVERITY_GUIDELINE } from '@hansei/core';
import { adapterContext, attachContextRoot, settingsContext, type HanseiSettings } from './context.js';
import { HanseiElement } from './hansei-element.js';
import { getLocale } from './localization.js';

/** The settings of elements without a provider (see `settings`). */
let defaults: HanseiSettings | undefined;

/**
 * Base class of the elements that show or change data: their adapter is their own `adapter`
 * property when set, else the one of the nearest `<hansei-provider>`; their settings (time zone,
 * guideline, person) come from the provider, or sensible defaults without one.
 */
export class HanseiDataElement extends HanseiElement {
  /** The adapter to use instead of the provider's (for an element embedded on its own). */
  @property({ attribute: false }) adapter: HanseiAdapter | undefined;

  @consume({ context: adapterContext, subscribe: true })
  @state()
  protected providedAdapter: StatusAdapter | undefined;

  @consume({ context: settingsContext, subscribe: true })
  @state()
  protected providedSettings: HanseiSettings | undefined;

  constructor() {
    super();
    attachContextRoot();
  }

  /**
   * The adapter in use: the element's own, else the provider's; undefined when it has none. A
   * provider may hold a status-only adapter: its capabilities then name no other area, and
   * elements call only what the capabilities declare.
   */
  get source(): HanseiAdapter | undefined {
    return this.adapter ?? (this.providedAdapter as HanseiAdapter | undefined);
  }

  /** The settings in use: the provider's, else the page's locale, the viewer's time zone, core's guideline. */
  get settings(): HanseiSettings {
    if (this.providedSettings) return this.providedSettings;
    const locale = getLocale();
    // Asked often (per row of a long list): the same object while the locale stays.
    if (defaults?.locale !== locale) {
      defaults = { locale, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone, guideline: DEFAULT_SEVERITY_GUIDELINE, person: null };
    }
    return defaults;
  }

  /** What an element shows instead of its content when it has no adapter: says so and how to fix it. */
  protected renderMissingAdapter(): TemplateResult {
    return html`<p part="missing-adapter" role="note">
      ${msg('No data source: place this element inside <hansei-provider> or set its adapter property.', {
        desc: 'Shown by an element that has no adapter to read from',
      })}
    </p>`;
  }
}
