import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CaseEvent, CaseEvents } from '../domain/handoff/case-events';

const POLL_MS = 1000;
const PING_MS = 15000;
/** How far back a poll looks, so events written by another process a little late are still seen. */
const LOOKBACK_MS = 10_000;

/**
 * Streams case events to a dashboard as server-sent events: this process's events at once, other
 * processes' events by polling the stored ones; each event is sent once per stream.
 */
export function streamCaseEvents(events: CaseEvents, clock: () => Date, req: IncomingMessage, res: ServerResponse): void {
  const seen = new Set<string>();
  let since = clock();
  let closed = false;

  const send = (event: CaseEvent): void => {
    if (closed || seen.has(event.id)) return;
    seen.add(event.id);
    res.write(`id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
  };
  const poll = async (): Promise<void> => {
    try {
      const from = new Date(since.getTime() - LOOKBACK_MS);
      since = clock();
      for (const event of await events.since(from)) send(event);
    } catch {
      // The store is away for a moment; the next poll tries again.
    }
  };

  const unsubscribe = events.subscribe(send);
  const poller = setInterval(() => void poll(), POLL_MS);
  const ping = setInterval(() => res.write(': ping\n\n'), PING_MS);
  const close = (): void => {
    closed = true;
    unsubscribe();
    clearInterval(poller);
    clearInterval(ping);
  };
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' });
  res.write('retry: 2000\n\n');
  req.on('close', close);
  res.on('close', close);
}
