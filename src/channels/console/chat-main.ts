import os from 'node:os';
import pino from 'pino';
import { loadConfig } from '../../config';
import { createApp } from '../../main';
import { resolveDatabase } from '../../storage/resolve-database';
import { ConsoleChannel } from './console-channel';

/** `npm run chat`: the same app as `npm start`, talking in this terminal instead of over HTTP. */
async function chat(): Promise<void> {
  const config = loadConfig();
  const database = await resolveDatabase(config, (line) => console.log(line));
  const app = await createApp(config, database.uri, { logger: pino({ level: 'warn' }, pino.destination(2)) });
  const channel = new ConsoleChannel({ input: process.stdin, output: process.stdout, turns: app.turns, user: `console-${os.userInfo().username}` });
  app.channels.add(channel);
  console.log('Talk to the assistant. Type a number to choose. Ctrl+D or Ctrl+C stops.');
  await channel.start();
  const stop = async (): Promise<void> => {
    await channel.stop();
    await app.close();
    await database.stop();
    process.exit(0);
  };
  process.stdin.once('end', () => void stop());
  process.once('SIGINT', () => void stop());
}

chat().catch((error: unknown) => {
  console.error(`The chat could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
