/**
 * Registers `<hansei-component-list>`. Importing this module is the side effect; importing it
 * twice (or alongside another copy that already registered the tag) is harmless.
 */
import { HanseiComponentList } from '../component-list/component-list.js';

export { HanseiComponentList };

if (!customElements.get('hansei-component-list')) {
  customElements.define('hansei-component-list', HanseiComponentList);
}
