import type { ChannelRegistry } from '../../channels/channel';
import type { MessageRenderer } from '../../core/dialog/renderer';
import type { TextValues } from '../../core/i18n/translator';
import type { Language } from '../../core/languages';
import type { Logger } from '../../core/logger';
import type { ConversationAddress } from '../../core/messages';

/** Whom to tell: the channel and language stored on the application or loan when it was made. */
export interface Recipient {
  address: ConversationAddress;
  language: Language;
}

/**
 * Tells a resident something outside a conversation turn (a decision, a reminder), on the channel
 * they used and in their language, through the channel port. A channel that is down or not enabled
 * is logged and reported as "not sent": a decision must never fail because a message could not go out.
 */
export class ResidentNotifier {
  constructor(
    private readonly channels: ChannelRegistry,
    private readonly renderer: MessageRenderer,
    private readonly logger: Logger,
  ) {}

  /** Sends one message made of the given texts; true when the channel took it. */
  async tell(to: Recipient, keys: string[], values: TextValues = {}): Promise<boolean> {
    try {
      await this.channels.send(to.address, [this.renderer.message(to.language, keys, values)]);
      return true;
    } catch (error) {
      this.logger.warn({ component: 'loans', channel: to.address.channel, error: error instanceof Error ? error.name : 'unknown' }, 'resident message not sent');
      return false;
    }
  }
}
