import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { ChildMessage, CommandResults, ServerCommand, ServerKind, ServerOptions } from './protocol';

const START_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 15_000;
const KEPT_LOG_LINES = 20;

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/**
 * The parent's handle on one server process: starts it, waits until it listens, asks it for
 * measurements over IPC, and keeps its log lines (warnings and errors are counted, never hidden).
 */
export class ServerProcess {
  url = '';
  /** pino warnings (level 40) the server logged. */
  warnings = 0;
  /** pino errors (level ≥ 50) and anything on stderr: a healthy run has none. */
  errors = 0;
  private readonly child: ChildProcess;
  private readonly pending = new Map<number, Pending>();
  private readonly lastLines: string[] = [];
  private nextId = 1;

  private constructor(readonly kind: ServerKind, options: ServerOptions) {
    // --expose-gc: the idle-memory figures are taken after forced garbage collection.
    this.child = fork(path.join(__dirname, 'server-main.js'), [kind, JSON.stringify(options)], { execArgv: ['--expose-gc'], stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    this.child.stdout?.setEncoding('utf8').on('data', (chunk: string) => this.keep(chunk, false));
    this.child.stderr?.setEncoding('utf8').on('data', (chunk: string) => this.keep(chunk, true));
  }

  /** Forks the server and resolves once it listens. */
  static async start(kind: ServerKind, options: ServerOptions): Promise<ServerProcess> {
    const server = new ServerProcess(kind, options);
    server.url = await server.ready();
    return server;
  }

  /** The OS process id, for reading its CPU time from outside. */
  get pid(): number {
    return this.child.pid ?? -1;
  }

  /** Asks the server process for one measurement. */
  request<C extends ServerCommand>(command: C): Promise<CommandResults[C]> {
    const id = this.nextId++;
    return new Promise<CommandResults[C]>((resolve, reject) => {
      this.pending.set(id, { resolve: (value) => resolve(value as CommandResults[C]), reject });
      this.child.send({ id, command });
    });
  }

  /** Stops the server and waits until its process is gone. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.send({ id: this.nextId++, command: 'stop' });
    const timer = setTimeout(() => this.child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  }

  /** The server's last log lines, for an error message. */
  tail(): string {
    return this.lastLines.join('\n');
  }

  private ready(): Promise<string> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.kind} did not start in time:\n${this.tail()}`)), START_TIMEOUT_MS);
      this.child.on('message', (message: ChildMessage) => {
        if (message.type === 'ready') {
          clearTimeout(timer);
          resolve(message.url);
        } else this.settle(message, reject);
      });
      this.child.once('exit', (code) => {
        clearTimeout(timer);
        const error = new Error(`${this.kind} server exited (code ${String(code)}):\n${this.tail()}`);
        reject(error);
        this.pending.forEach((p) => p.reject(error));
        this.pending.clear();
      });
    });
  }

  private settle(message: Exclude<ChildMessage, { type: 'ready' }>, failStart: (error: Error) => void): void {
    const pending = message.id === undefined ? undefined : this.pending.get(message.id);
    if (message.id !== undefined) this.pending.delete(message.id);
    if (message.type === 'reply') pending?.resolve(message.result);
    else if (pending) pending.reject(new Error(`${this.kind}: ${message.message}`));
    else failStart(new Error(`${this.kind} failed to start: ${message.message}`));
  }

  private keep(chunk: string, isStderr: boolean): void {
    for (const line of chunk.split('\n').filter((l) => l.trim() !== '')) {
      const level = /"level":(\d+)/.exec(line)?.[1];
      if (isStderr || Number(level) >= 50) this.errors += 1;
      else if (Number(level) === 40) this.warnings += 1;
      this.lastLines.push(line);
      if (this.lastLines.length > KEPT_LOG_LINES) this.lastLines.shift();
    }
  }
}
