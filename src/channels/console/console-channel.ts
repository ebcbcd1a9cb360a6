import { randomUUID } from 'node:crypto';
import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { ConversationAddress, OutgoingMessage } from '../../core/messages';
import type { ChannelAdapter, TurnHandler } from '../channel';
import { toConsoleText } from './to-console';

/** The console's name on addresses, keys and metrics. */
export const CONSOLE_CHANNEL = 'console';

/** Streams and identity of a console session; tests pass in-memory streams. */
export interface ConsoleChannelOptions {
  input: Readable;
  output: Writable;
  turns: TurnHandler;
  /** One conversation per user name, so a restarted `npm run chat` continues where it stopped. */
  user: string;
}

/** Talks to the assistant in a terminal: each line is a message, replies are printed with numbered choices. */
export class ConsoleChannel implements ChannelAdapter {
  readonly channel = CONSOLE_CHANNEL;
  readonly address: ConversationAddress;
  private reader?: Interface;

  constructor(private readonly options: ConsoleChannelOptions) {
    this.address = { channel: CONSOLE_CHANNEL, conversationId: options.user, userId: options.user };
  }

  /** Opens the conversation and answers every line until the input ends. */
  async start(): Promise<void> {
    await this.receive(undefined, `open-${randomUUID()}`);
    this.reader = createInterface({ input: this.options.input, terminal: false });
    this.reader.on('line', (line) => void this.receive(line, randomUUID()));
  }

  async stop(): Promise<void> {
    this.reader?.close();
  }

  /** One inbound message; exposed so the contract suite can redeliver a message id. */
  async receive(text: string | undefined, messageId: string): Promise<void> {
    const result = await this.options.turns.handle({ address: this.address, messageId, text: text?.trim() || undefined, receivedAt: new Date() });
    if (!result.duplicate) this.print(result.replies);
  }

  async sendProactive(_address: ConversationAddress, messages: OutgoingMessage[]): Promise<void> {
    this.print(messages);
  }

  private print(messages: OutgoingMessage[]): void {
    for (const message of messages) this.options.output.write(`\n${toConsoleText(message)}\n`);
    this.options.output.write('\n> ');
  }
}
