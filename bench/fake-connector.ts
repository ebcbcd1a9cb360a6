import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

const ACTIVITY_PATH = /^\/v3\/conversations\/[^/]+\/activities(\/[^/]+)?$/;

/**
 * A local stand-in for the Bot Connector service that baseline B's replies go to: accepts
 * POST /v3/conversations/:id/activities[/:activityId] and answers 200 {id}, counting what it got so
 * the benchmark can check that every bot turn really sent its reply.
 */
export class FakeConnector {
  /** Activities received since start. */
  received = 0;
  private readonly server = http.createServer((request, response) => this.handle(request, response));

  /** Listens on a free local port and returns the serviceUrl to put on activities. */
  async start(): Promise<string> {
    this.server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Stops listening and closes kept-alive connections. */
  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.closeAllConnections();
      this.server.close(() => resolve());
    });
  }

  private handle(request: http.IncomingMessage, response: http.ServerResponse): void {
    if (request.method !== 'POST' || !ACTIVITY_PATH.test(request.url ?? '')) {
      response.writeHead(404).end();
      return;
    }
    request.resume();
    request.on('end', () => {
      this.received += 1;
      const body = JSON.stringify({ id: randomUUID() });
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      response.end(body);
    });
  }
}
