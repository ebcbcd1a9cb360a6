import { EventEmitter } from 'node:events';
import type { WaChat, WaMessage, WhatsAppWebClient } from '../../src/channels/whatsapp-web/whatsapp-web-client';

/** What the next `initialize()` does: start normally, never settle (a bad network), or fail. */
export type InitBehaviour = 'ok' | 'hang' | 'fail';

/** A message a resident received on their phone. */
export interface Delivered {
  chatId: string;
  text: string;
}

interface StoredMessage {
  message: WaMessage;
  read: boolean;
}

/**
 * WhatsApp's side, shared by every client the app creates (as the real servers outlive a browser):
 * whether the phone is linked, chats with read and unread messages, what residents received.
 * Messages a resident sends while no client is ready stay unread, and whatsapp-web.js emits no
 * event for them: the app has to read them with getChats().
 */
export class FakeWhatsAppNetwork {
  readonly clients: FakeWhatsAppWebClient[] = [];
  readonly delivered: Delivered[] = [];
  readonly chats = new Map<string, StoredMessage[]>();
  /** True once the phone scanned a QR code (a saved session); new clients then become ready at once. */
  linked = false;
  private readonly plan: InitBehaviour[] = [];
  private counter = 0;

  /** The factory the feature calls for each connection attempt. */
  readonly createClient = (): WhatsAppWebClient => {
    const client = new FakeWhatsAppWebClient(this, this.plan.shift() ?? 'ok');
    this.clients.push(client);
    return client;
  };

  /** Decides what the next client's `initialize()` does, in order. */
  planInitialize(...behaviours: InitBehaviour[]): void {
    this.plan.push(...behaviours);
  }

  /** The client that is linked and not destroyed, if any. */
  readyClient(): FakeWhatsAppWebClient | undefined {
    return this.clients.find((client) => client.state === 'ready');
  }

  /** The phone scans the QR code shown by the waiting client. */
  scan(): void {
    this.linked = true;
    this.clients.filter((client) => client.state === 'waiting_for_scan').forEach((client) => client.becomeReady());
  }

  /** A resident sends a message; a ready client gets the 'message' event, otherwise it stays unread. */
  residentSends(chatId: string, body: string, options: { id?: string; hasMedia?: boolean; type?: string } = {}): WaMessage {
    const message: WaMessage = {
      id: { _serialized: options.id ?? `false_${chatId}_${(this.counter += 1)}` },
      from: chatId, body, fromMe: false, type: options.type ?? (options.hasMedia ? 'image' : 'chat'), hasMedia: options.hasMedia ?? false, isStatus: false, broadcast: false,
      timestamp: Math.floor(Date.now() / 1000),
    };
    const client = this.readyClient();
    this.chatOf(chatId).push({ message, read: client !== undefined });
    client?.emit('message', message);
    return message;
  }

  /** Messages delivered to a resident since the last call, and forgets them. */
  takeDelivered(chatId: string): string[] {
    const mine = this.delivered.filter((d) => d.chatId === chatId);
    this.delivered.splice(0, this.delivered.length, ...this.delivered.filter((d) => d.chatId !== chatId));
    return mine.map((d) => d.text);
  }

  chatOf(chatId: string): StoredMessage[] {
    const chat = this.chats.get(chatId) ?? [];
    this.chats.set(chatId, chat);
    return chat;
  }
}

type ClientState = 'new' | 'initializing' | 'waiting_for_scan' | 'ready' | 'destroyed';

/** A whatsapp-web.js client without a browser: the same events and methods the channel uses. */
export class FakeWhatsAppWebClient extends EventEmitter implements WhatsAppWebClient {
  state: ClientState = 'new';
  readonly createdAt = Date.now();

  constructor(private readonly network: FakeWhatsAppNetwork, private readonly behaviour: InitBehaviour) {
    super();
  }

  initialize(): Promise<void> {
    this.state = 'initializing';
    if (this.behaviour === 'hang') return new Promise<void>(() => undefined);
    if (this.behaviour === 'fail') return Promise.reject(new Error('net::ERR_NAME_NOT_RESOLVED at https://web.whatsapp.com/'));
    // Like the real client: initialize() resolves once the page is injected; 'qr' or 'ready' follow.
    setImmediate(() => {
      if (this.state !== 'initializing') return;
      if (this.network.linked) this.becomeReady();
      else {
        this.state = 'waiting_for_scan';
        this.emit('qr', `2@fake-qr-${this.network.clients.indexOf(this)},key,secret`);
      }
    });
    return Promise.resolve();
  }

  becomeReady(): void {
    this.state = 'ready';
    this.emit('ready');
  }

  /** WhatsApp drops the session (the phone went offline, or it logged out: then a new QR is needed). */
  dropConnection(reason: 'NAVIGATION' | 'LOGOUT' | 'CONFLICT'): void {
    if (reason === 'LOGOUT') this.network.linked = false;
    this.state = 'destroyed';
    this.emit('disconnected', reason);
  }

  async destroy(): Promise<void> {
    this.state = 'destroyed';
  }

  async sendMessage(chatId: string, content: string): Promise<unknown> {
    if (this.state !== 'ready') throw new Error('client is not ready');
    this.network.delivered.push({ chatId, text: content });
    return { id: { _serialized: `true_${chatId}_${this.network.delivered.length}` } };
  }

  async getChats(): Promise<WaChat[]> {
    if (this.state !== 'ready') throw new Error('client is not ready');
    return [...this.network.chats.entries()].map(([chatId, messages]) => ({
      id: { _serialized: chatId },
      isGroup: chatId.endsWith('@g.us'),
      unreadCount: messages.filter((m) => !m.read).length,
      // Like WhatsApp: the last `limit` messages of the chat, oldest first.
      fetchMessages: async ({ limit }) => messages.slice(-limit).map((m) => m.message),
      sendSeen: async () => {
        messages.forEach((m) => (m.read = true));
        return true;
      },
    }));
  }
}
