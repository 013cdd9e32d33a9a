/**
 * Registers `<hansei-maintenance-list>`. Importing this module is the side effect; importing it
 * twice (or alongside another copy that already registered the tag) is harmless.
 */
import { HanseiMaintenanceList } from '../maintenance-list/maintenance-list.js';

export { HanseiMaintenanceList };

if (!customElements.get('hansei-maintenance-list')) {
  customElements.define('hansei-maintenance-list', HanseiMaintenanceList);
}
