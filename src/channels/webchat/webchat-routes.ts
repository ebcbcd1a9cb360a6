import { randomUUID } from 'node:crypto';
import type {} from '@fastify/swagger';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors';
import { LANGUAGES, type Language } from '../../core/languages';
import type { IncomingMessage } from '../../core/messages';
import type { PrivacyRegistry } from '../../core/privacy';
import type { TurnHandler } from '../channel';
import { WEBCHAT_CHANNEL } from './webchat-adapter';
import { streamWebChatEvents, type EventStreamTimings } from './webchat-events';
import { toWebChatMessage, webChatMessageSchema } from './webchat-message';
import type { WebChatStore } from './webchat-store';

/** What the web chat routes need from the composition root. */
export interface WebChatRoutesOptions {
  store: WebChatStore;
  /** For the resident's "download my data" (GDPR access). */
  privacy: PrivacyRegistry;
  turns: TurnHandler;
  clock: () => Date;
  timings: EventStreamTimings;
}

type Params = { id: string };
type MessageBody = { text?: string; choice?: string; messageId?: string; language?: Language };

const idParam = { type: 'object', required: ['id'], properties: { id: { type: 'string', pattern: '^[0-9a-f-]{36}$' } } } as const;
const messagesReply = { type: 'object', required: ['messages'], properties: { messages: { type: 'array', items: webChatMessageSchema }, duplicate: { type: 'boolean' } } } as const;
const language = { type: 'string', enum: [...LANGUAGES] } as const;
const bearer = [{ bearerAuth: [] }];

function tokenOf(request: FastifyRequest): string {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7);
  const query = request.query as { token?: unknown };
  if (typeof query.token === 'string') return query.token;
  throw new AppError('UNAUTHORIZED', 'a bearer token is required');
}

/** The web chat HTTP API; its paths and shapes are a public contract other tools depend on. */
export async function webChatRoutes(app: FastifyInstance, options: WebChatRoutesOptions): Promise<void> {
  const { store, turns, clock } = options;

  const authorize = async (request: FastifyRequest<{ Params: Params }>): Promise<void> => {
    const verdict = await store.verify(request.params.id, tokenOf(request));
    if (verdict === 'unknown') throw new AppError('NOT_FOUND', 'no such conversation');
    if (verdict === 'denied') throw new AppError('UNAUTHORIZED', 'wrong token');
  };

  const turn = async (conversationId: string, message: Omit<IncomingMessage, 'address' | 'receivedAt'>) => {
    const address = { channel: WEBCHAT_CHANNEL, conversationId, userId: conversationId };
    const result = await turns.handle({ ...message, address, receivedAt: clock() });
    return { messages: result.replies.map(toWebChatMessage), ...(result.duplicate ? { duplicate: true } : {}) };
  };

  app.post<{ Body: { language?: Language } }>('/api/webchat/conversations', {
    schema: {
      tags: ['webchat'],
      summary: 'Start a conversation; the reply holds the welcome messages and the token for later calls',
      body: { type: 'object', additionalProperties: false, properties: { language } },
      response: { 201: { type: 'object', required: ['conversationId', 'token', 'messages'], properties: { conversationId: { type: 'string' }, token: { type: 'string' }, messages: messagesReply.properties.messages } } },
    },
  }, async (request, reply) => {
    const { conversationId, token } = await store.create(clock());
    const { messages } = await turn(conversationId, { messageId: `open-${conversationId}`, languageHint: request.body?.language });
    return reply.code(201).send({ conversationId, token, messages });
  });

  app.post<{ Params: Params; Body: MessageBody }>('/api/webchat/conversations/:id/messages', {
    schema: {
      tags: ['webchat'],
      summary: 'Send text or a choice id; the reply holds the replies of that turn. A repeated messageId gets the same replies, without a second turn',
      security: bearer,
      params: idParam,
      body: {
        type: 'object',
        additionalProperties: false,
        anyOf: [{ required: ['text'] }, { required: ['choice'] }, { required: ['language'] }],
        properties: { text: { type: 'string', maxLength: 4000 }, choice: { type: 'string', maxLength: 100 }, messageId: { type: 'string', minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9_.:-]+$' }, language },
      },
      response: { 200: messagesReply },
    },
  }, async (request) => {
    await authorize(request);
    const { text, choice, messageId, language: languageHint } = request.body;
    return turn(request.params.id, { messageId: messageId ?? randomUUID(), text, choiceId: choice, languageHint });
  });

  app.get<{ Params: Params }>('/api/webchat/conversations/:id/export', {
    schema: { tags: ['webchat'], summary: 'Everything the assistant keeps about this resident, as JSON (GDPR access)', security: bearer, params: idParam },
  }, async (request, reply) => {
    await authorize(request);
    const held = await options.privacy.export({ channel: WEBCHAT_CHANNEL, userId: request.params.id });
    return reply.header('content-disposition', 'attachment; filename="digipunt-data.json"').send({ exportedAt: clock().toISOString(), data: held });
  });

  app.get<{ Params: Params; Querystring: { token?: string; after?: number } }>('/api/webchat/conversations/:id/events', {
    schema: {
      tags: ['webchat'],
      summary: 'Server-sent events with the messages that come later (staff replies, reminders); resumes after Last-Event-ID',
      security: bearer,
      params: idParam,
      querystring: { type: 'object', properties: { token: { type: 'string' }, after: { type: 'integer', minimum: 0 } } },
    },
  }, async (request, reply) => {
    await authorize(request);
    const lastEventId = Number(request.headers['last-event-id']);
    const after = Number.isInteger(lastEventId) ? lastEventId : request.query.after ?? (await store.lastSeq(request.params.id));
    reply.hijack();
    streamWebChatEvents(store, request.params.id, after, request.raw, reply.raw, options.timings);
  });
}
