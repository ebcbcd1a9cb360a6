import { PassThrough } from 'node:stream';
import { ConsoleChannel } from '../../src/channels/console/console-channel';
import { startTestApp } from '../support/app';
import { describeChannelContract, registerAddress, type ChannelHarness, type SeenMessage } from './channel-contract';

/** Parses what the console printed back into messages: text lines, then "  n. label" choice lines. */
function parse(printed: string): SeenMessage[] {
  return printed
    .split('\n> ')
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block) => {
      const lines = block.split('\n');
      const choices = lines.filter((l) => /^ {2}\d+\. /.test(l)).map((l) => l.replace(/^ {2}\d+\. /, ''));
      return { text: lines.filter((l) => !/^ {2}\d+\. /.test(l)).join('\n'), choices };
    });
}

describeChannelContract('console', async (): Promise<ChannelHarness> => {
  const server = await startTestApp({ prefix: 'contract_console' });
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
  const channel = new ConsoleChannel({ input: new PassThrough(), output, turns: server.app.turns, user: 'contract-tester' });
  server.app.channels.add(channel);
  let lastSeen: SeenMessage[] = [];
  const take = (): SeenMessage[] => {
    const result = parse(printed);
    printed = '';
    return result;
  };
  const harness: ChannelHarness = {
    app: server.app,
    start: async () => {
      registerAddress(harness, channel.address);
      await channel.start();
      return (lastSeen = take());
    },
    say: async (text, messageId) => {
      await channel.receive(text, messageId);
      return (lastSeen = take());
    },
    // A terminal has no buttons: "tapping" a choice is typing its label.
    tap: async (index) => {
      const label = lastSeen[lastSeen.length - 1]?.choices[index];
      if (!label) throw new Error('no choice to tap');
      await channel.receive(label, `tap-${index}-${Date.now()}`);
      return (lastSeen = take());
    },
    redeliver: async (text, messageId) => {
      await channel.receive(text, messageId);
      return take();
    },
    proactive: async () => take(),
    close: async () => {
      await channel.stop();
      await server.close();
    },
  };
  return harness;
});
