import type { Activity, CloudAdapter, ConfigurationBotFrameworkAuthentication, TurnContext } from 'botbuilder';
import type { FastifyInstance } from 'fastify';
import type { Logger } from '../../core/logger';

/** One bot's messaging endpoint: where the Bot Connector (or the Emulator) posts activities. */
export interface BotEndpointOptions {
  path: string;
  authentication: ConfigurationBotFrameworkAuthentication;
  adapter: CloudAdapter;
  logic: (context: TurnContext) => Promise<void>;
  log: Logger;
}

const isActivity = (body: unknown): body is Activity =>
  typeof body === 'object' && body !== null && typeof (body as { type?: unknown }).type === 'string';

/**
 * Registers the endpoint. The request is authenticated first (a missing or bad JWT is answered 401
 * and nothing is processed), then the adapter runs the turn with that result, so the Bot Connector
 * gets its 200 once the replies were posted.
 */
export function registerBotEndpoint(app: FastifyInstance, options: BotEndpointOptions): void {
  app.post(options.path, async (request, reply) => {
    if (!isActivity(request.body)) return reply.code(400).send({ error: 'not an activity' });
    const activity = request.body;
    const header = request.headers.authorization ?? '';
    let authenticated: Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;
    try {
      authenticated = await options.authentication.authenticateRequest(activity, header);
    } catch (error) {
      options.log.warn({ path: options.path, error: error instanceof Error ? error.name : typeof error }, 'bot request rejected: not authenticated');
      return reply.code(401).send({ error: 'unauthorized' });
    }
    await options.adapter.processActivityDirect(authenticated, activity, options.logic);
    return reply.code(200).send(activity.type === 'invoke' ? {} : undefined);
  });
}
