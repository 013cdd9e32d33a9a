/**
 * @hansei/core: the domain of the incident-learning loop. Types, enums, validation schemas and
 * pure logic; no DOM and no I/O, so the server and every browser share it.
 */
export * from './domain.js';
export * from './time.js';
