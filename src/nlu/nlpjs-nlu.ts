import { isLanguage, type Language } from '../core/languages';
import type { IntentScore, LanguageGuess, Nlu, Understanding } from '../core/nlu';
import type { LanguageIdentifier } from './language-id';
import { isChoiceAnswer, normalizeText } from './normalize';

/** How many runner-up intents the core gets for a clarifying question. */
const ALTERNATIVES = 3;
/** The language guess score from which a supported detected language decides where we classify. */
const CLEAR_LANGUAGE = 0.9;

/** Anything that ranks the intents of a text in a given language (the nlp.js + n-gram ensemble). */
export interface IntentClassifier {
  classify(language: Language, text: string): IntentScore[];
}

/** Why: the offline engine behind the core's Nlu port (nlp.js intents + our language identification). */
export class NlpJsNlu implements Nlu {
  constructor(
    private readonly intents: IntentClassifier,
    private readonly languages: LanguageIdentifier,
  ) {}

  /** Why: the port's one question: what does this message mean, and in which language is it? */
  understand(text: string, conversationLanguage: Language): Understanding {
    const normalized = normalizeText(text);
    if (normalized === '' || isChoiceAnswer(normalized)) {
      return { language: conversationLanguage, detected: { code: null, score: 0 }, intent: 'none', score: 0, alternatives: [] };
    }
    const detected = this.languages.identify(text);
    const language = classificationLanguage(detected, conversationLanguage);
    const ranked = this.intents.classify(language, text);
    return { language, detected, ...pickWinner(ranked) };
  }
}

/** The detected language when it is clear and supported, else the conversation's. */
function classificationLanguage(detected: LanguageGuess, conversationLanguage: Language): Language {
  return isLanguage(detected.code) && detected.score >= CLEAR_LANGUAGE ? detected.code : conversationLanguage;
}

/** Best intent plus the next ones, best first; no evidence at all is intent none with score 0. */
function pickWinner(ranked: readonly IntentScore[]): Pick<Understanding, 'intent' | 'score' | 'alternatives'> {
  const [winner, ...rest] = ranked;
  if (winner === undefined) return { intent: 'none', score: 0, alternatives: [] };
  return { intent: winner.intent, score: winner.score, alternatives: rest.slice(0, ALTERNATIVES) };
}
