/**
 * The part of whatsapp-web.js's `Client` this channel uses. The real client fits it (checked by the
 * compiler in create-client.ts and test/channels/whatsapp-web), and tests drive a fake with the same
 * EventEmitter surface, since WhatsApp Web cannot be reached from a test.
 */

/** The channel's name on addresses, keys and metrics. */
export const WHATSAPP_WEB_CHANNEL = 'whatsapp-web';

/** A WhatsApp message as the channel reads it (a subset of whatsapp-web.js's `Message`). */
export interface WaMessage {
  id: { _serialized: string };
  /** The sender's chat id: "32470123456@c.us", "…@lid" (number hidden), "…@g.us" (a group). */
  from: string;
  /** The text, or the caption of a photo. */
  body: string;
  fromMe: boolean;
  /** whatsapp-web.js's MessageTypes: 'chat' for text, 'image', 'ptt' (a voice note), 'revoked', … */
  type: string;
  hasMedia: boolean;
  isStatus: boolean;
  broadcast: boolean;
  /** Seconds since the epoch. */
  timestamp: number;
}

/** A chat as the channel reads it, to answer messages that came in while it was down. */
export interface WaChat {
  id: { _serialized: string };
  isGroup: boolean;
  unreadCount: number;
  fetchMessages(options: { limit: number }): Promise<WaMessage[]>;
  sendSeen(): Promise<boolean>;
}

/** The client surface: link events, messages, sending and the chat list. */
export interface WhatsAppWebClient {
  on(event: 'qr', listener: (qr: string) => void): this;
  on(event: 'ready', listener: () => void): this;
  on(event: 'message', listener: (message: WaMessage) => void): this;
  on(event: 'disconnected', listener: (reason: string) => void): this;
  initialize(): Promise<void>;
  destroy(): Promise<void>;
  sendMessage(chatId: string, content: string): Promise<unknown>;
  getChats(): Promise<WaChat[]>;
}
