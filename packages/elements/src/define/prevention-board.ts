/**
 * Registers `<hansei-prevention-board>`. Importing this module is the side effect; importing it
 * twice (or alongside another copy that already registered the tag) is harmless.
 */
import { HanseiPreventionBoard } from '../prevention-board/prevention-board.js';

export { HanseiPreventionBoard };

if (!customElements.get('hansei-prevention-board')) {
  customElements.define('hansei-prevention-board', HanseiPreventionBoard);
}
