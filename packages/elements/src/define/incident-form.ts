/**
 * Registers `<hansei-incident-form>`. Importing this module is the side effect; importing it twice
 * (or alongside another copy that already registered the tag) is harmless.
 */
import { HanseiIncidentForm } from '../incident-form/incident-form.js';

export { HanseiIncidentForm };

if (!customElements.get('hansei-incident-form')) {
  customElements.define('hansei-incident-form', HanseiIncidentForm);
}
