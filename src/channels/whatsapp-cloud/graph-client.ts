import { setTimeout as sleep } from 'node:timers/promises';
import type { CloudPayload } from './to-whatsapp';

/** A failed Graph API call: the HTTP status and Meta's error code (e.g. 131047: outside the 24-hour window). */
export class GraphError extends Error {
  constructor(readonly status: number, readonly code: number | undefined) {
    super(`Graph API answered ${status}${code === undefined ? '' : ` (code ${code})`}`);
    this.name = 'GraphError';
  }
}

/** Meta's code for free text outside the customer service window ("re-engagement message"). */
export const OUTSIDE_WINDOW_CODE = 131047;

// Throughput and per-recipient rate limits, and Meta's generic "try again" code.
const RETRY_CODES = new Set([130429, 131056, 131000, 1, 2]);

/** What the client needs to reach the Graph API, and how patiently it retries. */
export interface GraphClientOptions {
  graphUrl: string;
  phoneNumberId: string;
  accessToken: string;
  maxAttempts?: number;
  /** First wait before a retry; doubled each time. */
  retryDelayMs?: number;
}

/** Sends messages through the Graph API's /<phone number id>/messages endpoint, the only caller of it. */
export class GraphClient {
  constructor(private readonly options: GraphClientOptions) {}

  /** Sends one message; retries rate limits and server errors with backoff; returns WhatsApp's message id. */
  async send(to: string, payload: CloudPayload): Promise<string> {
    const { maxAttempts = 3, retryDelayMs = 1000 } = this.options;
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.post(to, payload);
      } catch (error) {
        if (!(error instanceof GraphError) || !isRetryable(error) || attempt >= maxAttempts) throw error;
        await sleep(retryDelayMs * 2 ** (attempt - 1));
      }
    }
  }

  private async post(to: string, payload: CloudPayload): Promise<string> {
    const { graphUrl, phoneNumberId, accessToken } = this.options;
    const response = await fetch(`${graphUrl}/${phoneNumberId}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ messaging_product: 'whatsapp', recipient_type: 'individual', to, ...payload }),
      signal: AbortSignal.timeout(15_000),
    });
    const body = (await response.json().catch(() => ({}))) as { messages?: Array<{ id?: string }>; error?: { code?: number } };
    if (!response.ok) throw new GraphError(response.status, body.error?.code);
    return body.messages?.[0]?.id ?? '';
  }
}

function isRetryable(error: GraphError): boolean {
  return error.status === 429 || error.status >= 500 || (error.code !== undefined && RETRY_CODES.has(error.code));
}
