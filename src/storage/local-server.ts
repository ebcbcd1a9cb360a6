import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { ensureFerretDb } from './ferretdb-build';
import { tailLines } from './run-command';

export { ensureFerretDb, ferretDbBinaryPath, FERRETDB_VERSION } from './ferretdb-build';

/** A running local database server; `stop()` ends it and waits until it is gone. */
export interface LocalServer {
  uri: string;
  port: number;
  stop(): Promise<void>;
}

/** How to run the local server: where its SQLite files go, which port (0 or absent: any free one). */
export interface LocalServerOptions {
  dataDir: string;
  port?: number;
  log: (line: string) => void;
  /** Pass the server's own log lines to `log` too (the CLI wants them, tests do not). */
  echoServerOutput?: boolean;
  /** How long to wait for the port to accept connections. */
  readyTimeoutMs?: number;
}

const HOST = '127.0.0.1';
const STOP_GRACE_MS = 5000;

/** Starts FerretDB on SQLite, building the binary first when needed. */
export async function startLocalServer(options: LocalServerOptions): Promise<LocalServer> {
  const binary = await ensureFerretDb(options.log);
  return launchLocalServer(binary, options);
}

/** Asks the OS for a port nobody listens on, so parallel runs never collide. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** True when something accepts TCP connections on the port; used for readiness and after stop. */
export function portAcceptsConnections(port: number, host: string = HOST): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const finish = (open: boolean): void => {
      // end() rather than destroy(): a clean close keeps FerretDB from logging a warning per probe.
      if (open) socket.end();
      else socket.destroy();
      resolve(open);
    };
    socket.setTimeout(1000, () => finish(false));
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
  });
}

/** The FerretDB command line for one SQLite data directory and port. */
export function ferretDbArgs(dataDir: string, port: number): string[] {
  return [
    '--handler=sqlite',
    `--sqlite-url=file:${dataDir}/?_pragma=synchronous(normal)&_txlock=immediate`,
    `--listen-addr=${HOST}:${port}`,
    '--telemetry=disable',
    '--debug-addr=-',
    `--state-dir=${dataDir}`,
    '--log-level=WARN',
  ];
}

/**
 * Runs a given FerretDB binary (no build step), so tests can hand it a broken path. Resolves once
 * the port accepts connections; rejects with the server's last output when it does not.
 */
export async function launchLocalServer(binaryPath: string, options: LocalServerOptions): Promise<LocalServer> {
  const dataDir = path.resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true });
  const port = options.port ? options.port : await findFreePort();
  if (options.port && (await portAcceptsConnections(port))) {
    throw new Error(`Cannot start the local database server: port ${port} is already in use.`);
  }
  const child = spawn(binaryPath, ferretDbArgs(dataDir, port), { stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  let ready = false; // before that, the server's lines are about our readiness probes
  const collect = (chunk: string): void => {
    for (const line of chunk.split('\n').filter((l) => l.trim() !== '')) {
      output.push(line);
      if (output.length > 40) output.shift();
      if (ready && options.echoServerOutput) options.log(line);
    }
  };
  child.stdout.setEncoding('utf8').on('data', collect);
  child.stderr.setEncoding('utf8').on('data', collect);

  // 'close' (not 'exit') so the output of a server that dies at start is complete in the error.
  const state: { ended?: string } = {};
  const exited = new Promise<void>((resolve) => {
    child.once('error', (error) => {
      state.ended = `could not run ${binaryPath}: ${error.message}`;
      resolve();
    });
    child.once('close', (code, signal) => {
      state.ended ??= `it exited early (${signal ? `signal ${signal}` : `exit code ${String(code)}`})`;
      resolve();
    });
  });
  const killOnParentExit = (): void => {
    child.kill('SIGKILL');
  };
  process.on('exit', killOnParentExit);

  const describeFailure = (reason: string): Error =>
    new Error(
      `The local database server (${binaryPath}) did not start on port ${port}: ${reason}.\n` +
        `Last server output:\n${tailLines(output.join('\n')) || '(none)'}`,
    );

  const deadline = Date.now() + (options.readyTimeoutMs ?? 20000);
  for (;;) {
    if (state.ended !== undefined) {
      process.off('exit', killOnParentExit);
      throw describeFailure(state.ended);
    }
    if (await portAcceptsConnections(port)) break;
    if (Date.now() > deadline) {
      await stopChild(child, exited);
      process.off('exit', killOnParentExit);
      throw describeFailure(`no connection after ${options.readyTimeoutMs ?? 20000} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  ready = true;
  let stopping: Promise<void> | undefined;
  return {
    uri: `mongodb://${HOST}:${port}/`,
    port,
    stop: () => {
      stopping ??= stopChild(child, exited).finally(() => process.off('exit', killOnParentExit));
      return stopping;
    },
  };
}

/** SIGTERM, then SIGKILL after the grace period; resolves once the process is gone. */
async function stopChild(child: ReturnType<typeof spawn>, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(true), STOP_GRACE_MS);
  });
  const stillRunning = await Promise.race([exited.then(() => false), timedOut]);
  clearTimeout(timer);
  if (stillRunning) {
    child.kill('SIGKILL');
    await exited;
  }
}
