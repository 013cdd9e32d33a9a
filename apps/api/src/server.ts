import { createAdaptorServer } from '@hono/node-server';
import type { Hono } from 'hono';
import type { AddressInfo } from 'node:net';
import { createApp, type AppOptions } from './http/app.js';
import { closePublic } from './public/index.js';

export interface ServerOptions extends AppOptions {
  readonly port: number;
  readonly host: string;
}

export interface RunningServer {
  /** The application being served. */
  readonly app: Hono;
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
  let inFlight = 0;
  server.on('request', (_request: unknown, response: { once(event: 'close', listener: () => void): void }) => {
    inFlight++;
    response.once('close', () => inFlight--);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      const { port } = server.address() as AddressInfo;
      const host = options.host.includes(':') ? `[${options.host}]` : options.host;
      resolve({
        app,
        url: `http://${host}:${port}`,
        close: async (graceMs = 5_000) => {
          const closed = new Promise<void>((done, fail) => server.close((error) => (error ? fail(error) : done())));
          // Event streams end first (they never finish by themselves), then requests in flight.
          await closePublic(app);
          if ('closeAllConnections' in server) {
            server.closeIdleConnections();
            const deadline = Date.now() + graceMs;
            while (inFlight > 0 && Date.now() < deadline) {
              await new Promise((wait) => setTimeout(wait, 20));
              server.closeIdleConnections();
            }
            server.closeAllConnections();
          }
          await closed;
        },
      });
    });
  });
}
