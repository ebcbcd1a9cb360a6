import { z } from 'zod';
import { INTENTS } from './intents';
import { LANGUAGES } from './languages';

/** Bumped whenever the shape changes; `parseState` migrates older shapes. */
export const STATE_VERSION = 2;

const answer = z.union([z.string(), z.number(), z.boolean(), z.null()]);

const frameSchema = z.object({
  flow: z.string(),
  step: z.string(),
  answers: z.record(answer),
  failures: z.number().int().nonnegative(),
  /** Choices computed at run time, as shown, so the answer is checked against what the resident saw. */
  offered: z.array(z.object({ id: z.string(), label: z.string() })).optional(),
});

const stateSchema = z.object({
  version: z.literal(STATE_VERSION),
  language: z.enum(LANGUAGES),
  greeted: z.boolean(),
  stack: z.array(frameSchema).max(20),
  /** Languages in which the "this is a translation" note was already shown. */
  translationNoticeShown: z.array(z.enum(LANGUAGES)),
  /** Count of turns, for transcripts and ordering checks. */
  turns: z.number().int().nonnegative(),
  /** A language switch the assistant proposed and awaits a yes/no for. */
  proposedLanguage: z.enum(LANGUAGES).nullable(),
  /** Consecutive messages the assistant did not understand, for clarify-then-offer-a-person. */
  misunderstood: z.number().int().nonnegative(),
  /** The topics a clarifying question offered, while it waits for the answer (v2). */
  clarify: z.array(z.enum(INTENTS)).nullable(),
  /** Languages the resident said no to when the assistant proposed switching (v2). */
  declinedLanguages: z.array(z.enum(LANGUAGES)),
});

/** One answer saved by a question step. */
export type Answer = z.infer<typeof answer>;
/** One active flow with its current step and collected answers. */
export type FlowFrame = z.infer<typeof frameSchema>;
/** The typed conversation state stored per conversation. */
export type ConversationState = z.infer<typeof stateSchema>;

/** A fresh state for a conversation the assistant has never seen. */
export function newState(language: ConversationState['language']): ConversationState {
  return { version: STATE_VERSION, language, greeted: false, stack: [], translationNoticeShown: [], turns: 0, proposedLanguage: null, misunderstood: 0, clarify: null, declinedLanguages: [] };
}

/** A function that lifts stored state from one version to the next. */
export type StateMigration = (raw: Record<string, unknown>) => Record<string, unknown>;

/** Older shapes and how to lift them to the next one; add an entry when STATE_VERSION grows. */
export const STATE_MIGRATIONS: Readonly<Record<number, StateMigration>> = {
  1: (raw) => ({ ...raw, version: 2, clarify: null, declinedLanguages: [] }),
};

/** The outcome of reading stored state: the state, and whether it had to be reset. */
export type ParsedState = { state: ConversationState; reset: boolean };

/** Parses stored state, migrating old versions; unreadable state is reset rather than crashing the turn. */
export function parseState(raw: unknown, fallbackLanguage: ConversationState['language'], migrations = STATE_MIGRATIONS): ParsedState {
  let value = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : null;
  for (let migrate = value ? migrations[Number(value.version)] : undefined; value && migrate; migrate = migrations[Number(value.version)]) {
    value = migrate(value);
  }
  const parsed = stateSchema.safeParse(value);
  if (parsed.success) return { state: parsed.data, reset: false };
  const language = LANGUAGES.find((l) => l === value?.language) ?? fallbackLanguage;
  return { state: { ...newState(language), greeted: true }, reset: true };
}
