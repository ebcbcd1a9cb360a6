import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { listenLocal, type LocalHttpServer } from './local-http';

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
  private listening?: LocalHttpServer;

  /** Listens on a free local port and returns the serviceUrl to put on activities. */
  async start(): Promise<string> {
    this.listening = await listenLocal(this.server);
    return this.listening.url;
  }

  /** Stops listening and closes kept-alive connections. */
  async close(): Promise<void> {
    await this.listening?.close();
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
