/**
 * The read-only adapter for Atlassian Statuspage pages (and a Hansei server's `/api/v2`
 * documents or static export).
 */
export { StatuspageAdapter, type StatuspageAdapterOptions, type StatuspageSnapshot } from './statuspage-adapter.js';
