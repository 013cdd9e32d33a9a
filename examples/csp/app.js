// The page's only script, a file (the policy allows no inline script). One bundle with every
// element (all.js) and the demo adapter; replace MemoryAdapter with RestAdapter from adapters.js
// (and allow its origin in connect-src) to read a Hansei server.
import '../../packages/elements/dist/bundle/all.js';
import { MemoryAdapter } from '../../packages/elements/dist/bundle/memory.js';

document.querySelector('hansei-provider').adapter = new MemoryAdapter({ role: 'responder' });
