import type { Nlu } from '../nlu';
import { choiceNumber } from '../text';
import { requireState, type Middleware } from './context';

/** Asks the NLU what a typed message means; taps and bare numbers are answers, not sentences. */
export function understandMiddleware(nlu: Nlu): Middleware {
  return async (context, next) => {
    const text = context.incoming.text;
    if (text && choiceNumber(text) === null) context.understanding = nlu.understand(text, requireState(context).language);
    await next();
  };
}
