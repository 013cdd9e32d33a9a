import { LitElement, type CSSResultGroup } from 'lit';
import { updateWhenLocaleChanges } from '@lit/localize';
import { themeTokens } from './theme.js';

/**
 * Base class of every Hansei element: the shared theme tokens (see `theme.ts`) and re-rendering
 * when the kit's locale changes (see `setLocale`). Not registered and not meant to be used alone.
 */
export class HanseiElement extends LitElement {
  static override styles: CSSResultGroup = [themeTokens];

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }
}
