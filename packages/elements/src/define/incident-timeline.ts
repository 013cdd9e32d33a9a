/**
 * Registers `<hansei-incident-timeline>`. Importing this module is the side effect; importing it
 * twice (or alongside another copy that already registered the tag) is harmless.
 */
import { HanseiIncidentTimeline } from '../incident-timeline/incident-timeline.js';

export { HanseiIncidentTimeline };

if (!customElements.get('hansei-incident-timeline')) {
  customElements.define('hansei-incident-timeline', HanseiIncidentTimeline);
}
