import http from 'node:http';

/** A status and the parsed JSON body (undefined when the body was empty). */
export interface JsonReply {
  status: number;
  body: unknown;
}

/**
 * A keep-alive JSON client on node:http, one socket per simulated resident at most. Lighter than
 * fetch, so the load generator takes as little of the machine's CPU as it can from the servers.
 */
export class JsonHttpClient {
  private readonly agent: http.Agent;
  private readonly host: string;
  private readonly port: number;

  constructor(baseUrl: string, maxSockets: number) {
    const url = new URL(baseUrl);
    this.host = url.hostname;
    this.port = Number(url.port);
    this.agent = new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  }

  /** POSTs a JSON body; resolves with any status (the caller decides what an error is). */
  post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<JsonReply> {
    const payload = Buffer.from(JSON.stringify(body));
    return new Promise((resolve, reject) => {
      const request = http.request(
        { agent: this.agent, host: this.host, port: this.port, path, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': payload.length, ...headers } },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            try {
              resolve({ status: response.statusCode ?? 0, body: text === '' ? undefined : (JSON.parse(text) as unknown) });
            } catch {
              resolve({ status: response.statusCode ?? 0, body: text });
            }
          });
        },
      );
      request.on('error', reject);
      request.end(payload);
    });
  }

  /** Closes every socket. */
  close(): void {
    this.agent.destroy();
  }
}
