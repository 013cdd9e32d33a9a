/**
 * Registers `<hansei-status-badge>`. Importing this module is the side effect; importing it twice
 * (or alongside another copy that already registered the tag) is harmless.
 */
import { HanseiStatusBadge } from '../status-badge/status-badge.js';

export { HanseiStatusBadge };

if (!customElements.get('hansei-status-badge')) {
  customElements.define('hansei-status-badge', HanseiStatusBadge);
}
