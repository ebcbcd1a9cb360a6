/**
 * One progress line while the benchmark runs: rewritten in place on a terminal, and printed at most
 * every few seconds into a log file or CI output (where carriage returns would pile up).
 */
export class Progress {
  private lastPrinted = 0;
  private readonly tty = process.stdout.isTTY === true;

  constructor(private readonly everyMsWithoutTty = 5000) {}

  /** Shows the current state; cheap enough to call several times a second. */
  update(line: string): void {
    if (this.tty) {
      process.stdout.write(`\r\x1b[K${line}`);
      return;
    }
    const now = Date.now();
    if (now - this.lastPrinted < this.everyMsWithoutTty) return;
    this.lastPrinted = now;
    process.stdout.write(`${line}\n`);
  }

  /** Replaces the progress line with a permanent one. */
  done(line: string): void {
    if (this.tty) process.stdout.write('\r\x1b[K');
    process.stdout.write(`${line}\n`);
    this.lastPrinted = 0;
  }
}
