import type { Logger } from '../logger';
import type { IncomingMessage, OutgoingMessage } from '../messages';
import type { Understanding } from '../nlu';
import type { ConversationState } from '../state';

/** Everything one turn reads and builds; middleware fill it in order. */
export interface TurnContext {
  incoming: IncomingMessage;
  /** "<channel>:<conversationId>": the unit of locking and state. */
  key: string;
  now: Date;
  log: Logger;
  /** Set by the state middleware; undefined before it ran. */
  state?: ConversationState;
  /** True when the conversation had no stored state. */
  isNew: boolean;
  understanding?: Understanding;
  replies: OutgoingMessage[];
  /** Set when the conversation was erased during the turn: nothing is saved afterwards. */
  forget?: boolean;
  /** Set when the channel stated a new language for this turn. */
  languageChanged?: boolean;
  /** Set by the de-duplication middleware when this message was already handled. */
  duplicate: boolean;
}

/** One step of the turn pipeline; calls `next` to hand over, or returns to stop the turn there. */
export type Middleware = (context: TurnContext, next: () => Promise<void>) => Promise<void>;

/** The key that locks and stores one conversation. */
export function conversationKey(channel: string, conversationId: string): string {
  return `${channel}:${conversationId}`;
}

/** Chains middleware into one function, the way Koa and grammY compose theirs. */
export function compose(middleware: Middleware[]): (context: TurnContext) => Promise<void> {
  return (context) => {
    const dispatch = (i: number): Promise<void> => {
      const current = middleware[i];
      return current ? current(context, () => dispatch(i + 1)) : Promise.resolve();
    };
    return dispatch(0);
  };
}

/** The state, for middleware that run after the state middleware. */
export function requireState(context: TurnContext): ConversationState {
  if (!context.state) throw new Error('the state middleware has not run');
  return context.state;
}
