import { TurnContext, type Activity } from 'botbuilder';
import { AppError } from '../../../core/errors';
import type { ConversationAddress, OutgoingMessage } from '../../../core/messages';
import type { ChannelAdapter, ChannelCore } from '../../channel';
import { withMediaNote } from '../../media-note';
import type { ConversationReferenceStore } from '../conversation-references';
import type { ProactiveSender } from '../proactive-sender';
import { TEAMS_CHANNEL, toIncoming } from './to-incoming';
import { toTeamsActivity } from './to-teams';

/** What the resident channel needs: the core, where conversations can be reached, and the texts. */
export interface TeamsResidentOptions extends ChannelCore {
  references: ConversationReferenceStore;
  sender: ProactiveSender;
}

/**
 * Residents on Microsoft Teams (or the Bot Framework Emulator): each activity becomes one turn of
 * the core, and its replies go back in the same turn as text or Adaptive Cards.
 */
export class TeamsResidentChannel implements ChannelAdapter {
  readonly channel = TEAMS_CHANNEL;

  constructor(private readonly options: TeamsResidentOptions) {}

  /** The bot logic CloudAdapter runs for every authenticated activity. */
  readonly onTurn = async (context: TurnContext): Promise<void> => {
    const incoming = toIncoming(context.activity);
    if (!incoming) return;
    await this.options.references.save(incoming.address.conversationId, TurnContext.getConversationReference(context.activity), this.options.clock());
    const result = await this.options.turns.handle(incoming);
    // The Bot Connector retried a delivery that was answered already.
    if (result.duplicate) return;
    const replies = incoming.hasMedia ? withMediaNote(this.options.renderer, result.replies, this.options.defaultLanguage) : result.replies;
    if (replies.length > 0) await context.sendActivities(replies.map((reply) => this.render(reply)));
  };

  async sendProactive(address: ConversationAddress, messages: OutgoingMessage[]): Promise<void> {
    const outcome = await this.options.sender.send(address.conversationId, messages.map((message) => this.render(message)));
    if (outcome.status !== 'sent') throw new AppError('NOT_FOUND', `Teams conversation not reachable (${outcome.status})`);
  }

  private render(message: OutgoingMessage): Partial<Activity> {
    return toTeamsActivity(message, { choose: this.options.renderer.text(message.language, 'channel.list_button') });
  }
}
