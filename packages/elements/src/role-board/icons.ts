/** The role board's icons (drawn in a 16 x 16 box; colours come from the styles). */
import { svg } from 'lit';

/** A required role nobody holds. */
export const warningIcon = svg`<path d="M8 .6c.5 0 .9.3 1.2.7l6.4 11.6c.5.9-.1 2-1.2 2H1.6c-1 0-1.7-1.1-1.2-2L6.8 1.3C7.1.9 7.5.6 8 .6z" class="shape"></path><path d="M8 5.4v3.8" class="glyph"></path><circle cx="8" cy="12" r="1.05" class="dot"></circle>`;

/** The handle of a person who can be dragged. */
export const gripIcon = svg`<circle cx="5.5" cy="3.5" r="1.2"></circle><circle cx="10.5" cy="3.5" r="1.2"></circle><circle cx="5.5" cy="8" r="1.2"></circle><circle cx="10.5" cy="8" r="1.2"></circle><circle cx="5.5" cy="12.5" r="1.2"></circle><circle cx="10.5" cy="12.5" r="1.2"></circle>`;
