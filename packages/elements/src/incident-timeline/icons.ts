import { svg, type SVGTemplateResult } from 'lit';
import type { TimelineEventKind } from '@hansei/core';

/**
 * One drawing per kind of entry (16 x 16, stroked in `currentColor`), each a different shape, so
 * kinds are told apart without colour; the kind is also always written beside it.
 */
export const kindIcons: Readonly<Record<TimelineEventKind | 'update', SVGTemplateResult>> = {
  update: svg`<path d="M2.5 3h11v7.5h-6L4.5 13.5v-3h-2z"/>`,
  note: svg`<path d="M4 2.5h8v11H4zM6 5.5h4M6 8h4M6 10.5h2"/>`,
  detected: svg`<circle cx="8" cy="8" r="6"/><path d="M8 4.5v4M8 11v.5"/>`,
  acknowledged: svg`<path d="M3 8.5l3 3 7-7"/>`,
  status_changed: svg`<path d="M2.5 5.5h10l-2.5-2.5M13.5 10.5h-10L6 13"/>`,
  severity_changed: svg`<path d="M4.5 6.5L8 3l3.5 3.5M4.5 9.5L8 13l3.5-3.5"/>`,
  update_posted: svg`<path d="M2.5 6.5v3h2l6 3.5v-10l-6 3.5zM13 6v4"/>`,
  role_changed: svg`<circle cx="8" cy="5" r="2.5"/><path d="M3 13.5c0-2.8 2.2-4.5 5-4.5s5 1.7 5 4.5"/>`,
  component_changed: svg`<path d="M2.5 2.5h4.5V7H2.5zM9 2.5h4.5V7H9zM2.5 9h4.5v4.5H2.5zM9 9h4.5v4.5H9z"/>`,
  action: svg`<path d="M9 1.5L3.5 9H8l-1 5.5L12.5 7H8z"/>`,
  mitigated: svg`<path d="M8 1.5l5.5 2v4c0 3.5-2.5 6-5.5 7-3-1-5.5-3.5-5.5-7v-4z"/>`,
  resolved: svg`<circle cx="8" cy="8" r="6"/><path d="M5.3 8.2l1.9 1.9 3.6-3.8"/>`,
};

/** The drawing for a link. */
export const linkIcon = svg`<path d="M7 9a2.5 2.5 0 0 0 3.5 0l2.5-2.5A2.5 2.5 0 0 0 9.5 3L8.5 4M9 7a2.5 2.5 0 0 0-3.5 0L3 9.5A2.5 2.5 0 0 0 6.5 13l1-1"/>`;
