import type { ConversationAddress, OutgoingMessage } from '../../core/messages';
import type { ChannelAdapter, ChannelCore } from '../channel';
import { withMediaNote } from '../media-note';
import type { WhatsAppWebOutbox } from './outbox';
import { toIncoming } from './to-incoming';
import { toWhatsAppWebText } from './to-whatsapp-web';
import { WHATSAPP_WEB_CHANNEL, type WaMessage, type WhatsAppWebClient } from './whatsapp-web-client';

/** What the adapter needs: the core, the outbox, and the linked client when this process has one. */
export interface WhatsAppWebAdapterOptions extends ChannelCore {
  outbox: WhatsAppWebOutbox;
  /** The linked client while this process holds the phone; undefined otherwise. */
  readyClient: () => WhatsAppWebClient | undefined;
}

const OUTBOX_BATCH = 20;

/**
 * The WhatsApp Web channel: hands residents' messages to the core and sends the replies as numbered
 * text; proactive sends wait in the outbox until the process holding the phone delivers them.
 */
export class WhatsAppWebAdapter implements ChannelAdapter {
  readonly channel = WHATSAPP_WEB_CHANNEL;
  private draining?: Promise<void>;
  private requested = false;

  constructor(private readonly options: WhatsAppWebAdapterOptions) {}

  async sendProactive(address: ConversationAddress, messages: OutgoingMessage[]): Promise<void> {
    await this.options.outbox.append(address.conversationId, messages.map(toWhatsAppWebText), this.options.clock());
    void this.drain();
  }

  /** One inbound WhatsApp message: a turn of the core, then its replies (a photo first gets the media note). */
  async receive(client: WhatsAppWebClient, message: WaMessage): Promise<void> {
    const incoming = toIncoming(message);
    if (!incoming) return;
    const result = await this.options.turns.handle(incoming);
    // A repeat (read again from the unread chats) was answered the first time.
    if (result.duplicate) return;
    const replies = incoming.hasMedia ? withMediaNote(this.options.renderer, result.replies, this.options.defaultLanguage) : result.replies;
    for (const reply of replies) await client.sendMessage(incoming.address.conversationId, toWhatsAppWebText(reply));
  }

  /**
   * whatsapp-web.js emits no event for messages that arrived while the assistant was down: read the
   * unread one-to-one chats once linked and answer them in order (the core ignores repeats).
   */
  async answerUnread(client: WhatsAppWebClient): Promise<number> {
    let answered = 0;
    for (const chat of await client.getChats()) {
      if (chat.isGroup || chat.unreadCount <= 0) continue;
      const messages = await chat.fetchMessages({ limit: chat.unreadCount });
      for (const message of messages) {
        await this.receive(client, message);
        answered += 1;
      }
      await chat.sendSeen();
    }
    if (answered > 0) this.options.logger.info({ component: 'whatsapp-web', answered }, 'answered messages received while down');
    return answered;
  }

  /** Delivers waiting proactive messages, oldest first, when this process has the linked phone. */
  drain(): Promise<void> {
    this.requested = true;
    this.draining ??= this.drainLoop()
      .catch((error: unknown) => this.options.logger.error({ component: 'whatsapp-web', error: error instanceof Error ? error.name : typeof error }, 'outbox delivery failed'))
      .finally(() => (this.draining = undefined));
    return this.draining;
  }

  /** Runs again while sends arrive during a pass, so none waits for the next poll. */
  private async drainLoop(): Promise<void> {
    while (this.requested) {
      this.requested = false;
      for (;;) {
        const client = this.options.readyClient();
        if (!client) return;
        const entries = await this.options.outbox.oldest(OUTBOX_BATCH);
        if (entries.length === 0) break;
        for (const entry of entries) {
          for (const text of entry.texts) await client.sendMessage(entry.chatId, text);
          await this.options.outbox.remove(entry.id);
        }
      }
    }
  }
}
