import type { ConversationAddress, IncomingMessage, OutgoingMessage } from '../core/messages';
import type { TurnResult } from '../core/turn/turn-runner';

/** The core as a channel sees it: hand over one inbound message, get that turn's replies. */
export interface TurnHandler {
  handle(incoming: IncomingMessage): Promise<TurnResult>;
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
