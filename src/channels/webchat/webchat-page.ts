import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** Serves the web chat page at / and its assets under /webchat/ (read from src/channels/webchat/page). */
export async function webChatPage(app: FastifyInstance, options: { root: string }): Promise<void> {
  const dir = path.join(options.root, 'src', 'channels', 'webchat', 'page');
  const send = async (file: string, reply: FastifyReply): Promise<unknown> => {
    const type = TYPES[path.extname(file)];
    if (!type || file.includes('..') || file.includes('/')) return reply.code(404).send({ code: 'NOT_FOUND', message: 'Not found' });
    try {
      const body = await readFile(path.join(dir, file));
      return reply.type(type).header('cache-control', 'no-cache').send(body);
    } catch {
      return reply.code(404).send({ code: 'NOT_FOUND', message: 'Not found' });
    }
  };
  app.get('/', { schema: { hide: true } }, (_request, reply) => send('index.html', reply));
  app.get<{ Params: { file: string } }>('/webchat/:file', { schema: { hide: true } }, (request, reply) => send(request.params.file, reply));
}
