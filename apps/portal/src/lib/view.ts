/**
 * Base of the portal's views: the adapter and settings from `<hansei-provider>` (through
 * HanseiDataElement), the signed-in role, and helpers to navigate and to word errors.
 */
import type { PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { HanseiError, type HanseiAdapter } from '@hansei/adapters';
import type { OfflineAdapter } from '@hansei/adapters/offline';
import type { TokenRole } from '@hansei/core';
import { HanseiDataElement } from '@hansei/elements/internal/data-element.js';
import { mayAdminister, mayRespond } from '../connection.js';
import { viewStyles } from './styles.js';

/** `portal-navigate`: asks the shell to show another URL of the portal (history entry and all). */
export interface NavigateDetail {
  readonly href: string;
  /** Replace the current history entry instead of adding one (filters). */
  readonly replace?: boolean;
}

export class PortalView extends HanseiDataElement {
  static override styles = [HanseiDataElement.styles, viewStyles];

  /** The signed-in role (the shell sets it; `role` is the ARIA attribute). */
  @property({ attribute: false }) access: TokenRole | null = null;

  /** The adapter with the outbox (the provider's). */
  get api(): OfflineAdapter & HanseiAdapter {
    return this.source as OfflineAdapter & HanseiAdapter;
  }

  /** Reads the view's data; called when the adapter arrives or changes (views override it). */
  protected load(): void | Promise<void> {}

  protected override willUpdate(changed: PropertyValues): void {
    if ((changed.has('providedAdapter') || changed.has('adapter')) && this.source) void this.load();
  }

  get canRespond(): boolean {
    return mayRespond(this.access);
  }

  get canAdminister(): boolean {
    return mayAdminister(this.access);
  }

  /** Shows `href` (a portal URL) through the shell's router. */
  navigate(href: string, replace = false): void {
    this.dispatchEvent(new CustomEvent<NavigateDetail>('portal-navigate', { detail: { href, replace }, bubbles: true, composed: true }));
  }
}

/** An error in words a person can act on. */
export function problemText(error: unknown): string {
  if (error instanceof HanseiError) {
    switch (error.kind) {
      case 'forbidden':
        return msg('Your role cannot do this. Ask an admin for a responder or admin token.');
      case 'unauthorized':
        return msg('The server no longer accepts your token. Sign in again.');
      case 'not_found':
        return msg('It no longer exists, or it never did.');
      case 'network':
      case 'timeout':
      case 'unavailable':
        return msg('The server cannot be reached. Check your connection and try again.');
      case 'conflict':
        return msg('Someone else changed it first. Reload to see their change, then make yours again.');
      case 'validation':
        return error.fieldErrors.length ? error.fieldErrors.map((f) => `${f.path}: ${f.message}`).join(' · ') : error.message;
      default:
        return error.message;
    }
  }
  return error instanceof Error ? error.message : String(error);
}

declare global {
  interface HTMLElementEventMap {
    'portal-navigate': CustomEvent<NavigateDetail>;
  }
}
