/**
 * Entry point of one server process of the benchmark (forked by bench/servers/server-process.ts):
 * starts the server of the kind in argv[2], reports its address, and answers the parent's
 * measurement commands over IPC (peak RSS and CPU of a window, memory after GC, micro-benchmarks).
 */
import { startAssistant } from './assistant-server';
import { startEchoBot } from './echo-bot';
import { startEchoServer } from './echo-server';
import type { BenchServer, ChildMessage, CommandMessage, CommandResults, MemorySnapshot, ProcessSample, ServerKind, ServerOptions } from './protocol';

const RSS_SAMPLE_MS = 100; // reading RSS costs ~0.4 ms here: every 20 ms it showed up in the profile

function send(message: ChildMessage): void {
  process.send?.(message);
}

function start(kind: ServerKind, options: ServerOptions): Promise<BenchServer> {
  if (kind === 'assistant') return startAssistant(options);
  if (kind === 'echo-bot') return startEchoBot();
  return startEchoServer();
}

/** Peak RSS and CPU between sample-start and sample-stop; RSS is sampled, CPU is exact. */
class WindowSampler {
  private peak = 0;
  private cpuStart = process.cpuUsage();
  private readonly timer = setInterval(() => this.sample(), RSS_SAMPLE_MS).unref();

  begin(): null {
    this.peak = process.memoryUsage.rss();
    this.cpuStart = process.cpuUsage();
    return null;
  }

  end(): ProcessSample {
    this.sample();
    const cpu = process.cpuUsage(this.cpuStart);
    return { peakRssBytes: this.peak, cpuMs: (cpu.user + cpu.system) / 1000 };
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private sample(): void {
    this.peak = Math.max(this.peak, process.memoryUsage.rss());
  }
}

function memoryAfterGc(): MemorySnapshot {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run the server with --expose-gc');
  gc();
  gc();
  const usage = process.memoryUsage();
  return { heapUsedBytes: usage.heapUsed, rssBytes: usage.rss, externalBytes: usage.external };
}

async function main(): Promise<void> {
  const kind = process.argv[2] as ServerKind;
  const options = JSON.parse(process.argv[3] ?? '{}') as ServerOptions;
  const server = await start(kind, options);
  const sampler = new WindowSampler();
  const answer = async (command: CommandMessage['command']): Promise<unknown> => {
    if (command === 'sample-start') return sampler.begin();
    if (command === 'sample-stop') return sampler.end();
    if (command === 'memory') return memoryAfterGc();
    if (command === 'stop') {
      sampler.stop();
      await server.close();
      setImmediate(() => process.exit(0));
      return null;
    }
    const extra = server.commands?.[command] as (() => Promise<CommandResults[typeof command]>) | undefined;
    if (!extra) throw new Error(`${kind} does not answer ${command}`);
    return extra();
  };
  process.on('message', (message: CommandMessage) => {
    answer(message.command).then(
      (result) => send({ type: 'reply', id: message.id, result }),
      (error: unknown) => send({ type: 'failed', id: message.id, message: error instanceof Error ? error.message : String(error) }),
    );
  });
  process.on('disconnect', () => process.exit(0));
  send({ type: 'ready', url: server.url });
}

main().catch((error: unknown) => {
  send({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
});
