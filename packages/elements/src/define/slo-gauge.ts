/**
 * Registers `<hansei-slo-gauge>`. Importing this module is the side effect; importing it twice
 * (or alongside another copy that already registered the tag) is harmless.
 */
import { HanseiSloGauge } from '../slo-gauge/slo-gauge.js';

export { HanseiSloGauge };

if (!customElements.get('hansei-slo-gauge')) {
  customElements.define('hansei-slo-gauge', HanseiSloGauge);
}
