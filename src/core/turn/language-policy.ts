import type { DialogEngine, DialogSession } from '../dialog/engine';
import type { MessageRenderer } from '../dialog/renderer';
import type { LanguageNameFinder } from '../language-names';
import { isLanguage, SOURCE_LANGUAGE, type Language } from '../languages';
import { requireState, type Middleware, type TurnContext } from './context';

/** Scores of the language identifier at which the assistant switches by itself, or asks first. */
export interface LanguagePolicyOptions {
  engine: DialogEngine;
  renderer: MessageRenderer;
  names: LanguageNameFinder;
  menuFlow: string;
  switchScore: number;
  askScore: number;
}

const YES = 'language_yes';
const NO = 'language_no';

function answerToProposal(context: TurnContext): 'yes' | 'no' | null {
  const { choiceId, text } = context.incoming;
  const u = context.understanding;
  if (choiceId === YES || text?.trim() === '1' || (u?.intent === 'affirm' && u.score >= 0.6)) return 'yes';
  if (choiceId === NO || text?.trim() === '2' || (u?.intent === 'deny' && u.score >= 0.6)) return 'no';
  return null;
}

/**
 * Decides the conversation's language: an explicit request always wins; a message clearly in another
 * supported language switches; a likely one is asked about first; an unsupported one gets a short
 * answer in Dutch and English. One ambiguous word never flips the language.
 */
export function languagePolicyMiddleware(options: LanguagePolicyOptions): Middleware {
  const { engine, renderer } = options;

  const session = (context: TurnContext): DialogSession => ({ state: requireState(context), address: context.incoming.address, now: context.now, out: context.replies });
  const continueAfter = async (s: DialogSession): Promise<void> => {
    if (!engine.reask(s)) await engine.enter(s, { flow: options.menuFlow }, 'clear');
  };
  const switchTo = (s: DialogSession, language: Language): void => {
    s.state.language = language;
    engine.say(s, ['language.changed']);
  };

  return async (context, next) => {
    const s = session(context);
    const state = s.state;
    const proposed = state.proposedLanguage;
    if (proposed) {
      state.proposedLanguage = null;
      const answer = answerToProposal(context);
      if (answer === 'yes') switchTo(s, proposed);
      if (answer === 'no') state.declinedLanguages.push(proposed);
      if (answer) return continueAfter(s);
    }
    const u = context.understanding;
    const text = context.incoming.text;
    if (!u || !text) return next();
    const open = engine.awaiting(state);
    // A valid answer to the open question (a choice label such as "Nederlands" in the language list, an
    // e-mail address, a postcode) is an answer, not a request and not evidence of a language.
    if (open && open.ask !== 'text' && engine.isValidAnswer(s, open, { text, intent: { name: u.intent, score: u.score } })) return next();
    const named = u.intent === 'change_language' ? options.names.find(text) : null;
    if (named) {
      switchTo(s, named);
      return continueAfter(s);
    }
    if (open?.ask === 'text') return next();
    const { code, score } = u.detected;
    if (code && !isLanguage(code) && score >= options.askScore) {
      s.out.push(renderer.message(SOURCE_LANGUAGE, ['language.unsupported']), renderer.message('en', ['language.unsupported']));
      return continueAfter(s);
    }
    if (!isLanguage(code) || code === state.language || state.declinedLanguages.includes(code)) return next();
    if (score >= options.switchScore) {
      state.language = code;
      return next();
    }
    if (score >= options.askScore) {
      state.proposedLanguage = code;
      const choices = [{ id: YES, label: renderer.text(code, 'common.choice.yes') }, { id: NO, label: renderer.text(code, 'common.choice.no') }];
      s.out.push(renderer.message(code, ['language.propose'], {}, { choices }));
      return;
    }
    return next();
  };
}

/** Adds, once per language, the note that a non-Dutch text is a translation and how to go back to Dutch. */
export function translationNoticeMiddleware(renderer: MessageRenderer): Middleware {
  return async (context, next) => {
    await next();
    const state = requireState(context);
    if (state.language === SOURCE_LANGUAGE || state.translationNoticeShown.includes(state.language) || context.replies.length === 0) return;
    state.translationNoticeShown.push(state.language);
    const notice = renderer.message(state.language, ['translation.notice']);
    const last = context.replies[context.replies.length - 1];
    context.replies.splice(last?.choices ? context.replies.length - 1 : context.replies.length, 0, notice);
  };
}
