#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startServer } from './server.js';

const USAGE = `Usage: hansei <command> [options]

Commands:
  serve     Run the API with the status page at / and the portal at /portal/
  help      Show this help

Options for serve:
  --port <n>     Port to listen on (default: $PORT or 3000)
  --host <addr>  Address to bind (default: $HOST or 127.0.0.1)
`;

export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** Runs the CLI with `argv` (without node and script); resolves with the exit code. */
export async function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [command = 'help', ...rest] = argv;
  if (command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (command !== 'serve') {
    process.stderr.write(`hansei: unknown command "${command}".\n\n${USAGE}`);
    return 2;
  }
  let values: { port?: string | undefined; host?: string | undefined };
  try {
    ({ values } = parseArgs({ args: [...rest], options: { port: { type: 'string' }, host: { type: 'string' } } }));
  } catch (error) {
    process.stderr.write(`hansei serve: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const portText = values.port ?? env['PORT'] ?? '3000';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) {
    process.stderr.write(`hansei serve: --port must be a whole number from 0 to 65535, not "${portText}".\n`);
    return 2;
  }
  const appsDir = fileURLToPath(new URL('../../', import.meta.url));
  const server = await startServer({
    port,
    host: values.host ?? env['HOST'] ?? '127.0.0.1',
    version: version(),
    statusPageDir: `${appsDir}status-page/dist`,
    portalDir: `${appsDir}portal/dist`,
  });
  process.stdout.write(`Hansei is running:\n  status page  ${server.url}/\n  portal       ${server.url}/portal/\n  API          ${server.url}/v1/health\n`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const code = await main(process.argv.slice(2));
  if (code !== 0) process.exit(code);
}
