import type http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A benchmark HTTP server listening on a free local port. */
export interface LocalHttpServer {
  url: string;
  /** Stops listening and closes kept-alive connections, so the run ends without waiting for them. */
  close(): Promise<void>;
}

/** Listens on 127.0.0.1 (keep-alive long enough for the load generator's pooled connections). */
export async function listenLocal(server: http.Server): Promise<LocalHttpServer> {
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
