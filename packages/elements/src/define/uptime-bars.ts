/**
 * Registers `<hansei-uptime-bars>`. Importing this module is the side effect; importing it twice
 * (or alongside another copy that already registered the tag) is harmless.
 */
import { HanseiUptimeBars } from '../uptime-bars/uptime-bars.js';

export { HanseiUptimeBars };

if (!customElements.get('hansei-uptime-bars')) {
  customElements.define('hansei-uptime-bars', HanseiUptimeBars);
}
