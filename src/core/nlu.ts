import type { IntentName } from './intents';
import type { Language } from './languages';

/** One scored intent, used for the best guess and for the clarifying question's alternatives. */
export interface IntentScore {
  intent: IntentName;
  score: number;
}

/** What the language identifier thinks a message is written in. */
export interface LanguageGuess {
  /** ISO 639-1 code, also for languages we do not support (e.g. 'de'); null when the text gives no clear evidence. */
  code: string | null;
  /** 0..1; the core switches language only on clear evidence. */
  score: number;
}

/** The understanding of one message: the port's answer. */
export interface Understanding {
  /** The language the intent was classified in (the detected one when clear and supported, else the conversation's). */
  language: Language;
  detected: LanguageGuess;
  intent: IntentName;
  score: number;
  /** The next most likely intents, best first, without `intent` itself. */
  alternatives: IntentScore[];
}

/** The NLU port: the core asks it, an offline engine answers in-process. */
export interface Nlu {
  understand(text: string, conversationLanguage: Language): Understanding;
}
