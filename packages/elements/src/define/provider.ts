/**
 * Registers `<hansei-provider>`. Importing this module is the side effect; importing it twice
 * (or alongside another copy that already registered the tag) is harmless.
 */
import { HanseiProvider } from '../provider/provider.js';

export { HanseiProvider };

if (!customElements.get('hansei-provider')) {
  customElements.define('hansei-provider', HanseiProvider);
}
