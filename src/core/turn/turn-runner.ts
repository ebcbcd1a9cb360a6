import { errorCodeOf, type ErrorCode } from '../errors';
import type { MessageRenderer } from '../dialog/renderer';
import { isLanguage, type Language } from '../languages';
import type { Logger } from '../logger';
import type { IncomingMessage, OutgoingMessage } from '../messages';
import { compose, conversationKey, type Middleware, type TurnContext } from './context';
import { KeyedSerialQueue } from './keyed-queue';

/** What a channel gets back for one inbound message. */
export interface TurnResult {
  replies: OutgoingMessage[];
  /** True when the message was a repeat and no new turn ran. */
  duplicate: boolean;
  /** Set when the turn failed and the resident got an apology instead. */
  errorCode?: ErrorCode;
}

/** Sees every turn start and end: metrics, and tests that check order. */
export interface TurnObserver {
  turnStarted?(context: TurnContext): void;
  turnEnded?(context: TurnContext, outcome: { seconds: number; errorCode?: ErrorCode; duplicate: boolean }): void;
}

/** What the runner needs from the composition root. */
export interface TurnRunnerOptions {
  middleware: Middleware[];
  renderer: MessageRenderer;
  log: Logger;
  defaultLanguage: Language;
  observers?: TurnObserver[];
  clock?: () => Date;
}

const APOLOGY: Partial<Record<ErrorCode, string>> = { STORE_UNAVAILABLE: 'errors.try_again', LOCK_TIMEOUT: 'errors.try_again', STATE_CONFLICT: 'errors.try_again' };

/** The core's entry point: one turn at a time per conversation, and the one turn-error boundary. */
export class TurnRunner {
  private readonly queue = new KeyedSerialQueue();
  private readonly pipeline: (context: TurnContext) => Promise<void>;
  private readonly lastLanguage = new Map<string, Language>();

  constructor(private readonly options: TurnRunnerOptions) {
    this.pipeline = compose(options.middleware);
  }

  /** Queues the message behind earlier ones of the same conversation, in arrival order. */
  handle(incoming: IncomingMessage): Promise<TurnResult> {
    const key = conversationKey(incoming.address.channel, incoming.address.conversationId);
    return this.queue.run(key, () => this.turn(key, incoming));
  }

  /** Waits until every queued turn has finished, for a graceful shutdown. */
  drain(): Promise<void> {
    return this.queue.drain();
  }

  private async turn(key: string, incoming: IncomingMessage): Promise<TurnResult> {
    const now = this.options.clock?.() ?? new Date();
    const log = this.options.log.child({ channel: incoming.address.channel });
    const context: TurnContext = { incoming, key, now, log, isNew: false, replies: [], duplicate: false };
    const started = performance.now();
    this.options.observers?.forEach((o) => o.turnStarted?.(context));
    let errorCode: ErrorCode | undefined;
    try {
      await this.pipeline(context);
      if (context.state) this.rememberLanguage(key, context.state.language);
    } catch (error) {
      errorCode = errorCodeOf(error);
      log.error({ code: errorCode, error: error instanceof Error ? error.name : typeof error }, 'turn failed');
      log.debug({ code: errorCode, stack: error instanceof Error ? error.stack : undefined }, 'turn failure detail');
      context.replies = [this.apology(key, context, errorCode)];
    }
    const seconds = (performance.now() - started) / 1000;
    this.options.observers?.forEach((o) => o.turnEnded?.(context, { seconds, errorCode, duplicate: context.duplicate }));
    return { replies: context.replies, duplicate: context.duplicate, ...(errorCode ? { errorCode } : {}) };
  }

  /** Apologises in the resident's language, known even when the store is down. */
  private apology(key: string, context: TurnContext, code: ErrorCode): OutgoingMessage {
    const hint = context.incoming.languageHint;
    const language = context.state?.language ?? this.lastLanguage.get(key) ?? (isLanguage(hint) ? hint : this.options.defaultLanguage);
    return this.options.renderer.message(language, [APOLOGY[code] ?? 'errors.sorry']);
  }

  private rememberLanguage(key: string, language: Language): void {
    this.lastLanguage.delete(key);
    this.lastLanguage.set(key, language);
    if (this.lastLanguage.size > 10_000) this.lastLanguage.delete(this.lastLanguage.keys().next().value as string);
  }
}
