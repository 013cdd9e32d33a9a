/**
 * The shared behavioural suite (Lion-style shared tests): one set of node:test cases that every
 * full `HanseiAdapter` must pass, run against `MemoryAdapter` and against `RestAdapter` talking
 * to a live reference server, so the two cannot drift. It pins behaviour, not implementation:
 * seeded lists and their order, what anonymous readers see, every write and its effects,
 * versions and conflicts, validation paths, roles, pagination, idempotent creates, live changes.
 *
 * The target must hold `demoDataset({ now: TEST_NOW })` (seed 1) and nothing else, with its
 * clock at TEST_NOW. Cases run in order on one target: the seeded reads first, then writes that
 * make their own data.
 *
 * @example
 * ```ts
 * adapterSuite('MemoryAdapter', () => {
 *   let now = TEST_NOW;
 *   const admin = new MemoryAdapter({ now: () => now, dataset: demoDataset({ now: TEST_NOW }) });
 *   return { adapter: (role) => admin.as(role), setNow: (ms) => (now = ms), close: () => {} };
 * });
 * ```
 */
import { after, afterEach, before, describe } from 'node:test';
import { accessAndValidation } from './access.js';
import { TEST_NOW, suiteContext, type SuiteTarget } from './helpers.js';
import { incidentWork } from './incidents.js';
import { learningLoop } from './learning.js';
import { postmortemLibrary } from './library.js';
import { liveChanges } from './live.js';
import { maintenancesAndComponents } from './maintenances.js';
import { seededReads } from './seeded.js';
import { templates } from './templates.js';

/** Runs the suite against the target `setup` gives (called once, before the first case). */
export function adapterSuite(name: string, setup: () => SuiteTarget | Promise<SuiteTarget>): void {
  describe(`HanseiAdapter behaviour: ${name}`, () => {
    const ctx = suiteContext();
    before(async () => {
      ctx.target = await setup();
      ctx.admin = ctx.target.adapter('admin');
      ctx.responder = ctx.target.adapter('responder');
      ctx.viewer = ctx.target.adapter('viewer');
      ctx.anon = ctx.target.adapter(null);
    });
    after(async () => {
      await ctx.target?.close();
    });
    afterEach(() => {
      ctx.target?.setNow?.(TEST_NOW);
    });
    seededReads(ctx);
    accessAndValidation(ctx);
    incidentWork(ctx);
    maintenancesAndComponents(ctx);
    learningLoop(ctx);
    postmortemLibrary(ctx);
    templates(ctx);
    liveChanges(ctx);
  });
}
