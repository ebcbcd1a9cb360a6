import { randomUUID } from 'node:crypto';
import type { TextValues, Translator } from '../i18n/translator';
import { directionOf, type Language } from '../languages';
import type { Choice, Link, OutgoingMessage } from '../messages';

/** Supplies the values every text may use ({{digipunt_phone}} ...) in a given language. */
export type TextVariables = (language: Language) => TextValues;

/** Turns text keys into channel-neutral messages in one language; the only way the core produces text. */
export class MessageRenderer {
  constructor(
    private readonly translator: Translator,
    private readonly variables: TextVariables,
  ) {}

  /** One text in the given language, with the shared variables and the caller's values. */
  text(language: Language, key: string, values: TextValues = {}): string {
    return this.translator.t(language, key, { ...this.variables(language), ...values });
  }

  /** One message made of one or more texts, separated by a blank line. */
  message(language: Language, keys: string[], values: TextValues = {}, extra: { choices?: Choice[]; links?: Link[] } = {}): OutgoingMessage {
    const text = keys.map((key) => this.text(language, key, values)).join('\n\n');
    return { id: randomUUID(), text, language, direction: directionOf(language), ...extra };
  }

  /** A message from text already rendered (e.g. a reason plus a prompt). */
  raw(language: Language, text: string, choices?: Choice[]): OutgoingMessage {
    return { id: randomUUID(), text, language, direction: directionOf(language), ...(choices ? { choices } : {}) };
  }
}
