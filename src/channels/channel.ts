import type { MessageRenderer } from '../core/dialog/renderer';
import type { Language } from '../core/languages';
import type { Logger } from '../core/logger';
import type { ConversationAddress, IncomingMessage, OutgoingMessage } from '../core/messages';
import type { TurnResult } from '../core/turn/turn-runner';
import type { FeatureDeps } from '../features';

/** The core as a channel sees it: hand over one inbound message, get that turn's replies. */
export interface TurnHandler {
  handle(incoming: IncomingMessage): Promise<TurnResult>;
}

/** What every resident channel takes from the core: where turns go, how its own notices are worded, a logger and the clock. */
export interface ChannelCore {
  turns: TurnHandler;
  renderer: MessageRenderer;
  /** The language of a notice before the resident's language is known. */
  defaultLanguage: Language;
  logger: Logger;
  clock: () => Date;
}

/** The core parts of a channel from the features' dependencies, with the channel's own logger. */
export function channelCore(deps: Pick<FeatureDeps, 'turns' | 'renderer' | 'config' | 'clock'>, logger: Logger): ChannelCore {
  return { turns: deps.turns, renderer: deps.renderer, defaultLanguage: deps.config.DEFAULT_LANGUAGE, logger, clock: deps.clock };
}

/** A TurnHandler handed to channels before the core exists; the composition root binds it once built. */
export class LateTurnHandler implements TurnHandler {
  private target?: TurnHandler;

  bind(target: TurnHandler): void {
    this.target = target;
  }

  handle(incoming: IncomingMessage): Promise<TurnResult> {
    if (!this.target) return Promise.reject(new Error('the core is not started yet'));
    return this.target.handle(incoming);
  }
}

/**
 * The channel port: every channel folder implements it and passes the channel contract suite.
 * Inbound messages reach the core through a TurnHandler the adapter is given; this interface is the
 * outbound side that the rest of the app (staff replies, reminders) uses.
 */
export interface ChannelAdapter {
  readonly channel: string;
  /** Sends messages outside a turn, on the resident's own channel. */
  sendProactive(address: ConversationAddress, messages: OutgoingMessage[]): Promise<void>;
  start?(): Promise<void>;
  stop?(): Promise<void>;
}

/** Finds the adapter of a conversation's channel, so domain code can send without knowing channels. */
export class ChannelRegistry {
  private readonly adapters = new Map<string, ChannelAdapter>();

  add(adapter: ChannelAdapter): this {
    this.adapters.set(adapter.channel, adapter);
    return this;
  }

  /** Sends proactively on the address's channel; throws when that channel is not running here. */
  async send(address: ConversationAddress, messages: OutgoingMessage[]): Promise<void> {
    const adapter = this.adapters.get(address.channel);
    if (!adapter) throw new Error(`channel "${address.channel}" is not enabled`);
    await adapter.sendProactive(address, messages);
  }

  all(): ChannelAdapter[] {
    return [...this.adapters.values()];
  }
}
