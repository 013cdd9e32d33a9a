/**
 * Registers `<hansei-role-board>`. Importing this module is the side effect; importing it twice
 * (or alongside another copy that already registered the tag) is harmless.
 */
import { HanseiRoleBoard } from '../role-board/role-board.js';

export { HanseiRoleBoard };

if (!customElements.get('hansei-role-board')) {
  customElements.define('hansei-role-board', HanseiRoleBoard);
}
