import type { WebChatMessage } from '../../src/channels/webchat/webchat-message';

/** The body of a web chat message request, as a resident's browser sends it. */
export interface WebChatSend {
  text?: string;
  choice?: string;
  language?: string;
  messageId?: string;
}

/** A resident's browser, over real HTTP against the public web chat API. */
export class WebChatClient {
  conversationId = '';
  token = '';

  constructor(public baseUrl: string) {}

  async open(language?: string): Promise<WebChatMessage[]> {
    const response = await fetch(`${this.baseUrl}/api/webchat/conversations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(language ? { language } : {}),
    });
    if (response.status !== 201) throw new Error(`open failed: ${response.status} ${await response.text()}`);
    const body = (await response.json()) as { conversationId: string; token: string; messages: WebChatMessage[] };
    this.conversationId = body.conversationId;
    this.token = body.token;
    return body.messages;
  }

  /** Sends and returns the raw response, for tests of status codes and the duplicate flag. */
  async post(send: WebChatSend, token = this.token): Promise<{ status: number; body: { messages?: WebChatMessage[]; duplicate?: boolean; code?: string } }> {
    const response = await fetch(`${this.baseUrl}/api/webchat/conversations/${this.conversationId}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(send),
    });
    return { status: response.status, body: (await response.json()) as { messages?: WebChatMessage[]; duplicate?: boolean } };
  }

  async send(send: WebChatSend): Promise<WebChatMessage[]> {
    const { status, body } = await this.post(send);
    if (status !== 200 || !body.messages) throw new Error(`send failed: ${status} ${JSON.stringify(body)}`);
    return body.messages;
  }

  say(text: string, messageId?: string): Promise<WebChatMessage[]> {
    return this.send({ text, ...(messageId ? { messageId } : {}) });
  }

  choose(choice: string): Promise<WebChatMessage[]> {
    return this.send({ choice });
  }
}
