import type { InboxStore } from '../ports';
import type { Middleware } from './context';

/** Handles each (channel, message id) once: a repeat gets the first turn's replies and no second turn. */
export function dedupMiddleware(inbox: InboxStore, waitForOriginalMs: number): Middleware {
  return async (context, next) => {
    const { address, messageId } = context.incoming;
    const entry = await inbox.begin(address.channel, messageId, context.key, context.now);
    if (entry.status === 'duplicate') {
      context.duplicate = true;
      context.replies = entry.replies ?? (await inbox.waitForReplies(address.channel, messageId, waitForOriginalMs)) ?? [];
      return;
    }
    try {
      await next();
    } catch (error) {
      await inbox.abandon(address.channel, messageId).catch(() => undefined);
      throw error;
    }
    await inbox.complete(address.channel, messageId, context.replies);
  };
}
