import { createAdaptorServer } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createApp, type AppOptions } from './http/app.js';

export interface ServerOptions extends AppOptions {
  readonly port: number;
  readonly host: string;
}

export interface RunningServer {
  /** Base URL, e.g. `http://127.0.0.1:3000`. */
  readonly url: string;
  /**
   * Stops accepting connections, lets requests in flight finish for up to `graceMs` (default
   * 5 s), then closes whatever is left (event streams).
   */
  close(graceMs?: number): Promise<void>;
}

/** Starts the HTTP server; port 0 picks a free port. */
export function startServer(options: ServerOptions): Promise<RunningServer> {
  const app = createApp(options);
  const server = createAdaptorServer({ fetch: app.fetch });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      const { port } = server.address() as AddressInfo;
      const host = options.host.includes(':') ? `[${options.host}]` : options.host;
      resolve({
        url: `http://${host}:${port}`,
        close: (graceMs = 5_000) =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            if (!('closeAllConnections' in server)) return;
            server.closeIdleConnections();
            if (graceMs <= 0) server.closeAllConnections();
            else setTimeout(() => server.closeAllConnections(), graceMs).unref();
          }),
      });
    });
  });
}
