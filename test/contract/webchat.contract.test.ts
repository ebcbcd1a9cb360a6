import type { WebChatMessage } from '../../src/channels/webchat/webchat-message';
import { startTestApp } from '../support/app';
import { collectEvents } from '../support/sse';
import { WebChatClient } from '../support/webchat-client';
import { describeChannelContract, registerAddress, type ChannelHarness, type SeenMessage } from './channel-contract';

const seen = (messages: WebChatMessage[]): SeenMessage[] => messages.map((m) => ({ text: m.text, choices: (m.choices ?? []).map((c) => c.label) }));

describeChannelContract('web chat', async (): Promise<ChannelHarness> => {
  const server = await startTestApp({ prefix: 'contract_webchat' });
  const client = new WebChatClient(server.url);
  const abort = new AbortController();
  let received: WebChatMessage[] = [];
  let last: WebChatMessage[] = [];
  const harness: ChannelHarness = {
    app: server.app,
    start: async () => {
      last = await client.open();
      registerAddress(harness, { channel: 'webchat', conversationId: client.conversationId, userId: client.conversationId });
      received = collectEvents<WebChatMessage>(`${client.baseUrl}/api/webchat/conversations/${client.conversationId}/events`, { authorization: `Bearer ${client.token}` }, abort.signal);
      return seen(last);
    },
    say: async (text, messageId) => seen((last = await client.send({ text, messageId }))),
    tap: async (index) => {
      const choice = last[last.length - 1]?.choices?.[index];
      if (!choice) throw new Error('no choice to tap');
      return seen((last = await client.choose(choice.id)));
    },
    redeliver: async (text, messageId) => {
      const { body } = await client.post({ text, messageId });
      expect(body.duplicate).toBe(true);
      return seen(body.messages ?? []);
    },
    proactive: async () => seen(received.splice(0)),
    close: async () => {
      abort.abort();
      await server.close();
    },
  };
  return harness;
});
