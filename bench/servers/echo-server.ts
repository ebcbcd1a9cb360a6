import http from 'node:http';
import { listenLocal } from '../local-http';
import type { BenchServer } from './protocol';

/**
 * Baseline A: a bare node:http server that answers every POST with its own JSON body. It is the
 * practical ceiling of this machine for one request, so the assistant's figures are read against it.
 */
export async function startEchoServer(): Promise<BenchServer> {
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
      response.end(body);
    });
  });
  return listenLocal(server);
}
