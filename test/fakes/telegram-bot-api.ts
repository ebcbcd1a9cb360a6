import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { InlineKeyboardMarkup, Update } from 'telegraf/types';

/** A sendMessage call as the fake Bot API received it. */
export interface SentTelegramMessage {
  chatId: string;
  text: string;
  keyboard?: InlineKeyboardMarkup;
}

type ApiReply = { status: number; body: unknown };
type Waiter = { resolve: (updates: Update[]) => void };
type Queued = { update: Update; handedOut: boolean };

const ok = (result: unknown): ApiReply => ({ status: 200, body: { ok: true, result } });
const apiError = (status: number, description: string, parameters?: object): ApiReply => ({ status, body: { ok: false, error_code: status, description, ...(parameters ? { parameters } : {}) } });

/**
 * The Telegram Bot API on 127.0.0.1, speaking its real protocol (POST /bot<token>/<method>, JSON in,
 * {ok, result} out) so that telegraf runs unchanged against it: getMe, setWebhook, deleteWebhook,
 * getUpdates (long polling with offsets), sendMessage, answerCallbackQuery. A wrong token gets 401.
 */
export class FakeTelegramApi {
  readonly sent: SentTelegramMessage[] = [];
  readonly answeredCallbacks: string[] = [];
  readonly calls: Array<{ method: string; body: Record<string, unknown> }> = [];
  webhook?: { url: string; secretToken?: string; allowedUpdates?: string[] };
  private queue: Queued[] = [];
  private waiters: Waiter[] = [];
  private readonly failures: Array<{ method: string; reply: ApiReply }> = [];
  private nextMessageId = 1000;

  private constructor(private readonly server: http.Server, private readonly token: string) {}

  /** Starts the fake for one bot token on a free port. */
  static async start(token: string): Promise<FakeTelegramApi> {
    const server = http.createServer();
    const fake = new FakeTelegramApi(server, token);
    server.on('request', (req, res) => void fake.serve(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  /** What telegraf's `telegram.apiRoot` option points at. */
  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Makes the next call of a method fail, e.g. 429 with retry_after (flood control). */
  failNext(method: string, status: number, description: string, parameters?: object): void {
    this.failures.push({ method, reply: apiError(status, description, parameters) });
  }

  /**
   * Hands an update to the next getUpdates call (long-polling mode). An update id seen before is handed
   * out again, as Telegram does when the bot stopped before confirming it.
   */
  queueUpdate(update: Update): void {
    this.queue.push({ update, handedOut: false });
    const waiting = this.waiters;
    this.waiters = [];
    waiting.forEach((w) => w.resolve(this.handOut()));
  }

  /** Resolves once a getUpdates call confirmed the update (telegraf asks with offset = its id + 1 after handling it). */
  async waitUntilConfirmed(update: Update, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.queue.some((q) => q.update === update)) {
      if (Date.now() > deadline) throw new Error(`update ${update.update_id} was not confirmed by getUpdates`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Resolves once the app called this method (polling starts in the background). */
  async waitForCall(method: string, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.calls.some((c) => c.method === method)) {
      if (Date.now() > deadline) throw new Error(`${method} was not called`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Messages sent to one chat. */
  sentTo(chatId: string | number): SentTelegramMessage[] {
    return this.sent.filter((m) => m.chatId === String(chatId));
  }

  async close(): Promise<void> {
    this.waiters.forEach((w) => w.resolve([]));
    this.waiters = [];
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handOut(): Update[] {
    const fresh = this.queue.filter((q) => !q.handedOut);
    fresh.forEach((q) => (q.handedOut = true));
    return fresh.map((q) => q.update);
  }

  private async serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const body = (raw ? JSON.parse(raw) : {}) as Record<string, unknown>;
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? '');
    let reply: ApiReply;
    if (!match) reply = apiError(404, 'Not Found');
    else if (match[1] !== this.token) reply = apiError(401, 'Unauthorized');
    else reply = await this.call(match[2] ?? '', body, res);
    if (res.destroyed) return;
    res.writeHead(reply.status, { 'content-type': 'application/json' }).end(JSON.stringify(reply.body));
  }

  private async call(method: string, body: Record<string, unknown>, res: http.ServerResponse): Promise<ApiReply> {
    this.calls.push({ method, body });
    const failure = this.failures.findIndex((f) => f.method === method);
    if (failure >= 0) return this.failures.splice(failure, 1)[0]?.reply ?? apiError(500, 'fake');
    switch (method) {
      case 'getMe':
        return ok({ id: 999, is_bot: true, first_name: 'Digipunt', username: 'DigipuntAalstBot', can_join_groups: false, can_read_all_group_messages: false, supports_inline_queries: false });
      case 'setWebhook':
        this.webhook = { url: String(body.url), secretToken: body.secret_token as string | undefined, allowedUpdates: body.allowed_updates as string[] | undefined };
        return ok(true);
      case 'deleteWebhook':
        this.webhook = undefined;
        return ok(true);
      case 'getUpdates':
        if (this.webhook) return apiError(409, "Conflict: can't use getUpdates method while webhook is active");
        return ok(await this.getUpdates(body, res));
      case 'sendMessage':
        return ok(this.sendMessage(body));
      case 'answerCallbackQuery':
        this.answeredCallbacks.push(String(body.callback_query_id));
        return ok(true);
      default:
        return apiError(404, `Not Found: method ${method} is not in the fake`);
    }
  }

  private async getUpdates(body: Record<string, unknown>, res: http.ServerResponse): Promise<Update[]> {
    const offset = Number(body.offset ?? 0);
    this.queue = this.queue.filter((q) => !q.handedOut || q.update.update_id >= offset);
    const ready = this.handOut();
    const timeoutSeconds = Number(body.timeout ?? 0);
    if (ready.length > 0 || timeoutSeconds === 0) return ready;
    return new Promise<Update[]>((resolve) => {
      const waiter: Waiter = { resolve };
      this.waiters.push(waiter);
      const timer = setTimeout(() => resolve([]), timeoutSeconds * 1000);
      res.on('close', () => {
        clearTimeout(timer);
        this.waiters = this.waiters.filter((w) => w !== waiter);
      });
    });
  }

  private sendMessage(body: Record<string, unknown>): object {
    const chatId = String(body.chat_id);
    const markup = body.reply_markup;
    const keyboard = (typeof markup === 'string' ? JSON.parse(markup) : markup) as InlineKeyboardMarkup | undefined;
    this.sent.push({ chatId, text: String(body.text), ...(keyboard ? { keyboard } : {}) });
    const messageId = (this.nextMessageId += 1);
    return { message_id: messageId, date: Math.floor(Date.now() / 1000), chat: { id: Number(chatId), type: 'private' }, text: body.text };
  }
}
