/**
 * Byte budgets: what a page pays, gzipped, for importing one entry of the kit with everything it
 * pulls in (bundled and minified as an app's bundler would). Deterministic, so CI enforces them.
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
    name: 'adapters: what the public status page imports (RestAdapter, status cache)',
    entry: 'packages/adapters/src/status.ts',
    maxGzip: 6 * 1024,
  },
];
