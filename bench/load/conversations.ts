import { randomUUID } from 'node:crypto';
import type { JsonReply } from './http-client';
import type { DialogScript, ResidentMessage } from './scripts';

/** One timed request of a conversation; the driver measures it and throws once the scenario is over. */
export type Turn = (path: string, body: unknown, headers?: Record<string, string>) => Promise<JsonReply>;

/** How a simulated resident holds one complete conversation with one of the servers. */
export type Conversation = (turn: Turn) => Promise<void>;

/** A reply that is not what the script expects: the conversation counts as failed. */
export class ConversationError extends Error {}

interface WebChatReply {
  conversationId?: string;
  token?: string;
  messages?: Array<{ choices?: Array<{ id: string }> }>;
}

function expectStatus(reply: JsonReply, status: number, where: string): void {
  if (reply.status !== status) throw new ConversationError(`${where}: HTTP ${reply.status} ${JSON.stringify(reply.body).slice(0, 200)}`);
}

function checkChoices(reply: JsonReply, expected: string[], where: string, someOf = false): void {
  const messages = (reply.body as WebChatReply).messages ?? [];
  const withChoices = messages.filter((m) => m.choices?.length);
  const shown = withChoices[withChoices.length - 1]?.choices?.map((c) => c.id) ?? [];
  const ok = someOf ? expected.every((id) => shown.includes(id)) : shown.join(',') === expected.join(',');
  if (!ok) throw new ConversationError(`${where}: buttons [${shown.join(', ')}], expected ${someOf ? 'among them ' : ''}[${expected.join(', ')}]`);
}

/** The assistant through the public web chat API, checking the buttons after every turn. */
export function webChatConversation(script: DialogScript): Conversation {
  return async (turn) => {
    const opened = await turn('/api/webchat/conversations', {});
    expectStatus(opened, 201, 'open');
    checkChoices(opened, script.openChoices, 'open');
    const { conversationId, token } = opened.body as WebChatReply;
    const headers = { authorization: `Bearer ${token ?? ''}` };
    for (const [i, step] of script.turns.entries()) {
      const where = `turn ${i + 1} ${JSON.stringify(step.send)}`;
      const reply = await turn(`/api/webchat/conversations/${conversationId ?? ''}/messages`, step.send, headers);
      expectStatus(reply, 200, where);
      checkChoices(reply, step.expectChoices, where, step.someOf);
    }
  };
}

/** Baseline A: the same number of requests with the same bodies, each echoed back unchanged. */
export function echoConversation(script: DialogScript): Conversation {
  return async (turn) => {
    const id = randomUUID();
    const bodies: Array<ResidentMessage & { conversation: string }> = [{ conversation: id }, ...script.turns.map((t) => ({ conversation: id, ...t.send }))];
    for (const body of bodies) {
      const reply = await turn('/echo', body);
      expectStatus(reply, 200, 'echo');
      if ((reply.body as { conversation?: string }).conversation !== id) throw new ConversationError('echo: a different body came back');
    }
  };
}

/**
 * Baseline B: the same conversation as Bot Framework activities on /api/messages: a
 * conversationUpdate to open it, then one message activity per turn (a button press is its id as
 * text). The bot's replies go to `serviceUrl`, the local fake Bot Connector.
 */
export function botConversation(script: DialogScript, serviceUrl: string): Conversation {
  return async (turn) => {
    const conversation = { id: randomUUID() };
    const base = { channelId: 'webchat', serviceUrl, conversation, from: { id: `user-${conversation.id}` }, recipient: { id: 'bot' } };
    const opened = await turn('/api/messages', { ...base, type: 'conversationUpdate', id: randomUUID(), membersAdded: [base.from] });
    expectStatus(opened, 200, 'conversationUpdate');
    for (const step of script.turns) {
      const text = step.send.text ?? step.send.choice ?? '';
      const reply = await turn('/api/messages', { ...base, type: 'message', id: randomUUID(), text, timestamp: new Date().toISOString() });
      expectStatus(reply, 200, 'message');
    }
  };
}
