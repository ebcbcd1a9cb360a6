import type { WebChatMessage } from '../../src/channels/webchat/webchat-message';
import { startTestApp } from '../support/app';
import { WebChatClient } from '../support/webchat-client';
import { describeChannelContract, registerAddress, type ChannelHarness, type SeenMessage } from './channel-contract';

const seen = (messages: WebChatMessage[]): SeenMessage[] => messages.map((m) => ({ text: m.text, choices: (m.choices ?? []).map((c) => c.label) }));

/** Reads the events stream over real HTTP and collects what arrives. */
async function listen(client: WebChatClient, received: WebChatMessage[], signal: AbortSignal): Promise<void> {
  const response = await fetch(`${client.baseUrl}/api/webchat/conversations/${client.conversationId}/events`, { headers: { authorization: `Bearer ${client.token}` }, signal });
  const reader = response.body?.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  void (async () => {
    try {
      for (;;) {
        const chunk = await reader?.read();
        if (!chunk || chunk.done) return;
        buffer += decoder.decode(chunk.value, { stream: true });
        const events = buffer.split('\n\n');
        buffer = events.pop() ?? '';
        for (const event of events) {
          const data = event.split('\n').find((line) => line.startsWith('data: '));
          if (data) received.push(JSON.parse(data.slice(6)) as WebChatMessage);
        }
      }
    } catch {
      // aborted at the end of the test
    }
  })();
}

describeChannelContract('web chat', async (): Promise<ChannelHarness> => {
  const server = await startTestApp({ prefix: 'contract_webchat' });
  const client = new WebChatClient(server.url);
  const abort = new AbortController();
  const received: WebChatMessage[] = [];
  let last: WebChatMessage[] = [];
  const harness: ChannelHarness = {
    app: server.app,
    start: async () => {
      last = await client.open();
      registerAddress(harness, { channel: 'webchat', conversationId: client.conversationId, userId: client.conversationId });
      await listen(client, received, abort.signal);
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
