import { isLanguage, type Language } from '../languages';
import type { ConversationStore } from '../ports';
import { newState, parseState } from '../state';
import type { Middleware } from './context';

/** Loads and parses the conversation state before the turn, and saves it only when the turn succeeded. */
export function stateMiddleware(store: ConversationStore, defaultLanguage: Language): Middleware {
  return async (context, next) => {
    const stored = await store.load(context.key);
    const hint = context.incoming.languageHint;
    const fallback = isLanguage(hint) ? hint : defaultLanguage;
    if (stored) {
      const parsed = parseState(stored.state, fallback);
      if (parsed.reset) context.log.warn({ code: 'STATE_RESET' }, 'stored state was unreadable and was reset');
      context.state = parsed.state;
    } else {
      context.state = newState(fallback);
    }
    context.isNew = !stored;
    await next();
    if (context.forget) return;
    context.state.turns += 1;
    await store.save(context.key, context.incoming.address, context.state, stored?.revision ?? null, context.now);
  };
}
