/**
 * @hansei/core: the domain of the incident-learning loop. Types, enums, validation schemas and
 * pure logic; no DOM and no I/O, so the server and every browser share it.
 */
export * from './domain.js';
export * from './time.js';
export * from './status.js';
export * from './statuspage.js';
export * from './uptime.js';
export * from './metrics.js';
export * from './prevention.js';
export * from './prevention-board.js';
export * from './rank.js';
export * from './slo.js';
export * from './guideline.js';
export * from './schemas.js';
export * from './validate.js';
export * from './demo.js';
export * from './answers.js';
export * from './incident-rules.js';
export * from './postmortem-rules.js';
export * from './postmortem-templates.js';
export * from './postmortem-template-library.js';
export * from './incident-templates.js';
export * from './incident-template-library.js';
export * from './blame.js';
export * from './five-whys.js';
export * from './postmortem-words.js';
export * from './markdown-escape.js';
export * from './postmortem-prefill.js';
export * from './postmortem-markdown.js';
export * from './postmortem-merge.js';
export * from './postmortem-search.js';
export * from './action-rules.js';
export * from './iso-week.js';
export * from './public-view.js';
export * from './requests.js';
export * from './markdown.js';
export * from './incident-writes.js';
export * from './maintenance-writes.js';
export * from './action-writes.js';
export * from './postmortem-writes.js';
export * from './insight-answers.js';
export * from './store-order.js';
