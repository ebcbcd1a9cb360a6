import type { IncomingMessage as HttpRequest, ServerResponse } from 'node:http';
import type { WebChatStore } from './webchat-store';

/** How often streams look for messages written by other processes, and how often they ping. */
export interface EventStreamTimings {
  pollMs: number;
  keepAliveMs: number;
}

/**
 * Streams a conversation's proactive messages as server-sent events, from `afterSeq` on. Same-process
 * messages arrive at once through the store's wake-ups; polling covers messages from other processes.
 */
export function streamWebChatEvents(store: WebChatStore, conversationId: string, afterSeq: number, req: HttpRequest, res: ServerResponse, timings: EventStreamTimings): void {
  let last = afterSeq;
  let running = false;
  let again = false;
  let closed = false;

  const flush = async (): Promise<void> => {
    if (closed) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        for (const queued of await store.after(conversationId, last)) {
          res.write(`id: ${queued.seq}\nevent: message\ndata: ${JSON.stringify(queued.message)}\n\n`);
          last = queued.seq;
        }
      } while (again && !closed);
    } catch {
      // The store is unreachable for a moment: the next poll tries again, the client keeps its place.
    } finally {
      running = false;
    }
  };

  const onWake = (): void => void flush();
  const poll = setInterval(onWake, timings.pollMs);
  const ping = setInterval(() => res.write(': ping\n\n'), timings.keepAliveMs);
  const close = (): void => {
    closed = true;
    clearInterval(poll);
    clearInterval(ping);
    store.wakeups.off(conversationId, onWake);
  };

  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' });
  res.write('retry: 2000\n\n');
  store.wakeups.on(conversationId, onWake);
  req.on('close', close);
  res.on('close', close);
  void flush();
}
