/**
 * The REST adapter: {@link RestAdapter} talks to the Hansei REST API (apps/api or any server
 * implementing docs/contract.md). Import it alone to keep a page small: nothing here pulls in
 * valibot or an OpenAPI client; the contract's types (openapi.ts) exist only at compile time.
 */
export { RestAdapter } from './rest-adapter.js';
export { RestStatusAdapter, type RestAdapterOptions } from './rest-status-adapter.js';
export type { HttpOptions, RetryOptions } from './http.js';
export { eventStreamParser, type LiveOptions, type PageLifecycle, type StreamEvent } from './sse.js';
