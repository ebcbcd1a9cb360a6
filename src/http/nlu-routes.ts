import type {} from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { INTENTS } from '../core/intents';
import { LANGUAGES, type Language } from '../core/languages';
import type { Nlu } from '../core/nlu';

const intent = { type: 'string', enum: [...INTENTS] } as const;

/** `POST /api/nlu`: what the assistant understands of a text, for tools outside the code (same engine as the turns). */
export async function nluRoutes(app: FastifyInstance, options: { nlu: Nlu; defaultLanguage: Language }): Promise<void> {
  app.post<{ Body: { text: string; language?: Language } }>('/api/nlu', {
    schema: {
      tags: ['nlu'],
      summary: 'Classify a text: language, intent, score and the next most likely intents',
      body: { type: 'object', required: ['text'], additionalProperties: false, properties: { text: { type: 'string', minLength: 1, maxLength: 1000 }, language: { type: 'string', enum: [...LANGUAGES] } } },
      response: {
        200: {
          type: 'object',
          required: ['language', 'intent', 'score', 'alternatives'],
          properties: {
            language: { type: 'string' },
            intent,
            score: { type: 'number' },
            alternatives: { type: 'array', items: { type: 'object', required: ['intent', 'score'], properties: { intent, score: { type: 'number' } } } },
          },
        },
      },
    },
  }, async (request) => {
    const u = options.nlu.understand(request.body.text, request.body.language ?? options.defaultLanguage);
    return { language: u.language, intent: u.intent, score: u.score, alternatives: u.alternatives };
  });
}
