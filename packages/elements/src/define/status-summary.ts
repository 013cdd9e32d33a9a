/**
 * Registers `<hansei-status-summary>`. Importing this module is the side effect; importing it
 * twice (or alongside another copy that already registered the tag) is harmless.
 */
import { HanseiStatusSummary } from '../status-summary/status-summary.js';

export { HanseiStatusSummary };

if (!customElements.get('hansei-status-summary')) {
  customElements.define('hansei-status-summary', HanseiStatusSummary);
}
