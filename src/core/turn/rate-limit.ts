import type { MessageRenderer } from '../dialog/renderer';
import { requireState, type Middleware } from './context';

/** How many messages one conversation may send in a window before it is asked to slow down. */
export interface RateLimitOptions {
  maxMessages: number;
  windowMs: number;
  renderer: MessageRenderer;
  /** Bounded so a flood of new conversations cannot grow memory without limit. */
  maxTracked?: number;
}

/**
 * Per-conversation rate limit (after the state is loaded, to answer in the resident's language), kept in this process's memory (a fair approximation behind a load
 * balancer: each process limits what it sees). A limited message gets a polite answer and no turn,
 * so a stuck client or a flood cannot fill the database or the queue.
 */
export function rateLimitMiddleware(options: RateLimitOptions): Middleware {
  const hits = new Map<string, number[]>();
  const maxTracked = options.maxTracked ?? 50_000;
  return async (context, next) => {
    const now = context.now.getTime();
    const recent = (hits.get(context.key) ?? []).filter((t) => now - t < options.windowMs);
    hits.delete(context.key);
    if (recent.length >= options.maxMessages) {
      hits.set(context.key, recent);
      context.replies = [options.renderer.message(requireState(context).language, ['errors.slow_down'])];
      context.log.warn({ code: 'RATE_LIMITED' }, 'conversation sends too fast');
      return;
    }
    recent.push(now);
    hits.set(context.key, recent);
    if (hits.size > maxTracked) hits.delete(hits.keys().next().value as string);
    await next();
  };
}
