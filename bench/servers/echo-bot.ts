import http from 'node:http';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, ConversationState, MemoryStorage, type Response as BotResponse, type TurnContext } from 'botbuilder';
import { listenLocal } from '../local-http';
import type { BenchServer } from './protocol';

/** node:http's response in the shape CloudAdapter expects from Express or Restify. */
function adapterResponse(response: http.ServerResponse): BotResponse {
  return {
    socket: response.socket,
    status: (code: number) => {
      response.statusCode = code;
    },
    header: (name: string, value: unknown) => response.setHeader(name, String(value)),
    send: (body: unknown) => {
      response.setHeader('content-type', 'application/json');
      response.write(typeof body === 'string' ? body : JSON.stringify(body));
    },
    end: () => response.end(),
  };
}

function readJson(request: http.IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('error', reject);
    request.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>);
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
}

/**
 * Baseline B: the smallest Bot Framework turn. A CloudAdapter with authentication disabled (no app
 * id), conversation state in MemoryStorage (a turn counter read and saved every turn), and replies
 * sent to the activity's serviceUrl, which the benchmark points at its local fake Bot Connector.
 */
export async function startEchoBot(): Promise<BenchServer> {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const conversationState = new ConversationState(new MemoryStorage());
  const turnCount = conversationState.createProperty<number>('turns');
  adapter.onTurnError = async (context, error) => {
    console.error(`echo bot turn failed: ${error.message}`);
    await context.sendActivity('error');
  };

  const logic = async (context: TurnContext): Promise<void> => {
    const turns = (await turnCount.get(context, 0)) + 1;
    await turnCount.set(context, turns);
    if (context.activity.type === 'message') await context.sendActivity(`echo ${turns}: ${context.activity.text ?? ''}`);
    else if (context.activity.type === 'conversationUpdate') await context.sendActivity('welcome');
    await conversationState.saveChanges(context);
  };

  const server = http.createServer((request, response) => {
    if (request.method !== 'POST' || request.url !== '/api/messages') {
      response.writeHead(404).end();
      return;
    }
    readJson(request)
      .then((body) => adapter.process({ body, headers: request.headers, method: request.method }, adapterResponse(response), logic))
      .catch(() => {
        if (!response.headersSent) response.writeHead(400);
        response.end();
      });
  });
  return listenLocal(server);
}
