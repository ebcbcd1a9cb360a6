/**
 * Command line for the local database server, behind `npm run db:build` and `npm run db:start`.
 *   build                          build FerretDB once (no-op when the binary exists)
 *   start [--data DIR] [--port N]  run it in the foreground until Ctrl-C
 */
import path from 'node:path';
import { ensureFerretDb, startLocalServer } from './local-server';

const USAGE = 'Usage: local-server-cli build | start [--data DIR] [--port N]';
const DEFAULT_DATA_DIR = path.join('data', 'ferretdb');
const DEFAULT_PORT = 27017;

/** Parsed `start` options. */
export interface StartArguments {
  dataDir: string;
  port: number;
}

/** Parses `start` flags; exported so the parsing is testable without spawning a server. */
export function parseStartArguments(args: readonly string[]): StartArguments {
  const result: StartArguments = { dataDir: DEFAULT_DATA_DIR, port: DEFAULT_PORT };
  for (let i = 0; i < args.length; i += 1) {
    const flag = args[i];
    const value = args[i + 1];
    if ((flag !== '--data' && flag !== '--port') || value === undefined) throw new Error(USAGE);
    if (flag === '--data') result.dataDir = value;
    else {
      const port = Number(value);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid port: ${value}`);
      result.port = port;
    }
    i += 1;
  }
  return result;
}

async function start(args: readonly string[]): Promise<void> {
  const { dataDir, port } = parseStartArguments(args);
  const log = (line: string): void => console.log(line);
  const server = await startLocalServer({ dataDir, port, log, echoServerOutput: true });
  console.log(`Local database server (FerretDB on SQLite in ${path.resolve(dataDir)}) listening.`);
  console.log(`MONGODB_URI=${server.uri}`);
  const shutdown = (): void => {
    console.log('Stopping the local database server...');
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

async function main(argv: readonly string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command === 'build') {
    const binary = await ensureFerretDb((line) => console.log(line));
    console.log(`FerretDB binary: ${binary}`);
  } else if (command === 'start') {
    await start(rest);
  } else {
    throw new Error(USAGE);
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
