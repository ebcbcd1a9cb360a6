/** Where the import writes its progress, and whether that is a terminal (then a bar redrawn in place). */
export interface ProgressOutput {
  isTTY: boolean;
  write(text: string): void;
}

const BAR_WIDTH = 30;

/**
 * Progress of a long import: on a terminal a bar redrawn on one line; in a log or a pipe (no TTY) a
 * plain line at each tenth, so CI logs stay readable.
 */
export function progressReporter(out: ProgressOutput, total: number): { update(done: number): void; finish(): void } {
  let lastTenth = -1;
  return {
    update(done) {
      if (out.isTTY) {
        const filled = total === 0 ? BAR_WIDTH : Math.round((done / total) * BAR_WIDTH);
        out.write(`\r[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${done}/${total}`);
        return;
      }
      const tenth = total === 0 ? 10 : Math.floor((done / total) * 10);
      if (tenth !== lastTenth) out.write(`Imported ${done} of ${total} rows\n`);
      lastTenth = tenth;
    },
    finish() {
      if (out.isTTY) out.write('\n');
    },
  };
}
