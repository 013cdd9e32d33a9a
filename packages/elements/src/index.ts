/**
 * @hansei/elements: the Hansei custom elements. This entry point exports the classes and helpers
 * and registers nothing; register a tag by importing `@hansei/elements/define/<name>.js`.
 */
export { HanseiElement } from './internal/hansei-element.js';
export { getLocale, resolveLocale, setLocale } from './internal/localization.js';
export { HanseiStatusBadge } from './status-badge/status-badge.js';
export { HanseiProvider } from './provider/provider.js';
export { HanseiDataElement } from './internal/data-element.js';
export { adapterContext, settingsContext, type HanseiSettings } from './internal/context.js';
