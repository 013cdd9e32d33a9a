/**
 * Registers `<hansei-postmortem>`. Importing this module is the side effect; importing it twice
 * (or alongside another copy that already registered the tag) is harmless.
 */
import { HanseiPostmortem } from '../postmortem/postmortem.js';

export { HanseiPostmortem };

if (!customElements.get('hansei-postmortem')) {
  customElements.define('hansei-postmortem', HanseiPostmortem);
}
