import type { IncomingMessage } from '../../core/messages';
import { cloudChangeValueSchema, cloudMessageSchema, cloudNotificationSchema, type CloudMessage } from './webhook-payload';

/** The Cloud API channel's name on addresses, keys and metrics. */
export const WHATSAPP_CLOUD_CHANNEL = 'whatsapp-cloud';

/** What one webhook notification holds for the core, and what it skipped (counted for the logs). */
export interface CloudInbound {
  messages: IncomingMessage[];
  statuses: number;
  skipped: number;
}

// A reaction (an emoji on an earlier message) or a system notice is not something to answer.
const IGNORED_TYPES = new Set(['reaction', 'system', 'ephemeral', 'request_welcome']);

/** Translates a webhook notification for our number into the core's terms; other numbers' changes are skipped. */
export function toIncoming(body: unknown, phoneNumberId: string, receivedAt: Date): CloudInbound {
  const inbound: CloudInbound = { messages: [], statuses: 0, skipped: 0 };
  const notification = cloudNotificationSchema.safeParse(body);
  if (!notification.success || notification.data.object !== 'whatsapp_business_account') return { ...inbound, skipped: 1 };
  for (const change of notification.data.entry.flatMap((e) => e.changes)) {
    const value = cloudChangeValueSchema.safeParse(change.value);
    if (change.field !== 'messages' || !value.success || value.data.metadata.phone_number_id !== phoneNumberId) {
      inbound.skipped += 1;
      continue;
    }
    inbound.statuses += value.data.statuses?.length ?? 0;
    for (const raw of value.data.messages ?? []) {
      const message = cloudMessageSchema.safeParse(raw);
      const incoming = message.success ? fromMessage(message.data, receivedAt) : undefined;
      if (incoming) inbound.messages.push(incoming);
      else inbound.skipped += 1;
    }
  }
  return inbound;
}

function fromMessage(message: CloudMessage, receivedAt: Date): IncomingMessage | undefined {
  if (IGNORED_TYPES.has(message.type)) return undefined;
  const base: IncomingMessage = {
    address: { channel: WHATSAPP_CLOUD_CHANNEL, conversationId: message.from, userId: message.from },
    messageId: message.id,
    // The WhatsApp id is the number in international form without "+": offered to pre-fill the phone question.
    contact: { phone: `+${message.from}` },
    receivedAt,
  };
  if (message.type === 'text' && message.text) return { ...base, text: message.text.body };
  if (message.type === 'interactive') {
    const reply = message.interactive?.button_reply ?? message.interactive?.list_reply;
    return reply ? { ...base, choiceId: reply.id } : undefined;
  }
  // The quick-reply button of a template (sent outside the 24-hour window): the resident is back, ask again.
  if (message.type === 'button') return base;
  const caption = message.image?.caption ?? message.document?.caption ?? message.video?.caption;
  return { ...base, hasMedia: true, ...(caption ? { text: caption } : {}) };
}
