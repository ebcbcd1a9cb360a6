import type { ConversationAddress, OutgoingMessage } from '../../core/messages';
import type { ChannelAdapter } from '../channel';
import { toWebChatMessage } from './webchat-message';
import type { WebChatStore } from './webchat-store';

/** The web chat's name on addresses, keys and metrics. */
export const WEBCHAT_CHANNEL = 'webchat';

/** Proactive sends for the web chat: messages go to the outbox that the events stream delivers. */
export class WebChatAdapter implements ChannelAdapter {
  readonly channel = WEBCHAT_CHANNEL;

  constructor(private readonly store: WebChatStore, private readonly clock: () => Date = () => new Date()) {}

  async sendProactive(address: ConversationAddress, messages: OutgoingMessage[]): Promise<void> {
    await this.store.append(address.conversationId, messages.map(toWebChatMessage), this.clock());
  }
}
