import type { ConversationAddress, IncomingMessage, OutgoingMessage } from '../../core/messages';
import type { ChannelAdapter, ChannelCore } from '../channel';
import { withMediaNote } from '../media-note';
import { templatePayload, type CloudTemplates } from './cloud-templates';
import { GraphError, OUTSIDE_WINDOW_CODE, type GraphClient } from './graph-client';
import type { ServiceWindowStore } from './service-window';
import { toIncoming, WHATSAPP_CLOUD_CHANNEL } from './to-incoming';
import { toWhatsApp } from './to-whatsapp';

/** What the Cloud API channel needs from the composition root. */
export interface WhatsAppCloudChannelOptions extends ChannelCore {
  phoneNumberId: string;
  graph: GraphClient;
  windows: ServiceWindowStore;
  templates: CloudTemplates;
}

/** The Cloud API side of the channel port: webhook notifications in, Graph API messages out. */
export class WhatsAppCloudChannel implements ChannelAdapter {
  readonly channel = WHATSAPP_CLOUD_CHANNEL;

  constructor(private readonly options: WhatsAppCloudChannelOptions) {}

  /** Handles one verified webhook notification: its messages in order; status callbacks are only counted. */
  async handleNotification(body: unknown): Promise<void> {
    const { phoneNumberId, clock, logger } = this.options;
    const inbound = toIncoming(body, phoneNumberId, clock());
    if (inbound.skipped > 0 || inbound.statuses > 0) logger.debug({ statuses: inbound.statuses, skipped: inbound.skipped }, 'webhook items not answered');
    for (const incoming of inbound.messages) await this.handleMessage(incoming);
  }

  /** Inside the 24-hour window free text (buttons, lists); outside it the configured template, never free text. */
  async sendProactive(address: ConversationAddress, messages: OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const to = address.userId;
    if (await this.options.windows.isOpen(to, this.options.clock())) {
      try {
        await this.sendFree(to, messages);
        return;
      } catch (error) {
        // Our record said open but WhatsApp says closed (clocks differ at the edge): the template is the way.
        if (!(error instanceof GraphError && error.code === OUTSIDE_WINDOW_CODE)) throw error;
      }
    }
    await this.options.graph.send(to, templatePayload(this.options.templates, messages, this.options.defaultLanguage));
  }

  private async handleMessage(incoming: IncomingMessage): Promise<void> {
    const { windows, turns, renderer, defaultLanguage, logger } = this.options;
    await windows.touch(incoming.address.userId, incoming.receivedAt);
    const result = await turns.handle(incoming);
    // Meta retries a notification it thinks failed; the first delivery already answered.
    if (result.duplicate) return;
    const replies = incoming.hasMedia ? withMediaNote(renderer, result.replies, defaultLanguage) : result.replies;
    try {
      await this.sendFree(incoming.address.userId, replies);
    } catch (error) {
      logger.error({ error: error instanceof Error ? error.name : typeof error, code: error instanceof GraphError ? error.code : undefined }, 'whatsapp-cloud reply failed');
    }
  }

  private async sendFree(to: string, messages: OutgoingMessage[]): Promise<void> {
    for (const message of messages) {
      const listButton = this.options.renderer.text(message.language, 'channel.list_button');
      await this.options.graph.send(to, toWhatsApp(message, listButton));
    }
  }
}
