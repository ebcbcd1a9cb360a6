import type {} from '@fastify/swagger';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyError, type FastifyInstance } from 'fastify';
import type { Logger as PinoLogger } from 'pino';
import { AppError, errorCodeOf } from '../core/errors';
import type { AppMetrics } from '../core/metrics';
import type { HealthCheck } from '../core/ports';

/** What the HTTP server is built from; routes are added by the composition root afterwards. */
export interface HttpServerOptions {
  logger: PinoLogger;
  metrics: AppMetrics;
  health: HealthCheck;
  version: string;
}

function errorBody(error: FastifyError | Error): { status: number; code: string; message: string } {
  if (error instanceof AppError) return { status: error.status, code: error.code, message: error.message };
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) return { status: 400, code: 'BAD_REQUEST', message: fastifyError.message };
  if (fastifyError.statusCode && fastifyError.statusCode < 500) return { status: fastifyError.statusCode, code: 'BAD_REQUEST', message: fastifyError.message };
  const code = errorCodeOf(error);
  return { status: code === 'STORE_UNAVAILABLE' ? 503 : 500, code, message: code === 'STORE_UNAVAILABLE' ? 'Please try again in a moment' : 'Internal error' };
}

/** Builds the Fastify server: security headers, OpenAPI, health, readiness, metrics and the error boundary of requests. */
export async function buildHttpServer(options: HttpServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: options.logger as FastifyBaseLogger,
    // Request lines would carry URLs (and the events stream's token in its query): we log outcomes ourselves.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 64 * 1024,
    trustProxy: true,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: false } },
  });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: { defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'"], imgSrc: ["'self'", 'data:'], connectSrc: ["'self'"], frameAncestors: ["'none'"], formAction: ["'self'"], upgradeInsecureRequests: null },
    },
  });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Digipunt Aalst assistant API', version: options.version },
      components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } } },
    },
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const body = errorBody(error);
    if (body.status >= 500) {
      options.metrics.countError(body.code);
      request.log.error({ code: body.code, error: error.name, route: request.routeOptions.url }, 'request failed');
    }
    void reply.code(body.status).send({ code: body.code, message: body.message });
  });
  app.setNotFoundHandler((_request, reply) => void reply.code(404).send({ code: 'NOT_FOUND', message: 'Not found' }));

  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    const ready = await options.health.ping();
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'unavailable' });
  });
  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
    return reply.type(options.metrics.registry.contentType).send(await options.metrics.registry.metrics());
  });
  app.get('/api/docs', { schema: { hide: true } }, async () => app.swagger());
  return app;
}
