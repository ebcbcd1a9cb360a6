import type { FastifyInstance } from 'fastify';
import { AppError } from '../../core/errors';
import { sameSecret, signatureIsValid } from './signature';

/** The one webhook URL to enter in the Meta app's WhatsApp configuration. */
export const WHATSAPP_CLOUD_WEBHOOK_PATH = '/webhooks/whatsapp-cloud';

/** What the webhook routes need: the two secrets and where verified notifications go. */
export interface WhatsAppCloudRoutesOptions {
  verifyToken: string;
  appSecret: string;
  handleNotification(body: unknown): Promise<void>;
}

type VerifyQuery = { 'hub.mode'?: string; 'hub.verify_token'?: string; 'hub.challenge'?: string };

/**
 * Meta's webhook: GET answers the subscription challenge when the verify token matches; POST is
 * processed only when X-Hub-Signature-256 matches the raw body (else 401, nothing processed).
 */
export async function whatsAppCloudRoutes(app: FastifyInstance, options: WhatsAppCloudRoutesOptions): Promise<void> {
  // The signature covers the exact bytes Meta sent, so this scope keeps JSON bodies raw and parses them itself.
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  app.get<{ Querystring: VerifyQuery }>(WHATSAPP_CLOUD_WEBHOOK_PATH, {
    schema: { tags: ['channels'], summary: 'WhatsApp Cloud API webhook verification (hub.challenge echoed when hub.verify_token matches)' },
  }, async (request, reply) => {
    const query = request.query;
    if (query['hub.mode'] !== 'subscribe' || !sameSecret(query['hub.verify_token'], options.verifyToken)) throw new AppError('FORBIDDEN', 'wrong verify token');
    return reply.type('text/plain').send(query['hub.challenge'] ?? '');
  });

  app.post<{ Body: Buffer }>(WHATSAPP_CLOUD_WEBHOOK_PATH, {
    schema: { tags: ['channels'], summary: 'WhatsApp Cloud API notifications (signed with X-Hub-Signature-256)' },
    preValidation: async (request) => {
      const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      if (!signatureIsValid(raw, request.headers['x-hub-signature-256'], options.appSecret)) throw new AppError('UNAUTHORIZED', 'wrong or missing X-Hub-Signature-256');
    },
  }, async (request) => {
    let body: unknown;
    try {
      body = JSON.parse(request.body.toString('utf8'));
    } catch {
      throw new AppError('BAD_REQUEST', 'the body is not JSON');
    }
    await options.handleNotification(body);
    return { ok: true };
  });
}
