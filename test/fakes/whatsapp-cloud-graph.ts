import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A message the fake Graph API accepted, as the app sent it (the /messages body). */
export interface GraphMessage {
  to: string;
  type: string;
  text?: { body: string };
  interactive?: {
    type: 'button' | 'list';
    body: { text: string };
    action: { buttons?: Array<{ reply: { id: string; title: string } }>; button?: string; sections?: Array<{ rows: Array<{ id: string; title: string; description?: string }> }> };
  };
  template?: { name: string; language: { code: string }; components: Array<{ type: string; parameters: Array<{ type: string; text: string }> }> };
}

type GraphReply = { status: number; body: unknown };

const WINDOW_MS = 24 * 60 * 60 * 1000;
const graphError = (status: number, code: number, message: string): GraphReply => ({ status, body: { error: { message, type: 'OAuthException', code, fbtrace_id: 'fake' } } });

/**
 * The WhatsApp Cloud API on 127.0.0.1: POST /<version>/<phone number id>/messages with a bearer token,
 * checked the way Meta checks it (token 190, the limits of buttons and lists 131009, free text outside
 * the 24-hour window 131047), plus the webhook side: signed notifications posted to the app.
 */
export class FakeWhatsAppCloud {
  readonly received: GraphMessage[] = [];
  /** Calls the fake refused, with Meta's error code: a correct app causes none of the 131047 kind. */
  readonly rejected: Array<{ to?: string; code: number }> = [];
  private readonly lastInbound = new Map<string, number>();
  private readonly failures: GraphReply[] = [];
  private nextId = 1;

  private constructor(private readonly server: http.Server, readonly phoneNumberId: string, private readonly token: string, private readonly clock: () => Date) {}

  /** Starts the fake for one business number and access token; `clock` decides the 24-hour window. */
  static async start(phoneNumberId: string, token: string, clock: () => Date = () => new Date()): Promise<FakeWhatsAppCloud> {
    const server = http.createServer();
    const fake = new FakeWhatsAppCloud(server, phoneNumberId, token, clock);
    server.on('request', (req, res) => void fake.serve(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  /** The Graph API base URL with its version, as WHATSAPP_CLOUD_GRAPH_URL. */
  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v23.0`;
  }

  /** Posts a notification to the app's webhook, signed with the app secret (or as given); returns the status. */
  async notify(webhookUrl: string, notification: object, appSecret: string, signature?: string | null): Promise<number> {
    const raw = JSON.stringify(notification);
    const header = signature === undefined ? `sha256=${createHmac('sha256', appSecret).update(raw).digest('hex')}` : signature;
    for (const change of (notification as { entry?: Array<{ changes: Array<{ value: { messages?: Array<{ from: string }> } }> }> }).entry ?? []) {
      for (const c of change.changes) for (const m of c.value.messages ?? []) this.lastInbound.set(m.from, this.clock().getTime());
    }
    const headers: Record<string, string> = { 'content-type': 'application/json', ...(header ? { 'x-hub-signature-256': header } : {}) };
    const response = await fetch(webhookUrl, { method: 'POST', headers, body: raw });
    return response.status;
  }

  /** Makes the next /messages call fail with this status and Meta error code. */
  failNext(status: number, code: number): void {
    this.failures.push(graphError(status, code, 'fake failure'));
  }

  /** Messages sent to one resident. */
  sentTo(waId: string): GraphMessage[] {
    return this.received.filter((m) => m.to === waId);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const reply = this.handle(req, raw);
    const code = (reply.body as { error?: { code: number } }).error?.code;
    if (code !== undefined) this.rejected.push({ to: (JSON.parse(raw || '{}') as { to?: string }).to, code });
    res.writeHead(reply.status, { 'content-type': 'application/json' }).end(JSON.stringify(reply.body));
  }

  private handle(req: http.IncomingMessage, raw: string): GraphReply {
    if (req.method !== 'POST' || req.url !== `/v23.0/${this.phoneNumberId}/messages`) return graphError(400, 100, 'Unsupported post request');
    if (req.headers.authorization !== `Bearer ${this.token}`) return graphError(401, 190, 'Invalid OAuth access token');
    const failure = this.failures.shift();
    if (failure) return failure;
    const message = JSON.parse(raw) as GraphMessage & { messaging_product?: string };
    if (message.messaging_product !== 'whatsapp') return graphError(400, 100, 'messaging_product is required');
    const problem = limitProblem(message);
    if (problem) return graphError(400, 131009, `Parameter value is not valid: ${problem}`);
    const last = this.lastInbound.get(message.to);
    const inWindow = last !== undefined && this.clock().getTime() - last < WINDOW_MS;
    if (message.type !== 'template' && !inWindow) return graphError(400, 131047, 'Re-engagement message: more than 24 hours have passed');
    this.received.push(message);
    return { status: 200, body: { messaging_product: 'whatsapp', contacts: [{ input: message.to, wa_id: message.to }], messages: [{ id: `wamid.fake${(this.nextId += 1)}` }] } };
  }
}

/** The limits Meta enforces on what the channel renders; the fake rejects what the real API would. */
function limitProblem(message: GraphMessage): string | undefined {
  const len = (s: string | undefined): number => Array.from(s ?? '').length;
  if (message.type === 'text') return len(message.text?.body) > 4096 || len(message.text?.body) === 0 ? 'text.body length' : undefined;
  if (message.type === 'template') {
    const params = message.template?.components.flatMap((c) => c.parameters) ?? [];
    return params.some((p) => /[\n\t]| {5,}/.test(p.text)) ? 'template parameter has a new line, a tab or 5 spaces' : undefined;
  }
  const interactive = message.interactive;
  if (message.type !== 'interactive' || !interactive) return `type ${message.type}`;
  if (len(interactive.body.text) > 1024) return 'interactive body over 1024';
  if (interactive.type === 'button') {
    const buttons = interactive.action.buttons ?? [];
    if (buttons.length < 1 || buttons.length > 3) return 'buttons count';
    return buttons.some((b) => len(b.reply.title) > 20) ? 'button title over 20' : undefined;
  }
  const rows = interactive.action.sections?.flatMap((s) => s.rows) ?? [];
  if (rows.length < 1 || rows.length > 10) return 'rows count';
  if (len(interactive.action.button) > 20 || len(interactive.action.button) === 0) return 'list button label';
  return rows.some((r) => len(r.title) > 24 || len(r.description) > 72) ? 'row title over 24 or description over 72' : undefined;
}
