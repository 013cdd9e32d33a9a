/**
 * Byte budgets: what a page pays, gzipped, for importing one entry of the kit with everything it
 * pulls in (bundled and minified as an app's bundler would). Deterministic, so CI enforces them.
 * Element figures include Lit (about 6 kB). Lazy imports (the Japanese translations, loaded when
 * a page switches to Japanese) are split off and reported beside, not counted.
 */
export interface Budget {
  /** What the entry is for. */
  readonly name: string;
  /** The module a page imports, relative to the repository root. */
  readonly entry: string;
  /** Most gzipped bytes allowed. */
  readonly maxGzip: number;
}

export const BUDGETS: readonly Budget[] = [
  {
    name: 'elements: hansei-status-badge, alone (Lit included)',
    entry: 'packages/elements/src/define/status-badge.ts',
    maxGzip: 9.5 * 1024,
  },
  {
    name: 'elements: hansei-provider, alone (Lit and @lit/context included)',
    entry: 'packages/elements/src/define/provider.ts',
    maxGzip: 12.5 * 1024,
  },
  {
    name: 'adapters: what the public status page imports (RestAdapter, status cache)',
    entry: 'packages/adapters/src/status.ts',
    maxGzip: 6 * 1024,
  },
];
