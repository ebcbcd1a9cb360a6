import type { Logger } from '../logger';
import type { LeaseStore } from '../ports';
import { errorCodeOf } from '../errors';

/** A periodic job (reminders, purge, re-alerts); `run` must be idempotent per item (claim each atomically). */
export interface Job {
  name: string;
  intervalMs: number;
  run(now: Date): Promise<void>;
}

/** What the scheduler needs: leases to elect one runner per tick across processes, a clock and a logger. */
export interface JobSchedulerOptions {
  leases: LeaseStore;
  owner: string;
  clock: () => Date;
  log: Logger;
}

/**
 * Runs jobs on their interval. Each tick takes the job's lease in MongoDB first, so however many
 * processes run, one of them runs the job for that tick; the items a job touches are still claimed
 * one by one (e.g. `reminderSentAt` set by findOneAndUpdate), so even a lost lease sends nothing twice.
 */
export class JobScheduler {
  private readonly jobs = new Map<string, Job>();
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly options: JobSchedulerOptions) {}

  add(job: Job): this {
    if (this.jobs.has(job.name)) throw new Error(`job "${job.name}" is added twice`);
    this.jobs.set(job.name, job);
    return this;
  }

  names(): string[] {
    return [...this.jobs.keys()];
  }

  /** Runs one job now if this process gets its lease; returns whether it ran. Tests call it with an injected clock. */
  async runOnce(name: string, now: Date = this.options.clock()): Promise<boolean> {
    const job = this.jobs.get(name);
    if (!job) throw new Error(`no job "${name}"`);
    const key = `job:${name}`;
    if (!(await this.options.leases.acquire(key, this.options.owner, job.intervalMs, now))) return false;
    try {
      await job.run(now);
      return true;
    } catch (error) {
      this.options.log.error({ job: name, code: errorCodeOf(error), error: error instanceof Error ? error.name : 'unknown' }, 'job failed');
      return false;
    }
  }

  start(): void {
    for (const job of this.jobs.values()) {
      const timer = setInterval(() => {
        const run = this.runOnce(job.name).then(() => undefined, () => undefined);
        this.running.add(run);
        void run.finally(() => this.running.delete(run));
      }, job.intervalMs);
      timer.unref();
      this.timers.push(timer);
    }
  }

  async stop(): Promise<void> {
    this.timers.splice(0).forEach((timer) => clearInterval(timer));
    await Promise.all([...this.running]);
  }
}
