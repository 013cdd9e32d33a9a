/**
 * An empty PGlite cluster, initialised once per machine and PGlite version and kept as a tar in
 * the temp folder: each suite's in-memory database loads it (about 1.4 s here) instead of running
 * PGlite's initdb again (about 3.4 s). Written to a temp name and renamed, so test processes
 * starting together never read half a file; one that cannot be loaded is made again.
 */
import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Database } from '../db/database.js';
import { openPglite } from '../db/pglite.js';

/** The template's file: named after the PGlite build it was made by (its path holds the version). */
function templateFile(): string {
  const build = realpathSync(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  return join(tmpdir(), `hansei-pglite-${createHash('sha256').update(build).digest('hex').slice(0, 16)}.tar`);
}

async function makeTemplate(file: string): Promise<Blob> {
  const pg = await PGlite.create();
  const dump = await pg.dumpDataDir('none');
  await pg.close();
  const temp = `${file}.${process.pid}.${Date.now()}`;
  await writeFile(temp, Buffer.from(await dump.arrayBuffer()));
  await rename(temp, file);
  return dump;
}

let template: Promise<Blob> | undefined;

function loadTemplate(): Promise<Blob> {
  template ??= (async () => {
    const file = templateFile();
    try {
      return new Blob([await readFile(file)]);
    } catch {
      return makeTemplate(file);
    }
  })();
  return template;
}

/** A fresh, empty in-memory PGlite database, started from the machine's template. */
export async function openTemplatePglite(): Promise<Database> {
  try {
    return await openPglite(undefined, await loadTemplate());
  } catch {
    // A template another PGlite build made, or a damaged file: made again from scratch.
    template = makeTemplate(templateFile());
    return openPglite(undefined, await template);
  }
}
