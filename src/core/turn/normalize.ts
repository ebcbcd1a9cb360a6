import { isLanguage } from '../languages';
import { sanitizeInbound } from '../text';
import { requireState, type Middleware } from './context';

/** Cleans inbound text before anything reads it: NFC, no control characters, capped length. */
export function normalizeMiddleware(maxLength: number): Middleware {
  return async (context, next) => {
    const { text } = context.incoming;
    if (text !== undefined) {
      const cleaned = sanitizeInbound(text, maxLength);
      context.incoming = { ...context.incoming, text: cleaned || undefined };
    }
    await next();
  };
}

/** Applies a language the channel states explicitly (web chat picker, Telegram /start parameter). */
export function languageHintMiddleware(): Middleware {
  return async (context, next) => {
    const state = requireState(context);
    const hint = context.incoming.languageHint;
    if (isLanguage(hint) && hint !== state.language) {
      state.language = hint;
      context.languageChanged = true;
    }
    await next();
  };
}
