/**
 * Registers `<hansei-incident-feed>`. Importing this module is the side effect; importing it twice
 * (or alongside another copy that already registered the tag) is harmless.
 */
import { HanseiIncidentFeed } from '../incident-feed/incident-feed.js';

export { HanseiIncidentFeed };

if (!customElements.get('hansei-incident-feed')) {
  customElements.define('hansei-incident-feed', HanseiIncidentFeed);
}
