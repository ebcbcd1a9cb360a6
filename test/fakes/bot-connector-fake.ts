import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** An activity as the bot posted it (the Bot Framework's JSON). */
export type PostedActivity = Record<string, unknown> & { type?: string; text?: string; attachments?: Array<{ contentType: string; content: unknown }> };

/** One call the bot made to the Bot Connector. */
export interface ConnectorCall {
  method: 'POST' | 'PUT';
  conversationId: string;
  /** The replyToId of a reply (POST …/activities/{replyToId}) or the id of an updated activity (PUT). */
  activityId?: string;
  activity: PostedActivity;
  authorization?: string;
  /** The id the fake gave the posted activity. */
  id: string;
  /** True for POST /v3/conversations: a new thread in a channel. */
  newThread?: boolean;
}

/** A Teams user as GET /v3/conversations/{id}/members/{userId} returns it. */
export interface FakeMember {
  id: string;
  name: string;
  email: string;
  aadObjectId: string;
}

/** The token issuer the Bot Connector uses for channel tokens. */
export const CHANNEL_ISSUER = 'https://api.botframework.com';

const json = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};

const base64url = (value: Buffer | string): string => Buffer.from(value).toString('base64url');

/**
 * The Bot Connector service of Microsoft Teams on 127.0.0.1, speaking the Bot Framework REST
 * protocol: replies, proactive sends and updates under /v3/conversations, members, and the OpenID
 * metadata with a locally generated signing key so tests can send real JWTs. Programmable failures
 * answer the next calls with 403 (bot removed) or 429 (throttled, with Retry-After).
 */
export class FakeBotConnector {
  readonly calls: ConnectorCall[] = [];
  readonly members = new Map<string, FakeMember>();
  private readonly failures: Array<{ status: number; retryAfter?: number; conversationId?: string }> = [];
  private readonly privateKey: KeyObject;
  private readonly jwk: { n?: string; e?: string };
  private counter = 0;

  private constructor(private readonly server: http.Server, readonly url: string, readonly keyId = 'fake-connector-key') {
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKey = pair.privateKey;
    this.jwk = pair.publicKey.export({ format: 'jwk' });
    server.on('request', (req, res) => void this.route(req, res));
  }

  static async start(): Promise<FakeBotConnector> {
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return new FakeBotConnector(server, `http://127.0.0.1:${port}`);
  }

  /** Where the bot reads the OpenID configuration (ToBotFromChannelOpenIdMetadataUrl). */
  get openIdMetadataUrl(): string {
    return `${this.url}/v1/.well-known/openidconfiguration`;
  }

  /** A channel JWT signed with the fake's key, as the Bot Connector sends in Authorization. */
  token(claims: Record<string, unknown>, options: { key?: KeyObject; expiresInSeconds?: number } = {}): string {
    const now = Math.floor(Date.now() / 1000);
    const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: this.keyId }));
    const payload = base64url(JSON.stringify({ iss: CHANNEL_ISSUER, nbf: now - 10, exp: now + (options.expiresInSeconds ?? 3600), ...claims }));
    const signature = sign('RSA-SHA256', Buffer.from(`${header}.${payload}`), options.key ?? this.privateKey);
    return `${header}.${payload}.${base64url(signature)}`;
  }

  /** The next `times` activity calls (to one conversation, if given) fail with this status. */
  failNext(status: 403 | 429, options: { times?: number; retryAfter?: number; conversationId?: string } = {}): void {
    for (let i = 0; i < (options.times ?? 1); i += 1) this.failures.push({ status, retryAfter: options.retryAfter, conversationId: options.conversationId });
  }

  /** Forgets the failures not used up. */
  clearFailures(): void {
    this.failures.splice(0);
  }

  /** Calls to one conversation, in order. */
  callsTo(conversationId: string): ConnectorCall[] {
    return this.calls.filter((call) => call.conversationId === conversationId);
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', this.url).pathname;
    if (req.method === 'GET' && path === '/v1/.well-known/openidconfiguration') {
      return json(res, 200, { issuer: CHANNEL_ISSUER, jwks_uri: `${this.url}/v1/.well-known/keys`, id_token_signing_alg_values_supported: ['RS256'] });
    }
    if (req.method === 'GET' && path === '/v1/.well-known/keys') {
      return json(res, 200, { keys: [{ kty: 'RSA', use: 'sig', kid: this.keyId, n: this.jwk.n, e: this.jwk.e, endorsements: ['msteams', 'emulator'] }] });
    }
    const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
    if (req.method === 'POST' && path === '/v3/conversations') return this.createConversation(req, res);
    if (segments[0] !== 'v3' || segments[1] !== 'conversations' || !segments[2]) return json(res, 404, { error: { code: 'NotFound' } });
    const conversationId = segments[2];
    if (req.method === 'GET' && segments[3] === 'members' && segments[4]) {
      const member = this.members.get(segments[4]);
      return member ? json(res, 200, { ...member, userPrincipalName: member.email }) : json(res, 404, { error: { code: 'MemberNotFound' } });
    }
    if ((req.method === 'POST' || req.method === 'PUT') && segments[3] === 'activities') {
      const failure = this.takeFailure(conversationId);
      if (failure) return json(res, failure.status, { error: { code: failure.status === 403 ? 'BotNotInConversationRoster' : 'Throttled' } }, failure.retryAfter ? { 'retry-after': String(failure.retryAfter) } : {});
      const activity = JSON.parse(await readBody(req)) as PostedActivity;
      const id = `fake-activity-${(this.counter += 1)}`;
      this.calls.push({ method: req.method, conversationId, activityId: segments[4], activity, authorization: req.headers.authorization, id: req.method === 'PUT' ? (segments[4] ?? id) : id });
      return json(res, 200, { id: req.method === 'PUT' ? segments[4] : id });
    }
    json(res, 404, { error: { code: 'NotFound' } });
  }

  /** POST /v3/conversations: in Teams, a new thread in a channel; the answer names the thread and its first message. */
  private async createConversation(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const body = JSON.parse(await readBody(req)) as { channelData?: { channel?: { id?: string } }; activity?: PostedActivity };
    const channelId = body.channelData?.channel?.id;
    if (!channelId || !body.activity) return json(res, 400, { error: { code: 'BadArgument' } });
    const failure = this.takeFailure(channelId);
    if (failure) return json(res, failure.status, { error: { code: 'Failed' } }, failure.retryAfter ? { 'retry-after': String(failure.retryAfter) } : {});
    const id = `fake-activity-${(this.counter += 1)}`;
    this.calls.push({ method: 'POST', conversationId: channelId, activity: body.activity, authorization: req.headers.authorization, id, newThread: true });
    json(res, 201, { id: `${channelId};messageid=${id}`, activityId: id });
  }

  private takeFailure(conversationId: string): { status: number; retryAfter?: number } | undefined {
    const index = this.failures.findIndex((f) => f.conversationId === undefined || f.conversationId === conversationId);
    return index < 0 ? undefined : this.failures.splice(index, 1)[0];
  }
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
