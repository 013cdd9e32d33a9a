/**
 * The status page's script: the page is complete without it (server-rendered, declarative shadow
 * DOM); with it, the page
 * - shows times in the visitor's time zone (times.ts),
 * - follows live changes over Server-Sent Events and swaps in the server's fresh HTML, no reload
 *   (live.ts),
 * - says "Last known status as of <time>" while the API cannot be reached, and keeps showing it,
 * - attaches declarative shadow roots itself in browsers that do not (before 2023-24).
 *
 * No element code and no Lit: a few kilobytes, so the page stays light (see bench/status-page).
 */
import { attachShadowRoots } from './dom.js';
import { startLive } from './live.js';
import { localiseTimes } from './times.js';

attachShadowRoots(document);
localiseTimes(document);
startLive();
