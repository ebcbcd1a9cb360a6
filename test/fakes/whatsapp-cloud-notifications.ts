/** Builders of the webhook notifications Meta posts for a WhatsApp Business number (Cloud API). */

type CloudMessage = Record<string, unknown> & { from: string; id: string; type: string };

const timestamp = (): string => String(Math.floor(Date.now() / 1000));

/** Wraps messages and status callbacks into one notification for a business number. */
export function notification(phoneNumberId: string, items: { messages?: CloudMessage[]; statuses?: object[]; name?: string }): object {
  const from = items.messages?.[0]?.from;
  const value = {
    messaging_product: 'whatsapp',
    metadata: { display_phone_number: '3253000000', phone_number_id: phoneNumberId },
    ...(items.messages ? { contacts: [{ profile: { name: items.name ?? 'Resident' }, wa_id: from }], messages: items.messages } : {}),
    ...(items.statuses ? { statuses: items.statuses } : {}),
  };
  return { object: 'whatsapp_business_account', entry: [{ id: 'WABA-1', changes: [{ field: 'messages', value }] }] };
}

/** A text message from a resident. */
export function textMessage(from: string, id: string, body: string): CloudMessage {
  return { from, id, timestamp: timestamp(), type: 'text', text: { body } };
}

/** The resident tapped a reply button or picked a list row. */
export function interactiveReply(from: string, id: string, kind: 'button' | 'list', choice: { id: string; title: string }): CloudMessage {
  const reply = kind === 'button' ? { type: 'button_reply', button_reply: choice } : { type: 'list_reply', list_reply: choice };
  return { from, id, timestamp: timestamp(), type: 'interactive', interactive: reply };
}

/** A photo, as WhatsApp reports it (the media itself stays at Meta until downloaded, which we never do). */
export function imageMessage(from: string, id: string, caption?: string): CloudMessage {
  return { from, id, timestamp: timestamp(), type: 'image', image: { id: 'media-1', mime_type: 'image/jpeg', sha256: 'x', ...(caption ? { caption } : {}) } };
}

/** The quick-reply button of a template message. */
export function templateButton(from: string, id: string): CloudMessage {
  return { from, id, timestamp: timestamp(), type: 'button', button: { payload: 'reply', text: 'Antwoorden' } };
}

/** A delivery status callback ("sent", "delivered", "read") of a message the app sent. */
export function status(recipient: string, id: string, state: 'sent' | 'delivered' | 'read'): object {
  return { id, status: state, timestamp: timestamp(), recipient_id: recipient };
}
