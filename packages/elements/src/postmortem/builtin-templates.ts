/**
 * The kit's built-in postmortem templates, loaded on demand (see load.ts): the element needs them
 * only when its adapter has no templates to give, so they stay out of its first bytes.
 */
export { BUILT_IN_POSTMORTEM_TEMPLATES } from '@hansei/core';
