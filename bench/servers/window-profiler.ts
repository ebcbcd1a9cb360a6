import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import path from 'node:path';

/**
 * V8's CPU profiler (what node --cpu-prof uses) started and stopped around one measured window, so
 * the profile shows the turns under load and not the NLU training at start-up.
 */
export class WindowProfiler {
  private readonly session = new Session();
  private count = 0;

  constructor(private readonly dir: string) {
    this.session.connect();
  }

  /** Starts sampling (every 200 µs, finer than --cpu-prof's default 1 ms: turns are short). */
  async start(): Promise<null> {
    await this.post('Profiler.enable');
    await this.post('Profiler.setSamplingInterval', { interval: 200 });
    await this.post('Profiler.start');
    return null;
  }

  /** Stops sampling and writes the .cpuprofile file (Chrome DevTools opens it); returns its path. */
  async stop(): Promise<{ file: string }> {
    const result = (await this.post('Profiler.stop')) as { profile: unknown };
    this.count += 1;
    const file = path.join(this.dir, `assistant-${this.count}.cpuprofile`);
    writeFileSync(file, JSON.stringify(result.profile));
    return { file };
  }

  private post(method: string, params?: object): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.session.post(method, params, (error, result) => (error ? reject(error) : resolve(result)));
    });
  }
}
